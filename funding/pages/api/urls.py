"""``/api/v1/``: the examples page, the OpenAPI schema (``openapi.json``)
and the endpoints. Every route answers CORS reads (``http.cors_get_only``)
and names the query parameters it reads (``query_form_class``, read by
``khuyencong.params.canonical_redirect``: any other is dropped by a
redirect, as on every page of the site)."""

from django.urls import URLPattern, path
from django.views.generic import TemplateView

from khuyencong.params import QueryForm, TextParameter

from .endpoints import api
from .http import cors_get_only


def query_forms() -> dict[str, type[QueryForm]]:
    """Each operation's query parameters (its ``operationId``, which is
    also its URL name), read from the OpenAPI schema: the names the
    endpoint reads, never listed twice."""
    schema = api.get_openapi_schema(path_prefix="")
    found = {}
    for operations in schema["paths"].values():
        for operation in operations.values():
            names = [
                p["name"] for p in operation.get("parameters", []) if p["in"] == "query"
            ]
            fields = {name: TextParameter(name) for name in names}
            found[operation["operationId"]] = type(
                f"{operation['operationId'].title()}Query", (QueryForm,), fields
            )
    return found


class ExamplesView(TemplateView):
    template_name = "funding/api.html"


def _routes() -> list:
    patterns, _app, _namespace = api.urls
    forms_by_name = query_forms()
    routes = []
    for pattern in patterns:
        if not isinstance(pattern, URLPattern) or pattern.name == "api-root":
            continue
        view = cors_get_only(pattern.callback)
        view.query_form_class = forms_by_name.get(pattern.name, QueryForm)
        routes.append(path(str(pattern.pattern), view, name=pattern.name))
    return routes


app_name = "api"
urlpatterns = [path("", ExamplesView.as_view(), name="examples"), *_routes()]

__all__ = ["urlpatterns"]
