"""Whole public pages cached for anonymous readers, invalidated on change.

Every page is stored under the current *generation*: any change to what
public pages show (an article, a category, a figure, a data block, a
correction) starts a new generation, so the next request renders afresh and
publishing appears at once. A scheduled article becomes public without any
save, so no page is kept past the next scheduled publication time.

Logged-in users (staff previewing drafts) are never served from or stored
in the cache. If the cache is down (Redis stopped), pages are served
uncached and a warning is logged.
"""

from __future__ import annotations

import hashlib
import logging
import time
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

log = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
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


def _generation() -> tuple[str, float, float | None]:
    """The current generation: its name, when it began (epoch seconds), and
    when the next scheduled article goes public (it ends the generation)."""
    value = cache.get(GENERATION_KEY)
    if value is None or (value[2] is not None and time.time() >= value[2]):
        value = _new_generation()
        cache.set(GENERATION_KEY, value, None)
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


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous GET requests (see module).

    It sits before the session and authentication middleware, so a hit
    costs one cache round trip (the generation and the page are fetched
    together) and none of the work of the layers below; what those layers
    add to a response (Vary, X-Frame-Options…) was stored with the page.
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
        key = f"pagecache:page:{request.method}:{request.get_full_path()}"
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            if generation is None or (
                generation[2] is not None and time.time() >= generation[2]
            ):
                generation = _generation()
            page = found.get(key)
        except Exception as exc:
            _warn(exc)
            return self._public(self.get_response(request), None)
        if page is not None and page[0] == generation[0]:
            _token, status, headers, content = page
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self._public(self.get_response(request), generation[1])
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
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
