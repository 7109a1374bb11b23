"""Each process's own copies of the pages it served lately (``NearCache``)."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from .common import CHANNEL, GENERATION_KEY, is_current, redis_url, warn
from .stamps import authority


class NearCache:
    """This process's own copy of the pages it served lately, so that a hit
    costs no network round trip at all.

    A copy is only as good as the generation it was stored under, so the
    copy is trusted only while a background thread is subscribed to the
    invalidation channel in Redis: ``invalidate()`` publishes there after
    starting a new generation, and the thread reads the new generation at
    once (a few milliseconds later in every worker on every host). While
    the subscription is down (Redis restarted, network cut), nothing is
    served from here, and the database stamp is read again before anything
    cached is served: a change made meanwhile may never have reached Redis.
    After the subscription is back, the generation is read afresh, so a
    change announced in between is not missed. The request path serves a
    copy only while its generation carries the database's stamp
    (``generations.valid``), as for pages in Redis.

    Only with Redis as the cache; with the local-memory cache the cache
    itself is in the process already.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._started_for: tuple | None = None
        self._thread = None
        self.generation: tuple | None = None
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        # The clock at which each key last changed, as announced.
        self._changed: dict[str, int] = {}
        self._bytes = 0

    def trusted_generation(self) -> tuple | None:
        """The generation read from Redis if this process may serve its own
        copies; starts the subscriber in a newly forked worker (a fork
        inherits the parent's state, not its thread) or for a new
        configuration."""
        if settings.PAGE_NEAR_CACHE_BYTES <= 0:
            return None
        url = redis_url()
        if url is None:
            return None
        wanted = (os.getpid(), url, cache.make_key(CHANNEL))
        if self._started_for != wanted:
            self._start(wanted)
        return self.generation

    def _start(self, wanted: tuple) -> None:
        with self._lock:
            if self._started_for == wanted:
                return
            self._started_for = wanted
            self._forget()
            _pid, url, channel = wanted
            self._thread = threading.Thread(
                target=self._listen,
                args=(url, channel),
                name="pagecache-invalidations",
                daemon=True,
            )
            self._thread.start()

    def get(self, key: str, token: str) -> tuple | None:
        """The copy of ``key`` stored under generation ``token``, unless it
        outlived the copy in the shared cache (``PAGE_CACHE_SECONDS``: what
        no change names, such as the reads behind the most-read list, shows
        after at most that) or the generation ended."""
        with self._lock:
            page = self._pages.get(key)
            if page is None or page[0] != token:
                return None
            generation = self.generation
            ends = (
                page[6]
                if generation is None or generation[2] is None
                else min(page[6], generation[2])
            )
            if time.time() >= ends:
                self._bytes -= len(self._pages.pop(key)[3])
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: tuple) -> None:
        generation = self.generation
        if generation is None or page[0] != generation[0]:
            return
        rendered_at, dependencies = page[4], page[5]
        if time.time() >= page[6]:
            return
        if any(self._changed.get(dep, 0) > rendered_at for dep in dependencies):
            return  # told of a change since the page was checked
        size = len(page[3])
        limit = settings.PAGE_NEAR_CACHE_BYTES
        if size > limit // 8:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old[3])
            self._pages[key] = page
            self._bytes += size
            while self._bytes > limit:
                _key, evicted = self._pages.popitem(last=False)
                self._bytes -= len(evicted[3])

    def _forget(self) -> None:
        self.generation = None
        self._pages.clear()
        self._changed.clear()
        self._bytes = 0

    def _drop(self, message: bytes) -> None:
        """Forget the copies showing the keys a change touched (as
        ``generations.publish`` tells them), and remember when they changed
        so that no copy checked before is kept."""
        token, clock, *touched = message.decode().split("\n")
        touched = set(touched)
        with self._lock:
            if self.generation is None or self.generation[0] != token:
                return
            for dependency in touched:
                self._changed[dependency] = max(
                    int(clock), self._changed.get(dependency, 0)
                )
            for key in [k for k, page in self._pages.items() if touched & page[5]]:
                self._bytes -= len(self._pages.pop(key)[3])

    def _read_generation(self) -> None:
        # Only read: a missing or ended generation is the request path's to
        # renew (it needs the database), and until then nothing is trusted.
        value = cache.get(GENERATION_KEY)
        if not is_current(value):
            value = None
        with self._lock:
            if (
                value is None
                or self.generation is None
                or self.generation[0] != value[0]
            ):
                # Copies of an earlier generation are never served again.
                self._pages.clear()
                self._changed.clear()
                self._bytes = 0
            # The same generation, caught up with a change (a new stamp):
            # the copies it touched were dropped as it was announced.
            self.generation = value

    def _still_configured(self, url: str, channel: str) -> bool:
        return (
            self._thread is threading.current_thread()
            and settings.PAGE_NEAR_CACHE_BYTES > 0
            and redis_url() == url
            and cache.make_key(CHANNEL) == channel
        )

    def _listen(self, url: str, channel: str) -> None:
        import redis

        pause = 0.1
        while self._still_configured(url, channel):
            pubsub = None
            try:
                client = redis.Redis.from_url(
                    url,
                    socket_connect_timeout=2,
                    socket_timeout=5,
                    health_check_interval=10,
                )
                pubsub = client.pubsub()
                pubsub.subscribe(channel)
                while self._still_configured(url, channel):
                    message = pubsub.get_message(timeout=5)
                    if message is None:
                        pubsub.check_health()
                    elif message["type"] == "subscribe":
                        # Subscribed first, read second: nothing published
                        # after the read can be missed. Whatever happened
                        # before is for the database to say.
                        authority.expire()
                        self._read_generation()
                        pause = 0.1
                    elif message["type"] == "message":
                        if message["data"] != b"1":
                            self._drop(message["data"])
                        # Read, not taken from the message: with several
                        # changes in flight, the last one set wins.
                        self._read_generation()
            except Exception as exc:
                with self._lock:
                    if self._thread is threading.current_thread():
                        self._forget()
                # Redis may come back from its saved data with a generation
                # older than a change made while it was away.
                authority.expire()
                warn("Page cache unavailable, serving uncached", exc)
                time.sleep(pause)
                pause = min(pause * 2, 5)
            finally:
                if pubsub is not None:
                    with contextlib.suppress(Exception):
                        pubsub.close()
        # Configured otherwise since (the tests do): a new subscriber starts
        # when one is needed again.
        with self._lock:
            if self._thread is threading.current_thread():
                self._forget()
                self._started_for = self._thread = None


near = NearCache()
