"""Whole public pages cached for anonymous readers, invalidated on change.

Every page is stored under the current *generation*: any change to what
public pages show (an article, a category, a figure, a data block, a
correction) starts a new generation, so the next request renders afresh and
publishing appears at once. A scheduled article becomes public without any
save, so no page is kept past the next scheduled publication time.

Logged-in users (staff previewing drafts) are never served from or stored
in the cache. If the cache is down (Redis stopped), pages are served
uncached and a warning is logged.

With Redis, each process also keeps near copies of the pages it served
(``NearCache``), told of every new generation over Redis pub/sub.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

log = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Where invalidate() tells every process that a new generation began
# (under the cache's key prefix, as channels are shared by all databases).
CHANNEL = "pagecache:invalidations"
# Not pages: files, the health check, and the load benchmark's yardstick
# (which must stay a bare view).
SKIPPED_PREFIXES = ("/static/", "/media/", "/healthz", "/__bench/")
_last_warning = 0.0


def _warn(exc: Exception) -> None:
    # One warning a minute is enough to tell the cache is down.
    global _last_warning
    if time.monotonic() - _last_warning > 60:
        _last_warning = time.monotonic()
        log.warning("Page cache unavailable, serving uncached: %s", exc)


def _new_generation() -> tuple[str, float, float | None]:
    token = hashlib.sha1(str(time.time_ns()).encode()).hexdigest()[:12]
    upcoming = _next_publication()
    return token, time.time(), upcoming.timestamp() if upcoming else None


def _current(generation: tuple | None) -> bool:
    """Whether ``generation`` (name, when it began, when the next scheduled
    article goes public, all epoch seconds) exists and has not ended."""
    return generation is not None and (
        generation[2] is None or time.time() < generation[2]
    )


def _generation(stored: tuple | None) -> tuple[str, float, float | None]:
    """The current generation: ``stored`` (as read from the cache) or, if it
    is missing or has ended, a new one, announced to every process."""
    if _current(stored):
        return stored
    value = _new_generation()
    cache.set(GENERATION_KEY, value, None)
    _publish()
    return value


def changed(**_kwargs) -> None:
    """Signal receiver: a public page may show what changed. Invalidate once
    the change is committed, or a request in between could store the old page
    under the new generation."""
    transaction.on_commit(invalidate)


def invalidate(**_kwargs) -> None:
    """Start a new generation: every cached page is stale from now on."""
    try:
        cache.set(GENERATION_KEY, _new_generation(), None)
        _publish()
    except Exception as exc:  # the cache being down must not stop a save
        _warn(exc)


def _next_publication():
    from news.models import Article

    return (
        Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def _signed_in(request) -> bool:
    # Readers never get a session: a session cookie means staff (or a
    # former login), who must see the site live.
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _public_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and not request.path.startswith("/" + settings.ADMIN_URL)
        and not _signed_in(request)
    )


class NearCache:
    """This process's own copy of the pages it served lately, so that a hit
    costs no network round trip at all.

    A copy is only as good as the generation it was stored under, so the
    copy is trusted only while a background thread is subscribed to the
    invalidation channel in Redis: ``invalidate()`` publishes there after
    starting a new generation, and the thread reads the new generation at
    once (a few milliseconds later in every worker on every host). While
    the subscription is down (Redis restarted, network cut), nothing is
    served from here; after it is back, the generation is read afresh, so
    a change announced in between is not missed.

    Only with Redis as the cache; with the local-memory cache the cache
    itself is in the process already.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._started_for: tuple | None = None
        self._thread = None
        self.generation: tuple | None = None
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0

    @staticmethod
    def redis_url() -> str | None:
        config = settings.CACHES["default"]
        if config["BACKEND"] != "django.core.cache.backends.redis.RedisCache":
            return None
        location = config["LOCATION"]
        return location[0] if isinstance(location, list | tuple) else location

    def trusted_generation(self) -> tuple | None:
        """The current generation if this process may serve its own copies;
        starts the subscriber in a newly forked worker (a fork inherits the
        parent's state, not its thread) or for a new configuration."""
        if settings.PAGE_NEAR_CACHE_BYTES <= 0:
            return None
        url = self.redis_url()
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
        with self._lock:
            page = self._pages.get(key)
            if page is None or page[0] != token:
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: tuple) -> None:
        generation = self.generation
        if generation is None or page[0] != generation[0]:
            return
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
        self._bytes = 0

    def _read_generation(self) -> None:
        # Only read: a missing or ended generation is the request path's to
        # renew (it needs the database), and until then nothing is trusted.
        value = cache.get(GENERATION_KEY)
        if not _current(value):
            value = None
        with self._lock:
            if value is None or self.generation != value:
                # Copies of an earlier generation are never served again.
                self._pages.clear()
                self._bytes = 0
            self.generation = value

    def _still_configured(self, url: str, channel: str) -> bool:
        return (
            self._thread is threading.current_thread()
            and settings.PAGE_NEAR_CACHE_BYTES > 0
            and self.redis_url() == url
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
                        # after the read can be missed.
                        self._read_generation()
                        pause = 0.1
                    elif message["type"] == "message":
                        # Read, not taken from the message: with several
                        # changes in flight, the last one set wins.
                        self._read_generation()
            except Exception as exc:
                with self._lock:
                    if self._thread is threading.current_thread():
                        self._forget()
                _warn(exc)
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


def _publish() -> None:
    url = NearCache.redis_url()
    if url is None:
        return
    import redis

    with redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5) as r:
        r.publish(cache.make_key(CHANNEL), b"1")


