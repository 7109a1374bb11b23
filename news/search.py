"""Searching articles: every word, ignoring case and Vietnamese diacritics,
full-text on PostgreSQL (``Article.search_vector`` under a GIN index), a
substring match elsewhere."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, models
from django.db.models import Case, F, IntegerField, Q, Value, When

from khuyencong.text import search_terms

#: How many of the newest matches a search ranks (see search_articles).
SEARCH_CANDIDATES = 1000


def build_search_vector(title: str | None = None, text: str | None = None):
    """The weighted document stored in ``Article.search_vector`` on PostgreSQL.

    From the given folded strings, or from the row's own search columns when
    none are given (for bulk updates).
    """
    return SearchVector(
        Value(title) if title is not None else "search_title",
        weight="A",
        config="simple",
    ) + SearchVector(
        Value(text) if text is not None else "search_text",
        weight="B",
        config="simple",
    )


def search_articles(articles, query: str):
    """``articles`` (a queryset) matching every word of ``query``, best first.

    Case and Vietnamese diacritics are ignored: both the stored search
    columns and the query are folded. On PostgreSQL this is a full-text
    match served by a GIN index (see migration 0003) and ranked with
    ``ts_rank`` on the stored ``search_vector``, title words weighing more
    than body words; elsewhere a slower substring match with the same
    results, titles first.

    Ranking reads every candidate, and on a khuyến công site a word like
    "khuyến công" is in nearly every article; so only the newest
    ``SEARCH_CANDIDATES`` matches are ranked, which keeps a common word
    as fast as a rare one. The search page says so when the cap is reached.
    """
    terms = search_terms(query)
    if not terms:
        return articles.none()
    if connection.vendor == "postgresql":
        search_query = SearchQuery(" ".join(terms), config="simple")
        matches = Q(search_vector=search_query)
        rank = SearchRank(F("search_vector"), search_query)
    else:
        matches = Q()
        for term in terms:
            matches &= Q(search_title__contains=term) | Q(search_text__contains=term)
        rank = models.ExpressionWrapper(
            sum(
                (
                    Case(
                        When(search_title__contains=t, then=Value(1)),
                        default=Value(0),
                    )
                    for t in terms
                ),
                Value(0),
            ),
            IntegerField(),
        )
    candidates = (
        articles.filter(matches)
        .order_by("-published_at", "-id")
        .values("pk")[:SEARCH_CANDIDATES]
    )
    return (
        articles.filter(pk__in=candidates)
        .annotate(rank=rank)
        .order_by("-rank", "-published_at", "-id")
    )
