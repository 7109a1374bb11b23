"""Issue 16 on the figures pages: every region and year, sums of parts
where an area has none of its own, mergers on 1/7/2025, names as they were,
readable addresses and "so với cùng kỳ"."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.core.demo import DEMO_TITLE, load_demo_figures
from funding.core.formatting import format_value
from funding.models import Area, Figure, Indicator, SourceDocument

pytestmark = pytest.mark.django_db

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
OVERVIEW = reverse("funding:overview")
MONEY = None


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def row_of(response, label: str) -> str:
    """The text of the table row whose header starts with ``label``."""
    for row in re.findall(r"<tr>.*?</tr>", response.content.decode(), re.S):
        header = re.search(r"<th[^>]*>(.*?)</th>", row, re.S)
        if header and re.sub(r"<[^>]+>", "", header.group(1)).strip().startswith(label):
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
    raise AssertionError(f"no row {label!r}")


def money(value: Decimal) -> str:
    return format_value(value, Indicator.objects.get(code="kinh-phi-khuyen-cong"))


def in_table(value: Decimal) -> str:
    """An amount as a page's table shows it: in the unit its caption says
    once ("(đơn vị: tỷ đồng)"), without repeating it."""
    return money(value).removesuffix(" tỷ đồng")


def region_url(code: str, **query) -> str:
    return reverse("funding:region", args=[code]) + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def all_sources(area: Area, year: int, measure: str = EXECUTED) -> Decimal:
    """What the demo stored for an area and year, KCQG + KCĐP."""
    return sum(
        Figure.objects.filter(
            area=area,
            year=year,
            period_kind=Figure.PeriodKind.YEAR,
            measure=measure,
            fund__in=[KCQG, KCDP],
        ).values_list("value", flat=True),
        Decimal(0),
    )


def test_a_province_figure_rolls_up_to_its_regions_and_the_nation(client):
    load_demo_figures(years=[2024])
    highlands = Area.objects.get(code="tay-nguyen")
    members = list(highlands.members(2024))
    expected = sum(all_sources(member, 2024) for member in members)
    page = client.get(region_url("tay-nguyen", year=2024))
    assert in_table(expected) in row_of(page, "Cả khu vực")
    assert "(đơn vị: tỷ đồng)" in text_of(page)
    assert "5/5 tỉnh, thành phố có số liệu" in text_of(page)
    # The overview of the region and of the nation: sums, marked as derived.
    overview = client.get(OVERVIEW, {"area": "tay-nguyen", "year": 2024})
    assert in_table(expected) in text_of(overview)
    nation = client.get(OVERVIEW, {"area": "vn", "year": 2024})
    provinces = Area.objects.filter(kind=Area.Kind.PROVINCE).valid_on(
        date(2024, 12, 31)
    )
    assert provinces.count() == 63
    total = sum(all_sources(province, 2024) for province in provinces)
    assert in_table(total) in text_of(nation)
    assert "tính ra" in text_of(nation)


def test_a_region_with_a_member_missing_has_no_total(client):
    load_demo_figures(years=[2024])
    Figure.objects.filter(area__slug="kon-tum", year=2024).delete()
    page = client.get(region_url("tay-nguyen", year=2024))
    assert "—" in row_of(page, "Cả khu vực")
    assert "4/5 tỉnh, thành phố có số liệu" in text_of(page)


def test_a_year_without_members_is_said_not_replaced(client):
    page = client.get(region_url("tay-nguyen", year=2031))
    assert page.status_code == 200 and page.context["year"] == 2031
    assert "Chưa có danh sách tỉnh, thành phố của khu vực năm 2031" in text_of(page)
    # Without a year: the latest year with members and figures.
    load_demo_figures(years=[2023])
    assert client.get(region_url("tay-nguyen")).context["year"] == 2023


def test_the_region_page_after_the_merger_compares_with_the_predecessors(client):
    load_demo_figures(years=[2024, 2025])
    page = client.get(region_url("tay-nguyen", year=2025))
    gia_lai = Area.objects.get(slug="gia-lai")
    before = all_sources(Area.objects.get(slug="gia-lai-den-2025"), 2024) + (
        all_sources(Area.objects.get(slug="binh-dinh"), 2024)
    )
    now = all_sources(gia_lai, 2025)
    row = row_of(page, "Gia Lai")
    assert f"{(now / before - 1) * 100:.2f}".replace(".", ",") in row
    assert "xếp vào khu vực của tỉnh, thành phố mà nó giữ tên" in text_of(page)
    # 2024's Tây Nguyên had Kon Tum, now in Quảng Ngãi: named as it was.
    old = client.get(region_url("tay-nguyen", year=2024))
    assert "Kon Tum" in row_of(old, "Kon Tum") and "nay thuộc Quảng Ngãi" in (
        row_of(old, "Kon Tum")
    )


def test_the_region_download_has_the_total_and_the_year_before(client):
    load_demo_figures(years=[2023, 2024])
    body = client.get(region_url("dong-nam-bo", year=2024, format="csv"))
    rows = list(csv.reader(io.StringIO(body.content.decode("utf-8-sig"))))
    header, *rows = rows
    assert "Thực hiện so với cùng kỳ (%)" in header
    assert [r[0] for r in rows][-1] == "Đông Nam Bộ"
    assert len(rows) == 7
    total = rows[-1]
    region = Area.objects.get(code="dong-nam-bo")
    expected = sum(all_sources(m, 2024) for m in region.members(2024))
    assert Decimal(total[header.index("Thực hiện (đồng)")]) == expected
    assert "Số tính ra" in total[-1]


def test_names_are_those_of_the_figures_year(client, demo):
    page = client.get(region_url("mien-trung-tay-nguyen", year=2022))
    assert "Thừa Thiên Huế" in text_of(page)
    assert ">Huế<" not in page.content.decode()
    hue = Area.objects.get(slug="hue")
    load_demo_figures(years=[2022, 2025])
    province = client.get(hue.get_absolute_url())
    assert "(Thừa Thiên Huế)" in row_of(province, "2022")
    assert "Thừa Thiên" not in row_of(province, "2025")
    assert "Trước đây: Tỉnh Thừa Thiên Huế (đến 31/12/2024)" in text_of(province)


def test_old_code_addresses_redirect_for_good_to_readable_ones(client):
    page = client.get("/so-lieu/tinh/58-truoc-2025/?source=kcqg")
    assert page.status_code == 301
    assert page["Location"] == "/so-lieu/tinh/ninh-thuan/?source=kcqg"
    assert client.get("/so-lieu/tinh/ninh-thuan/").status_code == 200
    assert client.get("/so-lieu/tinh/khong-co/").status_code == 404
    da_nang = Area.objects.get(code="48-truoc-2025")
    assert da_nang.get_absolute_url() == "/so-lieu/tinh/da-nang-den-2025/"


def test_the_province_page_compares_each_period_with_the_year_before(client):
    load_demo_figures(years=[2024, 2025])
    page = client.get(reverse("funding:province", args=["gia-lai"]), {"year": 2025})
    row = row_of(page, "6 tháng đầu năm 2025")
    half = Figure.objects.filter(
        area__slug__in=["gia-lai-den-2025", "binh-dinh"],
        period_kind=Figure.PeriodKind.MONTHS,
    )
    this_year = sum(f.value for f in half if f.year == 2025)
    last_year = sum(f.value for f in half if f.year == 2024)
    assert in_table(this_year) in row and in_table(last_year) in row
    assert f"{(this_year / last_year - 1) * 100:.2f}".replace(".", ",") in row
    years = row_of(page, "2025")
    assert "%" in years  # the year compared with the year before


def make_year_of(region: Area, year: int, document) -> None:
    money_indicator = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    from funding.models import ProgrammeContent

    content = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    Figure.objects.bulk_create(
        Figure(
            indicator=money_indicator,
            area=member,
            fund=fund,
            content=content,
            year=year,
            period_kind=Figure.PeriodKind.YEAR,
            period_end=date(year, 12, 31),
            measure=measure,
            value=Decimal(10**9),
            source=document,
        )
        for member in region.members(year)
        for fund in (KCQG, KCDP)
        for measure in (PLAN, EXECUTED)
    )


def query_counts(client, urls) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts.append(len(queries))
    return counts


def test_every_page_makes_as_many_queries_for_6_regions_and_6_years_as_for_1(
    client, demo
):
    urls = [
        OVERVIEW,
        f"{OVERVIEW}?area=vn",
        f"{OVERVIEW}?area=tay-nguyen",
        f"{OVERVIEW}?area=tay-nguyen&year=2024",
        region_url("tay-nguyen", year=2024),
        region_url("tay-nguyen"),
        region_url("tay-nguyen", year=2024, format="csv"),
        reverse("funding:province", args=["gia-lai"]),
        reverse("funding:province", args=["gia-lai"]) + "?year=2024&format=csv",
        reverse("funding:province", args=["kon-tum"]),
        # The API: stored figures, and the cells the pages show (sums of
        # members, of the nation's provinces, of a merged province's
        # predecessors).
        reverse("api:figures") + "?region=tay-nguyen&year=2024",
        reverse("api:figures") + "?year=2024&fund=kcqg",
        reverse("api:area_figures", args=["tay-nguyen"]) + "?year=2024",
        reverse("api:area_figures", args=["vn"]) + "?year=2024",
        reverse("api:area_figures", args=[Area.objects.get(slug="gia-lai").code])
        + "?year=2022",
        reverse("api:areas") + "?year=2024",
    ]
    make_year_of(
        Area.objects.get(code="tay-nguyen"),
        2024,
        SourceDocument.objects.create(title="Một khu vực, một năm"),
    )
    query_counts(client, urls)  # the first page also reads the site's chrome
    one = query_counts(client, urls)
    assert load_demo_figures() > 6 * 63 * 4  # every region, 2020-2025
    assert (
        SourceDocument.objects.get(title=DEMO_TITLE)
        .figures.filter(year__in=range(2020, 2026))
        .values("year")
        .distinct()
        .count()
        == 6
    )
    six = query_counts(client, urls)
    assert six == one
    assert max(one) <= 12, one


def test_the_overview_lists_the_regions_of_both_divisions(client):
    page = client.get(OVERVIEW)
    text = text_of(page)
    assert "Khu vực khuyến công: Miền Trung - Tây Nguyên" in text
    assert "Vùng kinh tế - xã hội: " in text
    for code in ("tay-nguyen", "dong-bang-song-cuu-long", "khuyen-cong-phia-nam"):
        assert f'href="/so-lieu/khu-vuc/{code}/"' in page.content.decode()


def test_a_region_without_any_member_says_so(client):
    Area.objects.create(
        code="vung-moi", name="Vùng mới", short_name="Vùng mới", kind="region"
    )
    page = client.get(region_url("vung-moi"))
    assert page.status_code == 200
    assert "Chưa có danh sách thành viên của khu vực." in text_of(page)
    csv_page = client.get(region_url("vung-moi", format="csv"))
    assert csv_page.status_code == 200


def test_a_year_without_members_downloads_an_empty_table(client):
    page = client.get(region_url("tay-nguyen", year=2031, format="csv"))
    rows = list(csv.reader(io.StringIO(page.content.decode("utf-8-sig"))))
    assert page.status_code == 200 and len(rows) == 1
