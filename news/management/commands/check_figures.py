"""manage.py check_figures [SLUG ...] [--format json]: check the numbers
articles quote, each with where it stands, its words around it, the outcome,
the reading (figure or formula) and how sure the checker is.

Exit code 1 if any article quotes a number its data contradicts for sure (a
confident mismatch: what blocks publishing); "cần xác nhận" does not fail.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from funding.api import MISMATCH, UNSURE, Finding
from news.figure_check import check_article
from news.models import Article

MARKERS = {MISMATCH: "✗", UNSURE: "?"}


def reading_data(reading) -> dict:
    return {
        "ident": reading.ident,
        "verdict": reading.verdict,
        "expected": reading.expected,
        "explanation": reading.explanation,
        "figures": [figure.pk for figure in reading.figures],
    }


def finding_data(finding: Finding, *, not_a_figure: bool = False) -> dict:
    quote = finding.quote
    return {
        "part": quote.part,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "key": finding.key,
        "context": list(finding.context),
        "outcome": "not_a_figure" if not_a_figure else finding.verdict,
        "label": "không phải số liệu" if not_a_figure else finding.label,
        "confidence": round(finding.confidence, 3),
        "bound": finding.bound,
        "reading": reading_data(finding.reading) if finding.reading else None,
        "alternatives": [reading_data(r) for r in finding.alternatives],
    }


class Command(BaseCommand):
    help = (
        "Check every number the given articles (default: all published ones) "
        "quote against their data blocks; exit 1 if any surely does not match."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG")
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", dest="output"
        )

    def handle(self, *args, slugs, output, **options):
        articles = (
            Article.objects.filter(slug__in=slugs)
            if slugs
            else Article.objects.published()
        )
        missing = set(slugs) - set(articles.values_list("slug", flat=True))
        if missing:
            raise CommandError(f"Không có bài viết: {', '.join(sorted(missing))}")
        checked = [(article, check_article(article)) for article in articles]
        if output == "json":
            self._json(checked)
        else:
            self._text(checked)
        mismatched = sum(report.has_mismatch for _article, report in checked)
        if mismatched:
            self.stderr.write(f"{mismatched} bài có số liệu không khớp.")
            raise SystemExit(1)

    def _json(self, checked) -> None:
        data = [
            {
                "slug": article.slug,
                "title": article.title,
                "summary": report.summary(),
                "has_mismatch": report.has_mismatch,
                "quotes": [finding_data(f) for f in report.findings]
                + [finding_data(f, not_a_figure=True) for f in report.not_figures],
            }
            for article, report in checked
        ]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def _text(self, checked) -> None:
        for article, report in checked:
            self.stdout.write(f"\n{article.slug}\n{report.summary()}")
            for finding in report.findings:
                quote = finding.quote
                before, number, after = finding.context
                reading = finding.reading.ident if finding.reading else "—"
                self.stdout.write(
                    f"  {MARKERS.get(finding.verdict, '·')} [{quote.part} "
                    f"{quote.start}–{quote.end}] {finding.describe()} · đọc là "
                    f"{reading} · tin cậy {finding.confidence:.0%}"
                    f"{' · đã xác nhận' if finding.bound else ''}\n"
                    f"      …{before[-60:]}[{number}]{after[:60]}…"
                )
