"""What every answer of the JSON API shares: JSON with Vietnamese text as
it is, errors in Vietnamese (400, never 422 or 500), pages of a listing,
``Last-Modified``, and CORS for reading.

``ETag`` is not set here: ``ConditionalGetMiddleware`` (settings) hashes
each answer and answers a matching ``If-None-Match`` or a not older
``If-Modified-Since`` with 304.
"""

from __future__ import annotations

import math
from functools import wraps
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja.renderers import JSONRenderer

from khuyencong.params import MAX_PAGE, api_error_response

#: A page of a listing: at most this many items (``page_size``).
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100
READ_METHODS = ("GET", "HEAD")


class Renderer(JSONRenderer):
    """JSON as UTF-8, Vietnamese letters as they are (not ``\\u1ea1``)."""

    json_dumps_params = {"ensure_ascii": False}


def _error_message(error: dict) -> str:
    """A pydantic error (its ``type`` and ``ctx``) said in Vietnamese."""
    if "message" in error:
        return str(error["message"])
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("phải là số nguyên (chỉ gồm chữ số)")
    if kind in ("greater_than_equal", "greater_than"):
        return _("phải từ %(min)s trở lên") % {"min": next(iter(ctx.values()), "")}
    if kind in ("less_than_equal", "less_than"):
        return _("phải từ %(max)s trở xuống") % {"max": next(iter(ctx.values()), "")}
    if kind in ("string_too_long", "too_long"):
        return _("tối đa %(max)s ký tự") % {"max": ctx.get("max_length")}
    if kind in ("literal_error", "enum"):
        return _("phải là một trong: %(allowed)s") % {
            "allowed": str(ctx.get("expected", "")).replace("'", "")
        }
    if kind == "string_pattern_mismatch":
        return _("chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang và gạch dưới")
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return _("phải là ngày dạng YYYY-MM-DD")
    return _("không hợp lệ")


def validation_error(request, exc, api):
    """400 naming each parameter and what it accepts."""
    problems = [
        {
            "name": str(error["loc"][-1]) if error.get("loc") else "",
            "message": _error_message(error),
        }
        for error in exc.errors
    ]
    return api.create_response(
        request,
        {"detail": _("Yêu cầu không hợp lệ"), "problems": problems},
        status=400,
    )


def not_found(request, exc, api):
    return api.create_response(
        request,
        {"detail": str(exc) or _("Không tìm thấy.")},
        status=404,
    )


def cors_get_only(view):
    """Any site may read (GET, HEAD) without credentials; a preflight is
    answered for those methods only. Other methods are refused by the
    view itself (405)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = ", ".join((*READ_METHODS, "OPTIONS"))
        elif request.method == "HEAD":
            response = _as_head(view, request, *args, **kwargs)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 405:
                response = _not_allowed(request, response["Allow"])
        if request.method in (*READ_METHODS, "OPTIONS"):
            response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def _as_head(view, request, *args, **kwargs) -> HttpResponse:
    """HEAD is GET without the body (django-ninja routes GET only), as the
    preflight and ``Allow`` promise."""
    request.method = "GET"
    try:
        response = view(request, *args, **kwargs)
    finally:
        request.method = "HEAD"
    if not response.streaming:
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
    return response


def _not_allowed(request, allowed: str) -> HttpResponse:
    """django-ninja's 405 is plain text: the API's errors are JSON."""
    message = _(
        "Không dùng được phương thức %(method)s ở địa chỉ này; chỉ %(allowed)s."
    ) % {"method": request.method, "allowed": allowed}
    response = api_error_response(request, {"detail": message}, status=405)
    response["Allow"] = allowed
    return response


def set_last_modified(response: HttpResponse, objects) -> None:
    """``Last-Modified``: the latest change among ``objects`` (their
    ``updated_at``). A listing that lost an item is told apart by its
    ``ETag`` (a hash of the answer), which conditional GET checks first."""
    stamps = [o.updated_at for o in objects if getattr(o, "updated_at", None)]
    if stamps:
        response["Last-Modified"] = http_date(max(stamps).timestamp())


def page_link(request, params: dict, page: int) -> str:
    """The address of another page of the listing, with the same
    (validated) filters."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    query["page"] = page
    return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")


