"""What "cần giải ngân thêm" in the last month is: the year's estimate (or
plan) less what was spent so far, like "phải giải ngân thêm" (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import EST, E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """Lào Cai's 2025: 12 tỷ planned, 11,8 tỷ estimated, 10,2 tỷ spent by
    November."""
    place = area("Lào Cai")
    return [
        make_figure(place, 2025, P, "12000000000"),
        make_figure(place, 2025, EST, "11800000000"),
        make_figure(place, 2025, E, "10200000000", months=11),
    ]


@pytest.mark.parametrize(
    ("amount", "verdicts"),
    [("1,6 tỷ đồng", {MATCH, ROUNDING}), ("2,6 tỷ đồng", {MISMATCH, UNSURE})],
)
def test_what_the_last_month_still_needs(lao_cai, amount, verdicts):
    found = paragraph_verdicts(
        lao_cai,
        "Hết tháng 11/2025, tỉnh Lào Cai giải ngân 10,2 tỷ đồng. Ước cả năm giải "
        "ngân 11,8 tỷ đồng, bằng 98,33% kế hoạch, nên tháng 12 cần giải ngân "
        f"thêm khoảng {amount}.",
    )
    assert found[amount] in verdicts
