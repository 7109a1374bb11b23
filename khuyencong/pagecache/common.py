"""What every part of the page cache shares: the keys in the cache, the
shape of a generation, the Redis address and the warning that something is
down."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache

log = logging.getLogger("khuyencong.pagecache")

GENERATION_KEY = "pagecache:generation"
# Where a new generation is announced to every process (under the cache's
# key prefix, as channels are shared by all databases).
CHANNEL = "pagecache:invalidations"

_last_warned: dict[str, float] = {}


def warn(message: str, exc: Exception) -> None:
    """Log ``message`` with ``exc``, at most once a minute for each message:
    enough to tell that something is down, not a line per request."""
    now = time.monotonic()
    if now - _last_warned.get(message, -3600.0) > 60:
        _last_warned[message] = now
        log.warning("%s: %s", message, exc)


def is_current(generation) -> bool:
    """Whether ``generation`` (name, when it began, when the next scheduled
    article goes public, both epoch seconds, and the database stamp it was
    started for) is one and has not ended. Anything else read from the
    cache (nothing, or the shape of an older release) is not."""
    return (
        isinstance(generation, tuple)
        and len(generation) == 4
        and (generation[2] is None or time.time() < generation[2])
    )


#: Django's Redis cache, and the portal's (``khuyencong.cache``).
REDIS_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "khuyencong.cache.RedisCache",
)


def redis_url() -> str | None:
    """The Redis the cache is in, or None for any other cache backend."""
    config = settings.CACHES["default"]
    if config["BACKEND"] not in REDIS_BACKENDS:
        return None
    location = config["LOCATION"]
    return location[0] if isinstance(location, list | tuple) else location


def redis_client():
    """The cache's own Redis client, on the cache's connection pool, for
    what the cache API lacks (publishing, scripts, hashes); None when the
    cache is not Redis. One pool per process: no connection made per use."""
    if redis_url() is None:
        return None
    return cache._cache.get_client(write=True)
