""" "Tổng kế hoạch" names all funds ("tổng kế hoạch 12 tỷ đồng"), but not when
it adds up areas ("nguồn quốc gia của tỉnh là tổng kế hoạch của hai tỉnh
cũ"): then the fund named before it holds; "tổng kế hoạch quốc gia" is the
national fund's (sentences written for these tests)."""

import pytest

from funding.checker import MATCH
from tests.funding.checker.checking import (
    KCQG,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai plans 12 tỷ for 2025; old Lào Cai 6,5 tỷ (KCQG 1,2
    tỷ), Yên Bái 4,9 tỷ (KCQG 0,8 tỷ): the KCQG plans add up to 2 tỷ."""
    old, yen_bai = area_before_merger("Lào Cai"), area_before_merger("Yên Bái")
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(old, 2025, P, "6500000000"),
        make_figure(yen_bai, 2025, P, "4900000000"),
        make_figure(old, 2025, P, "1200000000", source=KCQG),
        make_figure(yen_bai, 2025, P, "800000000", source=KCQG),
    ]


def test_a_fund_summed_over_the_old_provinces(lao_cai):
    found = paragraph_verdicts(
        lao_cai,
        "Năm 2025, vốn khuyến công quốc gia của tỉnh là tổng kế hoạch của hai "
        "tỉnh cũ, 2 tỷ đồng.",
    )
    assert found == {"2 tỷ đồng": MATCH}


def test_a_wrong_fund_sum_is_still_wrong(lao_cai):
    found = paragraph_verdicts(
        lao_cai,
        "Năm 2025, vốn khuyến công quốc gia của tỉnh là tổng kế hoạch của hai "
        "tỉnh cũ, 2,4 tỷ đồng.",
    )
    assert found["2,4 tỷ đồng"] != MATCH


def test_the_national_plans_added_up(lao_cai):
    found = paragraph_verdicts(
        lao_cai,
        "Năm 2025, Lào Cai được giao 12 tỷ đồng; tổng kế hoạch quốc gia của hai "
        "tỉnh cũ là 2 tỷ đồng.",
    )
    assert found == {"12 tỷ đồng": MATCH, "2 tỷ đồng": MATCH}


def test_the_total_plan_is_still_all_funds(lao_cai):
    found = paragraph_verdicts(
        lao_cai, "Năm 2025, tổng kế hoạch khuyến công của tỉnh Lào Cai là 2 tỷ đồng."
    )
    assert found["2 tỷ đồng"] != MATCH
