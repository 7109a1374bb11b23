from django.db import models
from django.db.models import Min, Q
from django.utils import timezone

from .search import search_articles


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Articles the public may see: published, due (not scheduled later)
        and not past their withdrawal time (``unpublish_at``).

        Evaluated against the clock on each query (``now``: that moment,
        default the present), so a scheduled article appears (and a
        withdrawal takes effect) at its time without any job running.
        """
        now = now or timezone.now()
        return self.filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            status=self.model.Status.PUBLISHED,
            published_at__lte=now,
        )

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
