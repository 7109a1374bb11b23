"""The API answers with the figures the pages show: a fund triple's third
and a merged province's years before the merger, derived by the same code
(``funding.core.rollup.completed_cells``) and marked as derived, with how
and within what bounds (issue 16, items 2 and 4)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from openapi_spec_validator import validate

from funding.models import Area, Figure

pytestmark = pytest.mark.django_db

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
BILLION = 10**9


def cells(client, code, **params):
    client.raise_request_exception = False
    response = client.get(reverse("api:area_figures", kwargs={"code": code}), params)
    assert response.status_code == 200, response.content
    return response.json()


def one(body, **match):
    found = [i for i in body["items"] if all(i[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, body["items"])
    return found[0]


def test_a_fund_triples_third_is_derived_with_its_inputs_and_bounds(
    client, demo, make_figure
):
    area = Area.objects.get(slug="binh-dinh")
    kcqg = make_figure(area, 2021, EXECUTED, 15 * BILLION // 10, source=KCQG,
                       rounding=10**7)  # fmt: skip
    kcdp = make_figure(area, 2021, EXECUTED, 25 * BILLION // 10, source=KCDP,
                       rounding=10**7)  # fmt: skip
    body = cells(client, area.code, year=2021, measure=EXECUTED)
    stored = one(body, fund=KCQG)
    assert stored["derived"] is False and stored["id"] == kcqg.pk
    assert stored["kind"] == "stored" and stored["inputs"] == []
    total = one(body, fund=ALL)
    assert total["derived"] is True and total["id"] is None
    assert total["kind"] == "sum" and total["document"] is None
    assert Decimal(total["value"]) == 4 * BILLION
    assert total["formula"] == "1500000000 + 2500000000"
    assert total["inputs"] == [
        {"figure": kcqg.pk, "value": "1500000000"},
        {"figure": kcdp.pk, "value": "2500000000"},
    ]
    assert (total["low"], total["high"]) == ("3990000000", "4010000000")
    assert "Số tính ra" in total["note"]
    # The stored listing says what it holds: stored figures only.
    listing = client.get(reverse("api:figures"), {"area": area.code}).json()
    assert {i["derived"] for i in listing["items"]} == {False}
    assert len(listing["items"]) == 2


def test_a_merged_province_before_the_merger_is_the_sum_of_its_predecessors(
    client, demo, make_figure
):
    old, binh_dinh = (
        Area.objects.get(slug="gia-lai-den-2025"),
        Area.objects.get(slug="binh-dinh"),
    )
    new = Area.objects.get(slug="gia-lai")
    first = make_figure(old, 2022, EXECUTED, 3 * BILLION)
    second = make_figure(binh_dinh, 2022, EXECUTED, 4 * BILLION)
    own = make_figure(new, 2025, EXECUTED, 8 * BILLION)
    before = one(cells(client, new.code, year=2022), fund=ALL, measure=EXECUTED)
    assert before["derived"] is True and before["area"] == new.code
    assert Decimal(before["value"]) == 7 * BILLION
    assert {i["figure"] for i in before["inputs"]} == {first.pk, second.pk}
    after = one(cells(client, new.code, year=2025), fund=ALL, measure=EXECUTED)
    assert after["derived"] is False and after["id"] == own.pk
    # The predecessors themselves keep only their own figures.
    assert cells(client, binh_dinh.code, year=2022)["count"] == 1


def test_a_region_is_the_sum_of_its_members_with_a_member_missing_no_total(
    client, make_figure
):
    region = Area.objects.get(code="tay-nguyen")
    members = list(region.members(2024))
    for n, member in enumerate(members):
        make_figure(member, 2024, PLAN, (n + 1) * BILLION)
    body = cells(client, region.code, year=2024)
    total = one(body, measure=PLAN, fund=ALL)
    assert total["derived"] is True
    assert Decimal(total["value"]) == sum(n + 1 for n in range(len(members))) * BILLION
    assert len(total["inputs"]) == len(members)
    make_figure(members[0], 2024, EXECUTED, BILLION)
    assert not [i for i in cells(client, region.code, year=2024)["items"]
                if i["measure"] == EXECUTED]  # fmt: skip


def test_the_year_is_required_and_an_unknown_area_is_404(client):
    client.raise_request_exception = False
    url = reverse("api:area_figures", kwargs={"code": "tay-nguyen"})
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["problems"][0]["name"] == "year"
    missing = reverse("api:area_figures", kwargs={"code": "khong-co"})
    assert client.get(missing, {"year": 2024}).status_code == 404


def test_the_schema_describes_the_derived_cells(client):
    schema = client.get("/api/v1/openapi.json").json()
    validate(schema)
    operation = schema["paths"]["/api/v1/areas/{code}/figures"]["get"]
    year = next(p for p in operation["parameters"] if p["name"] == "year")
    assert year["required"] is True
    cell = schema["components"]["schemas"]["CellOut"]["properties"]
    assert {"derived", "formula", "inputs", "low", "high"} <= set(cell)


def test_an_areas_cells_are_paginated(client, make_figure):
    region = Area.objects.get(code="tay-nguyen")
    for n, member in enumerate(region.members(2024)):
        make_figure(member, 2024, PLAN, (n + 1) * BILLION)
        make_figure(member, 2024, EXECUTED, (n + 1) * BILLION // 2)
    everything = cells(client, region.code, year=2024)
    assert everything["count"] == 2 and everything["pages"] == 1
    first = cells(client, region.code, year=2024, page_size=1)
    assert first["count"] == 2 and first["pages"] == 2 and first["previous"] is None
    assert "page=2" in first["next"] and "year=2024" in first["next"]
    second = cells(client, region.code, year=2024, page_size=1, page=2)
    assert second["next"] is None and "page=1" in second["previous"]
    assert [*first["items"], *second["items"]] == everything["items"]
    client.raise_request_exception = False
    past = client.get(
        reverse("api:area_figures", args=[region.code]), {"year": 2024, "page": 3}
    )
    assert past.status_code == 404
