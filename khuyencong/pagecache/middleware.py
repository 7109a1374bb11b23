"""The middleware serving and storing whole pages (see the package)."""

from __future__ import annotations

import hashlib
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.db import Error
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from .common import GENERATION_KEY, is_current, warn
from .generations import renew
from .near import near
from .stamps import authority

# Not pages: files, the health check, and the load benchmark's yardstick
# (which must stay a bare view).
SKIPPED_PREFIXES = ("/static/", "/media/", "/healthz", "/__bench/")


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and not request.path.startswith("/" + settings.ADMIN_URL)
        and not _signed_in(request)
    )


def _signed_in(request) -> bool:
    # Readers never get a session: a session cookie means staff (or a
    # former login), who must see the site live.
    return settings.SESSION_COOKIE_NAME in request.COOKIES


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


def _storable(response) -> bool:
    """Whether a reader's page may be handed to every other reader."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A nonce must never be handed to a second reader.
        and "nonce-" not in response.get("Content-Security-Policy", "")
    )


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous GET requests (see the
    package).

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
        if not _cacheable(request):
            response = self.get_response(request)
            if _signed_in(request) and not request.path.startswith(SKIPPED_PREFIXES):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self._public(self.get_response(request), None)
        key = _key(request)
        generation = near.trusted_generation()
        if is_current(generation) and authority.matches(generation[3]):
            page = near.get(key, generation[0])
            if page is not None:
                return _respond(page, "near")
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = renew(found.get(GENERATION_KEY))
        except Exception as exc:
            if not isinstance(exc, Error):
                # The cache may come back with a generation older than a
                # change made meanwhile: read the database's stamp again.
                authority.expire()
            warn("Page cache unavailable, serving uncached", exc)
            return self._public(self.get_response(request), None)
        page = found.get(key)
        if page is not None and page[0] == generation[0]:
            near.put(key, page)
            return _respond(page, "hit")
        response = self._public(self.get_response(request), generation[1])
        if _storable(response):
            page = (
                generation[0],
                response.status_code,
                list(response.items()),
                response.content,
            )
            try:
                cache.set(key, page, settings.PAGE_CACHE_SECONDS)
            except Exception as exc:
                warn("Page cache unavailable, serving uncached", exc)
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
