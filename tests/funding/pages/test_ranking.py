"""Across provinces and over time: the ranking of a year, the tile map,
an area's measures over the years (funding/pages/{ranking,tilemap,series})."""

import csv
import io
import re
import shutil
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.models import Area, Figure
from funding.pages.tilemap import tile_keys
from funding.pages.tilemap_grid import BEFORE_2025, FROM_2025, grid_for

pytestmark = pytest.mark.django_db

RANKING = reverse("funding:ranking")
TILEMAP = reverse("funding:tilemap")
BILLION = 1_000_000_000
PLAN, EXECUTED, ESTIMATE = "plan", "executed", "estimate"


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def row_names(response) -> list[str]:
    """The provinces of the ranking's table, in the order shown."""
    body = response.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body)


@pytest.fixture
def provinces(make_figure):
    """Hà Nội, Huế and the two provinces merged into Đà Nẵng, 2023–2024;
    Đà Nẵng (after the merger) in 2025."""
    for code, year, plan, executed in [
        ("01", 2023, 20, 10), ("01", 2024, 20, 16),
        ("46", 2023, 5, 4), ("46", 2024, 10, 9),
        ("48-truoc-2025", 2024, 12, 6), ("49-truoc-2025", 2024, 10, 4),
        ("48", 2025, 20, 15),
    ]:  # fmt: skip
        make_figure(code, year, PLAN, plan * BILLION)
        make_figure(code, year, EXECUTED, executed * BILLION)


def test_ranking_orders_provinces_by_executed_with_ratio_and_change(client, provinces):
    response = client.get(RANKING, {"year": 2024})
    assert response.status_code == 200
    assert row_names(response) == ["Hà Nội", "Huế", "Đà Nẵng", "Quảng Nam"]
    text = text_of(response)
    assert "80,00%" in text  # Hà Nội 16 / 20
    assert "+60,00%" in text  # 16 / 10 − 1
    assert "+125,00%" in text  # Huế 9 / 4 − 1


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"sort": "ratio"}, ["Huế", "Hà Nội", "Đà Nẵng", "Quảng Nam"]),
        ({"sort": "ratio", "order": "asc"}, ["Quảng Nam", "Đà Nẵng", "Hà Nội", "Huế"]),
        ({"sort": "name"}, ["Đà Nẵng", "Hà Nội", "Huế", "Quảng Nam"]),
        # Without a previous year, last whichever the order.
        ({"sort": "change", "order": "asc"}, ["Hà Nội", "Huế", "Đà Nẵng", "Quảng Nam"]),
    ],
)
def test_ranking_sorts_by_query_parameter(client, provinces, query, expected):
    response = client.get(RANKING, {"year": 2024, **query})
    assert row_names(response) == expected


def test_a_merged_province_is_compared_with_its_predecessors_sum(client, provinces):
    response = client.get(RANKING, {"year": 2025})
    assert row_names(response) == ["Đà Nẵng"]
    assert "+50,00%" in text_of(response)  # 15 / (6 + 4) − 1


def test_ranking_completes_a_fund_triple(client, make_figure):
    make_figure("01", 2024, EXECUTED, 7 * BILLION, source="kcqg")
    make_figure("01", 2024, EXECUTED, 5 * BILLION, source="kcdp")
    response = client.get(RANKING, {"year": 2024})
    assert row_names(response) == ["Hà Nội"]
    text = text_of(response)
    assert "(đơn vị: tỷ đồng)" in text  # said once, in the caption
    assert "tính ra" in text and re.search(r"> ?12 ?<", response.content.decode())


