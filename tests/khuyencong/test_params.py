"""Every public page answers hostile parameters without a server error.

The routes are read from the URLconf (everything but the admin), each
reversed with a real object of the demo content; every parameter name the
project reads, and one it does not, is sent hostile values. The rule
(``khuyencong.params``): control characters are refused (400) everywhere;
a malformed value of a parameter the page reads is 400 with a Vietnamese
page; a parameter the page does not read is dropped by a permanent redirect to
the page's own address; never a 5xx.
"""

import inspect
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from funding.documents.demo import load_demo_documents
from funding.models import Area, Figure, SourceDocument
from khuyencong.params import QueryForm
from news.demo.content import load_demo_content
from news.models import Article, DataBlock, Tag

ROOT = Path(__file__).resolve().parents[2]


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield namespace + (pattern.name or ""), pattern


#: Routes that answer a POST only (the read-count beacon: its own tests,
#: tests/news/test_mostread.py, send it hostile input).
POST_ONLY = {"news:read"}
PUBLIC_ROUTES = {
    name: pattern
    for name, pattern in _walk(get_resolver().url_patterns)
    if name not in POST_ONLY
}
#: The query a route cannot answer without (the API's area cells need a year).
REQUIRED_QUERY = {"api:area_figures": "year=2024"}


def with_query(route: str, url: str, query: str = "") -> str:
    """``url`` with the route's required query, then ``query``."""
    parts = [part for part in (REQUIRED_QUERY.get(route, ""), query) if part]
    return f"{url}?{'&'.join(parts)}" if parts else url


def query_form(pattern: URLPattern) -> type[QueryForm]:
    """The form that validates a route's parameters (none: it reads none)."""
    view = pattern.callback
    view = getattr(view, "view_class", view)
    return getattr(view, "query_form_class", QueryForm)


# The parameter names public pages read: those of their forms, and, so that
# a page reading one without its form is caught too, those known today.
KNOWN_NAMES = {"area", "year", "source", "format", "q", "page", "p"}
READ_NAMES = {
    name for p in PUBLIC_ROUTES.values() for name in query_form(p).base_fields
}
NAMES = [*sorted(READ_NAMES | KNOWN_NAMES), "khong-ai-doc"]

# Refused wherever they appear: PostgreSQL cannot even compare them.
CONTROL = ["%00", "2021%00", "a%00b", "%01", "%1F", "%7F", "a%0Ab", "%0D", "%09"]
# Longer than any parameter accepts.
OVERLONG = ["x" * 201, "9" * 1000]
# Longer than any public query string may be.
ABSURD = ["9" * 5000]
# Wrong types, unknown choices, odd encodings: 400, 404 or ignored.
MALFORMED = [
    "abc",
    "-1",
    "0",
    "1e9",
    "1000000000",
    "99999999999999999999",
    "1.5",
    "2021.0",
    "pdf",
    "%FF",
    "%C0%AE%C0%AE",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%27%22%3B--",
    "%20",
    "+",
    "2021,2022",
    "KCQG",
]


def repeated(name: str) -> list[str]:
    return [
        f"{name}=abc&{name}=2021",
        f"{name}=2021&{name}=abc",
        f"{name}[]=2021",
        name,
        f"{name}=",
    ]


def samples() -> dict[str, dict]:
    """kwargs for every public route that takes some, from the demo content."""
    article = Article.objects.published().filter(data_blocks__isnull=False).first()
    figure = Figure.objects.filter(source__isnull=False).first()
    document = load_demo_documents()[0]
    province = Area.objects.filter(kind=Area.Kind.PROVINCE)
    return {
        "news:article": {"slug": article.slug},
        "news:category": {"slug": article.category.slug},
        "news:category_feed": {"slug": article.category.slug},
        "funding:region": {"slug": Area.objects.filter(kind=Area.Kind.REGION)[0].slug},
        "funding:province": {"slug": province.first().slug},
        "funding:series": {"code": province.first().code},
        "funding:figure": {"pk": figure.pk},
        "funding:source": {"pk": SourceDocument.objects.first().pk},
        "news:block_csv": {"pk": DataBlock.objects.filter(article=article)[0].pk},
        "api:figure": {"pk": figure.pk},
        "api:area": {"code": province.first().code},
        "api:indicator": {"code": figure.indicator.code},
        "api:source": {"pk": figure.source_id},
        "api:area_figures": {"code": province.first().code},
        "news:tag": {"slug": Tag.objects.first().slug},
        "documents:detail": {"slug": document.slug},
        "documents:file": {"slug": document.slug, "pk": document.files.first().pk},
    }


def test_every_public_route_is_walked():
    # A route the walk misses would go untested: the walk must see them all.
    assert {"news:home", "news:search", "funding:overview", "robots"} <= set(
        PUBLIC_ROUTES
    )
    assert not any(name.startswith("admin:") for name in PUBLIC_ROUTES)
    assert KNOWN_NAMES <= READ_NAMES


