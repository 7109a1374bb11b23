"""Dependency versions: what lets one change invalidate only the pages that
show it.

Each generation has a *clock* (a counter in the cache) and, for each
dependency key (``keys``), the clock's value when that key last changed.
A page is stored with the clock's value read *before* it was rendered and
the keys it shows; it is served only while none of those keys changed
since (each key's value at most the page's). A change committed after the
clock was read thus makes the page stale, whatever the order in which the
render and the change end. A key the cache does not hold (evicted, or never
set) is not trusted: the page renders afresh and the key is set to the
clock's present value.

Everything is kept under the generation's token, so that a new generation
starts every clock and key afresh. With Redis, a change is one script (the
clock moved and every key set atomically); with the per-process memory
cache, one lock.
"""

from __future__ import annotations

import threading

from django.conf import settings
from django.core.cache import cache

from .common import redis_client, redis_url

_BUMP = """
local c = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], c, 'EX', ARGV[1]) end
return c
"""

_ENSURE = """
local c = tonumber(redis.call('GET', KEYS[1]) or '0')
for i = 2, #KEYS do
  if not redis.call('SET', KEYS[i], c, 'EX', ARGV[1], 'NX') then
    redis.call('EXPIRE', KEYS[i], ARGV[1])
  end
end
return c
"""

_lock = threading.Lock()


def clock_key(token: str) -> str:
    return f"pagecache:clock:{token}"


def key_of(token: str, dependency: str) -> str:
    return f"pagecache:dep:{token}:{dependency}"


def _ttl() -> int:
    # Longer than any page is kept: a key expiring only costs a render.
    return max(2 * settings.PAGE_CACHE_SECONDS, 3600)


def _script(source: str, keys: list[str]) -> int:
    made = [cache.make_and_validate_key(key) for key in keys]
    client = redis_client()
    return int(client.eval(source, len(made), *made, _ttl()))


def bump(token: str, dependencies) -> int:
    """Mark ``dependencies`` changed now in generation ``token``; the
    clock's new value."""
    keys = [clock_key(token), *(key_of(token, key) for key in sorted(dependencies))]
    if redis_url() is not None:
        return _script(_BUMP, keys)
    with _lock:
        value = (cache.get(keys[0]) or 0) + 1
        cache.set(keys[0], value, None)
        cache.set_many(dict.fromkeys(keys[1:], value), _ttl())
        return value


def ensure(token: str, dependencies) -> None:
    """Give each of ``dependencies`` the cache lacks the clock's present
    value (any change since was made before it, so no page rendered
    earlier is trusted with it), and each it holds its time to live again,
    its value kept: every key a page is stored with outlives the page."""
    keys = [clock_key(token), *(key_of(token, key) for key in sorted(dependencies))]
    if redis_url() is not None:
        _script(_ENSURE, keys)
        return
    with _lock:
        value = cache.get(keys[0]) or 0
        for key in keys[1:]:
            if not cache.add(key, value, _ttl()):
                cache.touch(key, _ttl())


def clock(token: str) -> int:
    """The clock's present value (0 before any change)."""
    return int(cache.get(clock_key(token)) or 0)


def fresh(token: str, rendered_at: int, dependencies) -> bool:
    """Whether none of ``dependencies`` changed since the clock read
    ``rendered_at``, and the cache still holds every one of them."""
    if not dependencies:
        return True
    wanted = [key_of(token, key) for key in dependencies]
    found = cache.get_many(wanted)
    return len(found) == len(wanted) and all(
        int(value) <= rendered_at for value in found.values()
    )
