""" "Tổng kế hoạch của hai tỉnh cũ" adds up areas: it names no fund, so the
fund named before it in the clause holds (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH
from funding.models import Area
from tests.funding.checker.checking import (
    ALL,
    KCQG,
    P,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_provinces(reference_data, make_figure):
    """2025 plans of old Lào Cai (10 tỷ, KCQG 2,5 tỷ) and Yên Bái (7 tỷ,
    KCQG 1,5 tỷ)."""
    lao_cai = area_before_merger("Lào Cai")
    yen_bai = Area.objects.get(short_name="Yên Bái")
    return [
        make_figure(lao_cai, 2025, P, "10000000000", ALL),
        make_figure(lao_cai, 2025, P, "2500000000", KCQG),
        make_figure(yen_bai, 2025, P, "7000000000", ALL),
        make_figure(yen_bai, 2025, P, "1500000000", KCQG),
    ]


def test_the_fund_named_before_a_sum_over_areas_holds(old_provinces):
    found = paragraph_verdicts(
        old_provinces,
        "Lào Cai và Yên Bái đã hợp nhất. Năm 2025, nguồn khuyến công quốc gia "
        "được bố trí trên tổng kế hoạch của hai tỉnh cũ 4 tỷ đồng.",
    )
    assert found["4 tỷ đồng"] == MATCH


def test_a_total_plan_alone_is_of_all_funds(old_provinces):
    found = paragraph_verdicts(
        old_provinces,
        "Lào Cai và Yên Bái đã hợp nhất. Năm 2025, tổng kế hoạch khuyến công "
        "của hai tỉnh cũ là 17 tỷ đồng.",
    )
    assert found == {"17 tỷ đồng": MATCH}
