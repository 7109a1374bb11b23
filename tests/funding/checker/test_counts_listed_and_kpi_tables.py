"""Counts and table cells written the way a front page, a scorecard or a
poster writes them (texts written for these tests; Kon Tum and Gia Lai
2024, before the merger):

* a count's parts listed by area right after it, "55 đề án (Kon Tum 30,
  Gia Lai 25)", count the same noun;
* a line opening with a count and a dash, "30/32 – số đề án …";
* a scorecard's row labelled after a code ("A1"), its unit in the label,
  its scores ("Điểm chuẩn", "Tự chấm") no figures, a group row across the
  table no header;
* a table of areas by year under a caption that gives the unit."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import (
    E,
    area_before_merger,
    html_verdicts,
    kon_tum_and_gia_lai_2024,
    read_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_provinces(reference_data, make_figure):
    count = Indicator.objects.get(code="so-de-an")
    gia_lai = area_before_merger("Gia Lai")
    return kon_tum_and_gia_lai_2024(make_figure) + [
        make_figure(gia_lai, 2024, E, "25", indicator=count)
    ]


def test_a_counts_parts_by_area_count_the_same_noun(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>Năm 2024, hai tỉnh nghiệm thu 55 đề án (Kon Tum 30, Gia Lai 25).</p>",
    )
    assert found["30"] == MATCH
    assert found["25"] == MATCH


def test_a_wrong_part_is_flagged(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>Năm 2024, hai tỉnh nghiệm thu 55 đề án (Kon Tum 31 và Gia Lai 25).</p>",
    )
    assert found["31"] in (MISMATCH, UNSURE)
    assert found["25"] == MATCH


def test_a_parenthesis_that_lists_no_areas_is_left_alone(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>Năm 2024, Kon Tum nghiệm thu 30 đề án (đợt 1 là 12, đợt 2 là 18).</p>",
    )
    assert "12" not in found and "18" not in found


def test_a_line_opening_with_a_count_and_a_dash(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>NHỮNG CON SỐ CỦA KON TUM NĂM 2024</p>"
        "<p>30/32 – số đề án hoàn thành, nghiệm thu trên kế hoạch.</p>",
    )
    assert found["30"] == MATCH
    assert found["32"] == MATCH


SCORECARD = (
    "<p>Bảng 1. Tự chấm điểm các chỉ số của Kon Tum năm 2024</p>"
    "<table><tr><th>Mã</th><th>Chỉ số (đơn vị)</th><th>Kết quả</th>"
    "<th>Điểm chuẩn</th><th>Tự chấm</th></tr>"
    '<tr><td colspan="5">A. Nhóm kinh phí (40 điểm)</td></tr>'
    "<tr><td>A1</td><td>Tỷ lệ giải ngân kinh phí khuyến công (%)</td>"
    "<td>{rate}</td><td>15</td><td>15</td></tr>"
    "<tr><td>A2</td><td>Kinh phí đã giải ngân (triệu đồng)</td>"
    "<td>8.640</td><td>10</td><td>9,5</td></tr>"
    '<tr><td colspan="5">B. Nhóm hoạt động (45 điểm)</td></tr>'
    "<tr><td>B1</td><td>Đề án nghiệm thu (đề án)</td><td>30</td>"
    "<td>96</td><td>96</td></tr></table>"
)


def test_a_scorecards_rows_read_their_unit_after_the_code(two_provinces):
    found = read_html(two_provinces, SCORECARD.format(rate="96,00"))
    read = [(text, verdict) for text, verdict in found if verdict != NO_DATA]
    assert read == [("96,00", MATCH), ("8.640", MATCH), ("30", MATCH)]


def test_a_wrong_rate_in_a_scorecard_is_flagged(two_provinces):
    found = html_verdicts(two_provinces, SCORECARD.format(rate="69,00"))
    assert found["69,00"] == MISMATCH


def test_area_columns_take_the_captions_unit(two_provinces):
    html = (
        "<p>Bảng 2. Kinh phí khuyến công đã giải ngân (triệu đồng)</p>"
        "<table><tr><th>Năm</th><th>Kon Tum</th><th>Gia Lai</th></tr>"
        "<tr><td>2024</td><td>8.640</td><td>{gia_lai}</td></tr></table>"
    )
    assert html_verdicts(two_provinces, html.format(gia_lai="9.500")) == {
        "8.640": MATCH,
        "9.500": MATCH,
    }
    assert html_verdicts(two_provinces, html.format(gia_lai="9.050"))["9.050"] in (
        MISMATCH,
        UNSURE,
    )


@pytest.mark.parametrize("listed", ["(Nam 12, Nữ 18)", "(Quý I 12, Quý II 18)"])
def test_a_list_of_what_is_no_area_is_left_alone(two_provinces, listed):
    found = html_verdicts(
        two_provinces, f"<p>Năm 2024, Kon Tum nghiệm thu 30 đề án {listed}.</p>"
    )
    assert found == {"30 đề án": MATCH}


def test_a_dated_line_is_no_count_pair(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>Năm 2024, Kon Tum nghiệm thu 30 đề án.</p>"
        "<p>15/3 – đề án nhà máy gạch được nghiệm thu.</p>",
    )
    assert "15" not in found and "3" not in found


def test_a_unit_row_under_the_header_gives_the_unit(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>Kinh phí khuyến công của Kon Tum năm 2024</p>"
        "<table><tr><th>Chỉ tiêu</th><th>KCQG</th><th>KCĐP</th></tr>"
        '<tr><td colspan="3">Đơn vị tính: triệu đồng</td></tr>'
        "<tr><td>Kinh phí đã giải ngân</td><td>2.380</td><td>6.260</td></tr></table>",
    )
    assert found == {"2.380": MATCH, "6.260": MATCH}


def test_a_column_of_the_time_of_report_is_no_score(two_provinces):
    found = html_verdicts(
        two_provinces,
        "<p>Kinh phí khuyến công của Kon Tum năm 2024 (triệu đồng)</p>"
        "<table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th>"
        "<th>Thực hiện đến thời điểm báo cáo</th></tr>"
        "<tr><td>Tổng kinh phí</td><td>9.000</td><td>8.640</td></tr></table>",
    )
    assert found == {"9.000": MATCH, "8.640": MATCH}
