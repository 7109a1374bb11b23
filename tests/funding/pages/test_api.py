"""The read-only JSON API at /api/v1/: what a machine reading it sees."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openapi_spec_validator import validate

from funding.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument

pytestmark = pytest.mark.django_db

FIGURES = reverse("api:figures")


def get(client, url, params=None, **headers):
    client.raise_request_exception = False
    return client.get(url, params or {}, **headers)


def test_the_schema_is_valid_openapi_at_a_stable_address(client):
    response = get(client, "/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)  # raises if the document is not valid OpenAPI
    assert {"/api/v1/figures", "/api/v1/figures/{pk}", "/api/v1/areas",
            "/api/v1/areas/{code}", "/api/v1/indicators",
            "/api/v1/indicators/{code}", "/api/v1/sources",
            "/api/v1/sources/{pk}"} <= set(schema["paths"])  # fmt: skip
    figure_params = {
        p["name"] for p in schema["paths"]["/api/v1/figures"]["get"]["parameters"]
    }
    assert {"area", "year", "fund", "measure", "page", "page_size"} <= figure_params
    assert set(schema["paths"]["/api/v1/figures"]) == {"get"}


def test_figures_are_exact_strings_filtered_like_the_csv(client, demo):
    stored = Figure.objects.filter(
        area__code="mien-trung-tay-nguyen", year=2021, fund="all", measure="executed"
    ).select_related("indicator", "content")
    response = get(
        client,
        FIGURES,
        {"area": "mien-trung-tay-nguyen", "year": 2021, "fund": "all",
         "measure": "executed"},
    )  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == stored.count() > 0
    first = stored.order_by("pk")[0]
    item = body["items"][0]
    assert item["id"] == first.pk
    assert isinstance(item["value"], str)
    assert Decimal(item["value"]) == first.value
    assert "." not in item["value"] or first.value % 1
    assert item["area"] == "mien-trung-tay-nguyen"
    assert item["url"] == first.get_absolute_url()
    assert {i["year"] for i in body["items"]} == {2021}
    # Vietnamese as it is, not \\u escapes
    assert "Năm 2021" in response.content.decode()


def test_a_listing_is_paginated_and_past_the_last_page_is_404(client, demo):
    total = Figure.objects.count()
    body = get(client, FIGURES, {"page_size": 2}).json()
    assert body["count"] == total and len(body["items"]) == 2
    assert body["pages"] == -(-total // 2)
    # The next page continues after the last id (keyset: test_api_keyset).
    assert body["previous"] is None
    assert f"cursor={body['items'][-1]['id']}" in body["next"]
    assert "page_size=2" in body["next"]
    second = get(client, FIGURES, {"page_size": 2, "page": 2}).json()
    assert {i["id"] for i in second["items"]}.isdisjoint(i["id"] for i in body["items"])
    response = get(client, FIGURES, {"page": body["pages"] + 1, "page_size": 2})
    assert response.status_code == 404
    assert "không có" in response.json()["detail"]


@pytest.mark.parametrize(
    "query, name, message",
    [
        ("year=abc", "year", "số nguyên"),
        ("year=1800", "year", "trở lên"),
        ("year=99999999999999999999", "year", "trở xuống"),
        ("fund=tat-ca", "fund", "một trong: all"),
        ("area=" + "x" * 201, "area", "tối đa 40 ký tự"),
        ("area=<script>", "area", "chữ cái không dấu"),
        ("page=0", "page", "trở lên"),
        ("page_size=501", "page_size", "500"),
    ],
)
def test_a_malformed_parameter_is_400_in_vietnamese(client, query, name, message):
    response = get(client, f"{FIGURES}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Yêu cầu không hợp lệ"
    assert [p["name"] for p in body["problems"]] == [name]
    assert message in body["problems"][0]["message"]


def test_nul_bytes_and_unknown_parameters_follow_the_site_rule(client):
    assert get(client, f"{FIGURES}?area=a%00b").status_code == 400
    response = get(client, f"{FIGURES}?year=2021&khong-ai-doc=1")
    assert response.status_code == 301
    assert response["Location"] == f"{FIGURES}?year=2021"
    # An empty value is no value.
    assert get(client, f"{FIGURES}?year=&fund=").status_code == 200


def test_conditional_get_answers_304(client, demo):
    url = reverse("api:areas")
    first = get(client, url)
    assert first["ETag"] and first["Last-Modified"]
    again = get(client, url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = get(client, url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    Area.objects.filter(code="mien-trung-tay-nguyen").update(short_name="Khác")
    changed = get(client, url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_cors_allows_reading_only(client, demo):
    response = get(client, FIGURES, HTTP_ORIGIN="https://vi-du.vn")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(FIGURES, HTTP_ORIGIN="https://vi-du.vn",
                               HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")  # fmt: skip
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD"
    client.raise_request_exception = False
    assert client.post(FIGURES).status_code in (403, 405)
    assert client.delete(reverse("api:figure", kwargs={"pk": 1})).status_code in (
        403,
        405,
    )


def test_objects_by_identifier(client, demo):
    figure = Figure.objects.select_related("area", "source").first()
    body = get(client, reverse("api:figure", kwargs={"pk": figure.pk})).json()
    assert body["id"] == figure.pk and body["document"] == figure.source_id
    merged = Area.objects.filter(successor__isnull=False).first()
    if merged:
        area = get(client, reverse("api:area", kwargs={"code": merged.code})).json()
        assert area["successor"] == merged.successor.code
    code = Indicator.objects.first().code
    assert (
        get(client, reverse("api:indicator", kwargs={"code": code})).json()["code"]
        == code
    )
    document = get(client, reverse("api:source", kwargs={"pk": figure.source_id}))
    assert document.json()["title"] == figure.source.title
    missing = get(client, reverse("api:figure", kwargs={"pk": 10**9}))
    assert missing.status_code == 404 and missing.json()["detail"]


def test_the_examples_page_links_the_schema(client):
    html = get(client, reverse("api:examples")).content.decode()
    assert 'href="/api/v1/openapi.json"' in html
    assert "cdn" not in html.lower() and "swagger" not in html.lower()


def _many_figures(areas: int, years: int) -> None:
    """``areas`` × ``years`` × funds × measures figures on fresh areas."""
    money = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    content = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    document = SourceDocument.objects.create(title="Thử tải")
    places = Area.objects.bulk_create(
        Area(code=f"thu-{n}", slug=f"thu-{n}", name=f"Tỉnh thử {n}", short_name=f"Thử {n}",
             kind=Area.Kind.PROVINCE) for n in range(areas)
    )  # fmt: skip
    Figure.objects.bulk_create(
        Figure(indicator=money, area=area, fund=fund, content=content, year=year,
               period_kind="year", period_end=date(year, 12, 31), measure=measure,
               value=Decimal(1000 + n), source=document)
        for n, (area, year, fund, measure) in enumerate(
            (a, y, f, m) for a in places for y in range(2020, 2020 + years)
            for f in ("all", "kcqg") for m in ("plan", "executed"))
    )  # fmt: skip


ENDPOINTS = [
    ("api:figures", {}, {"year": 2020, "fund": "kcqg"}),
    ("api:areas", {}, {"kind": "province"}),
    ("api:indicators", {}, {}),
    ("api:sources", {}, {}),
]


@pytest.mark.parametrize("size", [(1, 1), (6, 6)])
@pytest.mark.parametrize("route, kwargs, query", ENDPOINTS)
def test_every_endpoint_has_a_fixed_query_budget(
    client, django_assert_max_num_queries, size, route, kwargs, query
):
    _many_figures(*size)
    with django_assert_max_num_queries(2):
        response = get(client, reverse(route, kwargs=kwargs), query)
    assert response.status_code == 200
    assert response.json()["items"]
    figure = Figure.objects.last()
    for name, detail in [("api:figure", {"pk": figure.pk}),
                         ("api:area", {"code": "thu-0"}),
                         ("api:source", {"pk": figure.source_id})]:  # fmt: skip
        with django_assert_max_num_queries(1):
            assert get(client, reverse(name, kwargs=detail)).status_code == 200


def test_json_is_utf8_and_valid(client, demo):
    response = get(client, reverse("api:sources"))
    assert response["Content-Type"].startswith("application/json")
    json.loads(response.content.decode("utf-8"))


def test_region_filter_gives_its_members_of_the_year_and_itself(
    client, demo, make_figure
):
    region = Area.objects.get(code="mien-trung-tay-nguyen")
    member = region.members(2021).first()
    outsider = Area.objects.get(code="01")  # Hà Nội: not a member
    make_figure(member, 2021, "executed", 7 * 10**9)
    make_figure(outsider, 2021, "executed", 9 * 10**9)
    body = get(client, FIGURES, {"region": region.code, "year": 2021}).json()
    areas = {item["area"] for item in body["items"]}
    assert areas == {member.code, region.code}
    response = get(client, FIGURES, {"region": region.code})
    assert response.status_code == 400
    assert response.json()["problems"][0]["name"] == "region"
    assert "cần kèm year" in response.json()["problems"][0]["message"]
    assert get(client, FIGURES, {"region": "khong-co", "year": 2021}).status_code == 404


def test_the_region_page_links_the_api_of_what_it_shows(client, demo):
    html = client.get(
        reverse("funding:region", kwargs={"slug": "mien-trung-tay-nguyen"}),
        {"year": 2021},
    ).content.decode()
    link = html.split('href="/api/v1/figures?')[1].split('"')[0].replace("&amp;", "&")
    assert "region=mien-trung-tay-nguyen" in link and "year=2021" in link
    assert get(client, f"{FIGURES}?{link}").status_code == 200
    overview = client.get(
        reverse("funding:overview"), {"area": "mien-trung-tay-nguyen", "year": 2021}
    )
    text = overview.content.decode()
    assert (
        "/api/v1/figures?indicator=kinh-phi-khuyen-cong&amp;area=mien-trung-tay-nguyen&amp;year=2021"
        in text
    )
    # The sum check in plain words.
    assert "Tổng các nguồn bằng tổng từng nguồn" in text
