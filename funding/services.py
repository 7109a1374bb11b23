from django.db import transaction
from django.utils.translation import gettext as _

from .checker import Report, check_article
from .models import DataBlock, Figure, FigureQuote


def missing_plan_warning(*, figure: Figure) -> str:
    """A warning (not an error) when an executed figure has no plan to compare.

    The plan of a year is what executed figures of that year, whole or
    partial, are measured against.
    """
    if figure.measure != Figure.Measure.EXECUTED:
        return ""
    has_plan = Figure.objects.filter(
        indicator=figure.indicator,
        area=figure.area,
        source_fund=figure.source_fund,
        content=figure.content,
        year=figure.year,
        period_kind=Figure.PeriodKind.YEAR,
        measure=Figure.Measure.PLAN,
    ).exists()
    if has_plan:
        return ""
    return _(
        "Lưu ý: chưa có số liệu kế hoạch năm %(year)s cho %(area)s (%(source)s), "
        "nên chưa tính được tỷ lệ thực hiện so với kế hoạch."
    ) % {
        "year": figure.year,
        "area": figure.area,
        "source": figure.get_source_fund_display(),
    }


def flag_articles_for_review(*, figures) -> int:
    """Mark the published articles that show or quote any of ``figures``
    (a queryset) as needing a review of their figures; return how many.

    Called after a figure is edited, imported or an import is undone: the
    story then shows or quotes a number that changed since it was published.
    """
    from news.models import Article

    published = Article.objects.published()
    quoting = Figure.objects.filter(
        pk__in=figures.values("pk"), quotes__article__in=published
    )
    article_ids = set(quoting.values_list("quotes__article", flat=True))
    blocks = DataBlock.objects.filter(article__in=published).exclude(
        article__in=article_ids
    )
    for block in blocks.prefetch_related("indicators", "areas", "sources"):
        if block.article_id in article_ids:
            continue
        if block.figures().filter(pk__in=figures.values("pk")).exists():
            article_ids.add(block.article_id)
    return Article.objects.filter(pk__in=article_ids, needs_figure_review=False).update(
        needs_figure_review=True
    )


@transaction.atomic
def record_quotes(*, article) -> Report:
    """Check the article's figures and keep which stored figures its text
    quotes (directly or through a computed one), for the review list."""
    report = check_article(article)
    FigureQuote.objects.filter(article=article).delete()
    quotes = {
        (figure.pk, finding.quote.text[:100])
        for finding in report.findings
        if finding.verdict != "no_data"
        for figure in finding.figures
    }
    FigureQuote.objects.bulk_create(
        FigureQuote(article=article, figure_id=pk, quoted=text) for pk, text in quotes
    )
    return report
