"""Each old province of a merged one in turn ("hai tỉnh cũ giải ngân lần
lượt x và y", a total after the list still their sum), and an amount over
another ("giải ngân 4.915,2 triệu đồng trên 5,0 tỷ": its plan, not "more
than") (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import (
    KCQG,
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


@pytest.fixture
def lao_cai_kcqg(make_figure):
    """The new Lào Cai plans 12 tỷ for 2025; the KCQG part, set before the
    merger for the two old provinces: 1,9 + 1,4 = 3,3 tỷ (27,5% of 12 tỷ,
    29,46% of their own 11,2 tỷ)."""
    old_lao_cai, yen_bai = area_before_merger("Lào Cai"), area_before_merger("Yên Bái")
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(old_lao_cai, 2025, P, "6000000000"),
        make_figure(yen_bai, 2025, P, "5200000000"),
        make_figure(old_lao_cai, 2025, P, "1900000000", source=KCQG),
        make_figure(yen_bai, 2025, P, "1400000000", source=KCQG),
    ]


def test_the_old_provinces_part_of_the_new_plan(lao_cai_kcqg):
    found = paragraph_verdicts(
        lao_cai_kcqg,
        "Kế hoạch năm 2025 của tỉnh Lào Cai là 12 tỷ đồng. Nguồn khuyến công quốc "
        "gia giao cho hai tỉnh cũ là 3,3 tỷ đồng, chiếm 27,5% kế hoạch.",
    )
    assert found == {"12 tỷ đồng": MATCH, "3,3 tỷ đồng": MATCH, "27,5%": MATCH}


def test_a_share_of_the_old_plans_named_is_still_theirs(lao_cai_kcqg):
    """The words name the old provinces' plans: of their sum, not the new one."""
    found = paragraph_verdicts(
        lao_cai_kcqg,
        "Năm 2025, nguồn khuyến công quốc gia giao cho hai tỉnh cũ là 3,3 tỷ "
        "đồng, chiếm 29,46% kế hoạch của hai tỉnh cũ.",
    )
    assert found == {"3,3 tỷ đồng": MATCH, "29,46%": MATCH}