def check(client, url: str, expected: set[int]) -> str | None:
    # Followed: a parameter the page does not read, or one sent twice, is
    # dropped by a redirect to the page's own address first.
    response = client.get(url, follow=True)
    if any(status != 301 for _hop, status in response.redirect_chain):
        return f"{url[:120]} → redirected with {response.redirect_chain}"
    if response.status_code not in expected:
        return f"{url[:120]} → {response.status_code}, expected {sorted(expected)}"
    if response.status_code == 400:
        text = response.content.decode()
        if "Yêu cầu không hợp lệ" not in text:
            return f"{url[:120]} → 400 without the Vietnamese page"
    return None


def hostile_queries(name: str, reads: bool, normal: int):
    """(query string, accepted statuses) for one parameter of one route."""
    for value in CONTROL + ABSURD:
        yield f"{name}={value}", {400}
    for value in OVERLONG:
        yield f"{name}={value}", {400} if reads else {normal}
    if not reads:
        # Dropped: the value does not matter, one of each kind will do.
        yield f"{name}=abc&{name}=99999999999999999999", {normal}
        return
    for value in MALFORMED:
        yield f"{name}={value}", {normal, 400, 404}
    for query in repeated(name):
        yield query, {normal, 400, 404}


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(PUBLIC_ROUTES))
def test_public_route_survives_hostile_parameters(client, route):
    load_demo_content()
    pattern = PUBLIC_ROUTES[route]
    kwargs = samples().get(route, {}) if pattern.pattern.converters else {}
    assert set(kwargs) == set(pattern.pattern.converters), (
        f"{route}: add a sample of its {sorted(pattern.pattern.converters)}"
    )
    url = reverse(route, kwargs=kwargs)
    client.raise_request_exception = False
    normal = client.get(with_query(route, url), follow=True).status_code
    assert normal == 200, f"{url}: the page itself answers {normal}"
    reads = set(query_form(pattern).base_fields)
    failures = [
        failure
        for name in NAMES
        for query, expected in hostile_queries(name, name in reads, normal)
        if (failure := check(client, with_query(route, url, query), expected))
    ]
    assert not failures, "\n".join(failures)


HOSTILE_PATH_VALUES = {
    "int": ["99999999999999999999", "0"],
    "slug": ["a" * 300, "khong-co-dau"],
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    sorted(name for name, p in PUBLIC_ROUTES.items() if p.pattern.converters),
)
def test_path_parameters_never_give_a_server_error(client, route):
    load_demo_content()
    pattern = PUBLIC_ROUTES[route]
    kwargs = samples()[route]
    client.raise_request_exception = False
    failures = []
    for name, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__.removesuffix("Converter").lower()
        for value in HOSTILE_PATH_VALUES[kind]:
            url = reverse(route, kwargs={**kwargs, name: value})
            failures.append(check(client, with_query(route, url), {404}))
        sample = str(kwargs[name])
        url = reverse(route, kwargs=kwargs).replace(f"/{sample}", f"/{sample}%00", 1)
        failures.append(check(client, with_query(route, url), {400}))
    assert not [f for f in failures if f], failures


def _view_module(pattern: URLPattern):
    view = pattern.callback
    view = getattr(view, "view_class", None) or inspect.unwrap(view)
    # A feed is an instance: its class holds the code.
    code = view if inspect.isroutine(view) or inspect.isclass(view) else type(view)
    return inspect.getmodule(code)


def test_public_views_read_parameters_only_through_their_form():
    """The rule above holds only if no page reads ``request.GET`` itself."""
    modules = {
        module
        for module in map(_view_module, PUBLIC_ROUTES.values())
        if module.__name__.split(".")[0] in {"khuyencong", "news", "funding"}
    }
    assert {m.__name__ for m in modules} >= {"news.views", "funding.pages.views"}
    readers = [
        m.__name__
        for m in modules
        if re.search(r"\.GET\b|QUERY_STRING", inspect.getsource(m))
    ]
    assert readers == []
    templates = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if "admin" not in path.parts and "request.GET" in path.read_text()
    ]
    assert templates == []


@pytest.mark.django_db
def test_a_parameter_no_page_reads_cannot_make_a_page_new(
    client, make_article, django_assert_num_queries
):
    # Each new query string would be a page of its own for the cache to
    # render: an unread parameter is dropped, before any query is made.
    article = make_article()
    for url in [article.get_absolute_url(), reverse("news:list"), "/"]:
        for junk in ("x=1", "x=2&y=3", "page=1&page=1"):
            with django_assert_num_queries(0):
                response = client.get(f"{url}?{junk}")
            assert response.status_code == 301
            kept = "?page=1" if junk.startswith("page") and url != "/" else ""
            if url == article.get_absolute_url():
                kept = ""
            assert response["Location"] == url + kept
