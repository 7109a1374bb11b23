"""A total after the parts it adds up, opened by a bare "cộng" after a
comma ("A 3,1 tỷ và B 2,4 tỷ, cộng 5,5 tỷ"): the parts' sum, not one of
them (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import (
    E,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai_half(make_figure):
    """The first six months of 2025: old Lào Cai 3,15 tỷ, Yên Bái 2,47 tỷ."""
    return [
        make_figure(area_before_merger("Lào Cai"), 2025, E, "3150000000", months=6),
        make_figure(area_before_merger("Yên Bái"), 2025, E, "2470000000", months=6),
        make_figure(area("Lào Cai"), 2025, E, "7800000000", months=9),
    ]


def test_a_total_after_cong_is_the_sum(lao_cai_half):
    found = paragraph_verdicts(
        lao_cai_half,
        "Sáu tháng đầu năm 2025, Lào Cai cũ giải ngân 3,15 tỷ đồng và Yên Bái "
        "2,47 tỷ đồng, cộng 5,62 tỷ đồng.",
    )
    assert found == {
        "3,15 tỷ đồng": MATCH,
        "2,47 tỷ đồng": MATCH,
        "5,62 tỷ đồng": MATCH,
    }


def test_a_wrong_total_after_cong_is_a_mismatch(lao_cai_half):
    found = paragraph_verdicts(
        lao_cai_half,
        "Sáu tháng đầu năm 2025, Lào Cai cũ giải ngân 3,15 tỷ đồng và Yên Bái "
        "2,47 tỷ đồng, cộng 5,92 tỷ đồng.",
    )
    assert found["5,92 tỷ đồng"] == MISMATCH
