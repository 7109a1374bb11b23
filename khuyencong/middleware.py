"""Cross-cutting request handling: the access log, the client's address,
and the CSP nonce on import maps."""

import logging
import re
import time

from django.conf import settings

log = logging.getLogger("khuyencong.requests")


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT
    proxies, the address the outermost trusted proxy saw (X-Forwarded-For is
    read from the right, so a client cannot choose it)."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


class RequestLogMiddleware:
    """One line per request: method, path, status, milliseconds, client, user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        log.info(
            "%s %s %s %.1fms ip=%s user=%s",
            request.method,
            request.get_full_path()[:300],
            response.status_code,
            (time.perf_counter() - started) * 1000,
            client_ip(request),
            user.get_username() if user is not None and user.is_authenticated else "-",
        )
        return response


_IMPORT_MAP = re.compile(rb'<script type="importmap"(?![^>]*\snonce=)')


class ImportMapNonceMiddleware:
    """Give inline import maps (django-prose-editor's, through django-js-asset)
    the request's CSP nonce.

    Django 5.2 renders form media without nonces, and an import map is an
    inline script to the Content-Security-Policy. Only ``<script
    type="importmap">`` is touched: any other inline script stays blocked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and b'type="importmap"' in response.content
        ):
            nonce = str(request.csp_nonce).encode()
            response.content = _IMPORT_MAP.sub(
                b'<script type="importmap" nonce="' + nonce + b'"', response.content
            )
        return response
