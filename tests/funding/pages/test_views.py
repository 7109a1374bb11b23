import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from funding.models import Area, Figure, SourceDocument

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("funding:overview")
REGION = "mien-trung-tay-nguyen"


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_overview_reproduces_the_seed_percentages(client, demo):
    response = client.get(OVERVIEW, {"area": REGION})
    assert response.status_code == 200
    text = text_of(response)
    for printed in ("95,24%", "99,37%", "94,11%", "23,76%", "20,86%", "40,12%"):
        assert printed in text, printed
    # computed from the printed amounts, not copied from the article:
    assert "77,33%" in text and "77,32%" not in text
    assert "22,69%" in text  # 11,07 / 48,79; the article prints 22,68%
    assert "+42,10%" in text  # 72,8 / 51,23 − 1; the article prints 42,11%
    assert "28,43%" in text and "12,12%" in text and "39,39%" in text


def test_derived_figures_show_their_inputs(client, demo):
    text = text_of(client.get(OVERVIEW, {"area": REGION, "year": 2021}))
    assert "77,33% 37,73 / 48,79" in text
    assert "95,24% 48,79 / 51,23" in text
    assert "23,76% 37,73 / 158,79" in text
    # sums of parts are checked against the stated total
    assert "11,07 + 37,73 = 48,8 tỷ đồng" in text
    assert "trong sai số làm tròn" in text


def test_share_of_national_kcqg_2021_is_no_data(client, demo):
    response = client.get(OVERVIEW, {"area": REGION, "year": 2021, "source": "kcqg"})
    text = text_of(response)
    assert "14,71%" not in text
    assert (
        "chưa có số liệu" in response.content.decode()
        or "thiếu số liệu" in response.content.decode()
    )


def test_every_figure_links_to_its_page_and_source(client, demo):
    html = client.get(OVERVIEW, {"area": REGION, "year": 2021}).content.decode()
    figure = Figure.objects.get(
        indicator__code="kinh-phi-khuyen-cong",
        area__code=REGION,
        year=2021,
        fund="all",
        measure="executed",
    )
    assert f'href="{figure.get_absolute_url()}"' in html
    page = client.get(figure.get_absolute_url())
    body = page.content.decode()
    assert "48.790.000.000 đồng" in body
    assert figure.source.get_absolute_url() in body
    # the source is the seed article, and the source page lists its figures
    assert figure.source.article.get_absolute_url() in body
    source_page = client.get(figure.source.get_absolute_url())
    assert text_of(source_page).count("tỷ đồng") >= 15


def test_tables_are_accessible_and_charts_have_text(client, demo):
    html = client.get(OVERVIEW, {"area": REGION}).content.decode()
    assert html.count("<caption") >= 2
    assert '<th scope="col">' in html and '<th scope="row">' in html
    for svg in re.findall(r"<svg.*?</svg>", html, re.S):
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert "48,79 tỷ đồng" in svg or "72,8 tỷ đồng" in svg


def test_filters_and_unknown_values(client, demo):
    assert client.get(OVERVIEW, {"area": "khong-co"}).status_code == 404
    assert client.get(OVERVIEW, {"area": REGION, "year": 1990}).status_code == 404
    only_kcdp = text_of(
        client.get(OVERVIEW, {"area": REGION, "year": 2021, "source": "kcdp"})
    )
    assert "94,11%" in only_kcdp and "99,37%" not in only_kcdp


def test_region_page_lists_its_provinces(client, demo, make_figure):
    ninh_thuan = Area.objects.get(short_name="Ninh Thuận", valid_to__isnull=False)
    make_figure(ninh_thuan, 2021, Figure.Measure.PLAN, 4_000_000_000)
    make_figure(ninh_thuan, 2021, Figure.Measure.EXECUTED, 3_000_000_000)
    response = client.get(reverse("funding:region", args=[REGION]), {"year": 2021})
    text = text_of(response)
    assert "15 tỉnh, thành phố" in text
    assert "Ninh Thuận" in text and "Đắk Nông" in text
    assert "75,00%" in text  # 3 / 4
    assert "6,15%" in text  # 3 / 48,79 of the region


