"""Requests no page should see, and the admin kept out of search engines."""

import re
from urllib.parse import parse_qsl, unquote_plus

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .middleware import drop_tracking
from .params import canonical_redirect, invalid_request_response

# C0 controls and DEL: never part of an address a person or a link makes.
# PostgreSQL refuses NUL in any text, so one reaching a query is a 500.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
#: Longest query string a public page accepts (every parameter it reads is
#: shorter than this; the admin's filters are exempt).
MAX_PUBLIC_QUERY_STRING = 2048


class RequestHardeningMiddleware:
    """Answer 400 to any request whose path or query string carries control
    characters, or whose public query string is absurdly long, before
    anything (the page cache, a view, the ORM) reads it; mark every admin
    response ``X-Robots-Tag: noindex`` (robots.txt does not name the admin,
    whose address may be a secret: ``ADMIN_URL``); drop a public GET's
    tracking parameters and redirect one carrying parameters its page does
    not read (``middleware.drop_tracking``, ``params.canonical_redirect``);
    and give Django's empty
    405 the portal's error page (``method_not_allowed_page``: here rather
    than in a layer of its own, one call fewer on every request)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin = "/" + settings.ADMIN_URL

    def __call__(self, request):
        admin = request.path_info.startswith(self.admin)
        problem = self.problem(request, admin=admin)
        if problem:
            return invalid_request_response(request, [problem])
        # Before the page cache: a click id, or any parameter a page does
        # not read, must not make a page new.
        if (
            not admin
            and request.META.get("QUERY_STRING")
            and request.method in ("GET", "HEAD")
        ):
            drop_tracking(request)
            redirect = canonical_redirect(request)
            if redirect is not None:
                return redirect
        response = self.get_response(request)
        if response.status_code == 405:
            method_not_allowed_page(response)
        if admin:
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response

    @staticmethod
    def problem(request, *, admin: bool) -> dict | None:
        query = request.META.get("QUERY_STRING", "")
        if CONTROL_CHARACTERS.search(request.path) or (
            query and CONTROL_CHARACTERS.search(unquote_plus(query))
        ):
            name = _parameter_with_control(query)
            return {
                "label": _("Tham số") if name else _("Địa chỉ trang"),
                "name": name,
                "message": _(
                    "có ký tự điều khiển (như NUL hoặc xuống dòng), là ký tự không "
                    "được dùng trong tham số"
                )
                if name
                else _(
                    "có ký tự điều khiển (như NUL hoặc xuống dòng), không thể là "
                    "địa chỉ của một trang"
                ),
            }
        if not admin and len(query) > MAX_PUBLIC_QUERY_STRING:
            return {
                "label": _("Phần tham số của địa chỉ"),
                "message": _("dài %(length)s ký tự, tối đa %(max)s")
                % {"length": len(query), "max": MAX_PUBLIC_QUERY_STRING},
            }
        return None


def method_not_allowed_page(response) -> None:
    """A 405 (say, a GET of an address that only takes a form's POST) comes
    from Django with an empty body: it gets the portal's short error page,
    in Vietnamese, like the other errors."""
    if response.streaming or response.content:
        return
    response.content = render_to_string("405.html")
    response["Content-Type"] = "text/html; charset=utf-8"
    # CommonMiddleware (inner) already said 0: gunicorn sends no more bytes
    # than the header says.
    response["Content-Length"] = str(len(response.content))


def _parameter_with_control(query: str) -> str:
    """The name of the first parameter whose value carries a control
    character, so the answer can name it; empty when it is in a name (not
    repeated back) or in the path."""
    for name, value in parse_qsl(query, keep_blank_values=True):
        if CONTROL_CHARACTERS.search(name):
            return ""
        if CONTROL_CHARACTERS.search(value):
            return name
    return ""
