"""Whole public pages cached for anonymous readers, invalidated on change.

Every page is stored under the current *generation* (``generations``) with
the dependency keys it shows (``keys``: the article, its category, the
figures of a year…) and the clock it was rendered at (``versions``). A
change names the keys it touches; once it commits, the pages showing them
are stale and no others, so the next request renders them afresh and
publishing appears at once. A change to everything (a restore, a change
that names nothing) starts a new generation. One request at a time renders
a page; the others get the copy it replaces for those few moments
(``middleware``), unless the page's own object left the public (``gone``
keys: its new answer is a 404), and never after a render that stored
nothing. A scheduled article becomes public (or is withdrawn) without any
save, so no page is kept past the next scheduled time, which the news app
tells through ``register_next_change`` and which every change reads again
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
(``near``), told of every new generation over Redis pub/sub; a near copy
lives no longer than the shared one (``PAGE_CACHE_SECONDS``) nor past its
generation's end.
"""

from .common import GENERATION_KEY
from .generations import (
    apply,
    changed,
    connect,
    invalidate,
    register_next_change,
)
from .keys import ANY, depends_on, gone, register_page_keys
from .middleware import AnonymousPageCacheMiddleware
from .near import near

__all__ = [
    "ANY",
    "GENERATION_KEY",
    "AnonymousPageCacheMiddleware",
    "apply",
    "changed",
    "connect",
    "depends_on",
    "gone",
    "invalidate",
    "near",
    "register_next_change",
    "register_page_keys",
]