def test_province_page_folds_predecessors_into_todays_province(
    client, demo, make_figure
):
    for name, plan, executed in (("Ninh Thuận", 4, 3), ("Khánh Hòa", 6, 5)):
        legacy = Area.objects.get(short_name=name, valid_to__isnull=False)
        make_figure(legacy, 2022, Figure.Measure.PLAN, plan * 10**9)
        make_figure(legacy, 2022, Figure.Measure.EXECUTED, executed * 10**9)
    khanh_hoa = Area.objects.get(short_name="Khánh Hòa", valid_to__isnull=True)
    make_figure(khanh_hoa, 2026, Figure.Measure.PLAN, 12 * 10**9)
    text = text_of(client.get(reverse("funding:province", args=[khanh_hoa.slug])))
    assert "10 tỷ đồng" in text and "8 tỷ đồng" in text and "80,00%" in text
    assert "12 tỷ đồng" in text
    assert "Ninh Thuận" in text  # names what it folded in
    old = Area.objects.get(short_name="Ninh Thuận", valid_to__isnull=False)
    old_text = text_of(client.get(reverse("funding:province", args=[old.slug])))
    assert "4 tỷ đồng" in old_text and "Khánh Hòa" in old_text


def test_csv_download_opens_in_a_spreadsheet(client, demo):
    response = client.get(OVERVIEW, {"area": REGION, "year": 2021, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Địa bàn"
    executed = {r[3]: r[5] for r in rows[1:]}
    assert executed["Tất cả nguồn"] == "48790000000"
    assert executed["Khuyến công địa phương"] == "37730000000"


def test_xlsx_download_is_a_real_workbook(client, demo):
    response = client.get(OVERVIEW, {"area": REGION, "year": 2021, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Địa bàn"
    by_source = {r[3]: r for r in rows[1:]}
    assert by_source["Tất cả nguồn"][5] == 48_790_000_000
    # The rate as the page prints it (95,24%), in percent.
    assert rows[0][6] == "Tỷ lệ thực hiện/kế hoạch (%)"
    assert float(by_source["Tất cả nguồn"][6]) == round(48.79 / 51.23 * 100, 2)


def test_exports_neutralise_formulas(client, demo):
    from funding.core.exports import dataset, neutralise

    for dangerous in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("Ninh Thuận") == "Ninh Thuận"
    assert neutralise(-5) == -5
    # through a real download: a hostile source title in the open data
    SourceDocument.objects.filter().update(title='=HYPERLINK("http://x","y")')
    body = b"".join(client.get(reverse("funding:open_data_csv")).streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert all(row[14].startswith("'=") for row in rows[1:])
    workbook = load_workbook(io.BytesIO(dataset(["a"], [["=1+1"]]).export("xlsx")))
    assert workbook.active["A2"].value == "'=1+1"
    assert workbook.active["A2"].data_type == "s"


def test_open_data_csv_has_every_figure_and_a_dictionary(client, demo):
    body = b"".join(client.get(reverse("funding:open_data_csv")).streaming_content)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 1 + Figure.objects.count() == 17
    header = rows[0]
    page = client.get(reverse("funding:open_data")).content.decode()
    for column in header:
        assert f"<code>{column}</code>" in page
    assert any(
        r[4] == "Miền Trung - Tây Nguyên" and r[12] == "48790000000" for r in rows
    )


def test_pages_make_a_constant_number_of_queries(client, demo, make_figure):
    region = Area.objects.get(code=REGION)
    khanh_hoa = Area.objects.get(short_name="Khánh Hòa", valid_to__isnull=True)
    make_figure(khanh_hoa, 2026, Figure.Measure.PLAN, 10**9)
    urls = [
        f"{OVERVIEW}?area={REGION}",
        reverse("funding:region", args=[REGION]) + "?year=2021",
        reverse("funding:province", args=[khanh_hoa.slug]),
    ]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    counts()  # the first page also reads the site's chrome, kept after it
    before = counts()
    for member in region.members(2021):
        make_figure(member, 2021, Figure.Measure.PLAN, 10**9)
        make_figure(member, 2021, Figure.Measure.EXECUTED, 10**9)
        if member.successor_id:
            make_figure(member, 2022, Figure.Measure.PLAN, 10**9)
    assert counts() == before
    assert max(before) <= 12


def test_the_area_choices_are_in_vietnamese_alphabetical_order(
    client, demo, make_figure
):
    expected = ["Bạc Liêu", "Bắc Giang", "Bình Định", "Cà Mau", "Đà Nẵng"]
    expected += ["Điện Biên", "Hà Nội", "Huế"]
    for name in reversed(expected):
        for area in Area.objects.filter(kind="province", short_name=name):
            make_figure(area, 2024, "plan", 1)
    html = client.get(OVERVIEW, {"area": "vn"}).content.decode()
    select = re.search(r'<select name="area">(.*?)</select>', html, re.S).group(1)
    names = re.findall(r"<option[^>]*>([^<(]+?)\s*(?:\(|</option>)", select)
    assert names[0] == "Cả nước"
    shown = [name for name in dict.fromkeys(names) if name in expected]
    assert shown == expected
