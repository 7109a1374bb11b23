"""A change whose base is named between the comparing word and the rate
("cao hơn ước thực hiện năm nay 12,5%"): the words after the rate name
nothing, so the words before it say what it is compared with
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import EST, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuyen_quang_plans(make_figure):
    """Tuyên Quang: 2025 plan 8,4 tỷ, 2025 estimate 8 tỷ, 2026 plan 9 tỷ."""
    province = area("Tuyên Quang")
    return [
        make_figure(province, 2025, P, "8400000000"),
        make_figure(province, 2025, EST, "8000000000"),
        make_figure(province, 2026, P, "9000000000"),
    ]


def test_a_rate_compared_with_the_estimate_named_before_it(tuyen_quang_plans):
    found = paragraph_verdicts(
        tuyen_quang_plans,
        "Tuyên Quang dự kiến bố trí 9 tỷ đồng cho khuyến công năm 2026, "
        "cao hơn ước thực hiện năm nay 12,5%.",
    )
    assert found == {"9 tỷ đồng": MATCH, "12,5%": MATCH}


def test_the_same_rate_against_the_plan_is_still_wrong(tuyen_quang_plans):
    found = paragraph_verdicts(
        tuyen_quang_plans,
        "Tuyên Quang dự kiến bố trí 9 tỷ đồng cho khuyến công năm 2026, "
        "cao hơn kế hoạch năm 2025 là 12,5%.",
    )
    assert found == {"9 tỷ đồng": MATCH, "12,5%": MISMATCH}
