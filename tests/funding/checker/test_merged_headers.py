"""An HTML table whose header cells span rows and columns: each column's
meaning comes from every header cell above it (a year spanning two
measures, a last column spanning both header rows), the unit from the
caption, and a signed cell of a change column is a change with its sign
as the direction (a table written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, plain_text
from tests.funding.checker.checking import E, P, area_before_merger, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<p><strong>Kinh phí khuyến công hai năm</strong> (đơn vị: triệu đồng)</p>"
    "<table><thead><tr><th rowspan='2'>Địa phương</th>"
    "<th colspan='2'>Năm 2022</th><th colspan='2'>Năm 2023</th>"
    "<th rowspan='2'>Thực hiện 2023 so với 2022 (%)</th></tr>"
    "<tr><th>Kế hoạch</th><th>Thực hiện</th><th>Kế hoạch</th><th>Thực hiện</th></tr>"
    "</thead><tbody>"
    "<tr><td>Yên Bái</td><td>4.000</td><td>{e2022}</td><td>4.400</td>"
    "<td>{e2023}</td><td>{change}</td></tr>"
    "</tbody></table>"
)


@pytest.fixture
def yen_bai(reference_data, make_figure):
    province = area_before_merger("Yên Bái")
    return [
        make_figure(province, 2022, P, "4000000000"),
        make_figure(province, 2022, E, "3800000000"),
        make_figure(province, 2023, P, "4400000000"),
        make_figure(province, 2023, E, "4180000000"),
    ]


def test_a_row_spanning_header_cell_keeps_the_later_columns_in_place():
    text = plain_text(TABLE.format(e2022="3.800", e2023="4.180", change="+10,00"))
    header, measures = [line for line in text.split("\n") if "\t" in line][:2]
    # the second header row has a cell under each of the six columns
    assert len(header.split("\t")) == len(measures.split("\t"))


def test_each_cell_reads_the_year_and_measure_above_it(yen_bai):
    found = read_html(
        yen_bai, TABLE.format(e2022="3.800", e2023="4.180", change="+10,00")
    )
    assert found == [
        ("4.000", MATCH),
        ("3.800", MATCH),
        ("4.400", MATCH),
        ("4.180", MATCH),
        ("+10,00", MATCH),
    ]


def test_an_executed_cell_is_not_compared_with_the_plan(yen_bai):
    found = dict(
        read_html(yen_bai, TABLE.format(e2022="3.800", e2023="4.810", change="+10,00"))
    )
    assert found["3.800"] == MATCH
    assert found["4.810"] == MISMATCH  # 4.180 with two digits swapped


def test_the_sign_of_a_change_cell_is_its_direction(yen_bai):
    found = dict(
        read_html(yen_bai, TABLE.format(e2022="3.800", e2023="4.180", change="−10,00"))
    )
    assert found["−10,00"] == MISMATCH  # a rise printed as a fall
