"""The middleware serving and storing whole pages (see the package)."""

from __future__ import annotations

import hashlib
import time
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.db import Error
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import staff, versions
from .common import GENERATION_KEY, is_current, warn
from .generations import renew
from .keys import GONE, page_keys
from .near import near
from .stamps import authority

# What a view says when its page is not for every reader.
_CACHE_CONTROL_PRIVATE = {"private", "no-store", "no-cache"}


def _key(request) -> str:
    # The page names its own address (canonical link, sharing links), so
    # each scheme and host has its own copy.
    return (
        f"pagecache:page:{request.method}:{request.scheme}://"
        f"{request.get_host()}{request.get_full_path()}"
    )


def _of(generation: tuple, page) -> tuple | None:
    """``page`` as read from the cache, if stored under ``generation`` (and
    by this release: an older one stored no dependencies, expiry or frame
    exemption)."""
    if (
        isinstance(page, tuple)
        and len(page) == 8
        and page[0] == generation[0]
        and time.time() < page[6]
    ):
        return page
    return None


def _fresh(generation: tuple, page: tuple | None) -> tuple | None:
    """``page`` if stored under ``generation`` and none of what it shows
    changed since it was rendered."""
    if page is not None and versions.fresh(generation[0], page[4], page[5]):
        return page
    return None


def _may_serve_stale(generation: tuple, page: tuple) -> bool:
    """Whether the previous copy ``page`` may stand in while the page
    renders again: not once its own object left the public (``keys.gone``),
    as its new answer is a 404 or a redirect, not an update."""
    own = [key for key in page[5] if key.startswith(GONE)]
    return not own or versions.fresh(generation[0], page[4], own)


def _respond(page: tuple, how: str) -> HttpResponse:
    status, headers, content, exempt = page[1], page[2], page[3], page[7]
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    # X-Frame-Options is written above the cache: a view exempted from it
    # (``@xframe_options_exempt``) stays exempted when served from it.
    response.xframe_options_exempt = exempt
    response["X-Page-Cache"] = how
    return response


def _words(header: str) -> set[str]:
    return {
        word.split("=", 1)[0].strip().lower()
        for word in header.split(",")
        if word.strip()
    }


def _deleted(morsel) -> bool:
    """Whether a Set-Cookie only removes its cookie (empty, expired)."""
    return morsel.value == "" and str(morsel["max-age"]) == "0"


