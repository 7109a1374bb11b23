"""Generations: every cached page is stored under the current one, and any
change to what public pages show starts a new one.

The generation lives in the cache, beside the pages; it carries the
database stamp it was started for (``stamps``), and is served only while
the database gives that stamp. A scheduled article becomes public without
any save, so a generation also ends at the next scheduled publication.
"""

from __future__ import annotations

import functools
import hashlib
import time

from django.core.cache import cache
from django.db import Error, router, transaction
from django.utils import timezone

from khuyencong.models import PageChange

from . import stamps
from .common import CHANNEL, GENERATION_KEY, is_current, log, redis_url, warn
from .stamps import authority


def new_generation(stamp) -> tuple:
    """A generation starting now, for the database stamp ``stamp``."""
    token = hashlib.sha1(str(time.time_ns()).encode()).hexdigest()[:12]
    upcoming = _next_publication()
    return token, time.time(), upcoming.timestamp() if upcoming else None, stamp


def valid(generation) -> bool:
    """Whether pages of ``generation`` may be served: it has not ended and
    the database has taken no change since it began."""
    return is_current(generation) and authority.accepts(generation[3])


def renew(stored) -> tuple:
    """The generation to serve and store pages under: ``stored`` (as read
    from the cache) if valid, else a new one, announced to every process."""
    if valid(stored):
        return stored
    # Read now (rare, and a query): pages are about to be stored under it.
    value = new_generation(authority.stamp(fresh=True))
    cache.set(GENERATION_KEY, value, None)
    publish()
    return value


def changed(**_kwargs) -> None:
    """Signal receiver: a public page may show what changed.

    Recorded in the database within the change's transaction, so the stamp
    moves when it commits; the cache is told once it has committed, or a
    request in between could store the old page under the new generation."""
    using = router.db_for_write(PageChange)
    if not transaction.get_connection(using).in_atomic_block:
        invalidate()
        return
    change = stamps.record_change()
    transaction.on_commit(functools.partial(_committed, change), using=using)


def _committed(change: int) -> None:
    # A form saving an article and its inlines commits several changes at
    # once: the first hook to run covers them all.
    if not stamps.covered(change):
        invalidate()


def invalidate(**_kwargs) -> None:
    """Start a new generation: every cached page is stale from now on.

    The database first: it remembers the change even when the cache cannot
    be told (Redis down), and the generation Redis may bring back later is
    refused then. Neither failing stops a save."""
    try:
        stamp = stamps.bump()
    except Error as exc:
        # The change's own PageChange row (if any) still moves the stamp.
        log.error("Page cache: could not record a change in the database: %s", exc)
        authority.expire()
        stamp = None
    else:
        authority.learn(stamp)
    try:
        cache.set(GENERATION_KEY, new_generation(stamp), None)
        publish()
    except Exception as exc:  # the cache being down must not stop a save
        warn("Page cache unavailable, serving uncached", exc)


def publish() -> None:
    """Tell every process's near copies that a new generation began."""
    url = redis_url()
    if url is None:
        return
    import redis

    with redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5) as r:
        r.publish(cache.make_key(CHANNEL), b"1")


def _next_publication():
    from news.models import Article

    return (
        Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def connect(*models) -> None:
    """Invalidate the page cache whenever one of ``models`` changes."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in models:
        post_save.connect(
            changed, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}"
        )
        post_delete.connect(
            changed, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}"
        )
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                changed,
                sender=field.remote_field.through,
                dispatch_uid=f"pagecache-m2m-{model._meta.label}-{field.name}",
            )
