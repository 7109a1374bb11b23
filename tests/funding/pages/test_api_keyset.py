"""The figures listing of the API pages by cursor (keyset): a deep page
costs what the first does, in queries and without skipping rows
(no OFFSET), and following ``next`` then ``previous`` walks every figure
once (issue 16, item 8)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument

pytestmark = pytest.mark.django_db

FIGURES = reverse("api:figures")


@pytest.fixture
def figures(db):
    """60 figures of one made-up province, 2020–2034, both measures, two funds."""
    money = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    content = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    document = SourceDocument.objects.create(title="Thử phân trang")
    area = Area.objects.create(code="thu-trang", slug="thu-trang", name="Tỉnh thử",
                               short_name="Thử", kind=Area.Kind.PROVINCE)  # fmt: skip
    return Figure.objects.bulk_create(
        Figure(indicator=money, area=area, fund=fund, content=content, year=year,
               period_kind="year", period_end=date(year, 12, 31), measure=measure,
               value=Decimal(1000 + n), source=document)
        for n, (year, fund, measure) in enumerate(
            (y, f, m) for y in range(2020, 2035) for f in ("all", "kcqg")
            for m in ("plan", "executed"))
    )  # fmt: skip


def page(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return response.json(), queries


def test_following_next_then_previous_walks_every_figure_once(client, figures):
    ids = sorted(
        Figure.objects.filter(area__code="thu-trang").values_list("pk", flat=True)
    )
    body, _q = page(client, FIGURES, {"area": "thu-trang", "page_size": 7})
    seen, pages = [i["id"] for i in body["items"]], [body]
    while body["next"]:
        assert "area=thu-trang" in body["next"] and "page_size=7" in body["next"]
        assert "page=" not in body["next"].replace("page_size", "")
        body, _q = page(client, body["next"])
        assert body["page"] is None and body["count"] == len(ids)
        seen += [i["id"] for i in body["items"]]
        pages.append(body)
    assert seen == ids and len(pages) == -(-len(ids) // 7)
    back = []
    while body["previous"]:
        body, _q = page(client, body["previous"])
        back = [i["id"] for i in body["items"]] + back
    assert back == ids[: len(ids) - len(pages[-1]["items"])]


def test_a_deep_page_costs_what_the_first_does(client, figures):
    ids = sorted(Figure.objects.values_list("pk", flat=True))
    first, first_queries = page(client, FIGURES, {"page_size": 2})
    deep, deep_queries = page(
        client, FIGURES, {"page_size": 2, "cursor": ids[len(ids) - 4]}
    )
    assert [i["id"] for i in deep["items"]] == ids[-3:-1]
    assert len(deep_queries) == len(first_queries) == 2
    # Read from the cursor on, not by skipping the pages before it.
    assert not any("OFFSET" in q["sql"].upper() for q in deep_queries)
    assert deep["next"] and deep["previous"]
    last, _q = page(client, deep["next"])
    assert [i["id"] for i in last["items"]] == ids[-1:] and last["next"] is None


def test_a_cursor_past_the_end_is_an_empty_page_and_a_bad_one_400(client, figures):
    last = Figure.objects.order_by("pk").last().pk
    body, _q = page(client, FIGURES, {"cursor": last})
    assert body["items"] == [] and body["next"] is None and body["previous"] is None
    client.raise_request_exception = False
    response = client.get(FIGURES, {"cursor": "-1"})
    assert response.status_code == 400
    assert response.json()["problems"][0]["name"] == "cursor"


@pytest.mark.parametrize("spelling", ["0", "00", "000000", "below-first"])
def test_the_first_page_by_any_cursor_has_no_previous_link(client, figures, spelling):
    ids = sorted(Figure.objects.values_list("pk", flat=True))
    cursor = str(ids[0] - 1) if spelling == "below-first" else spelling
    body, queries = page(client, FIGURES, {"page_size": 3, "cursor": cursor})
    assert [i["id"] for i in body["items"]] == ids[:3]
    assert body["previous"] is None and body["next"] and len(queries) == 2


def test_the_last_page_before_any_id_past_the_end_has_no_next_link(client, figures):
    ids = sorted(Figure.objects.values_list("pk", flat=True))
    body, queries = page(client, FIGURES, {"page_size": 3, "before": ids[-1] + 50})
    assert [i["id"] for i in body["items"]] == ids[-3:]
    assert body["next"] is None and body["previous"] and len(queries) == 2