def _key(request) -> str:
    # The page names its own address (canonical link, sharing links), so
    # each scheme and host has its own copy.
    return (
        f"pagecache:page:{request.method}:{request.scheme}://"
        f"{request.get_host()}{request.get_full_path()}"
    )


def _respond(page: tuple, how: str) -> HttpResponse:
    _token, status, headers, content = page
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = how
    return response


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous GET requests (see module).

    It sits before the session and authentication middleware, so a hit does
    none of the work of the layers below; what those layers add to a
    response (Vary, X-Frame-Options…) was stored with the page. A hit is
    served from this process's near copy when it has one ("near", no round
    trip), else from the shared cache ("hit", one round trip that fetches
    the generation and the page together).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _public_request(request):
            response = self.get_response(request)
            if _signed_in(request) and not request.path.startswith(SKIPPED_PREFIXES):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self._public(self.get_response(request), None)
        key = _key(request)
        generation = near.trusted_generation()
        if _current(generation):
            page = near.get(key, generation[0])
            if page is not None:
                return _respond(page, "near")
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = _generation(found.get(GENERATION_KEY))
            page = found.get(key)
        except Exception as exc:
            _warn(exc)
            return self._public(self.get_response(request), None)
        if page is not None and page[0] == generation[0]:
            near.put(key, page)
            return _respond(page, "hit")
        response = self._public(self.get_response(request), generation[1])
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A nonce must never be handed to a second reader.
            and "nonce-" not in response.get("Content-Security-Policy", "")
        ):
            page = (
                generation[0],
                response.status_code,
                list(response.items()),
                response.content,
            )
            try:
                cache.set(key, page, settings.PAGE_CACHE_SECONDS)
            except Exception as exc:
                _warn(exc)
            else:
                near.put(key, page)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _public(response, since: float | None):
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            must_revalidate=True,
            s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
        )
        patch_vary_headers(response, ["Cookie"])
        if since is not None and not response.has_header("Last-Modified"):
            # The page cannot have changed since the generation began.
            response["Last-Modified"] = formatdate(since, usegmt=True)
        if not response.streaming and not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False)
            response["ETag"] = f'"{digest.hexdigest()}"'
        return response


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
