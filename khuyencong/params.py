"""Validated query parameters of public pages: one small form per page.

The rule, the same on every page:

- a parameter the page does not read, or one sent twice, is dropped by a
  permanent redirect to the address without it (``canonical_redirect``,
  before the page cache): a page has one address per meaning, so nobody can
  make it render afresh by adding ``?x=1``, ``?x=2``…;
- an empty value is the same as no value (the filter forms send empty
  selects for "all");
- repeated, the last value counts (as ``QueryDict.get``), after that redirect;
- a malformed value (wrong type, not one of the choices, too long) answers
  400 with a short Vietnamese page naming the parameter and what it accepts;
- a well-formed value that names nothing (an area code, a year without data,
  a page past the last) answers 404, like any address that names nothing.

Control characters (NUL…) anywhere in an address are refused before any
page reads it (``khuyencong.hardening``). Views read parameters only
through their form (``self.params``); ``tests/khuyencong/test_params.py``
walks every public route with hostile values for every parameter name.
"""

import re
from functools import wraps

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

#: Longest value any text parameter accepts.
MAX_TEXT_LENGTH = 200
#: Highest page number a listing accepts (far past any real listing).
MAX_PAGE = 1_000_000
_DIGITS = re.compile(r"[0-9]{1,9}")
#: Where the JSON API lives (``khuyencong.urls``): its errors are JSON,
#: even those answered before its views run (``api_error_response``).
API_PATH = "/api/"


def _message(text, **params):
    # Fields are built at import time: translate when the message is shown.
    return lazy(lambda: str(text) % params, str)()


class IntegerParameter(forms.IntegerField):
    """Digits only (no sign, decimals or exponent), within bounds."""

    def __init__(self, label, *, min_value: int, max_value: int):
        self.message = _message(
            _("phải là số nguyên từ %(min)s đến %(max)s"),
            min=min_value,
            max=max_value,
        )
        super().__init__(
            label=label,
            required=False,
            min_value=min_value,
            max_value=max_value,
            error_messages={
                "invalid": self.message,
                "min_value": self.message,
                "max_value": self.message,
            },
        )

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if not _DIGITS.fullmatch(value):
            raise ValidationError(self.message, code="invalid")
        return int(value)


class ChoiceParameter(forms.ChoiceField):
    def __init__(self, label, *, choices):
        allowed = ", ".join(str(value) for value, _label in choices)
        super().__init__(
            label=label,
            required=False,
            choices=choices,
            error_messages={
                "invalid_choice": _message(
                    _("phải là một trong: %(allowed)s"), allowed=allowed
                )
            },
        )


class TextParameter(forms.CharField):
    def __init__(self, label, *, max_length: int = MAX_TEXT_LENGTH):
        super().__init__(label=label, required=False)
        self.max_length = max_length
        self.validators = [
            validators.ProhibitNullCharactersValidator(
                message=_("không được chứa ký tự NUL")
            ),
            validators.MaxLengthValidator(
                max_length, message=_message(_("tối đa %(max)s ký tự"), max=max_length)
            ),
        ]


class SlugParameter(TextParameter):
    def __init__(self, label, *, max_length: int):
        super().__init__(label, max_length=max_length)
        self.validators.append(
            validators.RegexValidator(
                r"\A[-a-zA-Z0-9_]+\Z",
                message=_message(
                    _(
                        "chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang và "
                        "gạch dưới, tối đa %(max)s ký tự"
                    ),
                    max=max_length,
                ),
            )
        )


class QueryForm(forms.Form):
    """The query parameters a page reads (see the module's rule)."""


class PageQuery(QueryForm):
    """A paginated listing (Django's ``ListView`` reads ``page``)."""

    page = IntegerParameter(_("Trang"), min_value=1, max_value=MAX_PAGE)


class SitemapQuery(QueryForm):
    """Django's sitemap view reads ``p``."""

    p = IntegerParameter(_("Trang sơ đồ trang"), min_value=1, max_value=MAX_PAGE)


