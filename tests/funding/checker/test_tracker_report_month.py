"""A monthly tracker's words around its table: the report's month before a
running total ("tháng 10/2025: lũy kế …") or before what the month added
("tháng 10/2025: trong tháng …"), the year's plan a running total is
measured against ("… trên tổng kế hoạch 17 tỷ đồng"), a caption that names
the months ("… đến hết tháng 10") over a column of the month before, a plan
column in shorthand ("KH năm") and a row label holding a count ("Khuyến
công quốc gia (9 đề án)") (texts written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Indicator, ProgrammeContent
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    html_verdicts,
    nghe_an_2025_to_october,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db
AGREE = (MATCH, ROUNDING)


@pytest.fixture
def nghe_an(reference_data, make_figure):
    """Nghệ An 2025 (``checking.nghe_an_2025_to_october``); 38 đề án
    planned, 26 done by October; on demonstration models 1,65 tỷ planned,
    0,8462 and 1,0124 tỷ spent by September and October."""
    province = area("Nghệ An")
    projects = Indicator.objects.get(code="so-de-an")
    demo, _ = ProgrammeContent.objects.get_or_create(
        name="Mô hình trình diễn kỹ thuật",
        defaults={"code": "mo-hinh-trinh-dien-ky-thuat"},
    )
    return [
        *nghe_an_2025_to_october(make_figure),
        make_figure(province, 2025, P, "38", indicator=projects),
        make_figure(province, 2025, E, "26", indicator=projects, months=10),
        make_figure(province, 2025, P, "1650000000", content=demo),
        make_figure(province, 2025, E, "846200000", content=demo, months=9),
        make_figure(province, 2025, E, "1012400000", content=demo, months=10),
    ]


def test_the_reports_month_before_its_running_total(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Nghệ An: tiến độ khuyến công tháng 10/2025: lũy kế giải ngân "
        "12.180 triệu đồng, đạt 71,65% kế hoạch năm.",
    )
    assert found["12.180 triệu đồng"] == MATCH
    assert found["71,65%"] == MATCH


def test_the_reports_month_before_what_the_month_added(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Nghệ An công bố bảng theo dõi tiến độ tháng 10/2025: trong tháng giải "
        "ngân 1.730 triệu đồng.",
    )
    assert found["1.730 triệu đồng"] == MATCH  # October less September


def test_a_month_added_miscopied_after_the_reports_month_is_flagged(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Nghệ An công bố bảng theo dõi tiến độ tháng 10/2025: trong tháng giải "
        "ngân 1.370 triệu đồng.",
    )
    assert found["1.370 triệu đồng"] in (MISMATCH, UNSURE)


def test_an_events_month_is_only_its_year(nghe_an):
    # no running total after it: "tháng 10/2025" dates the fair, the amount
    # is the year's plan
    found = paragraph_verdicts(
        nghe_an,
        "Hội chợ khuyến công tổ chức tháng 10/2025 tại Nghệ An; kế hoạch "
        "kinh phí khuyến công năm 2025 của tỉnh là 17 tỷ đồng.",
    )
    assert found["17 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    "words",
    [
        "trên tổng kế hoạch",
        "so với kế hoạch",
        "so với kế hoạch năm là",
        "trên kế hoạch được giao",
    ],
)
def test_the_plan_a_running_total_is_measured_against(nghe_an, words):
    found = paragraph_verdicts(
        nghe_an,
        f"Tỉnh Nghệ An lũy kế 10 tháng năm 2025 giải ngân 12,18 tỷ đồng {words} "
        "17 tỷ đồng; 26/38 đề án đã nghiệm thu.",
    )
    assert found["12,18 tỷ đồng"] == MATCH
    assert found["17 tỷ đồng"] == MATCH  # the year's plan, not ten months'
    assert found["26"] == MATCH  # a pair after the plan: no partner of it
    assert found["38 đề án"] == MATCH


def test_a_wrong_plan_after_a_running_total_is_a_mismatch(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Tỉnh Nghệ An lũy kế 10 tháng năm 2025 giải ngân 12,18 tỷ đồng trên "
        "tổng kế hoạch 18 tỷ đồng.",
    )
    assert found["18 tỷ đồng"] == MISMATCH


def test_a_plan_of_its_own_months_is_not_the_years(nghe_an):
    # "kế hoạch 6 tháng" names its own period: no figure, not the year's
    found = paragraph_verdicts(
        nghe_an,
        "Tỉnh Nghệ An lũy kế 10 tháng năm 2025 giải ngân 12,18 tỷ đồng so với "
        "kế hoạch 6 tháng 8,5 tỷ đồng.",
    )
    assert found["8,5 tỷ đồng"] == NO_DATA


def tracker(before="10.450,0", projects="(38 đề án)"):
    """Caption naming the months, "KH năm", and a row label with a count."""
    return (
        "<table><caption>Biểu 1. Tiến độ giải ngân kinh phí khuyến công tỉnh Nghệ "
        "An năm 2025 đến hết tháng 10 (đơn vị: triệu đồng; % KH: tỷ lệ lũy kế so "
        "với kế hoạch năm)</caption><tr><th>TT</th><th>Nguồn vốn, nội dung</th>"
        "<th>KH năm</th><th>Lũy kế đến cuối tháng trước</th><th>Thực hiện trong "
        "tháng</th><th>Lũy kế</th><th>% KH</th></tr>"
        f"<tr><td></td><td>Tổng số {projects}</td><td>17.000,0</td><td>{before}</td>"
        "<td>1.730,0</td><td>12.180,0</td><td>71,65</td></tr>"
        "<tr><td>I</td><td>Khuyến công quốc gia</td><td>4.200,0</td><td>2.900,0</td>"
        "<td>450,0</td><td>3.350,0</td><td>79,76</td></tr>"
        "<tr><td>1</td><td>Mô hình trình diễn kỹ thuật</td><td>1.650,0</td>"
        "<td>846,2</td><td>166,2</td><td>1.012,4</td><td>61,36</td></tr></table>"
    )


def test_each_cell_under_a_caption_naming_the_months(nghe_an):
    found = html_verdicts(nghe_an, tracker())
    rows = (
        ("17.000,0", "10.450,0", "1.730,0", "12.180,0", "71,65"),
        ("4.200,0", "2.900,0", "450,0", "3.350,0", "79,76"),
        ("1.650,0", "846,2", "166,2", "1.012,4", "61,36"),
    )
    for row in rows:
        assert [found[cell] in AGREE for cell in row] == [True] * 5, row
    assert found["38 đề án"] == MATCH


def test_a_month_before_miscopied_under_such_a_caption_is_flagged(nghe_an):
    found = html_verdicts(nghe_an, tracker(before="11.450,0"))
    assert found["11.450,0"] in (MISMATCH, UNSURE)


@pytest.mark.parametrize("rate", ["68,42", "68,4"])
def test_a_row_labelled_with_its_unit_still_counts(nghe_an, rate):
    # "(đề án)" alone is the row's unit: its cells are counts, but for the
    # column of rates, which keeps its own
    html = (
        "<table><caption>Chỉ tiêu hiện vật tỉnh Nghệ An năm 2025 đến hết tháng 10"
        "</caption><tr><th>Chỉ tiêu</th><th>KH năm</th><th>Lũy kế</th>"
        "<th>% KH</th></tr><tr><td>Đề án được nghiệm thu (đề án)</td><td>38</td>"
        f"<td>26</td><td>{rate}</td></tr></table>"
    )
    found = html_verdicts(nghe_an, html)
    assert (found["38"], found["26"]) == (MATCH, MATCH)
    assert found[rate] in AGREE  # 26 of 38


def test_a_wrong_rate_in_a_row_labelled_with_its_unit(nghe_an):
    html = (
        "<table><caption>Chỉ tiêu hiện vật tỉnh Nghệ An năm 2025 đến hết tháng 10"
        "</caption><tr><th>Chỉ tiêu</th><th>KH năm</th><th>Lũy kế</th>"
        "<th>% KH</th></tr><tr><td>Đề án được nghiệm thu (đề án)</td><td>38</td>"
        "<td>26</td><td>70,27</td></tr></table>"
    )
    assert html_verdicts(nghe_an, html)["70,27"] in (MISMATCH, UNSURE)


@pytest.fixture
def ha_nam_two_years(reference_data, make_figure):
    """Hà Nam 2023-2024 (before the merger): planned 3,3 and 3,6 tỷ đồng,
    spent 3,1 and 3,5 tỷ đồng."""
    province = area_before_merger("Hà Nam")
    return [
        make_figure(province, 2023, P, "3300000000"),
        make_figure(province, 2024, P, "3600000000"),
        make_figure(province, 2023, E, "3100000000"),
        make_figure(province, 2024, E, "3500000000"),
    ]


def test_the_plan_over_several_years_is_their_sum(ha_nam_two_years):
    found = paragraph_verdicts(
        ha_nam_two_years,
        "Cộng dồn giai đoạn 2023–2024, Hà Nam thực hiện 6.600 triệu đồng trên "
        "tổng kế hoạch 6.900 triệu đồng, đạt 95,65%.",
    )
    assert found == {
        "6.600 triệu đồng": MATCH,
        "6.900 triệu đồng": MATCH,
        "95,65%": MATCH,
    }


@pytest.mark.parametrize(
    "column",
    ["Lũy kế đến hết tháng 9 (tháng trước)", "Lũy kế 9 tháng (đến tháng trước)"],
)
def test_a_column_naming_its_own_months_keeps_them(nghe_an, make_figure, column):
    # "tháng trước" beside the column's own "tháng 9" is not one month more
    # off the caption's October
    august = make_figure(area("Nghệ An"), 2025, E, "9000000000", months=8)
    html = (
        "<table><caption>Tiến độ giải ngân khuyến công tỉnh Nghệ An năm 2025 đến "
        "hết tháng 10 (đơn vị: triệu đồng)</caption><tr><th>Nguồn vốn</th>"
        f"<th>{column}</th><th>Lũy kế</th></tr><tr><td>Tổng số</td>"
        "<td>10.450,0</td><td>12.180,0</td></tr></table>"
    )
    found = html_verdicts([*nghe_an, august], html)
    assert (found["10.450,0"], found["12.180,0"]) == (MATCH, MATCH)


def test_a_running_total_naming_its_own_months_keeps_them(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Tháng 10/2025: lũy kế giải ngân KCQG 9 tháng của Nghệ An là 2,9 tỷ đồng.",
    )
    assert found["2,9 tỷ đồng"] != MISMATCH  # September's, not October's 3,35


def test_last_years_running_total_is_not_this_years(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Tháng 10/2025, lũy kế năm trước cùng kỳ Nghệ An giải ngân 9 tỷ đồng.",
    )
    assert found["9 tỷ đồng"] == NO_DATA  # 2024's ten months: not stored


@pytest.mark.parametrize("period", ["của 10 tháng", "đề ra cho 10 tháng"])
def test_a_plan_naming_its_months_after_it_is_not_the_years(nghe_an, period):
    found = paragraph_verdicts(
        nghe_an,
        "Lũy kế 10 tháng năm 2025, Nghệ An giải ngân 12,18 tỷ đồng, tăng 1,2 tỷ "
        f"đồng so với kế hoạch 11 tỷ đồng {period}.",
    )
    assert found["11 tỷ đồng"] != MISMATCH  # no plan of ten months is stored
