"""The article page's "Tin cùng chuyên mục": the newest published articles
of its category, rendered as cards, kept by each process (no query, no
card template on most reads).

Kept under the site version (``news.site.shared``), which every save or
deletion of an article, a category or a library photo replaces, and only
until the next scheduled article goes public or is withdrawn at its time,
which happens with no save.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .models import Article
from .site.shared import MAX_AGE_SECONDS, Kept

RELATED_COUNT = 4


# A scheduled change coming due makes no save: the cards end with it.
_kept = Kept(dict, MAX_AGE_SECONDS, until=Article.objects.next_publication)


def _cards(category_id: int) -> list[tuple[int, str]]:
    # One more than shown: the page leaves out its own article.
    newest = (
        Article.objects.published()
        .for_listing()
        .filter(category_id=category_id)[: RELATED_COUNT + 1]
    )
    return [
        (
            article.pk,
            render_to_string(
                "includes/article_card.html", {"article": article, "level": 3}
            ),
        )
        for article in newest
    ]


def related_cards(article) -> list[str]:
    """The cards of the newest published articles of ``article``'s category
    but itself, newest first."""
    categories = _kept.get()
    cards = categories.get(article.category_id)
    if cards is None:
        cards = categories[article.category_id] = _cards(article.category_id)
    return [mark_safe(html) for pk, html in cards if pk != article.pk][:RELATED_COUNT]
