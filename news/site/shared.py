"""What public pages show around their content, kept by each process
between requests: the chrome (``chrome``) and the most-read list.

Each copy is kept under the *site version*, a token in the cache (Redis in
production, shared by every process) that any change to what they show
replaces (``bump``): the settings, a link, a category, an article (a menu
link's address, a most-read entry's title, its being public). A request
reads the token (one round trip, no query) and reads the database again
only when it moved. The token is replaced at the change and again once it
commits: a process that read the old rows in between kept them under a
token the commit then replaces, so no reader sees them after the commit.

The most-read list is also read again every ``MOST_READ_REFRESH_SECONDS``:
the reads counted meanwhile show then, not at once (``news.mostread``).
If the cache cannot be read, or is not shared by every process
(``SHARED_CACHE``: locmem under several workers), they are read from the
database each time;
if it could not be told of a change, a copy is kept at most
``MAX_AGE_SECONDS``.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from khuyencong.pagecache.common import warn

VERSION_KEY = "site:version"
MAX_AGE_SECONDS = 300
UNAVAILABLE = "Site chrome: the cache is unavailable, reading the database"


# The version read once per request in each thread (a page reads it for
# the chrome, the most-read list and the related cards): a request sees one
# moment of the site. Outside a request it is read every time.
_request = threading.local()


def _request_started(**_signal) -> None:
    _request.active, _request.token = True, None


def _request_finished(**_signal) -> None:
    _request.active, _request.token = False, None


request_started.connect(_request_started, dispatch_uid="site-version-request")
request_finished.connect(_request_finished, dispatch_uid="site-version-request")


def version() -> str | None:
    """The site version now; None when the cache cannot be read or is not
    shared by every process (``SHARED_CACHE``)."""
    if not settings.SHARED_CACHE:
        return None
    if getattr(_request, "active", False):
        if _request.token is None:
            _request.token = _read_version()
        return _request.token
    return _read_version()


def _read_version() -> str | None:
    try:
        token = cache.get(VERSION_KEY)
        if token is None:  # never set, or evicted: every process agrees on one
            cache.add(VERSION_KEY, secrets.token_hex(8), None)
            token = cache.get(VERSION_KEY)
    except Exception as exc:  # the cache being down must not stop a page
        warn(UNAVAILABLE, exc)
        return None
    return token


def _replace() -> None:
    _request.token = None  # this thread's next read sees the change
    try:
        cache.set(VERSION_KEY, secrets.token_hex(8), None)
    except Exception as exc:  # the cache being down must not stop a save
        warn(UNAVAILABLE, exc)


def bump(**_signal) -> None:
    """What public pages show around their content changed: every copy
    kept is stale, now and again once the change commits."""
    _replace()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_replace, robust=True)


class Kept:
    """A value read by ``read()``, kept while the site version stays, for
    at most ``max_age`` seconds, and (``until``: when the value may next
    change with no save, an aware datetime or None) not past that moment.
    ``until()`` is asked just before each read that is kept, so that a time
    coming due in between ends the copy at once; a value not kept (no
    shared cache) never asks it."""

    everything: list[Kept] = []

    def __init__(self, read: Callable, max_age: float, until: Callable = None):
        self.read, self.max_age, self.until = read, max_age, until
        self.held: tuple | None = None  # (version, since, end, value)
        Kept.everything.append(self)

    def get(self):
        token = version()
        if token is None:
            return self.read()
        held, now = self.held, time.monotonic()
        if (
            held is not None
            and held[0] == token
            and now - held[1] < self.max_age
            and (held[2] is None or timezone.now() < held[2])
        ):
            return held[3]
        end = self.until() if self.until else None
        value = self.read()
        self.held = (token, now, end, value)
        return value

    @classmethod
    def forget(cls) -> None:
        """Drop every copy (a test's rows are gone after it)."""
        for kept in cls.everything:
            kept.held = None


def connect(*models) -> None:
    """Bump the site version whenever one of ``models`` is saved or deleted."""
    for model in models:
        uid = f"site-version-{model._meta.label}"
        post_save.connect(bump, sender=model, dispatch_uid=uid)
        post_delete.connect(bump, sender=model, dispatch_uid=uid)
