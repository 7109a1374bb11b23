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
from django.db.models.signals import m2m_changed, post_save, pre_delete

from khuyencong.models import PageChange

from . import stamps, versions
from .common import CHANNEL, GENERATION_KEY, is_current, log, redis_client, warn
from .keys import joined, split
from .stamps import authority


def new_generation(stamp) -> tuple:
    """A generation starting now, for the database stamp ``stamp``."""
    token = hashlib.sha1(str(time.time_ns()).encode()).hexdigest()[:12]
    return token, time.time(), _ends(None), stamp


def _ends(stored_end: float | None) -> float | None:
    """When a generation must end: at ``stored_end`` or at the next change
    with no save, whichever comes first. Read again on every update, as a
    change may have brought a scheduled time nearer (a withdrawal set for
    in a few seconds)."""
    upcoming = _next_change()
    ends = [end for end in (stored_end, upcoming and upcoming.timestamp()) if end]
    return min(ends, default=None)


def valid(generation) -> bool:
    """Whether pages of ``generation`` may be served: it has not ended and
    the database has taken no change since it began."""
    return is_current(generation) and authority.accepts(generation[3])


def renew(stored) -> tuple:
    """The generation to serve and store pages under: ``stored`` (as read
    from the cache) if valid, else the same caught up with the changes the
    database has on record, or a new one (``apply``)."""
    if valid(stored):
        return stored
    return apply()


def _catchable(stored, stamp) -> bool:
    """Whether a generation stamped ``stored[3]`` can be caught up to the
    database's ``stamp`` from the rows after it: the same token (no
    whole-site change since), and no row the database does not have (a
    database restored from an older backup)."""
    return (
        is_current(stored)
        and isinstance(stored[3], tuple)
        and stored[3][0] == stamp[0]
        and (stored[3][2] or 0) <= (stamp[2] or 0)
    )


def apply() -> tuple:
    """Tell the cache of the changes the database has not seen applied:
    the pages showing their keys become stale (``versions``), or, for a
    whole-site change or a generation that cannot be caught up, a new
    generation begins. One process at a time (the database row is held);
    the generation it leaves in the cache is returned."""
    using = router.db_for_write(PageChange)
    with transaction.atomic(using=using):
        stamps.lock()
        stored = cache.get(GENERATION_KEY)
        catchable = _catchable(stored, stamps.read_stamp())
        changes = stamps.to_apply(stored[3][2] if catchable else None)
        told = [split(stored_keys) for _pk, stored_keys in changes]
        if None in told:
            stamps.bump()
        else:
            stamps.mark_applied([pk for pk, _keys in changes])
        stamp = stamps.read_stamp()
        if catchable and not changes and stored[3] == stamp:
            authority.learn(stamp)
            return stored  # applied meanwhile by another process
        if catchable and None not in told:
            touched = set().union(*told)
            clock = versions.bump(stored[0], touched) if touched else None
            generation = (*stored[:2], _ends(stored[2]), stamp)
            cache.set(GENERATION_KEY, generation, None)
            publish(touched, stored[0], clock)
        else:
            generation = new_generation(stamp)
            cache.set(GENERATION_KEY, generation, None)
            publish()
    authority.learn(stamp)
    return generation


def changed(*, keys=None, **_kwargs) -> None:
    """A public page may show what changed: ``keys`` (``keys`` module; None
    for everything).

    Recorded in the database within the change's transaction, so the stamp
    moves when it commits; the cache is told once it has committed, or a
    request in between could store the old page as current."""
    using = router.db_for_write(PageChange)
    in_transaction = transaction.get_connection(using).in_atomic_block
    if keys is None and not in_transaction:
        invalidate()
        return
    try:
        change = stamps.record_change(joined(keys))
    except Error as exc:
        log.error("Page cache: could not record a change in the database: %s", exc)
        invalidate()
        return
    if in_transaction:
        transaction.on_commit(functools.partial(_committed, change), using=using)
    else:
        _committed(change)


def _committed(change: int) -> None:
    # A form saving an article and its inlines commits several changes at
    # once: the first hook to run covers them all.
    if stamps.covered(change):
        return
    try:
        apply()
    except Error as exc:
        log.error("Page cache: could not apply a change: %s", exc)
        authority.expire()
    except Exception as exc:  # the cache being down must not stop a save
        # The change stays on record: the next request to read the stamp
        # applies it.
        authority.expire()
        warn("Page cache unavailable, serving uncached", exc)


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


def publish(touched=None, token: str = "", clock: int | None = None) -> None:
    """Tell every process's near copies that a new generation began, or
    (``touched``) which keys of generation ``token`` changed at ``clock``."""
    client = redis_client()
    if client is None:
        return
    message = b"1"
    if touched is not None:
        message = "\n".join([token, str(clock or 0), *sorted(touched)]).encode()
    client.publish(cache.make_key(CHANNEL), message)


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


def connect(*models, keys=None) -> None:
    """Invalidate, whenever one of ``models`` is saved or deleted, the pages
    showing what ``keys(instance, added_or_removed=…)`` returns (dependency
    keys; ``added_or_removed`` is false for a row saved again), or every
    page (``keys`` None). Keys are read before a deletion, while what shows
    the row can still be found. A change to a many-to-many relation counts
    as one of the instance it was made on; made from the other side, of
    everything."""

    def receiver(sender, instance=None, created=True, reverse=False, **_kwargs):
        if keys is None or instance is None or reverse:
            changed()
        else:
            changed(keys=keys(instance, added_or_removed=created))

    name = getattr(keys, "__qualname__", "all")
    for model in models:
        uid = f"pagecache-{model._meta.label}-{keys and keys.__module__}.{name}"
        post_save.connect(
            receiver, sender=model, weak=False, dispatch_uid=f"{uid}-save"
        )
        pre_delete.connect(
            receiver, sender=model, weak=False, dispatch_uid=f"{uid}-delete"
        )
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                receiver,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}-m2m-{field.name}",
            )
