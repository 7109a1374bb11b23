"""What is left of an area's plan said with the area's name before "còn"
("Sơn La còn 2,22 tỷ đồng, tức 32,65% kế hoạch"), and a table's plan row
under a caption naming months ("đến hết ngày 31/10"): plans are the
year's (sentences and a table written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    E,
    P,
    area,
    html_verdicts,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)


@pytest.fixture
def two_provinces(reference_data, make_figure):
    """2025: Sơn La 6,8 tỷ planned, 4,58 spent by October (2,22 left,
    32,65%); Điện Biên 5 tỷ planned, 3,5 spent by October (1,5 left)."""
    son_la, dien_bien = area("Sơn La"), area("Điện Biên")
    return [
        make_figure(son_la, 2025, P, "6800000000"),
        make_figure(son_la, 2025, E, "4580000000", months=10),
        make_figure(dien_bien, 2025, P, "5000000000"),
        make_figure(dien_bien, 2025, E, "3500000000", months=10),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("2,22 tỷ đồng", (MATCH,)), ("2,42 tỷ đồng", FLAGGED)],
    ids=["right", "wrong"],
)
def test_what_an_area_has_left(two_provinces, printed, verdicts):
    text = (
        "Đến hết tháng 10 năm 2025, Sơn La giải ngân 4,58 tỷ đồng, Điện Biên 3,5 "
        f"tỷ đồng. Sơn La còn {printed}, tức 32,65% kế hoạch; Điện Biên còn 1,5 tỷ "
        "đồng."
    )
    found = paragraph_verdicts(two_provinces, text)
    assert found[printed] in verdicts
    assert found["1,5 tỷ đồng"] == MATCH


def test_a_plan_cut_to_a_level_is_no_rest(two_provinces):
    text = "Năm 2025, sau điều chỉnh, kế hoạch của Sơn La còn 6,8 tỷ đồng."
    assert paragraph_verdicts(two_provinces, text)["6,8 tỷ đồng"] == MATCH


TABLE = (
    "<table><caption>Kinh phí khuyến công năm 2025 của hai tỉnh, đến hết ngày "
    "31/10</caption><tr><th>Chỉ tiêu</th><th>Sơn La</th><th>Điện Biên</th></tr>"
    "<tr><td>Kế hoạch (tỷ đồng)</td><td>{}</td><td>5,00</td></tr>"
    "<tr><td>Giải ngân (tỷ đồng)</td><td>4,58</td><td>3,50</td></tr></table>"
)


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("6,80", (MATCH,)), ("8,60", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_plan_row_under_a_caption_of_months(two_provinces, printed, verdicts):
    found = html_verdicts(two_provinces, TABLE.format(printed))
    assert found[printed] in verdicts
    assert found["5,00"] == MATCH
    assert found["4,58"] == MATCH
