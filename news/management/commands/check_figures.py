"""manage.py check_figures [SLUG ...]: check the numbers articles quote."""

from django.core.management.base import BaseCommand, CommandError

from funding.api import MISMATCH
from news.figure_check import check_article
from news.models import Article


class Command(BaseCommand):
    help = (
        "Check every number the given articles (default: all published ones) "
        "quote against their data blocks; exit 1 if any does not match."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG")

    def handle(self, *args, slugs, **options):
        articles = (
            Article.objects.filter(slug__in=slugs)
            if slugs
            else Article.objects.published()
        )
        missing = set(slugs) - set(articles.values_list("slug", flat=True))
        if missing:
            raise CommandError(f"Không có bài viết: {', '.join(sorted(missing))}")
        mismatched = 0
        for article in articles:
            report = check_article(article)
            self.stdout.write(f"\n{article.slug}\n{report.summary()}")
            for finding in report.findings:
                marker = "✗" if finding.verdict == MISMATCH else "·"
                self.stdout.write(
                    f"  {marker} [{finding.quote.part}] {finding.describe()}"
                )
            mismatched += report.has_mismatch
        if mismatched:
            self.stderr.write(f"{mismatched} bài có số liệu không khớp.")
            raise SystemExit(1)
