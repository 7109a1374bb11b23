"""A table with a unit column ("Đơn vị tính": "triệu đồng", "đề án") whose
year and measure columns name no unit, and a rate column titled "A/B (%)"
that divides column A, not the last cell before it (tables written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import EST, E, P, area, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<p>Phụ lục: kết quả khuyến công tỉnh Điện Biên năm 2025</p>"
    "<table><tr><th>STT</th><th>Chỉ tiêu</th><th>ĐVT</th><th>KH năm 2025</th>"
    "<th>TH 9 tháng năm 2025</th><th>Ước TH năm 2025</th>"
    "<th>TH 9 tháng/KH (%)</th></tr>"
    "<tr><td>1</td><td>Kinh phí</td><td>triệu đồng</td><td>4.000</td>"
    "<td>{spent}</td><td>3.900</td><td>{rate}</td></tr>"
    "<tr><td>2</td><td>Đề án hoàn thành</td><td>đề án</td><td>12</td>"
    "<td>{done}</td><td>–</td><td>75,00</td></tr>"
    "</table>"
)


@pytest.fixture
def dien_bien(reference_data, make_figure):
    province = area("Điện Biên")
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    return [
        make_figure(province, 2025, P, "4000000000"),
        make_figure(province, 2025, E, "2600000000", months=9),
        make_figure(province, 2025, EST, "3900000000"),
        make_figure(province, 2025, P, "12", indicator=count),
        make_figure(province, 2025, E, "9", months=9, indicator=count),
    ]


def read_table(figures, **cells):
    return read_html(figures, TABLE.format(**cells))


def test_the_unit_column_gives_each_row_its_unit(dien_bien):
    assert read_table(dien_bien, spent="2.600", rate="65,00", done="9") == [
        ("4.000", MATCH),
        ("2.600", MATCH),
        ("3.900", MATCH),
        ("65,00", MATCH),  # 2.600 / 4.000, not the estimate 3.900 / 4.000
        ("12", MATCH),
        ("9", MATCH),
        ("75,00", MATCH),
    ]


def test_a_wrong_cell_of_a_unit_column_row_is_flagged(dien_bien):
    found = dict(read_table(dien_bien, spent="2.060", rate="65,00", done="8"))
    assert found["2.060"] == MISMATCH
    assert found["8"] == MISMATCH
