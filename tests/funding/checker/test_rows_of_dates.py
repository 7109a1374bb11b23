"""A table's rows led by the date a total runs to ("Đến 31/7", "Đến
20/11"), the year in its caption: each row's cumulative figure is that of
the months up to it, or up to that day (a table written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.checker.periods import periods_in
from tests.funding.checker.checking import E, P, area, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<p>Tiến độ giải ngân lũy kế kinh phí khuyến công năm 2025 tỉnh Phú Thọ "
    "(triệu đồng)</p><table><tr><th>Thời điểm</th><th>Lũy kế giải ngân</th></tr>"
    "<tr><td>Đến 31/7</td><td>{july}</td></tr>"
    "<tr><td>Đến 31/8</td><td>14.784,2</td></tr></table>"
)


@pytest.fixture
def phu_tho(reference_data, make_figure):
    province = area("Phú Thọ")
    return [
        make_figure(province, 2025, P, "28100000000"),
        make_figure(province, 2025, E, "12415700000", months=7),
        make_figure(province, 2025, E, "14784200000", months=8),
    ]


def test_each_row_is_the_months_up_to_its_date(phu_tho):
    found = dict(read_html(phu_tho, TABLE.format(july="12.415,7")))
    assert (found["12.415,7"], found["14.784,2"]) == (MATCH, MATCH)


def test_a_miscopied_row_is_a_mismatch(phu_tho):
    found = dict(read_html(phu_tho, TABLE.format(july="12.451,7")))
    assert found["12.451,7"] == MISMATCH


@pytest.mark.parametrize(
    ("words", "months"),
    [("Đến 31/7", 7), ("tính đến ngày 30/9", 9), ("Đến 20/11", "11-20")],
)
def test_a_date_with_no_year_names_the_months_up_to_it(words, months):
    assert [(year, m) for _match, year, m in periods_in(words)] == [(None, months)]


def test_a_range_of_dates_is_not_read_as_its_end_alone():
    found = [m.group(0) for m, _y, _m in periods_in("từ 1/7 đến 31/10")]
    assert found == ["từ 1/7 đến 31/10"]
