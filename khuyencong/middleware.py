"""Cross-cutting request handling: the access log, the client's address,
tracking parameters, the Content-Security-Policy header and its nonce on
import maps, and the layers only the admin needs."""

import base64
import logging
import os
import re
import secrets
import time
from urllib.parse import unquote_plus

from csp.constants import HEADER
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.messages.middleware import MessageMiddleware
from django.http.response import ResponseHeaders
from django.middleware.http import (
    ConditionalGetMiddleware as BaseConditionalGetMiddleware,
)
from django.middleware.locale import LocaleMiddleware as BaseLocaleMiddleware
from django.utils import translation
from django.utils.module_loading import import_string

from .headers import FixedHeaders
from .logs import Records

log = logging.getLogger("khuyencong.requests")


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT
    proxies, the address the outermost trusted proxy saw (X-Forwarded-For is
    read from the right, so a client cannot choose it)."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    # Read only behind trusted proxies (request.headers copies them all).
    forwarded = request.headers.get("x-forwarded-for", "") if count else ""
    if forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


class RequestLogMiddleware:
    """One line per request: method, path, status, milliseconds, client, user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not log.isEnabledFor(logging.INFO):
            return self.get_response(request)
        started = time.perf_counter()
        # As asked for, campaign tags included (the layers below drop them).
        query = request.META.get("QUERY_STRING", "")
        path = (f"{request.path}?{query}" if query else request.path)[:300]
        response = self.get_response(request)
        args = (
            request.method,
            path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
            client_ip(request),
            _username(request),
        )
        # log.info() less its search of the stack for the caller's line,
        # which the line's format does not show.
        log.handle(records.make(LINE, args))
        return response


LINE = "%s %s %s %.1fms ip=%s user=%s"
records = Records(log, logging.INFO, __file__)


def _username(request) -> str:
    # A page served before the authentication layers (a cached one) has no
    # user; one without a session cookie an anonymous one, not a lookup
    # (khuyencong.sessions).
    user = getattr(request, "user", None)
    return user.get_username() if user is not None and user.is_authenticated else "-"


# Click identifiers and campaign tags that sites and apps append to links.
TRACKING_PREFIXES = ("utm_", "mc_", "_hs")
TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "zarsrc",
        "_ga",
        "_gl",
    }
)


def _is_tracking(pair: str) -> bool:
    name = unquote_plus(pair.partition("=")[0]).lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def drop_tracking(request) -> None:
    """Drop click identifiers and campaign tags (``fbclid``, ``utm_*``,
    ``zarsrc``…) from a public GET's query string before anything reads it
    (``khuyencong.hardening``'s layer calls it).

    They change nothing on a page, but Facebook and Zalo add a different one
    to every click on a shared link: left in, a story shared widely would be
    a new page-cache entry per reader, and its canonical and share links
    would carry a stranger's click id. The access log keeps them.
    """
    pairs = request.META["QUERY_STRING"].split("&")
    kept = [pair for pair in pairs if pair and not _is_tracking(pair)]
    if len(kept) != len(pairs):
        # META is the WSGI environ that request.GET is parsed from.
        request.META["QUERY_STRING"] = "&".join(kept)
        request.__dict__.pop("GET", None)


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


def make_nonce(request) -> str:
    """The request's nonce, made on first use as django-csp makes it (16
    random bytes from the system, base64), the same one after."""
    nonce = request.__dict__.get("_csp_nonce")
    if nonce is None:
        nonce = request._csp_nonce = base64.b64encode(os.urandom(16)).decode("ascii")
    return nonce


class Nonce:
    """``request.csp_nonce``, as django-csp's lazy object does it (made on
    first use, true once made) for less than a lazy object costs: a plain
    object read as a string (``{{ request.csp_nonce }}``, ``str()``)."""

    __slots__ = ("request",)

    def __init__(self, request):
        self.request = request

    def __str__(self) -> str:
        return make_nonce(self.request)

    def __bool__(self) -> bool:
        return self.request.__dict__.get("_csp_nonce") is not None


class SpentNonce:
    """``request.csp_nonce`` once the header is written: using it is an
    error, as in django-csp (the policy would not name it)."""

    __slots__ = ()

    def __str__(self) -> str:
        BaseCSPMiddleware._csp_nonce_post_response()
        return ""

    def __bool__(self) -> bool:
        return False


SPENT = SpentNonce()
# What a view may set on its response to change its policy (django-csp's
# decorators): a response with any of them gets django-csp's own code.
_POLICY_CHANGES = frozenset(
    {"_csp_exempt", "_csp_config", "_csp_update", "_csp_replace"}
)
_STORED_NAME = HEADER.lower()


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's, with the header of a response that changes nothing of
    the policy built once per process (the settings do not change while it
    runs): as it is for a response that uses no nonce (most pages, every
    cached one), with the request's nonce put in for one that does; and a
    nonce object cheaper than its lazy one.

    The header is written to the response's header store directly
    (``ResponseHeaders._store``, Django's own since 3.2): its value is
    checked once here as Django checks every header, where writing it
    through the mapping checked it again on every response. So are the
    headers of Django's security and frame layers (``khuyencong.headers``),
    which sit above this one and then find them there.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        # A policy that depends on the request (report-only, excluded
        # addresses) is left to django-csp's code for every response.
        varies = getattr(
            settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None
        ) or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
        self.plain = self.parts = None
        if not varies:
            self.plain = build_policy()
            # The policy around the nonce (a nonce is base64: nothing in it
            # needs checking).
            mark = secrets.token_hex(16)
            self.parts = build_policy(nonce=mark).split(mark)
            ResponseHeaders({HEADER: self.plain, "X": "".join(self.parts)})
        self.fixed = FixedHeaders()

    def _make_nonce(self, request) -> str:
        return make_nonce(request)

    def __call__(self, request):
        request.csp_nonce = Nonce(request)
        return self.process_response(request, self.get_response(request))

    def process_request(self, request):
        request.csp_nonce = Nonce(request)

    def process_response(self, request, response):
        self.fixed.add(request, response)
        headers = response.headers._store
        if (
            self.plain is None
            or _STORED_NAME in headers
            or not _POLICY_CHANGES.isdisjoint(response.__dict__)
        ):
            return super().process_response(request, response)
        nonce = request.__dict__.get("_csp_nonce")
        if nonce is not None:
            headers[_STORED_NAME] = (HEADER, nonce.join(self.parts))
            return response
        if self.plain:
            headers[_STORED_NAME] = (HEADER, self.plain)
        # A nonce asked for after the header is written is an error, as in
        # django-csp.
        request.csp_nonce = SPENT
        return response


class LocaleMiddleware(BaseLocaleMiddleware):
    """Django's, except that with a single language (the portal's) it is
    set without reading the request: nothing there could choose another,
    and a response in one language does not vary with Accept-Language."""

    # The one-language path below is synchronous (Django adapts it under ASGI).
    async_capable = False

    def __init__(self, get_response):
        super().__init__(get_response)
        self.only = settings.LANGUAGE_CODE if len(settings.LANGUAGES) == 1 else None
        ResponseHeaders({"Content-Language": self.only or ""})

    def __call__(self, request):
        # MiddlewareMixin's __call__ looks both hooks up on every request.
        if self.only is None:
            return super().__call__(request)
        self.process_request(request)
        return self.process_response(request, self.get_response(request))

    def process_request(self, request):
        if self.only is None:
            return super().process_request(request)
        # Set on every request: a thread keeps the language of its last one,
        # and reading it costs more than setting it. With none set (which
        # get_language() cannot tell from LANGUAGE_CODE), every gettext and
        # get_language() of the request took the slow path of a missing
        # attribute.
        translation.activate(self.only)
        request.LANGUAGE_CODE = self.only
        return None

    def process_response(self, request, response):
        if self.only is None:
            return super().process_response(request, response)
        # As headers.setdefault() (the code checked once, in __init__).
        store = response.headers._store
        if "content-language" not in store:
            store["content-language"] = ("Content-Language", self.only)
        return response


class AdminOnlyMiddleware(MessageMiddleware):
    """What only the admin needs, run for its addresses alone (``ADMIN_URL``:
    its pages, its login and OTP forms, the portal's only sign-in): Django's
    messages, then ``ADMIN_ONLY_MIDDLEWARE`` (the import maps' nonce,
    simple_history's request, django-axes' lockout page). The public pages
    use none of them, and each layer costs every request. A subclass of
    Django's messages layer, so the admin's system check still finds it;
    django-axes' own check, which wants its layer in ``MIDDLEWARE``, is
    replaced by ``khuyencong.checks``. A message left for the admin waits
    there instead of being used up by a public page.

    Only middleware that works by ``__call__`` or ``process_request`` /
    ``process_response`` may be listed in ``ADMIN_ONLY_MIDDLEWARE`` (a
    ``process_view`` hook would not be registered).
    """

    async_capable = False

    def __init__(self, get_response):
        super().__init__(get_response)
        chain = get_response
        for path in reversed(settings.ADMIN_ONLY_MIDDLEWARE):
            chain = import_string(path)(chain)
        self.admin = chain
        self.prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if not request.path_info.startswith(self.prefix):
            return self.get_response(request)
        # MessageMiddleware's two hooks around the admin's own layers.
        self.process_request(request)
        return self.process_response(request, self.admin(request))


class ConditionalGetMiddleware(BaseConditionalGetMiddleware):
    """Django's, answering a conditional GET (304, 412) from the response's
    ETag and Last-Modified, but making no ETag itself: the page cache gives
    one to every public page (the only responses a browser or a CDN may
    keep; cached copies carry theirs), and hashing every other response
    (the admin's, private and rendered anew each time) cost every request.
    A request with no condition is left alone: there is nothing to answer."""

    async_capable = False

    def __call__(self, request):
        response = self.get_response(request)
        # The request headers that make a GET conditional (RFC 9110, section
        # 13.1), looked up one by one: a generator costs more than all four.
        meta = request.META
        if (
            "HTTP_IF_NONE_MATCH" in meta
            or "HTTP_IF_MODIFIED_SINCE" in meta
            or "HTTP_IF_MATCH" in meta
            or "HTTP_IF_UNMODIFIED_SINCE" in meta
        ):
            return self.process_response(request, response)
        return response

    def needs_etag(self, response):
        return False
