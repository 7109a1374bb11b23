"""A progress table whose rows name their own period ("Giải ngân quý
I/2025", "Lũy kế 6 tháng") under a caption that mentions another ("số
liệu nửa đầu năm là của từng huyện"): each row's cells are of the row's
period, the caption's words describe the table (a table written for this
test)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import E, area, html_verdicts, read_html

pytestmark = pytest.mark.django_db

TABLE = (
    "<p>Tiến độ giải ngân kinh phí khuyến công tỉnh Nghệ An (đơn vị: triệu đồng; "
    "{caption})</p><table><tr><th>Chỉ tiêu</th><th>Giá trị</th></tr>"
    "<tr><td>Giải ngân quý I/2025</td><td>{first}</td></tr>"
    "<tr><td>Lũy kế 6 tháng năm 2025</td><td>6.420</td></tr></table>"
)


@pytest.fixture
def nghe_an(reference_data, make_figure):
    province = area("Nghệ An")
    return [
        make_figure(province, 2025, E, "2150000000", months=3),
        make_figure(province, 2025, E, "6420000000", months=6),
    ]


AGREE = (MATCH, ROUNDING)


@pytest.mark.parametrize(
    "caption",
    ["số liệu nửa đầu năm là của các huyện cộng lại", "số liệu 6 tháng đầu năm"],
)
def test_the_rows_own_quarter_over_the_captions_months(nghe_an, caption):
    found = html_verdicts(nghe_an, TABLE.format(caption=caption, first="2.150"))
    assert found["2.150"] in AGREE
    assert found["6.420"] in AGREE


def test_the_half_years_total_in_the_quarters_row_is_flagged(nghe_an):
    html = TABLE.format(caption="số liệu nửa đầu năm", first="6.420")
    quarter = read_html(nghe_an, html)[0]
    assert quarter[0] == "6.420"
    assert quarter[1] in (MISMATCH, UNSURE)


def test_the_rows_months_under_a_captions_months_of_the_year(nghe_an, make_figure):
    figures = [*nghe_an, make_figure(area("Nghệ An"), 2025, E, "11905000000", months=9)]
    html = (
        "<p>Tiến độ giải ngân kinh phí khuyến công 9 tháng năm 2025 tỉnh Nghệ An "
        "(triệu đồng)</p><table><tr><th>Thời điểm</th><th>Lũy kế</th></tr>"
        "<tr><td>Hết tháng 3</td><td>2.150</td></tr>"
        "<tr><td>Lũy kế 6 tháng</td><td>6.420</td></tr>"
        "<tr><td>Lũy kế 9 tháng</td><td>11.905</td></tr></table>"
    )
    found = html_verdicts(figures, html)
    assert [found[n] for n in ("2.150", "6.420", "11.905")] == [MATCH] * 3