def _page_bounds(params: dict, count: int) -> tuple[int, int, int]:
    """The page asked for, its size and the number of pages; a page past
    the last is 404, as on the site's pages."""
    page, size = params.get("page") or 1, params.get("page_size") or DEFAULT_PAGE_SIZE
    pages = max(1, math.ceil(count / size))
    if page > pages:
        raise Http404(_("Trang %(page)s không có: chỉ có %(pages)s trang.") % {
            "page": page, "pages": pages,
        })  # fmt: skip
    return page, size, pages


def _page_answer(request, params: dict, *, page: int, pages: int, count: int, items):
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "next": page_link(request, params, page + 1) if page < pages else None,
        "previous": page_link(request, params, page - 1) if page > 1 else None,
        "items": items,
    }


def paginate(request, response, queryset, params: dict):
    """One page of ``queryset`` (two queries: the count and the page),
    with its neighbours' addresses. ``params``: the validated query, with
    ``page`` and ``page_size``."""
    count = queryset.count()
    page, size, pages = _page_bounds(params, count)
    items = list(queryset[(page - 1) * size : page * size])
    set_last_modified(response, items)
    return _page_answer(
        request, params, page=page, pages=pages, count=count, items=items
    )


def paginate_list(request, items: list, params: dict) -> dict:
    """One page of ``items`` computed in memory (an area's cells: the sums
    need every input, the answer only a page of them), as ``paginate``."""
    page, size, pages = _page_bounds(params, len(items))
    return _page_answer(
        request,
        params,
        page=page,
        pages=pages,
        count=len(items),
        items=items[(page - 1) * size : page * size],
    )


def keyset_paginate(request, response, queryset, params: dict):
    """One page of ``queryset`` by its primary key (keyset pagination):
    the page after ``cursor`` (the last ``id`` of a page), or before
    ``before``, or the first; each costs the same two queries (the count
    and the page) and the same time however deep, where ``page=N`` must
    skip N pages' rows (OFFSET). ``next``/``previous`` carry the cursor.
    ``page`` is still read for the first pages, as before."""
    cursor, before = params.get("cursor"), params.get("before")
    if cursor is None and before is None:
        return _with_cursors(request, paginate(request, response, queryset, params))
    size = params.get("page_size") or DEFAULT_PAGE_SIZE
    count, beyond = _count_and_beyond(queryset, cursor=cursor, before=before)
    if cursor is not None:
        items = list(queryset.filter(pk__gt=cursor).order_by("pk")[: size + 1])
        more_after, more_before = len(items) > size, beyond
        items = items[:size]
    else:
        items = list(queryset.filter(pk__lt=before).order_by("-pk")[: size + 1])
        more_after, more_before = beyond, len(items) > size
        items = items[:size][::-1]
    set_last_modified(response, items)
    query = {k: v for k, v in params.items() if k not in ("page", "cursor", "before")}
    return {
        "count": count,
        "page": None,
        "pages": max(1, math.ceil(count / size)),
        "next": _cursor_link(request, query, cursor=items[-1].pk)
        if items and more_after
        else None,
        "previous": _cursor_link(request, query, before=items[0].pk)
        if items and more_before
        else None,
        "items": items,
    }


def _count_and_beyond(queryset, *, cursor, before) -> tuple[int, bool]:
    """The listing's count, and whether any of it lies on the far side of
    the cursor (at or before ``cursor``, at or after ``before``): one query.
    A first page reached by any cursor (0, 00, an id below the first)
    then offers no previous page, a last one no next."""
    edge = Q(pk__lte=cursor) if cursor is not None else Q(pk__gte=before)
    counts = queryset.order_by().aggregate(
        count=Count("pk"), beyond=Count("pk", filter=edge)
    )
    return counts["count"], counts["beyond"] > 0


def _with_cursors(request, page: dict) -> dict:
    """A numbered page whose ``next`` continues by cursor (its last id)."""
    if page["next"] and page["items"]:
        query = dict(parse_qsl(urlsplit(page["next"]).query))
        query.pop("page", None)
        page["next"] = _cursor_link(request, query, cursor=page["items"][-1].pk)
    return page


def _cursor_link(request, params: dict, **cursor) -> str:
    query = {k: v for k, v in params.items() if v not in (None, "")}
    query.update(cursor)
    return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")


__all__ = [
    "MAX_PAGE",
    "MAX_PAGE_SIZE",
    "Renderer",
    "cors_get_only",
    "keyset_paginate",
    "paginate",
]
