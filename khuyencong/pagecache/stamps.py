"""The database's word on the page cache.

A generation in the cache (Redis) is only as good as the cache's memory:
Redis may be down when a change is committed, or come back from its saved
data with a generation older than the change. So the database keeps a
*stamp* that moves with every committed change, whether or not the cache
could be told, and a generation is served only while it carries the stamp
the database gives now.

The stamp is read in one statement: the ``PageGeneration`` token (replaced
by a whole-site change, ``bump()``), how many ``PageChange`` rows are not
applied yet, and the last row's id. A change writes its row (with the keys
it touches) inside its own transaction (``record_change()``), so the stamp
moves at the commit itself, even if the process dies before telling the
cache; applying it (``generations.apply``) marks it applied, and the cache's
generation takes the new stamp. A generation whose stamp has the database's
token and no later row than the database can be caught up from the rows
after it; any other starts afresh.
"""

from __future__ import annotations

import secrets
import threading
import time

from django.conf import settings
from django.db import Error, connections, router, transaction
from django.db.models import Q
from django.utils import timezone

from khuyencong.models import PageChange, PageGeneration

from .common import warn


def _database() -> str:
    # The primary, always: a replica's stamp could lag behind a change.
    return router.db_for_write(PageGeneration)


def read_stamp() -> tuple:
    """The stamp as the database gives it now (one statement, so one
    snapshot: the token and the pending changes belong together)."""
    using = _database()
    connection = connections[using]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT {quote('token')} FROM "
            f"{quote(PageGeneration._meta.db_table)} WHERE {quote('id')} = %s), "
            f"COUNT(CASE WHEN {quote('applied')} THEN NULL ELSE 1 END), "
            f"MAX({quote('id')}) FROM {quote(PageChange._meta.db_table)}",
            [1],
        )
        return tuple(cursor.fetchone())


def record_change(keys: str = "") -> int:
    """Within the transaction of a change: the stamp moves when it commits.
    ``keys`` as ``keys.joined`` gives them. The row's id, for ``covered``."""
    return PageChange.objects.using(_database()).create(keys=keys).pk


def lock() -> None:
    """Within a transaction: hold the one ``PageGeneration`` row, so that
    changes are applied one at a time (made on first use)."""
    generations = PageGeneration.objects.using(_database())
    if not generations.select_for_update().filter(pk=1).exists():
        generations.bulk_create(
            [PageGeneration(pk=1, token=secrets.token_hex(8))], ignore_conflicts=True
        )
        generations.select_for_update().filter(pk=1).exists()


def to_apply(since: int | None) -> list[tuple[int, str]]:
    """The changes not applied yet, and (when the cache's generation was
    stamped at row ``since``) every one after it: the cache may have lost
    them (restarted from older saved data)."""
    rows = PageChange.objects.using(_database())
    pending = Q(applied=False)
    if since is not None:
        pending |= Q(pk__gt=since)
    return list(rows.filter(pending).values_list("pk", "keys"))


def mark_applied(changes: list[int]) -> None:
    PageChange.objects.using(_database()).filter(pk__in=changes).update(applied=True)
    _bumped.changes = set(changes)


# The changes the last bump in this thread covered: the hooks of one commit
# run one after the other in its thread, and the first bump covers them all.
_bumped = threading.local()


def covered(change: int) -> bool:
    """Whether the change ``record_change`` gave this id has been covered by
    a bump since its transaction committed."""
    return change in getattr(_bumped, "changes", ())


def bump() -> tuple:
    """A whole-site change: a new token, and the changes it covers
    forgotten, together; the new stamp."""
    using = _database()
    token = secrets.token_hex(8)
    with transaction.atomic(using=using):
        generations = PageGeneration.objects.using(using)
        if not generations.filter(pk=1).update(token=token, changed_at=timezone.now()):
            # A database just made (or flushed by a test): the row is made on
            # first use, and a concurrent maker's token serves as well.
            generations.bulk_create(
                [PageGeneration(pk=1, token=token)], ignore_conflicts=True
            )
        changes = PageChange.objects.using(using)
        done = set(changes.values_list("pk", flat=True))
        if done:
            # By range, not by list: a script saving thousands of rows in one
            # transaction leaves as many. Rows committed since the read are
            # covered by the new token as well.
            changes.filter(pk__lte=max(done)).delete()
    _bumped.changes = done
    return read_stamp()


class Authority:
    """What this process knows of the stamp: read at most once every
    ``PAGE_CACHE_CHECK_SECONDS`` on the request path, and again at once
    when told that it may have moved unseen (the cache was unreachable,
    the invalidation channel was lost, or a generation in the cache carries
    a stamp this process has not read yet)."""

    def __init__(self):
        self._stamp: tuple | None = None
        self._read_at: float | None = None
        self._failing = False

    def stamp(self, *, fresh: bool = False):
        """The stamp, read again if stale or if ``fresh`` is asked for; None
        if the database has not answered since this process started."""
        now = time.time()
        # Wall-clock time (which tests can move); a clock set back reads again.
        due = self._read_at is None or not (
            0 <= now - self._read_at < settings.PAGE_CACHE_CHECK_SECONDS
        )
        if due or (fresh and not self._failing):
            try:
                self._stamp = read_stamp()
                self._failing = False
            except Error as exc:
                # A database that is down takes no changes either: keep the
                # stamp last read, and try again after the interval (not on
                # every request).
                self._failing = True
                warn("Page cache: database stamp unavailable", exc)
            self._read_at = now
        return self._stamp

    def matches(self, stamp) -> bool:
        """Whether ``stamp`` is the one last read (read again if due). Not
        knowing any, the cache is trusted, as before there were stamps."""
        known = self.stamp()
        return known is None or stamp == known

    def accepts(self, stamp) -> bool:
        """Whether a generation started for ``stamp`` may be served: the
        cache may carry a change this process has not read yet, so a stamp
        that does not match is checked against the database at once."""
        return self.matches(stamp) or stamp == self.stamp(fresh=True)

    def learn(self, stamp) -> None:
        self._stamp, self._read_at = stamp, time.time()

    def expire(self) -> None:
        self._read_at = None


authority = Authority()
