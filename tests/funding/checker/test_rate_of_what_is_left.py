"""The rate of what is left of a plan, right after the amount left: "còn
phải giải ngân 5,1 tỷ đồng, tương đương 29,97% kế hoạch" is the plan less
what was spent, over the plan (figures written for this test)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(reference_data, make_figure):
    province = area("Nghệ An")
    return [
        make_figure(province, 2024, P, "17000000000"),
        make_figure(province, 2024, E, "11905000000", months=9),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hết tháng 9/2024, Nghệ An còn 5,1 tỷ đồng kinh phí khuyến công chưa giải "
        "ngân, tương đương {} kế hoạch.",
        "Kinh phí còn phải giải ngân trong quý IV năm 2024 là 5,1 tỷ đồng, tức là "
        "tỉnh chưa giải ngân được {} kế hoạch năm.",
    ],
)
def test_the_rate_of_what_is_left_is_over_the_plan(nghe_an, sentence):
    found = paragraph_verdicts(nghe_an, sentence.format("29,97%"))
    assert (found["5,1 tỷ đồng"], found["29,97%"]) in [
        (a, b) for a in (MATCH, ROUNDING) for b in (MATCH, ROUNDING)
    ]


def test_a_wrong_rate_of_what_is_left_is_flagged(nghe_an):
    text = (
        "Hết tháng 9/2024, Nghệ An còn 5,1 tỷ đồng kinh phí khuyến công chưa giải "
        "ngân, tương đương 32,97% kế hoạch."
    )
    assert paragraph_verdicts(nghe_an, text)["32,97%"] in (MISMATCH, UNSURE)


@pytest.fixture
def nghe_an_year(nghe_an, make_figure):
    return nghe_an + [make_figure(area("Nghệ An"), 2024, E, "16500000000")]


def test_what_was_spent_after_what_is_left_is_its_own_rate(nghe_an_year):
    text = (
        "Hết tháng 9/2024, kinh phí khuyến công còn lại của Nghệ An là 5,095 tỷ "
        "đồng, giải ngân đạt 70,03% kế hoạch."
    )
    assert paragraph_verdicts(nghe_an_year, text)["70,03%"] == MATCH


def test_the_spent_rate_printed_for_what_is_left_is_a_mismatch(nghe_an_year):
    text = (
        "Hết tháng 9/2024, Nghệ An còn 5,095 tỷ đồng kinh phí chưa giải ngân, "
        "tương đương 70,03% kế hoạch."
    )
    assert paragraph_verdicts(nghe_an_year, text)["70,03%"] == MISMATCH


@pytest.mark.parametrize(
    "words", ["vốn còn lại sau điều chỉnh", "kinh phí còn lại của Chương trình"]
)
def test_money_left_over_from_elsewhere_is_no_remainder(nghe_an_year, words):
    text = f"Năm 2024, Nghệ An được giao 17 tỷ đồng {words}."
    assert paragraph_verdicts(nghe_an_year, text)["17 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Hết tháng 9/2024, Nghệ An còn 5,095 tỷ đồng chưa giải ngân, như vậy tỷ lệ "
        "giải ngân đạt 70,03% kế hoạch.",
        "Hết tháng 9/2024, Nghệ An còn 5,095 tỷ đồng chưa giải ngân (tỷ lệ giải "
        "ngân 70,03%).",
    ],
)
def test_the_spent_rate_in_its_own_clause_after_what_is_left(nghe_an_year, sentence):
    assert paragraph_verdicts(nghe_an_year, sentence)["70,03%"] == MATCH


@pytest.mark.parametrize("then", ["chưa giải ngân", "sẽ giải ngân trong quý IV"])
def test_money_left_named_before_what_is_still_to_do(nghe_an_year, then):
    text = f"Hết tháng 9/2024, Nghệ An còn 5,095 tỷ đồng kinh phí còn lại {then}."
    assert paragraph_verdicts(nghe_an_year, text)["5,095 tỷ đồng"] == MATCH
