"""A mismatch blocks publishing, so it needs strong evidence. Three kinds of
weak evidence (sentences written for these tests):

- the sentence prints the reading right in another number: the second
  number is another quantity (a rate against a plan before adjustment), not
  a wrong copy, unless it is, as printed, the value of a neighbouring figure
  (a swap of words);
- the first number of "từ … xuống …" is read as the year before only
  because no year is named: a guess;
- an aim ("phấn đấu", "mục tiêu") governs the verb after it: a target,
  which the data does not hold.

And two ways of naming the local fund: "ngân sách tỉnh" and "địa phương"
alone right before its amount, after the national one."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.checker.report import NO_DATA, ROUNDING, UNSURE
from tests.funding.checker.checking import KCQG, E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    province = area("Sơn La")
    return [
        make_figure(province, 2025, P, "8750000000"),
        make_figure(province, 2025, E, "3200000000", months=6),
        make_figure(province, 2024, P, "9100000000"),
        make_figure(province, 2024, P, "2300000000", source=KCQG),
        make_figure(province, 2024, E, "8610000000"),
        make_figure(province, 2024, E, "2200000000", source=KCQG),
        make_figure(province, 2023, E, "8020000000"),
    ]


def test_a_rate_beside_the_same_rate_printed_right_is_no_mismatch(son_la):
    found = paragraph_verdicts(
        son_la,
        "Sáu tháng đầu năm 2025, Sơn La giải ngân 3,2 tỷ đồng, đạt 36,57% kế "
        "hoạch đã điều chỉnh (nếu so với kế hoạch giao đầu năm thì chỉ đạt 34,04%).",
    )
    assert found["36,57%"] == MATCH
    assert found["34,04%"] in (NO_DATA, UNSURE)


def test_the_same_rate_alone_is_still_flagged(son_la):
    found = paragraph_verdicts(
        son_la,
        "Sáu tháng đầu năm 2025, Sơn La giải ngân 3,2 tỷ đồng, đạt 34,04% kế hoạch.",
    )
    assert found["34,04%"] == UNSURE  # near it for no cause (``choose.UNCAUSED``)


def test_a_swap_of_funds_in_one_sentence_stays_a_mismatch(son_la):
    # both amounts say "quốc gia"; the first is the whole's other part
    found = paragraph_verdicts(
        son_la,
        "Năm 2024, Sơn La thực hiện 8,61 tỷ đồng, trong đó khuyến công quốc gia "
        "6,41 tỷ đồng, khuyến công quốc gia 2,2 tỷ đồng.",
    )
    assert found["2,2 tỷ đồng"] == MATCH
    assert found["6,41 tỷ đồng"] == MISMATCH


def test_an_unnamed_earlier_value_in_from_to_is_no_sure_mismatch(son_la):
    found = paragraph_verdicts(
        son_la,
        "Giữa năm 2025, UBND tỉnh Sơn La điều chỉnh kế hoạch khuyến công, giảm "
        "tổng kinh phí từ 9,4 tỷ đồng xuống 8,75 tỷ đồng.",
    )
    assert found["8,75 tỷ đồng"] == MATCH
    assert found["9,4 tỷ đồng"] != MISMATCH


def test_an_earlier_value_of_a_named_year_is_still_checked(son_la):
    found = paragraph_verdicts(
        son_la,
        "Năm 2024, kinh phí khuyến công Sơn La thực hiện tăng từ 8,2 tỷ đồng "
        "của năm 2023 lên 8,61 tỷ đồng.",
    )
    assert found["8,2 tỷ đồng"] == MISMATCH


def test_an_aim_is_a_target_whatever_verb_follows(son_la):
    found = paragraph_verdicts(
        son_la,
        "Năm 2024, Sơn La phấn đấu giải ngân 9 tỷ đồng kinh phí khuyến công; "
        "kết quả tỉnh đã giải ngân 8,61 tỷ đồng.",
    )
    assert found == {"9 tỷ đồng": NO_DATA, "8,61 tỷ đồng": MATCH}


def test_the_provincial_budget_is_the_local_fund(son_la):
    found = paragraph_verdicts(
        son_la,
        "Năm 2024, Sơn La thực hiện 8,61 tỷ đồng kinh phí khuyến công, trong đó "
        "nguồn khuyến công quốc gia 2,2 tỷ đồng, ngân sách tỉnh 6,41 tỷ đồng.",
    )
    assert found == {
        "8,61 tỷ đồng": MATCH,
        "2,2 tỷ đồng": MATCH,
        "6,41 tỷ đồng": MATCH,
    }


def test_a_bare_local_after_the_national_part_is_the_local_fund(son_la):
    found = paragraph_verdicts(
        son_la,
        "Kế hoạch khuyến công năm 2024 của Sơn La là 9,1 tỷ đồng (khuyến công "
        "quốc gia 2,3 tỷ, địa phương 6,8 tỷ).",
    )
    assert found == {"9,1 tỷ đồng": MATCH, "2,3 tỷ": MATCH, "6,8 tỷ": MATCH}


def test_months_of_this_year_after_a_compared_year(son_la, make_figure):
    # 3,2 of 3,65 tỷ: 12,33% less than the same six months of 2024
    province = son_la[0].area
    figures = [*son_la, make_figure(province, 2024, E, "3650000000", months=6)]
    text = (
        "Cùng kỳ năm 2024, Sơn La đã giải ngân 3,65 tỷ đồng; như vậy số giải "
        "ngân 6 tháng năm nay giảm {}."
    )
    assert paragraph_verdicts(figures, text.format("12,33%"))["12,33%"] == MATCH
    # "giảm hơn 12%": a fall of more than 12%
    assert paragraph_verdicts(figures, text.format("hơn 12%"))["12%"] == ROUNDING
    assert paragraph_verdicts(figures, text.format("hơn 13%"))["13%"] != ROUNDING


def test_a_change_after_a_rate_and_its_plan_is_of_the_amount_spent(son_la):
    # 8,61 tỷ in 2024 against 8,02 tỷ in 2023: +7,36%; 94,62% of 9,1 tỷ
    text = (
        "Năm 2024, Sơn La giải ngân 8,61 tỷ đồng, đạt 94,62% kế hoạch 9,1 tỷ "
        "đồng, {} so với năm 2023."
    )
    assert paragraph_verdicts(son_la, text.format("tăng 7,36%"))["7,36%"] == MATCH
    assert paragraph_verdicts(son_la, text.format("giảm 7,36%"))["7,36%"] == MISMATCH


def test_a_difference_after_what_it_is_compared_with(son_la):
    # the 2024 plan 9,1 tỷ against the 2025 plan 8,75 tỷ: 350 triệu more
    text = (
        "Kế hoạch năm 2025 của Sơn La là 8,75 tỷ đồng, {} kế hoạch năm 2024 "
        "(9,1 tỷ đồng) khoảng 350 triệu đồng."
    )
    assert (
        paragraph_verdicts(son_la, text.format("thấp hơn"))["350 triệu đồng"]
        == ROUNDING
    )
    assert (
        paragraph_verdicts(son_la, text.format("cao hơn"))["350 triệu đồng"] == MISMATCH
    )


def test_a_rate_of_the_plan_with_no_verb_is_of_the_amount_spent(son_la):
    # a digest's heading: the year in force from the text before it
    text = "Kết quả khuyến công năm 2024.\nSơn La: đạt {} kế hoạch\nTỉnh đã hoàn thành."
    assert paragraph_verdicts(son_la, text.format("94,62%"))["94,62%"] == MATCH
    assert paragraph_verdicts(son_la, text.format("96,42%"))["96,42%"] == MISMATCH


def test_this_year_keeps_the_months_in_force(son_la, make_figure):
    # "năm nay" names the year, not the period: six months, as before
    province = son_la[0].area
    figures = [*son_la, make_figure(province, 2024, E, "3650000000", months=6)]
    text = (
        "Sáu tháng đầu năm 2025, Sơn La giải ngân 3,2 tỷ đồng. Cùng kỳ năm 2024, "
        "tỉnh đã giải ngân 3,65 tỷ đồng. Năm nay số giải ngân giảm {}."
    )
    assert paragraph_verdicts(figures, text.format("12,33%"))["12,33%"] == MATCH
    assert paragraph_verdicts(figures, text.format("21,33%"))["21,33%"] == MISMATCH
