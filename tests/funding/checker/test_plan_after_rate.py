"""The plan printed right after the rate of it ("đạt 85% kế hoạch 12 tỷ
đồng", "đạt 85% kế hoạch năm (12 tỷ đồng)") is the year's plan, whatever
months the clause spent, and no base of a change after it (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """Lào Cai's 2025: 12 tỷ planned, 10,2 tỷ spent by November (85%),
    9,6 tỷ by October."""
    place = area("Lào Cai")
    return [
        make_figure(place, 2025, P, "12000000000"),
        make_figure(place, 2025, E, "10200000000", months=11),
        make_figure(place, 2025, E, "9600000000", months=10),
    ]


@pytest.mark.parametrize(
    "plan", ["kế hoạch {}", "kế hoạch năm ({})", "kế hoạch được giao ({})"]
)
@pytest.mark.parametrize(
    ("amount", "verdicts"),
    [("12 tỷ đồng", {MATCH}), ("12,6 tỷ đồng", {MISMATCH, UNSURE})],
)
def test_the_plan_after_its_rate(lao_cai, plan, amount, verdicts):
    found = paragraph_verdicts(
        lao_cai,
        "Hết tháng 11/2025, tỉnh Lào Cai giải ngân 10,2 tỷ đồng, đạt 85% "
        + plan.format(amount)
        + ", tăng 6,25% so với hết tháng 10.",
    )
    assert found["10,2 tỷ đồng"] == MATCH
    assert found[amount] in verdicts
    assert found["6,25%"] == MATCH
