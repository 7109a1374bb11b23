"""The total after a fund's rate ("vốn quốc gia … đạt 97,06% tổng kế hoạch
3,4 tỷ đồng mà Bộ giao cho Đắk Lắk cũ và Phú Yên") may be that fund's plan,
added up over areas, or all funds' (a share: "bằng 22% tổng kế hoạch 15 tỷ
đồng"): the words name no fund for it and the printed value decides; a
share "chiếm …" stays all funds' (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
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
def dak_lak_2025(reference_data, make_figure):
    """2025, the merged Đắk Lắk: planned 15 tỷ in all, spent 3,3 tỷ of its
    KCQG; the plans of old Đắk Lắk and Phú Yên: KCQG 2 + 1,4 = 3,4 tỷ, all
    funds 8 + 6,5 = 14,5 tỷ."""
    merged = area("Đắk Lắk")
    old_dak_lak, phu_yen = area_before_merger("Đắk Lắk"), area_before_merger("Phú Yên")
    return [
        make_figure(merged, 2025, P, "15000000000"),
        make_figure(merged, 2025, E, "3300000000", KCQG),
        make_figure(old_dak_lak, 2025, P, "2000000000", KCQG),
        make_figure(phu_yen, 2025, P, "1400000000", KCQG),
        make_figure(old_dak_lak, 2025, P, "8000000000"),
        make_figure(phu_yen, 2025, P, "6500000000"),
    ]


SPENT = "Năm 2025, vốn khuyến công quốc gia của Đắk Lắk giải ngân 3,3 tỷ đồng, "


def test_a_total_given_to_old_provinces_listed(dak_lak_2025):
    found = paragraph_verdicts(
        dak_lak_2025,
        SPENT + "đạt 97,06% tổng kế hoạch 3,4 tỷ đồng mà Bộ Công Thương giao cho "
        "Đắk Lắk cũ và Phú Yên.",
    )
    assert found["3,3 tỷ đồng"] == MATCH
    assert found["3,4 tỷ đồng"] == MATCH
    assert MISMATCH not in found.values()


def test_a_total_of_two_old_provinces_compared_with(dak_lak_2025):
    found = paragraph_verdicts(
        dak_lak_2025,
        "Năm 2025, tỷ lệ giải ngân vốn quốc gia của Đắk Lắk là 97,06% so với "
        "tổng kế hoạch 3,4 tỷ đồng của hai tỉnh cũ.",
    )
    assert found["3,4 tỷ đồng"] == MATCH
    assert MISMATCH not in found.values()


@pytest.mark.parametrize(
    "share",
    [
        "đạt 22% tổng kế hoạch 15 tỷ đồng của tỉnh mới",
        "bằng 22% so với tổng kế hoạch 15 tỷ đồng",
        "là 22% tổng kế hoạch 15 tỷ đồng",
    ],
)
def test_a_rate_that_is_a_share_of_all_funds(dak_lak_2025, share):
    found = paragraph_verdicts(dak_lak_2025, SPENT + share + ".")
    assert found == {"3,3 tỷ đồng": MATCH, "22%": MATCH, "15 tỷ đồng": MATCH}


def test_a_share_of_all_funds_of_the_old_provinces(dak_lak_2025):
    found = paragraph_verdicts(
        dak_lak_2025,
        SPENT + "bằng 22,76% tổng kế hoạch 14,5 tỷ đồng của hai tỉnh cũ.",
    )
    assert found == {"3,3 tỷ đồng": MATCH, "22,76%": MATCH, "14,5 tỷ đồng": MATCH}


def test_a_total_owned_by_listed_provinces_is_not_called_wrong(dak_lak_2025):
    found = paragraph_verdicts(
        dak_lak_2025,
        SPENT + "đạt 97,06% tổng kế hoạch 3,4 tỷ đồng của Đắk Lắk cũ và Phú Yên.",
    )
    assert found["3,4 tỷ đồng"] != MISMATCH


def test_a_wrong_total_is_flagged(dak_lak_2025):
    found = paragraph_verdicts(
        dak_lak_2025,
        SPENT + "đạt 97,06% tổng kế hoạch 4,3 tỷ đồng mà Bộ Công Thương giao cho "
        "Đắk Lắk cũ và Phú Yên.",
    )
    assert found["4,3 tỷ đồng"] in (MISMATCH, UNSURE)


def test_a_share_of_the_total_is_of_all_funds(dak_lak_2025):
    found = paragraph_verdicts(
        dak_lak_2025, SPENT + "chiếm 22% tổng kế hoạch 15 tỷ đồng của tỉnh."
    )
    assert found == {"3,3 tỷ đồng": MATCH, "22%": MATCH, "15 tỷ đồng": MATCH}
