"""A table whose rows are the measures ("Kế hoạch", "Thực hiện") under a
caption naming one of them for some column ("Cột 2025 là kế hoạch"): each
row's cells are of the row's measure, the caption's words hold for every
row and so name none of them (a table written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area_before_merger, html_verdicts

pytestmark = pytest.mark.django_db

TABLE = (
    "<p>Đơn vị: tỷ đồng. {caption}</p><table><tr><th>Chỉ tiêu</th>"
    "<th>2023</th><th>2024</th><th>2025</th></tr>"
    "<tr><td>Kế hoạch</td><td>3,40</td><td>3,70</td><td>3,90</td></tr>"
    "<tr><td>Thực hiện</td><td>3,22</td><td>{spent}</td><td>–</td></tr></table>"
)


@pytest.fixture
def tay_ninh(reference_data, make_figure):
    old = area_before_merger("Tây Ninh")
    return [
        make_figure(old, 2023, P, "3400000000"),
        make_figure(old, 2024, P, "3700000000"),
        make_figure(old, 2025, P, "3900000000"),
        make_figure(old, 2023, E, "3220000000"),
        make_figure(old, 2024, E, "3550000000"),
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Cột 2025 là kế hoạch nếu không ghi chú.",
        "Số liệu kế hoạch và thực hiện kinh phí khuyến công của tỉnh Tây Ninh.",
        "Kinh phí khuyến công tỉnh Tây Ninh qua các năm.",
    ],
)
def test_each_row_is_of_its_own_measure(tay_ninh, caption):
    found = html_verdicts(tay_ninh, TABLE.format(caption=caption, spent="3,55"))
    assert [found[n] for n in ("3,40", "3,70", "3,90", "3,22", "3,55")] == [MATCH] * 5


def test_a_miscopied_cell_is_flagged(tay_ninh):
    caption = "Cột 2025 là kế hoạch nếu không ghi chú."
    found = html_verdicts(tay_ninh, TABLE.format(caption=caption, spent="3,58"))
    assert found["3,58"] in (MISMATCH, UNSURE)


def test_the_money_to_carry_out_a_plan_is_the_plans(reference_data, make_figure):
    # "thực hiện" in a row's words ("Kinh phí thực hiện") is what the plan
    # gives to carry it out, not what was spent: the caption's plan holds
    old = area_before_merger("Tây Ninh")
    figures = [
        make_figure(old, 2024, P, "3700000000"),
        make_figure(old, 2024, E, "3550000000"),
    ]
    table = (
        "<p>Kế hoạch khuyến công năm 2024 tỉnh Tây Ninh</p><table><tr>"
        "<th>Chỉ tiêu</th><th>Năm 2024</th></tr><tr><td>Kinh phí thực hiện "
        "(triệu đồng)</td><td>3.700</td></tr></table>"
    )
    assert html_verdicts(figures, table)["3.700"] == MATCH