def _storable(request, response) -> bool:
    """Whether a reader's page may be handed to every other reader."""
    # Pages are kept by address alone: one may vary on the cookies (only
    # pages rendered for no one in particular are stored) and, while the
    # site has one language, on the language; on nothing else.
    may_vary = {"cookie"}
    if len(settings.LANGUAGES) == 1:
        may_vary.add("accept-language")
    return (
        response.status_code == 200
        and not response.streaming
        # A cookie is for this visitor alone (and a page setting one, such
        # as a CSRF token, holds its value); a cookie being deleted (Django
        # deletes an unknown session cookie) carries nothing of the visitor,
        # and stored pages carry no cookies at all.
        and all(_deleted(morsel) for morsel in response.cookies.values())
        # A nonce must never be handed to a second reader: not one the view
        # used (made on first use, django-csp's lazy nonce and ours alike;
        # the CSP layer, above this one, writes its header only later),
        # nor one in a policy the view wrote itself.
        and request.__dict__.get("_csp_nonce") is None
        and "nonce-" not in response.get("Content-Security-Policy", "")
        # The view said the page is not for sharing.
        and not _words(response.get("Cache-Control", "")) & _CACHE_CONTROL_PRIVATE
        and _words(response.get("Vary", "")) <= may_vary
    )


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous GET requests (see the
    package).

    It sits before the session and authentication middleware, so a hit does
    none of the work of the layers below; what those layers add to a
    response (Vary, X-Frame-Options…) was stored with the page. A hit is
    served from this process's near copy when it has one ("near", no round
    trip), else from the shared cache ("hit", one round trip that fetches
    the generation and the page together). Only a request carrying a valid
    staff mark (``staff``) goes past it; any other is a reader's, and what
    the view renders is stored only if it turned out to be for no one in
    particular.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Not pages (``PAGE_CACHE_SKIPPED_PREFIXES``): passed through untouched.
        self.skipped = tuple(settings.PAGE_CACHE_SKIPPED_PREFIXES)
        self.admin = "/" + settings.ADMIN_URL

    def __call__(self, request):
        # What the address names in the site (SCRIPT_NAME aside); the cache
        # key keeps the full path (``_key``).
        path = request.path_info
        if path.startswith(self.skipped):
            return self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or path.startswith(self.admin)
            or staff.marked(request)
        ):
            response = self.get_response(request)
            staff.keep_in_step(request, response)
            if staff.signed_in(request):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self._render(request)[0]
        key = _key(request)
        generation = near.trusted_generation()
        if is_current(generation) and authority.matches(generation[3]):
            page = near.get(key, generation[0])
            if page is not None:
                return _respond(page, "near")
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = renew(found.get(GENERATION_KEY))
            page = _of(generation, found.get(key))
            if _fresh(generation, page) is not None:
                near.put(key, page)
                return _respond(page, "hit")
        except Exception as exc:
            return self._unavailable(request, exc)
        return self._miss(request, key, generation, page)

    def _unavailable(self, request, exc):
        if not isinstance(exc, Error):
            # The cache may come back with a generation older than a
            # change made meanwhile: read the database's stamp again.
            authority.expire()
        warn("Page cache unavailable, serving uncached", exc)
        return self._render(request)[0]

    def _miss(self, request, key: str, generation: tuple, stale: tuple | None):
        """Render the page, one request at a time: while one renders it,
        the others get the copy it replaces (``stale``, of the same
        generation) or, without one, wait a little for it."""
        lock = f"pagecache:render:{key}"
        try:
            mine = cache.add(lock, 1, settings.PAGE_RENDER_LOCK_SECONDS)
            if not mine:
                if stale is not None and _may_serve_stale(generation, stale):
                    return _respond(stale, "stale")
                page = self._wait(key, lock, generation)
            else:
                # Another render may have stored the page and let go of the
                # lock between this request's look and its taking the lock.
                page = _fresh(generation, _of(generation, cache.get(key)))
            if page is not None:
                if mine:
                    cache.delete(lock)
                return _respond(page, "hit")
            rendered_at = versions.clock(generation[0])
        except Exception as exc:
            return self._unavailable(request, exc)
        try:
            return self._store(
                request, key, generation, rendered_at, replaces=stale is not None
            )
        finally:
            if mine:
                try:
                    cache.delete(lock)
                except Exception as exc:
                    warn("Page cache unavailable, serving uncached", exc)

    @staticmethod
    def _wait(key: str, lock: str, generation: tuple) -> tuple | None:
        """The page another request is rendering, once stored; None if it
        takes longer than ``PAGE_RENDER_WAIT_SECONDS`` or is not stored."""
        deadline = time.monotonic() + settings.PAGE_RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.02)
            found = cache.get_many([key, lock])
            if page := _fresh(generation, _of(generation, found.get(key))):
                return page
            if lock not in found:
                return None
        return None

    def _store(
        self,
        request,
        key: str,
        generation: tuple,
        rendered_at: int,
        *,
        replaces: bool = False,
    ):
        """Render the page and store it if it is for every reader; if not
        (a 404 now, a private page, a failed render), drop the copy it
        ``replaces``: that copy is out of date (something it shows changed),
        so it stands in only while a render runs, never after, even while
        renders keep failing."""
        response, for_readers = self._render(request, time.time())
        if not (for_readers and _storable(request, response)):
            if replaces:
                try:
                    cache.delete(key)
                except Exception as exc:
                    warn("Page cache unavailable, serving uncached", exc)
            return response
        dependencies = page_keys(request)
        page = (
            generation[0],
            response.status_code,
            list(response.items()),
            response.content,
            rendered_at,
            dependencies,
            # When the shared copy expires: the near ones with it.
            time.time() + settings.PAGE_CACHE_SECONDS,
            getattr(response, "xframe_options_exempt", False),
        )
        try:
            versions.ensure(generation[0], dependencies)
            cache.set(key, page, settings.PAGE_CACHE_SECONDS)
        except Exception as exc:
            warn("Page cache unavailable, serving uncached", exc)
        else:
            near.put(key, page)
        response["X-Page-Cache"] = "miss"
        return response

    def _render(self, request, since: float | None = None) -> tuple[HttpResponse, bool]:
        """The view's response, and whether it is a reader's: a signed-in
        user's page (a staff member without a valid mark) is private,
        never stored, and gets the mark for next time."""
        response = self.get_response(request)
        staff.keep_in_step(request, response)
        if staff.signed_in(request):
            patch_cache_control(response, private=True, no_cache=True)
            return response, False
        return self._public(response, since), True

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
            # Stored, it is served only until what it shows changes.
            response["Last-Modified"] = formatdate(since, usegmt=True)
        if not response.streaming and not response.has_header("ETag"):
            # SHA-1 where MD5 was: three times as fast on processors with
            # its instructions (most since 2017; 46 against 153 µs for the
            # seed article's 57 KB), about as fast without them.
            digest = hashlib.sha1(response.content, usedforsecurity=False)
            response["ETag"] = f'"{digest.hexdigest()}"'
        return response
