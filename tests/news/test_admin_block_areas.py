"""The data-block admin's area picker says each area's dates of validity
and the block form warns when an area chosen has no figures in the
block's years (issue 16, item 9)."""

import json

import pytest
from django.urls import reverse

from funding.models import Area
from news.demo.content import SEED_SLUG
from news.models import Article
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db


def test_the_area_picker_says_when_each_area_existed(demo, secretary_client):
    response = secretary_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Đà Nẵng",
            "app_label": "news",
            "model_name": "datablock",
            "field_name": "areas",
        },
    )
    offered = {item["text"] for item in json.loads(response.content)["results"]}
    assert {"Đà Nẵng (đến 30/06/2025)", "Đà Nẵng (từ 01/07/2025)"} <= offered


def test_an_area_without_figures_in_the_blocks_years_is_warned_of(
    demo, secretary_client
):
    article = Article.objects.get(slug=SEED_SLUG)
    block = article.data_blocks.order_by("pk").first()
    new_da_nang = Area.objects.get(slug="da-nang")
    region = Area.objects.get(code="mien-trung-tay-nguyen")
    url = reverse("admin:news_datablock_change", args=[block.pk])
    data = browser_payload(secretary_client.get(url))
    data["areas"] = [str(region.pk), str(new_da_nang.pk)]
    data.update(year_from="2021", year_to="2022")
    response = secretary_client.post(url, data, follow=True)
    warnings = [str(m) for m in response.context["messages"]]
    assert any(
        "“Đà Nẵng (từ 01/07/2025)” không có số liệu năm 2021–2022" in text
        for text in warnings
    ), warnings
    assert not any("Miền Trung" in text for text in warnings)
    # Naming the old Đà Nẵng for 2025 when the new one has figures: the
    # warning names the one that has.
    new_da_nang.figures.create(
        indicator=block.indicators.first(),
        content=block.content,
        year=2025,
        measure="plan",
        value=1,
        source=region.figures.first().source,
    )
    old = Area.objects.get(slug="da-nang-den-2025")
    data = browser_payload(secretary_client.get(url))
    data.update(areas=[str(old.pk)], year_from="2025", year_to="2025")
    response = secretary_client.post(url, data, follow=True)
    warnings = [str(m) for m in response.context["messages"]]
    assert (
        "“Đà Nẵng (đến 30/06/2025)” không có số liệu năm 2025–2025. "
        "Có số liệu: “Đà Nẵng (từ 01/07/2025)”."
    ) in warnings, warnings
