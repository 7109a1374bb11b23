"""Any two of all sources, KCQG and KCĐP give the third: an area that
stored two shows the third everywhere its figures are shown (its pages, the
data blocks, the downloads), derived and marked as such, with how it was
computed and the interval the stored figures' rounding allows."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from funding.models import Area, Figure, Indicator, ProgrammeContent
from news.demo.content import SEED_SLUG
from news.models import Article, DataBlock

pytestmark = pytest.mark.django_db

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
BILLION = 10**9
# Stored as reported: KCQG 2 (plan) and 1,5 (executed), KCĐP 3 and 2,5,
# all sources 5 and 4, each executed figure rounded to 0,01 tỷ (±0,005).
STORED = {
    ALL: (5 * BILLION, 4 * BILLION),
    KCQG: (2 * BILLION, 15 * BILLION // 10),
    KCDP: (3 * BILLION, 25 * BILLION // 10),
}
ROUNDING = 10**7
# What the missing one is derived as: its value, its formula (the inputs in
# tỷ, as the pages write them) and the interval (±0,01 tỷ: two roundings).
EXPECTED = {
    ALL: ("4 tỷ đồng", "1,5 + 2,5", "3,99 – 4,01"),
    KCQG: ("1,5 tỷ đồng", "4 − 2,5", "1,49 – 1,51"),
    KCDP: ("2,5 tỷ đồng", "4 − 1,5", "2,49 – 2,51"),
}
EXACT = {
    ALL: "1.500.000.000 + 2.500.000.000, trong khoảng 3.990.000.000 – 4.010.000.000",
    KCQG: "4.000.000.000 − 2.500.000.000, trong khoảng 1.490.000.000 – 1.510.000.000",
    KCDP: "4.000.000.000 − 1.500.000.000, trong khoảng 2.490.000.000 – 2.510.000.000",
}
LABELS = {fund: str(label) for fund, label in Figure.Fund.choices}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture(params=[ALL, KCQG, KCDP], ids=lambda fund: f"no-{fund}")
def missing(request):
    return request.param


@pytest.fixture
def province(demo, make_figure, missing):
    """Đắk Lắk (before the merger) in 2021, two of the three funds stored."""
    area = Area.objects.get(short_name="Đắk Lắk", valid_to__isnull=False)
    for fund, (plan, executed) in STORED.items():
        if fund != missing:
            make_figure(area, 2021, PLAN, plan, source=fund)
            make_figure(area, 2021, EXECUTED, executed, source=fund, rounding=ROUNDING)
    return area


def row_of(html: str, label: str) -> str:
    """The table row (its HTML) whose header or a cell is ``label``."""
    for row in re.findall(r"<tr>.*?</tr>", html, re.S):
        if re.search(rf"<t[hd][^>]*>{re.escape(label)}</t[hd]>", row):
            return row
    raise AssertionError(f"no row {label!r}")


def assert_marked(cell_html: str, missing: str, unit_in_caption: bool = False):
    shown, formula, bounds = EXPECTED[missing]
    if unit_in_caption:  # the table says "tỷ đồng" once, in its caption
        shown = shown.removesuffix(" tỷ đồng")
    text = text_of(cell_html)
    assert 'class="derived-amount"' in cell_html
    assert "số tính ra, không phải số công bố" in cell_html  # its tooltip
    assert f"{shown} tính ra: {formula}; trong khoảng {bounds}" in text


def test_the_overview_page_shows_the_third_fund_derived(client, province, missing):
    html = client.get(reverse("funding:overview"), {"area": province.code}).content
    row = row_of(html.decode(), LABELS[missing])
    executed = re.findall(r'<td class="num">(.*?)</td>', row, re.S)[1]
    assert_marked(executed, missing, unit_in_caption=True)
    assert "(đơn vị: tỷ đồng)" in html.decode()
    # And what follows from it: executed against plan (derived too).
    plan, executed = (Decimal(v) for v in STORED[missing])
    assert f"{executed / plan * 100:.2f}%".replace(".", ",") in text_of(row)


def test_the_province_and_region_pages_show_it(client, province, missing):
    page = client.get(
        reverse("funding:province", args=[province.slug]), {"source": missing}
    ).content.decode()
    assert_marked(row_of(page, "2021"), missing, unit_in_caption=True)
    region = client.get(
        reverse("funding:region", args=["mien-trung-tay-nguyen"]),
        {"year": 2021, "source": missing},
    ).content.decode()
    assert_marked(region_row(region, province), missing, unit_in_caption=True)
    assert "(đơn vị: tỷ đồng)" in page and "(đơn vị: tỷ đồng)" in region


def region_row(html: str, province) -> str:
    for row in re.findall(r"<tr>.*?</tr>", html, re.S):
        if f'href="{province.get_absolute_url()}"' in row:
            return row
    raise AssertionError("no row for the province")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_downloads_carry_it_with_how_it_was_computed(
    client, province, missing, fmt
):
    response = client.get(
        reverse("funding:overview"), {"area": province.code, "format": fmt}
    )
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header, body = rows[0], rows[1:]
    row = next(r for r in body if r[3] == LABELS[missing])
    plan, executed = STORED[missing]
    assert [int(row[4]), int(row[5])] == [plan, executed]
    how = dict(zip(header, row, strict=True))
    assert how["Thực hiện: cách tính, nếu là số tính ra"] == (
        "Số tính ra, không phải số công bố: " + EXACT[missing]
    )
    # A stored figure is not marked.
    stored = next(r for r in body if r[3] != LABELS[missing])
    assert not dict(zip(header, stored, strict=True))[
        "Thực hiện: cách tính, nếu là số tính ra"
    ]
    province_csv = client.get(
        reverse("funding:province", args=[province.slug]),
        {"source": missing, "format": "csv"},
    ).content.decode("utf-8-sig")
    assert EXACT[missing] in province_csv


@pytest.fixture
def block(province, missing):
    seed = Article.objects.get(slug=SEED_SLUG)
    article = Article.objects.create(
        title="Kinh phí khuyến công Đắk Lắk năm 2021",
        lead="Sapo.",
        body="<p>Bảng dưới đây.</p>",
        category=seed.category,
        status=Article.Status.PUBLISHED,
        published_at=seed.published_at,
    )
    block = DataBlock.objects.create(
        article=article,
        title="Đắk Lắk 2021",
        year_from=2021,
        year_to=2021,
        content=ProgrammeContent.objects.get(code=ProgrammeContent.ALL),
        funds=missing,  # only the fund that is not stored
        display="highlight",
    )
    block.indicators.set(Indicator.objects.filter(code="kinh-phi-khuyen-cong"))
    block.areas.set([province])
    return block


def test_a_block_naming_only_the_missing_fund_shows_it_derived(client, block, missing):
    html = client.get(block.article.get_absolute_url()).content.decode()
    section = html[html.index(f'id="{block.anchor}"') :]
    section = section[: section.index("</section>")]
    assert "Chưa có số liệu cho lựa chọn này" not in section
    highlight = section[: section.index("<table")]
    assert_marked(highlight, missing)
    # One area, fund and year: said once, under the caption with the unit.
    caption = text_of(section[section.index("<caption") : section.index("</caption>")])
    assert LABELS[missing] in caption and "(đơn vị: tỷ đồng)" in caption
    row = re.findall(r"<tbody>\s*<tr>(.*?)</tr>", section, re.S)[0]
    cell = re.findall(r'<td class="num">(.*?)</td>', row, re.S)[1]
    assert_marked(cell, missing, unit_in_caption=True)
    # Its sources are those of the figures it is derived from, as notes
    # under the table marked from the row.
    assert 'class="note-mark"' in row
    assert "Báo cáo thử" in text_of(section[section.index('class="table-notes"') :])


def test_a_block_download_lists_it_after_the_stored_figures(client, block, missing):
    block.funds = ""
    block.save()
    response = client.get(reverse("news:block_csv", args=[block.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    stored, derived = rows[1:5], rows[5:]
    assert all(r[-1] == "" for r in stored)  # a stored figure has no note
    # Named as in the open-data CSV.
    fund = {"all": "Tất cả nguồn", "kcqg": "Khuyến công quốc gia"}.get(
        missing, "Khuyến công địa phương"
    )
    plan, executed = STORED[missing]
    assert [(r[2], r[6], int(r[7])) for r in derived] == [
        (fund, "Kế hoạch", plan),
        (fund, "Thực hiện", executed),
    ]
    # Exact inputs give an exact plan; the executed figure's interval is
    # written as a rounding step, and the note says how it was computed.
    assert [int(r[9]) for r in derived] == [0, 2 * ROUNDING]
    assert derived[1][10] == "Số tính ra, không phải số công bố: " + EXACT[missing]
    assert derived[0][10].startswith("Số tính ra, không phải số công bố: ")


def test_a_stored_fund_is_never_replaced(client, demo, make_figure):
    area = Area.objects.get(short_name="Đắk Lắk", valid_to__isnull=False)
    for fund, (_plan, executed) in STORED.items():
        make_figure(area, 2021, EXECUTED, executed + 1, source=fund)
    html = client.get(reverse("funding:overview"), {"area": area.code}).content
    assert 'class="derived-amount"' not in html.decode()


@pytest.mark.parametrize("code", ["vn", "mien-trung-tay-nguyen"])
def test_the_nation_and_a_region_too(client, demo, make_figure, missing, code):
    # 2019: no demo figures. The region's row of the region page and the
    # overview of the nation or the region.
    for fund, (plan, executed) in STORED.items():
        if fund != missing:
            make_figure(code, 2019, PLAN, plan, source=fund)
            make_figure(code, 2019, EXECUTED, executed, source=fund, rounding=ROUNDING)
    html = client.get(
        reverse("funding:overview"), {"area": code, "year": 2019}
    ).content.decode()
    row = row_of(html, LABELS[missing])
    executed = re.findall(r'<td class="num">(.*?)</td>', row, re.S)[1]
    assert_marked(executed, missing, unit_in_caption=True)


def test_a_figure_page_lists_the_stories_computing_from_it(
    client, block, province, missing, make_figure
):
    # The block names only the fund that is not stored: the stored figures
    # it is derived from are used by the story, and their pages say so.
    other = KCQG if missing != KCQG else KCDP
    used = Figure.objects.get(area=province, fund=other, measure=EXECUTED)
    assert block.article.title in client.get(used.get_absolute_url()).content.decode()
    # Once the missing one is stored, the block shows it and needs no other
    # (but all sources, for a share).
    make_figure(province, 2021, EXECUTED, STORED[missing][1], source=missing)
    assert block.article.title not in (
        client.get(used.get_absolute_url()).content.decode()
    )


def test_a_merged_province_completes_each_predecessor_before_adding_up(
    client, demo, make_figure
):
    # Khánh Hòa after the merger, for 2022: Khánh Hòa before it stored all
    # sources (6), Ninh Thuận only KCQG (1) and KCĐP (3): 6 + (1 + 3).
    khanh_hoa = Area.objects.get(short_name="Khánh Hòa", valid_to__isnull=True)
    old_khanh_hoa = Area.objects.get(short_name="Khánh Hòa", valid_to__isnull=False)
    ninh_thuan = Area.objects.get(short_name="Ninh Thuận", valid_to__isnull=False)
    make_figure(old_khanh_hoa, 2022, PLAN, 6 * BILLION)
    make_figure(ninh_thuan, 2022, PLAN, BILLION, source=KCQG)
    make_figure(ninh_thuan, 2022, PLAN, 3 * BILLION, source=KCDP)
    page = client.get(reverse("funding:province", args=[khanh_hoa.slug]))
    row = row_of(page.content.decode(), "2022")
    assert 'class="derived-amount"' in row
    assert "10 tính ra: 6 + 4" in text_of(row)  # the caption says "tỷ đồng"
