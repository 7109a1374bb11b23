"""Django's Redis cache, its Redis client made once per connection pool.

Django's ``RedisCacheClient`` makes a new ``redis.Redis`` for every call
(``get_client``), and redis-py fills a table of ~170 response callbacks in
each one's constructor: ~50 µs a call, twice the round trip it wraps
(~26 µs for a ``GET`` on loopback). Every page reads the cache at least
once (the site version; a cached page is served from it), so the client is
kept: ``redis.Redis`` is safe to share between threads (a connection is
taken from the pool per command) and its pool starts afresh in a forked
worker.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    """Django's client, one ``redis.Redis`` per connection pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        try:
            return self._clients[index]
        except KeyError:
            client = self._clients[index] = self._client(
                connection_pool=self._pool(index)
            )
            return client

    def _pool(self, index: int):
        """The pool of server ``index`` (Django's ``_get_connection_pool``
        draws a replica again: the client kept would be another's)."""
        if index not in self._pools:
            self._pools[index] = self._pool_class.from_url(
                self._servers[index], **self._pool_options
            )
        return self._pools[index]


class RedisCache(django_redis.RedisCache):
    """Django's Redis cache with the client above (``CACHES``' backend)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
