"""A table whose rows are led by a year, maybe with the months it covers
("2024 (9 tháng)"): each row's cells are of that year and period; a plan
cell stays the year's plan (tables written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<h2>Kinh phí khuyến công tỉnh Điện Biên</h2>"
    "<table><tr><th>Năm</th><th>Kế hoạch (triệu đồng)</th>"
    "<th>Thực hiện (triệu đồng)</th><th>Tỷ lệ (%)</th></tr>"
    "<tr><td>2023</td><td>7.000</td><td>{e2023}</td><td>95,00</td></tr>"
    "<tr><td>2024 (9 tháng)</td><td>8.000</td><td>{e2024}</td><td>{rate}</td></tr>"
    "</table>"
)


@pytest.fixture
def dien_bien(reference_data, make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2023, P, "7000000000"),
        make_figure(province, 2023, E, "6650000000"),
        make_figure(province, 2024, P, "8000000000"),
        make_figure(province, 2024, E, "7600000000"),
        make_figure(province, 2024, E, "5120000000", months=9),
    ]


def read_table(figures, **cells):
    return read_html(figures, TABLE.format(**cells))


def test_a_row_led_by_a_year_and_its_months_reads_that_period(dien_bien):
    # 9 months of 2024: 5.120 of the year's 8.000 planned, 64,00%
    assert read_table(dien_bien, e2023="6.650", e2024="5.120", rate="64,00") == [
        ("7.000", MATCH),
        ("6.650", MATCH),
        ("95,00", MATCH),
        ("8.000", MATCH),
        ("5.120", MATCH),
        ("64,00", MATCH),
    ]


def test_the_whole_year_printed_in_a_months_row_is_flagged(dien_bien):
    found = dict(read_table(dien_bien, e2023="6.650", e2024="5.210", rate="64,00"))
    assert found["5.210"] == MISMATCH  # 5.120 with two digits swapped


#: a caption naming both years, each with its own period
YEARS_CAPTION = (
    "<p>Bảng. Kinh phí khuyến công Điện Biên (triệu đồng). Năm 2023 là số "
    "quyết toán, năm 2024 là số đến hết tháng 9.</p>"
)


def read_under_years_caption(figures, row_2024: str):
    table = TABLE.format(e2023="6.650", e2024="5.120", rate="64,00")
    table = table.replace("<h2>Kinh phí khuyến công tỉnh Điện Biên</h2>", YEARS_CAPTION)
    return dict(read_html(figures, table.replace("2024 (9 tháng)", row_2024)))


@pytest.mark.parametrize("row_2024", ["2024 (9 tháng)", "2024"])
def test_a_row_led_by_its_year_wins_over_the_years_its_caption_names(
    dien_bien, row_2024
):
    # the 2023 row is that year's whole; the 2024 row the caption's 9 months
    found = read_under_years_caption(dien_bien, row_2024)
    assert (found["7.000"], found["6.650"], found["5.120"]) == (MATCH, MATCH, MATCH)
