"""The figures pages' parameters: malformed is 400 naming the parameter,
unknown is ignored, a well-formed value naming nothing is 404 (or, for a
year on the region and province pages, their latest year)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("funding:overview")
REGION = "mien-trung-tay-nguyen"


def problems(response) -> str:
    assert response.status_code == 400
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"year": "abc"}, "Năm (year = “abc”): phải là số nguyên từ 1990 đến 2100."),
        ({"year": "20211"}, "Năm (year = “20211”): phải là số nguyên từ 1990 đến 2100"),
        ({"year": "2021.0"}, "phải là số nguyên từ 1990 đến 2100"),
        ({"year": "-2021"}, "phải là số nguyên từ 1990 đến 2100"),
        (
            {"source": "KCQG"},
            "Nguồn kinh phí (source = “KCQG”): phải là một trong: all, kcqg, kcdp.",
        ),
        (
            {"format": "pdf"},
            "Định dạng tải về (format = “pdf”): phải là một trong: csv, xlsx.",
        ),
        ({"area": "mien/trung"}, "Địa bàn (area = “mien/trung”): chỉ gồm chữ cái"),
        ({"area": "a" * 41}, "tối đa 40 ký tự"),
    ],
)
def test_a_malformed_parameter_is_400_naming_it(client, demo, query, named):
    assert named in problems(client.get(OVERVIEW, {"area": REGION, **query}))


@pytest.mark.parametrize(
    "url",
    [
        reverse("funding:region", args=[REGION]),
        reverse("funding:province", args=["ha-noi"]),
    ],
)
def test_the_region_and_province_pages_follow_the_same_rule(client, demo, url):
    assert "Năm (year" in problems(client.get(url, {"year": "hai nghìn"}))
    assert "Nguồn kinh phí" in problems(client.get(url, {"source": "tat-ca"}))
    assert "Định dạng" in problems(client.get(url, {"format": "pdf"}))


def test_all_the_problems_are_listed_at_once(client, demo):
    text = problems(client.get(OVERVIEW, {"year": "x", "source": "y", "format": "z"}))
    assert "Năm (year" in text and "Nguồn kinh phí (source" in text
    assert "Định dạng tải về (format" in text


def test_unknown_parameters_are_dropped_by_a_redirect_to_the_page(client, demo):
    plain = client.get(OVERVIEW, {"area": REGION, "year": 2021})
    odd = client.get(
        OVERVIEW,
        {"area": REGION, "year": 2021, "sort": "x", "y": "1"},
        follow=True,
    )
    assert odd.redirect_chain == [(f"{OVERVIEW}?area={REGION}&year=2021", 301)]
    assert odd.context["tables"][0].rows == plain.context["tables"][0].rows
    assert odd.context["csv_query"] == "year=2021&area=mien-trung-tay-nguyen&format=csv"


def test_empty_values_are_the_defaults(client, demo):
    empty = client.get(
        OVERVIEW, {"area": REGION, "year": "", "source": "", "format": ""}
    )
    assert empty.status_code == 200
    assert empty.context["year"] is None and empty.context["source"] == ""


def test_the_last_of_repeated_values_counts(client, demo):
    response = client.get(
        f"{OVERVIEW}?area={REGION}&year=2021&source=kcqg&source=kcdp", follow=True
    )
    assert response.redirect_chain == [
        (f"{OVERVIEW}?area={REGION}&year=2021&source=kcdp", 301)
    ]
    assert response.context["source"] == "kcdp"


def test_well_formed_values_naming_nothing(client, demo):
    assert client.get(OVERVIEW, {"area": "khong-co"}).status_code == 404
    assert client.get(OVERVIEW, {"area": REGION, "year": 1990}).status_code == 404
    region = client.get(reverse("funding:region", args=[REGION]), {"year": 1990})
    # A year without members is said, not replaced by another (issue 16).
    assert region.status_code == 200 and region.context["year"] == 1990
    assert "Chưa có danh sách tỉnh, thành phố của khu vực năm 1990" in (
        region.content.decode()
    )
