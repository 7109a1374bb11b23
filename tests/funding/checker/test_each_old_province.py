"""Each old province of a merged one in turn ("hai tỉnh cũ giải ngân lần
lượt x và y", a total after the list still their sum), and an amount over
another ("giải ngân 4.915,2 triệu đồng trên 5,0 tỷ": its plan, not "more
than") (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai_half_year(make_figure):
    """The first half of 2025: old Lào Cai 3,14 tỷ, Yên Bái 2,47 tỷ (5,61
    tỷ together)."""
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, E, "3141000000", months=6),
        make_figure(area_before_merger("Yên Bái"), 2025, E, "2468000000", months=6),
    ]


def test_each_old_province_in_turn_then_their_sum(lao_cai_half_year):
    found = paragraph_verdicts(
        lao_cai_half_year,
        "Sáu tháng đầu năm 2025, hai tỉnh cũ giải ngân lần lượt 3,14 và 2,47 tỷ "
        "đồng, cộng 5,61 tỷ đồng.",
    )
    assert found == {"3,14": MATCH, "2,47 tỷ đồng": MATCH, "5,61 tỷ đồng": MATCH}


def test_the_two_old_provinces_together_still_read_as_a_sum(lao_cai_half_year):
    """No "lần lượt": the number is their sum, and a wrong one is flagged."""
    found = paragraph_verdicts(
        lao_cai_half_year,
        "Sáu tháng đầu năm 2025, hai tỉnh cũ cộng lại giải ngân 3,14 tỷ đồng.",
    )
    assert found == {"3,14 tỷ đồng": MISMATCH}


@pytest.fixture
def ha_giang_2024(make_figure):
    province = area_before_merger("Hà Giang")
    return [
        make_figure(province, 2024, P, "5000000000"),
        make_figure(province, 2024, E, "4915200000"),
    ]


def test_an_amount_over_another_is_its_plan(ha_giang_2024):
    found = paragraph_verdicts(
        ha_giang_2024,
        "Năm 2024, Hà Giang giải ngân 4.915,2 triệu đồng trên 5,0 tỷ đồng, đạt 98,3%.",
    )
    assert found == {
        "4.915,2 triệu đồng": MATCH,
        "5,0 tỷ đồng": MATCH,
        "98,3%": MATCH,
    }


def test_trên_before_a_lone_amount_is_more_than(ha_giang_2024):
    """No amount before "trên": "more than", and 4,9 tỷ is not more than 5."""
    found = paragraph_verdicts(
        ha_giang_2024, "Năm 2024, Hà Giang đã giải ngân trên 5,0 tỷ đồng."
    )
    assert found == {"5,0 tỷ đồng": MISMATCH}
