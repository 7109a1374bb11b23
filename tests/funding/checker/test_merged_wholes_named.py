"""The whole a share is of, printed after it ("phần của Bình Định là 63,13%
trên 19,8 tỷ đồng": the merged province's plan), and old provinces named
one by one and added up ("Gia Lai cũ và Bình Định cộng lại": their sum, not
the merged province). Texts written for these tests."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING
from tests.funding.checker.checking import (
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db
AGREE = (MATCH, ROUNDING)


@pytest.fixture
def gia_lai(reference_data, make_figure):
    """The 2025 plans: old Gia Lai 7,3 tỷ, Bình Định 12,5 tỷ; the new Gia
    Lai 20,3 tỷ (0,5 tỷ added after the merger)."""
    return [
        make_figure(area_before_merger("Gia Lai"), 2025, P, "7300000000"),
        make_figure(area_before_merger("Bình Định"), 2025, P, "12500000000"),
        make_figure(area("Gia Lai"), 2025, P, "20300000000"),
    ]


SHARE = (
    "Năm 2025, tỉnh Gia Lai mới có kế hoạch {whole} tỷ đồng, trong đó phần của "
    "Bình Định là 61,58% trên {whole} tỷ đồng."
)


def test_the_amount_after_a_share_and_trên_is_its_whole(gia_lai):
    found = paragraph_verdicts(gia_lai, SHARE.format(whole="20,3"))
    assert found["61,58%"] in AGREE
    assert found["20,3 tỷ đồng"] in AGREE


def test_a_wrong_whole_after_a_share_is_flagged(gia_lai):
    found = paragraph_verdicts(gia_lai, SHARE.format(whole="23,0"))
    assert found["23,0 tỷ đồng"] not in AGREE


def test_old_provinces_added_up_are_not_the_merged_one(gia_lai):
    found = paragraph_verdicts(
        gia_lai,
        "Đầu năm 2025, kế hoạch của Gia Lai cũ và Bình Định cộng lại là 19,8 tỷ đồng.",
    )
    assert found["19,8 tỷ đồng"] != MISMATCH