def is_api_request(request) -> bool:
    return request.path_info.startswith(API_PATH)


def api_error_response(request, payload: dict, *, status: int) -> JsonResponse:
    """An error of the JSON API as the API's own: JSON with Vietnamese
    letters as they are, readable by other sites (CORS), like its answers."""
    response = JsonResponse(
        payload, status=status, json_dumps_params={"ensure_ascii": False}
    )
    if request.method in ("GET", "HEAD", "OPTIONS"):
        response["Access-Control-Allow-Origin"] = "*"
    return response


def invalid_request_response(request, problems: list[dict]):
    """The 400 page, listing ``problems``: each a ``label`` and a
    ``message``, and for a parameter its ``name`` and the ``value`` sent.
    Under the API, its 400 (``detail`` and each problem's ``name`` and
    ``message``, the label said in the message when no parameter is named)."""
    if is_api_request(request):
        named = [
            {
                "name": p.get("name", ""),
                "message": str(p["message"])
                if p.get("name")
                else f"{p['label']}: {p['message']}",
            }
            for p in problems
        ]
        payload = {"detail": gettext("Yêu cầu không hợp lệ"), "problems": named}
        return api_error_response(request, payload, status=400)
    return render(request, "400.html", {"problems": problems}, status=400)


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def invalid_query_response(request, form: QueryForm):
    problems = [
        {
            "name": name,
            "label": form.fields[name].label,
            "value": _shown(form.data.get(name, "")),
            "message": "; ".join(errors),
        }
        for name, errors in form.errors.items()
    ]
    return invalid_request_response(request, problems)


class QueryParametersMixin:
    """Validate the query string with ``query_form_class`` before the view
    reads anything; the cleaned values are in ``self.params`` (and
    ``request.params``, for what reads the request after the view: the page
    cache's keys)."""

    query_form_class: type[QueryForm] = QueryForm

    def dispatch(self, request, *args, **kwargs):
        form = self.query_form_class(request.GET)
        if not form.is_valid():
            return invalid_query_response(request, form)
        self.params = request.params = form.cleaned_data
        return super().dispatch(request, *args, **kwargs)


def validate_query(form_class: type[QueryForm]):
    """``QueryParametersMixin`` for function views (``request.params``)."""

    def decorator(view):
        @wraps(view)
        def validated(request, *args, **kwargs):
            form = form_class(request.GET)
            if not form.is_valid():
                return invalid_query_response(request, form)
            request.params = form.cleaned_data
            return view(request, *args, **kwargs)

        validated.query_form_class = form_class
        return validated

    return decorator


def query_form_of(view) -> type[QueryForm]:
    """The query form a view function reads its parameters with (none: the
    view reads no parameter)."""
    view_class = getattr(view, "view_class", None)
    return getattr(view_class or view, "query_form_class", QueryForm)


def canonical_query(query: QueryDict, form_class: type[QueryForm]) -> QueryDict:
    """``query`` with only the parameters the form reads, each once (its
    last value, as the form reads it), in the order they came."""
    kept = QueryDict(mutable=True)
    for name in query:
        if name in form_class.base_fields:
            kept[name] = query[name]
    return kept


def canonical_redirect(request) -> HttpResponsePermanentRedirect | None:
    """The redirect of a public GET whose query string carries parameters
    its page does not read (or reads once but were sent several times) to
    the same address without them, or None: the page would be the same,
    and each new query string would otherwise be a new page for the cache
    to render (``khuyencong.hardening``'s layer calls it)."""
    if not request.META.get("QUERY_STRING"):
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    kept = canonical_query(request.GET, query_form_of(match.func))
    if len(kept) != len(request.GET) or any(
        len(request.GET.getlist(name)) > 1 for name in kept
    ):
        address = request.path + (f"?{kept.urlencode()}" if kept else "")
        return HttpResponsePermanentRedirect(address)
    return None
