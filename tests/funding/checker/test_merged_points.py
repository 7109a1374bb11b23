"""A change in points of a merged province's rate against the same period
of the year before the merger, when its old provinces' figures are added
up for that year (sentences written for these tests)."""

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
def lao_cai_nine_months(make_figure):
    """2025: 7,2 of 12 tỷ spent in 9 months (60%); 2024, the two old
    provinces: 3,9 + 2,6 of 6 + 4 tỷ (65%)."""
    old_lao_cai, yen_bai = area_before_merger("Lào Cai"), area_before_merger("Yên Bái")
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area("Lào Cai"), 2025, E, "7200000000", months=9),
        make_figure(old_lao_cai, 2024, P, "6000000000"),
        make_figure(yen_bai, 2024, P, "4000000000"),
        make_figure(old_lao_cai, 2024, E, "3900000000", months=9),
        make_figure(yen_bai, 2024, E, "2600000000", months=9),
    ]


TEXT = (
    "Chín tháng năm 2025, tỉnh Lào Cai giải ngân 7,2 tỷ đồng, đạt 60% kế hoạch. "
    "Tỷ lệ giải ngân so với kế hoạch {} 5 điểm phần trăm so với cùng kỳ."
)


def test_points_against_the_old_provinces_added_up(lao_cai_nine_months):
    found = paragraph_verdicts(lao_cai_nine_months, TEXT.format("giảm"))
    assert found["5 điểm phần trăm"] == MATCH


def test_a_rise_for_a_fall_is_flagged(lao_cai_nine_months):
    found = paragraph_verdicts(lao_cai_nine_months, TEXT.format("tăng"))
    assert found["5 điểm phần trăm"] == MISMATCH
