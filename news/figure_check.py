"""The figure checker (``funding``'s engine) applied to articles: which
figures an article shows, what its text quotes of them, and which
published articles show or quote a figure."""

from django.db.models import Q

from funding.api import Checker, Figure, Report, plain_text

from .figures import DataBlock
from .models import Article


def check_article(article) -> Report:
    """Check the title, lead and body of ``article`` against its data blocks."""
    figures: dict[int, Figure] = {}
    blocks = (
        DataBlock.objects.filter(article=article).prefetch_related(
            "indicators", "areas", "sources"
        )
        if article.pk
        else []
    )
    for selected in DataBlock.figures_of(blocks).values():
        for figure in selected:
            figures[figure.pk] = figure
    checker = Checker(list(figures.values()))
    return checker.check_parts(
        [
            ("title", article.title),
            ("lead", article.lead),
            ("body", plain_text(article.body)),
        ]
    )


def articles_using(figure: Figure):
    """Published articles that show the figure in a data block or quote it."""
    return (
        Article.objects.published()
        .for_listing()
        .filter(
            Q(data_blocks__in=DataBlock.objects.showing(figure))
            | Q(figure_quotes__figure=figure)
        )
        .distinct()
    )
