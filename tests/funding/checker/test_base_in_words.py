"""A rate of the plan written in words ("đạt 60 phần trăm kế hoạch năm")
is about a base, as "60% kế hoạch" is: the plan it names does not make a
change after it a change of the plan (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    """Sơn La: 6 of 10 tỷ đồng spent in the first half of 2024, 5 tỷ đồng a
    year before (plans 10 and 9 tỷ đồng)."""
    province = area("Sơn La")
    return [
        make_figure(province, 2024, P, "10000000000"),
        make_figure(province, 2023, P, "9000000000"),
        make_figure(province, 2024, E, "6000000000", months=6),
        make_figure(province, 2023, E, "5000000000", months=6),
    ]


@pytest.mark.parametrize(
    ("word", "verdicts"), [("cao hơn", {MATCH}), ("thấp hơn", {MISMATCH, UNSURE})]
)
@pytest.mark.parametrize("rate", ["60 phần trăm", "60%"])
def test_a_change_after_a_rate_of_the_plan(son_la, word, verdicts, rate):
    found = paragraph_verdicts(
        son_la,
        f"Sáu tháng đầu năm 2024, Sơn La giải ngân được {rate} kế hoạch năm, "
        f"{word} cùng kỳ 20%.",
    )
    assert found[rate] == MATCH
    assert found["20%"] in verdicts
