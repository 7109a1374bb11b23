"""A table's quarter columns beside a running total ("Quý II", "Quý III",
"Lũy kế 9 tháng"): a quarter's amount is that quarter alone, the running
totals less the one before (a table written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, area, read_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_tinh_2025(make_figure):
    """Spent in 2025: 2,1 tỷ by March, 5,5 tỷ by June, 9,3 tỷ by September."""
    province = area("Hà Tĩnh")
    return [
        make_figure(province, 2025, E, "2100000000", months=3),
        make_figure(province, 2025, E, "5500000000", months=6),
        make_figure(province, 2025, E, "9300000000", months=9),
    ]


TABLE = (
    "<p>Tiến độ giải ngân năm 2025 của Hà Tĩnh:</p><table>"
    "<tr><th>Chỉ tiêu</th><th>Quý I</th><th>Quý II</th><th>Quý III</th>"
    "<th>Lũy kế 9 tháng</th></tr>"
    "<tr><td>Kinh phí thực hiện (tr.đ)</td><td>2.100</td><td>{}</td><td>3.800</td>"
    "<td>9.300</td></tr></table>"
)


def test_a_quarter_column_is_that_quarter_alone(ha_tinh_2025):
    found = read_html(ha_tinh_2025, TABLE.format("3.400"))
    assert found[1:] == [("3.400", MATCH), ("3.800", MATCH), ("9.300", MATCH)]


def test_a_wrong_quarter_cell_is_flagged(ha_tinh_2025):
    found = read_html(ha_tinh_2025, TABLE.format("3.500"))
    assert found[1][1] in (MISMATCH, UNSURE)
