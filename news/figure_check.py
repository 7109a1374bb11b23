"""The figure checker (``funding``'s engine) applied to articles: which
figures an article shows, what its text quotes of them, and which
published articles show or quote a figure."""

from django.db.models import Q

from funding.api import Checker, Figure, Report, plain_text

from .figures import DataBlock, FigureBinding
from .models import Article


def bindings_of(article) -> dict[str, str]:
    """The editors' word on the article's quotes: quote key → reading."""
    if not article.pk:
        return {}
    return dict(
        FigureBinding.objects.filter(article=article).values_list("key", "reading")
    )


def check_article(article, *, bindings: dict[str, str] | None = None) -> Report:
    """Check the title, lead and body of ``article`` against its data
    blocks; the editors' bindings (``bindings``, else those stored) win
    over the checker's guess."""
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
    if bindings is None:
        bindings = bindings_of(article)
    checker = Checker(list(figures.values()), bindings=bindings)
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
