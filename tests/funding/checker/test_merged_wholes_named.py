"""The whole a share is of, printed after it ("phần của Bình Định là 63,13%
trên 19,8 tỷ đồng": the merged province's plan), and old provinces named
one by one and added up ("Gia Lai cũ và Bình Định cộng lại": their sum, not
the merged province). Texts written for these tests."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING
from tests.funding.checker.checking import (
    E,
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


@pytest.fixture
def gia_lai_2024(gia_lai, make_figure):
    """And what the two old provinces spent in 2024: 7 and 12 tỷ."""
    return gia_lai + [
        make_figure(area_before_merger("Gia Lai"), 2024, E, "7000000000"),
        make_figure(area_before_merger("Bình Định"), 2024, E, "12000000000"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2024, Gia Lai và Bình Định thực hiện tổng cộng 19 tỷ đồng.",
        "Năm 2024, Bình Định và Gia Lai giải ngân 19 tỷ đồng.",
        "Đầu năm 2025, kế hoạch của Gia Lai cũ và Bình Định cộng lại là 19,8 tỷ đồng.",
    ],
)
def test_the_old_provinces_listed_together_are_their_sum(gia_lai_2024, sentence):
    found = paragraph_verdicts(gia_lai_2024, sentence)
    assert list(found.values()) == [MATCH]


def test_the_old_provinces_listed_each_with_its_own_are_each(gia_lai_2024):
    found = paragraph_verdicts(
        gia_lai_2024,
        "Năm 2024, Gia Lai và Bình Định lần lượt thực hiện 7 tỷ đồng và 12 tỷ đồng.",
    )
    assert (found["7 tỷ đồng"], found["12 tỷ đồng"]) == (MATCH, MATCH)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # one province, the other only set aside or compared with
        ("Năm 2024, ngoài Gia Lai, Bình Định cũng giải ngân {} tỷ đồng.", "12"),
        ("Năm 2024, so với Gia Lai, Bình Định giải ngân {} tỷ đồng.", "12"),
        # each its own amount, "lần lượt" left out
        ("Năm 2024, Gia Lai và Bình Định giải ngân 7 tỷ đồng và {} tỷ đồng.", "12"),
    ],
)
def test_a_list_that_is_no_sum_reads_one_province(gia_lai_2024, sentence, number):
    right = paragraph_verdicts(gia_lai_2024, sentence.format(number))
    assert right[f"{number} tỷ đồng"] == MATCH
    wrong = paragraph_verdicts(gia_lai_2024, sentence.format("19"))
    assert wrong["19 tỷ đồng"] != MATCH


def test_provinces_merged_in_words_are_the_new_one(gia_lai_2024):
    found = paragraph_verdicts(
        gia_lai_2024,
        "Sau khi hợp nhất Bình Định với Gia Lai, kế hoạch năm 2025 là 20,3 tỷ đồng.",
    )
    assert found["20,3 tỷ đồng"] == MATCH
