"""A centre's monthly tracker pasted as a table: the year's plan, the
running total to the end of the month before, what the month added, the
running total and the rate of plan ("KH năm | Lũy kế đến cuối tháng trước
| Thực hiện trong tháng | Lũy kế | % KH") (a table written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import html_verdicts, nghe_an_2025_to_october

pytestmark = pytest.mark.django_db
AGREE = (MATCH, ROUNDING)


@pytest.fixture
def nghe_an(reference_data, make_figure):
    return nghe_an_2025_to_october(make_figure)


def tracker(cells=("10.450", "1.730", "12.180", "71,65")):
    before, month, total, rate = cells
    return (
        "<p>Bảng theo dõi tiến độ giải ngân kinh phí khuyến công tỉnh Nghệ An, "
        "tháng 10/2025 (triệu đồng)</p><table><tr><th>Nguồn</th><th>KH năm</th>"
        "<th>Lũy kế đến cuối tháng trước</th><th>Thực hiện trong tháng</th>"
        "<th>Lũy kế</th><th>% KH</th></tr>"
        f"<tr><td>Tổng số</td><td>17.000</td><td>{before}</td><td>{month}</td>"
        f"<td>{total}</td><td>{rate}</td></tr>"
        "<tr><td>Khuyến công quốc gia</td><td>4.200</td><td>2.900</td><td>450</td>"
        "<td>3.350</td><td>79,76</td></tr></table>"
    )


def test_each_column_of_the_tracker(nghe_an):
    found = html_verdicts(nghe_an, tracker())
    cells = ("17.000", "10.450", "1.730", "12.180", "71,65")
    assert [found[c] for c in cells] == [MATCH] * 5
    cells = ("4.200", "2.900", "450", "3.350", "79,76")
    assert [found[c] in AGREE for c in cells] == [True] * 5


def test_a_months_addition_miscopied_is_flagged(nghe_an):
    found = html_verdicts(nghe_an, tracker(("10.450", "1.370", "12.180", "71,65")))
    assert found["1.370"] in (MISMATCH, UNSURE)
