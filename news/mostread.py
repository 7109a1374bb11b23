""" "Tin đọc nhiều": reads counted without defeating the page cache.

The article page stays the same for every reader (and cached); a small
script on it (``static/js/reads.js``) tells the beacon endpoint
(``news.beacon``) that a reader opened it.

Counts go to Redis when the cache is Redis (a hash per day, kept
``KEEP_DAYS``), else to the database (``ReadCount``, a row per article and
day); either way ``most_read`` sums the last ``WINDOW_DAYS`` days.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date, timedelta

from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from khuyencong.pagecache.common import redis_client

log = logging.getLogger(__name__)

WINDOW_DAYS = 7
#: How many articles the most-read list shows.
MOST_READ_COUNT = 5
KEEP_DAYS = WINDOW_DAYS + 1


class ReadCount(models.Model):
    """How many readers opened an article on a day (the database's count,
    used when the cache is not Redis)."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="reads",
        verbose_name=_("bài viết"),
    )
    day = models.DateField(_("ngày"))
    count = models.PositiveIntegerField(_("lượt đọc"), default=0)

    class Meta:
        ordering = ["-day", "-count"]
        verbose_name = _("lượt đọc")
        verbose_name_plural = _("lượt đọc")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="news_readcount_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day:%d/%m/%Y}: {self.count}"

    def get_absolute_url(self) -> str:
        return self.article.get_absolute_url()


def _day_key(day: date) -> str:
    return cache.make_key(f"mostread:{day:%Y%m%d}")


def record_read(*, article_id: int, day: date) -> None:
    """Count one read of the article on ``day``."""
    client = redis_client()
    if client is not None:
        try:
            pipe = client.pipeline()
            pipe.hincrby(_day_key(day), str(article_id), 1)
            pipe.expire(_day_key(day), KEEP_DAYS * 86400)
            pipe.execute()
            return
        except Exception as exc:  # Redis down: count into the database
            log.warning(
                "Most read: Redis unavailable, counting in the database: %s", exc
            )
    reads = ReadCount.objects.filter(article_id=article_id, day=day)
    if reads.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ReadCount.objects.create(article_id=article_id, day=day, count=1)
    except IntegrityError:  # another reader made the row meanwhile
        reads.update(count=F("count") + 1)


def _redis_totals(client, days: list[date]) -> Counter:
    pipe = client.pipeline()
    for day in days:
        pipe.hgetall(_day_key(day))
    totals = Counter()
    for counts in pipe.execute():
        totals.update({int(k): int(v) for k, v in counts.items()})
    return totals


def most_read(articles, *, limit: int = 5) -> list:
    """The published ``articles`` (a queryset) read most over the last
    ``WINDOW_DAYS`` days, most first, each with its ``read_total``: one
    query (and one round trip to Redis, where the counts are)."""
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(WINDOW_DAYS)]
    client = redis_client()
    if client is not None:
        try:
            totals = _redis_totals(client, days)
        except Exception as exc:
            log.warning("Most read: Redis unavailable: %s", exc)
            return []
        # A few more than asked: some may be unpublished since.
        candidates = [pk for pk, _n in totals.most_common(limit * 3)]
        found = {a.pk: a for a in articles.filter(pk__in=candidates)}
        ranked = [found[pk] for pk in candidates if pk in found][:limit]
        for article in ranked:
            article.read_total = totals[article.pk]
        return ranked
    return list(
        articles.filter(reads__day__in=days)
        .annotate(read_total=Sum("reads__count"))
        .order_by("-read_total", "-published_at")[:limit]
    )
