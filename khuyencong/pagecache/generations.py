"""Generations: every cached page is stored under the current one, and any
change to what public pages show starts a new one.

The generation lives in the cache, beside the pages; it carries the
database stamp it was started for (``stamps``), and is served only while
the database gives that stamp. Some changes come with no save (a scheduled
article becomes public at its time), so a generation also ends at the next
such change, which the apps tell through ``register_next_change``.
"""

from __future__ import annotations

import functools
import hashlib
import time

from django.core.cache import cache
from django.db import Error, router, transaction

from khuyencong.models import PageChange

from . import stamps
from .common import CHANNEL, GENERATION_KEY, is_current, log, redis_url, warn
from .stamps import authority


def new_generation(stamp) -> tuple:
    """A generation starting now, for the database stamp ``stamp``."""
    token = hashlib.sha1(str(time.time_ns()).encode()).hexdigest()[:12]
    upcoming = _next_change()
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


def current() -> str | None:
    """The name of the generation pages are served under now, or None (no
    generation yet, or the cache out of reach): what an app keys its own
    copies of what pages show by, to read them once per generation."""
    try:
        generation = cache.get(GENERATION_KEY)
    except Exception as exc:  # the cache being down must not stop a page
        warn("Page cache unavailable, serving uncached", exc)
        return None
    return generation[0] if is_current(generation) else None


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


# Callables giving when public pages next change with no save, or None.
_next_change_sources: list = []


def register_next_change(source) -> None:
    """Have every generation end when ``source()`` says (an aware datetime,
    or None when nothing is due): for what changes public pages without a
    save, such as a scheduled article going public. Apps register theirs in
    ``AppConfig.ready()``, as they ``connect`` their models."""
    if source not in _next_change_sources:
        _next_change_sources.append(source)


def _next_change():
    due = [when for when in (source() for source in _next_change_sources) if when]
    return min(due, default=None)


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
