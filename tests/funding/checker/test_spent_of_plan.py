"""A rate right after a plan, the words between saying it was spent
("được giao 3.400 triệu đồng, giải ngân đạt 94,5%"), is what was executed
over that plan (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("94,5", {MATCH}), ("96,5", {MISMATCH, UNSURE})]
)
def test_a_rate_spent_of_the_plan_before_it(lai_chau, printed, verdicts):
    found = paragraph_verdicts(
        lai_chau,
        "Nguồn khuyến công quốc gia năm 2024 của Lai Châu được giao 3.400 triệu "
        f"đồng, giải ngân đạt {printed}%.",
    )
    assert found["3.400 triệu đồng"] == MATCH
    assert found[f"{printed}%"] in verdicts


def test_a_share_of_the_plan_stays_of_the_plan(lai_chau, make_figure):
    province = area("Lai Châu")
    whole = make_figure(province, 2024, P, "10000000000")
    found = paragraph_verdicts(
        [*lai_chau, whole],
        "Năm 2024 Lai Châu được giao 3.400 triệu đồng kinh phí khuyến công quốc "
        "gia, chiếm 34% tổng kế hoạch.",
    )
    assert found["34%"] == MATCH