def test_ranking_downloads_what_it_shows(client, provinces):
    response = client.get(RANKING, {"year": 2024, "sort": "ratio", "format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["Huế", "Hà Nội", "Đà Nẵng", "Quảng Nam"]
    hue = rows[1]
    assert hue[0] == "1" and hue[5] == str(10 * BILLION) and hue[6] == str(9 * BILLION)
    # Rates as the page prints them, in percent, the unit in the header.
    assert rows[0][7] == "Tỷ lệ thực hiện/kế hoạch (%)"
    assert rows[0][9] == "Thực hiện so với năm trước (%)"
    assert Decimal(hue[7]) == Decimal("90.00")
    page = text_of(client.get(RANKING, {"year": 2024, "sort": "ratio"}))
    assert "90,00%" in page


def test_ranking_csv_rates_have_the_pages_two_decimals(client, provinces):
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(RANKING, {"year": 2024, "format": "csv"}).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    rates = [row[7] for row in rows[1:] if row[7]]
    assert rates and all(len(rate.partition(".")[2]) <= 2 for rate in rates)
    page = text_of(client.get(RANKING, {"year": 2024}))
    for rate in rates:
        shown = f"{Decimal(rate):.2f}".replace(".", ",") + "%"
        assert shown in page, shown


def test_ranking_page_links_the_csv_and_the_api_of_what_it_shows(client, provinces):
    html = client.get(RANKING, {"year": 2024, "source": "all"}).content.decode()
    assert "?year=2024&amp;source=all&amp;format=csv" in html
    api = (
        re.search(r'href="(/api/v1/figures\?[^"]+)"', html)
        .group(1)
        .replace("&amp;", "&")
    )
    body = client.get(api).json()
    assert body["count"] == 8  # the four provinces' plan and executed of 2024
    assert {item["year"] for item in body["items"]} == {2024}


def test_ranking_refuses_bad_parameters(client, provinces):
    client.raise_request_exception = False
    assert client.get(RANKING, {"sort": "gia-tri"}).status_code == 400
    assert client.get(RANKING, {"year": 1999}).status_code == 404
    assert client.get(RANKING, {"order": "x"}).status_code == 400


def test_the_tile_grids_name_every_province_once():
    """Each grid names exactly the provinces of its years, by their
    administrative code and name, each on a square of its own."""
    provinces = Area.objects.filter(kind=Area.Kind.PROVINCE)
    current = {a.code: a.short_name for a in provinces.filter(valid_to=None)}
    assert {code: name for code, (name, _c, _r) in FROM_2025.items()} == current
    before = {
        a.code.split("-")[0]: a.short_name
        for a in provinces
        if a.valid_to or a.valid_from is None
    }
    assert {code: name for code, (name, _c, _r) in BEFORE_2025.items()} == before
    for grid in (BEFORE_2025, FROM_2025):
        places = [(c, r) for _n, c, r in grid.values()]
        assert len(set(places)) == len(places)


def tiles_of(html: str) -> list[str]:
    svg = html.split('<svg class="tilemap"')[1].split("</svg>")[0]
    return re.findall(r"<rect [^>]*/>", svg)


def test_the_tile_map_colours_provinces_with_data(client, provinces):
    html = client.get(TILEMAP, {"year": 2024}).content.decode()
    rects = tiles_of(html)
    assert len(rects) == 63
    coloured = [r for r in rects if 'fill="#ffffff"' not in r]
    assert len(coloured) == 4
    assert "Hà Nội: 16 tỷ đồng" in html
    assert "chưa có số liệu (59 tỉnh, thành phố)" in text_of(
        client.get(TILEMAP, {"year": 2024})
    )
    fonts = [
        int(f)
        for f in re.findall(
            r'font-size="(\d+)"',
            html.split('<svg class="tilemap"')[1].split("</svg>")[0],
        )
    ]
    assert min(fonts) >= 12
    # Its accessible alternative: the table of the same figures.
    assert "<table" in html and "Hà Nội" in text_of(client.get(TILEMAP, {"year": 2024}))
    after = client.get(TILEMAP, {"year": 2025, "sort": "change"}).content.decode()
    assert len(tiles_of(after)) == 34
    assert "Đà Nẵng: +50,00%" in after


def test_tile_map_legend_says_the_ranges(client, provinces):
    text = text_of(client.get(TILEMAP, {"year": 2024, "sort": "ratio"}))
    assert "từ 40,00% đến" in text  # Quảng Nam 4 / 10, the smallest
    assert "90,00%" in text


def test_an_area_over_the_years_charts_each_measure_beside_its_table(
    client, provinces, make_figure
):
    make_figure("01", 2024, ESTIMATE, 18 * BILLION)
    url = reverse("funding:series", kwargs={"code": "48"})
    response = client.get(url)
    assert response.status_code == 200
    text = text_of(response)
    # 2024: the sum of the two provinces merged into Đà Nẵng.
    assert (
        "(đơn vị: tỷ đồng)" in text
        and "tỷ đồng" not in text.split("(đơn vị: tỷ đồng)")[1].split("Tải bảng")[0]
    )
    assert " 22 " in text and " 10 " in text and "+50,00%" in text
    html = response.content.decode()
    assert html.count("<polyline") == 2  # plan and executed
    hanoi = client.get(
        reverse("funding:series", kwargs={"code": "01"})
    ).content.decode()
    assert hanoi.count("<polyline") == 3 and "Ước thực hiện" in hanoi
    assert "tỷ đồng" in hanoi.split("<svg")[1].split("</svg>")[0]
    rows = list(
        csv.reader(
            io.StringIO(client.get(url, {"format": "csv"}).content.decode("utf-8-sig"))
        )
    )
    assert [r[1] for r in rows[1:]] == ["2024", "2025"]
    assert rows[1][3] == str(22 * BILLION)


def test_province_and_region_pages_link_over_time_and_ranking(client, provinces):
    html = client.get(Area.objects.get(code="01").get_absolute_url()).content.decode()
    assert reverse("funding:series", kwargs={"code": "01"}) in html
    assert RANKING in html and TILEMAP in html
    assert "/api/v1/figures?indicator=kinh-phi-khuyen-cong&amp;area=01" in html


def _grow(regions: int, years: int) -> None:
    """``regions`` × 15 provinces of figures for ``years`` years (provinces
    made for the test), every fund and measure."""
    from datetime import date
    from decimal import Decimal

    from funding.models import Indicator, ProgrammeContent, SourceDocument

    money = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    content = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    document = SourceDocument.objects.create(title="Thử")
    places = Area.objects.bulk_create(
        Area(code=f"thu-{n}", slug=f"thu-{n}", name=f"Tỉnh thử {n}", short_name=f"Thử {n}",
             kind=Area.Kind.PROVINCE) for n in range(regions * 15)
    )  # fmt: skip
    Figure.objects.bulk_create(
        Figure(indicator=money, area=a, fund=f, content=content, year=y,
               period_kind="year", period_end=date(y, 12, 31), measure=m,
               value=Decimal(1000 + n * 7 % 97), source=document)
        for n, (a, y, f, m) in enumerate(
            (a, y, f, m) for a in places for y in range(2025 - years, 2025)
            for f in ("all", "kcqg") for m in ("plan", "executed"))
    )  # fmt: skip


@pytest.mark.parametrize("size", [(1, 1), (6, 6)])
def test_query_counts_do_not_grow_with_areas_and_years(
    client, django_assert_max_num_queries, size
):
    _grow(*size)
    for url, query in [(RANKING, {"year": 2024}), (TILEMAP, {"year": 2024}),
                       (RANKING, {"year": 2024, "format": "csv"}),
                       (reverse("funding:series", kwargs={"code": "thu-0"}), {})]:  # fmt: skip
        with django_assert_max_num_queries(8):
            response = client.get(url, query)
        assert response.status_code == 200


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu validator needs Java")
def test_the_pages_with_figures_are_valid_html(client, provinces, tmp_path):
    from tests.khuyencong.test_html import validate

    for name, url in [
        ("ranking", f"{RANKING}?year=2024&sort=ratio"),
        ("map-63", f"{TILEMAP}?year=2024"),
        ("map-34", f"{TILEMAP}?year=2025&sort=change"),
        ("series", reverse("funding:series", kwargs={"code": "48"})),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        (tmp_path / f"{name}.html").write_bytes(response.content)
    result = validate(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("year", [2015, 2020, 2024, 2025, 2026])
def test_every_province_of_a_year_gets_exactly_one_tile_by_its_code(year):
    """Matched by code alone, among the provinces existing on the year's
    last day: before the merger the 63, from 2025 the 34, a replaced
    province and its successor sharing a number ("48-truoc-2025", "48")
    never on the same square, whatever their names."""
    grid = grid_for(year)
    provinces = list(Area.objects.filter(kind=Area.Kind.PROVINCE))
    last_day = date(year, 12, 31)
    active = [a for a in provinces if a.existed_on(last_day)]
    keys = tile_keys(provinces, year)
    assert set(keys) == set(grid)
    assert sorted(a.pk for a in keys.values()) == sorted(a.pk for a in active)
    assert len(active) == (63 if year < 2025 else 34)
    # Names play no part: a renamed province keeps its square.
    for area in provinces:
        area.short_name, area.aliases = f"Tên khác {area.pk}", ""
    assert tile_keys(provinces, year) == keys


def test_a_replaced_province_and_its_successor_do_not_share_a_tile(
    client, provinces, make_figure
):
    """2025: old Đà Nẵng's plan (reported before the merger) and the new
    Đà Nẵng's figures; the map of the 34 shows the new one's alone."""
    make_figure("48-truoc-2025", 2025, PLAN, 99 * BILLION)
    html = client.get(TILEMAP, {"year": 2025, "sort": "plan"}).content.decode()
    assert len(tiles_of(html)) == 34
    assert "Đà Nẵng: 20 tỷ đồng" in html and "99 tỷ" not in html.split("</svg>")[0]
