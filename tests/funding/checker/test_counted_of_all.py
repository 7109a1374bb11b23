"""A pair in words, "30 trong (tổng) số 32 đề án … đã nghiệm thu": the
first number is what was done, the second the plan; a subset with no word
of being done is left alone. Texts written for these tests (Kon Tum 2024:
30 of 32 đề án done)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from tests.funding.checker.checking import paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, Kon Tum có 30 trong số 32 đề án đã được nghiệm thu.",
        "Năm 2024, Kon Tum đã nghiệm thu 30 trong tổng số 32 đề án.",
        "Năm 2024, Kon Tum hoàn thành 30 trong số 32 đề án khuyến công.",
    ],
)
def test_a_pair_in_words_is_done_over_planned(kon_tum, text):
    assert paragraph_verdicts(kon_tum, text) == {"30": MATCH, "32 đề án": MATCH}


def test_a_wrong_done_count_in_words_is_flagged(kon_tum):
    found = paragraph_verdicts(
        kon_tum, "Năm 2024, Kon Tum có 29 trong số 32 đề án đã được nghiệm thu."
    )
    assert found["29"] in (MISMATCH, UNSURE)
    assert found["32 đề án"] == MATCH


def test_a_subset_not_done_is_no_pair(kon_tum):
    found = paragraph_verdicts(
        kon_tum, "Năm 2024, 3 trong số 32 đề án của Kon Tum là đề án mô hình."
    )
    assert "3" not in found
    assert found["32 đề án"] == MATCH


def test_a_larger_first_number_is_no_pair(kon_tum):
    found = paragraph_verdicts(
        kon_tum, "Năm 2024, 40 trong số 32 đề án của Kon Tum đã nghiệm thu."
    )
    assert "40" not in found
    assert found.get("32 đề án") in (MATCH, NO_DATA, UNSURE)


@pytest.mark.parametrize(
    "text",
    [
        # one of them, not a count of those done
        "Năm 2024, đề án gạch không nung là 1 trong số 32 đề án đã được nghiệm thu.",
        # those not done
        "Năm 2024, Kon Tum còn 2 trong số 32 đề án chưa được nghiệm thu.",
        # the word of being done is in the sentence before
        "Năm 2024, Kon Tum hoàn thành 30 đề án. 4 trong số 32 đề án là mô hình điểm.",
    ],
)
def test_a_subset_in_words_is_no_done_count(kon_tum, text):
    found = paragraph_verdicts(kon_tum, text)
    assert MISMATCH not in found.values()
    assert not {"1", "2", "4"} & set(found)
