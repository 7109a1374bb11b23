import operator
from functools import reduce

from django.db import models
from django.db.models import Min, Q
from django.utils import timezone

from .search import search_articles


def public_rule(model, now) -> list[list[tuple[str, str, object]]]:
    """Whether the public sees an article at ``now``, the one definition:
    every group must hold, any one (field, lookup, value) of a group is
    enough. Published, due (not scheduled later) and not past its
    withdrawal time (``unpublish_at``). Read as a query by ``published``
    and on an article by ``Article.is_public`` (``holds``)."""
    return [
        [("status", "exact", model.Status.PUBLISHED)],
        [("published_at", "lte", now)],
        [("unpublish_at", "isnull", True), ("unpublish_at", "gt", now)],
    ]


#: The rule's lookups in Python, as SQL reads them: nothing is <= or > NULL.
_LOOKUPS = {
    "exact": operator.eq,
    "lte": lambda value, limit: value is not None and value <= limit,
    "gt": lambda value, limit: value is not None and value > limit,
    "isnull": lambda value, wanted: (value is None) == wanted,
}


def rule_as_q(rule) -> Q:
    return reduce(
        operator.and_,
        (
            reduce(operator.or_, (Q(**{f"{f}__{lookup}": v}) for f, lookup, v in group))
            for group in rule
        ),
    )


def holds(rule, obj) -> bool:
    """Whether ``obj`` (its attributes as loaded) satisfies ``rule``."""
    return all(
        any(_LOOKUPS[lookup](getattr(obj, f), v) for f, lookup, v in group)
        for group in rule
    )


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Articles the public may see (``public_rule``).

        Evaluated against the clock on each query (``now``: that moment,
        default the present), so a scheduled article appears (and a
        withdrawal takes effect) at its time without any job running.
        """
        return self.filter(rule_as_q(public_rule(self.model, now or timezone.now())))

    def next_publication(self):
        """When the next scheduled article goes public or is withdrawn at its
        time ("gỡ lúc"), or None."""
        now = timezone.now()
        due = self.filter(status=self.model.Status.PUBLISHED).aggregate(
            published=Min("published_at", filter=Q(published_at__gt=now)),
            withdrawn=Min("unpublish_at", filter=Q(unpublish_at__gt=now)),
        )
        return min(filter(None, due.values()), default=None)

    def for_listing(self):
        """What lists and feeds need, in one query: category and author joined,
        the heavy text columns left behind."""
        return self.select_related("category", "author", "cover").defer(
            "body", "search_title", "search_text", "search_vector"
        )

    def search(self, query: str):
        """Articles matching every word of ``query``, best first
        (``news.search``)."""
        return search_articles(self, query)
