"""A progress table with a running total and what each row's period added
("Lũy kế" beside "Phát sinh trong kỳ"), then the rate of plan: the
period's cell is its row's total less the row's before, and the rate is
the running total's, not the period's (a table written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, html_verdicts

pytestmark = pytest.mark.django_db

TABLE = (
    "<p>Tiến độ giải ngân kinh phí khuyến công năm 2024 tỉnh Nghệ An "
    "(đơn vị: triệu đồng)</p><table><tr><th>Thời điểm</th><th>Lũy kế</th>"
    "<th>{added_title}</th><th>Tỷ lệ so với kế hoạch (%)</th></tr>"
    "<tr><td>Đến 31/3</td><td>2.150</td><td>2.150</td><td>12,65</td></tr>"
    "<tr><td>Đến 30/6</td><td>6.420</td><td>{june}</td><td>{june_rate}</td></tr>"
    "<tr><td>Đến 30/9</td><td>11.905</td><td>5.485</td><td>70,03</td></tr>"
    "</table>"
)


@pytest.fixture
def nghe_an(reference_data, make_figure):
    province = area("Nghệ An")
    return [
        make_figure(province, 2024, P, "17000000000"),
        make_figure(province, 2024, E, "2150000000", months=3),
        make_figure(province, 2024, E, "6420000000", months=6),
        make_figure(province, 2024, E, "11905000000", months=9),
    ]


def table(added_title="Phát sinh trong kỳ", june="4.270", june_rate="37,76"):
    return TABLE.format(added_title=added_title, june=june, june_rate=june_rate)


@pytest.mark.parametrize("title", ["Phát sinh trong kỳ", "Giải ngân trong quý"])
def test_each_period_added_is_its_total_less_the_one_before(nghe_an, title):
    found = html_verdicts(nghe_an, table(added_title=title))
    assert (found["4.270"], found["5.485"]) == (MATCH, MATCH)


def test_the_rate_after_it_is_the_running_totals(nghe_an):
    found = html_verdicts(nghe_an, table())
    assert (found["37,76"], found["70,03"]) == (MATCH, MATCH)


def test_a_period_miscopied_is_not_read_as_right(nghe_an):
    found = html_verdicts(nghe_an, table(june="4.720"))
    assert found["4.720"] in (MISMATCH, UNSURE)


def test_a_rate_worked_from_the_periods_cell_is_flagged(nghe_an):
    # 4.270 / 17.000 = 25,12%: the period's share, not the running rate
    found = html_verdicts(nghe_an, table(june_rate="25,12"))
    assert found["25,12"] in (MISMATCH, UNSURE)


YEARS = (
    "<p>Kinh phí khuyến công tỉnh Nghệ An giai đoạn 2023-2024 (đơn vị: triệu "
    "đồng)</p><table><tr><th>Năm</th><th>Kế hoạch giao</th>"
    "<th>Giải ngân trong kỳ</th><th>Tỷ lệ (%)</th></tr>"
    "<tr><td>2023</td><td>15.000</td><td>14.100</td><td>94,00</td></tr>"
    "<tr><td>2024</td><td>17.000</td><td>{spent}</td><td>{rate}</td></tr></table>"
)


@pytest.fixture
def nghe_an_years(nghe_an, make_figure):
    province = area("Nghệ An")
    return nghe_an + [
        make_figure(province, 2024, E, "16500000000"),
        make_figure(province, 2023, P, "15000000000"),
        make_figure(province, 2023, E, "14100000000"),
    ]


def test_with_no_running_total_each_row_is_its_periods_own(nghe_an_years):
    found = html_verdicts(nghe_an_years, YEARS.format(spent="16.500", rate="97,06"))
    assert [found[n] for n in ("14.100", "94,00", "16.500", "97,06")] == [MATCH] * 4


def test_with_no_running_total_a_shorter_periods_figure_is_wrong(nghe_an_years):
    # 11.905 is spent in nine months: not the year's, nor any difference
    found = html_verdicts(nghe_an_years, YEARS.format(spent="11.905", rate="70,03"))
    assert found["11.905"] == MISMATCH


@pytest.mark.parametrize(
    ("total_title", "added_title"),
    [("Tổng số đã giải ngân", "Giải ngân trong kỳ"), ("Lũy kế", "Phát sinh")],
)
def test_other_titles_of_the_running_total_and_the_period(
    nghe_an, total_title, added_title
):
    html = table(added_title=added_title).replace(
        "<th>Lũy kế</th>", f"<th>{total_title}</th>"
    )
    found = html_verdicts(nghe_an, html)
    assert [found[n] for n in ("4.270", "37,76", "5.485", "70,03")] == [MATCH] * 4
