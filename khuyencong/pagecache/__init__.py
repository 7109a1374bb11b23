"""Whole public pages cached for anonymous readers, invalidated on change.

Every page is stored under the current *generation* (``generations``): any
change to what public pages show (an article, a category, a figure, a data
block, a correction) starts a new generation once it commits, so the next
request renders afresh and publishing appears at once. A scheduled article
becomes public without any save, so no page is kept past the next scheduled
publication time, which the news app tells through ``register_next_change``
(the project imports no app: each app connects its models and registers
what it knows from its ``AppConfig.ready()``).

The cache may miss a change (Redis down when it was committed, or restarted
from its saved data): the database keeps a stamp that moves with every
change (``stamps``), and a generation is served only while it carries the
stamp the database gives, read at most once every
``PAGE_CACHE_CHECK_SECONDS`` and again whenever the cache was out of reach.

Only a logged-in staff member, proven by a signed mark bound to their
session (``staff``), skips the cache; any other request is a reader's, and a
page rendered for a signed-in user is never stored. If the cache is down,
pages are served uncached and a warning is logged.

With Redis, each process also keeps near copies of the pages it served
(``near``), told of every new generation over Redis pub/sub.
"""

from .common import GENERATION_KEY
from .generations import changed, connect, current, invalidate, register_next_change
from .middleware import AnonymousPageCacheMiddleware
from .near import near

__all__ = [
    "GENERATION_KEY",
    "AnonymousPageCacheMiddleware",
    "changed",
    "connect",
    "current",
    "invalidate",
    "near",
    "register_next_change",
]
