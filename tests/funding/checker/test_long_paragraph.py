"""One long paragraph (a lead is one by nature; a pasted table may be) is
checked in time proportional to its numbers, and each quote's key still
holds the three words either side however far they stand."""

import time

import pytest

from funding.checker import Checker
from funding.checker.keys import quote_keys
from funding.checker.quotes import count_nouns, find_quotes
from tests.funding.checker.checking import KCQG, E, area

pytestmark = pytest.mark.django_db

SENTENCE = "Năm 2022 kinh phí khuyến công quốc gia đạt 1,5 tỷ đồng. "


def _seconds_to_check(figures, sentences: int) -> float:
    text = SENTENCE * sentences
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        report = Checker(figures).check_parts([("body", text)])
        best = min(best, time.perf_counter() - started)
    assert len(report.findings) == sentences
    return best


def test_eight_times_the_numbers_in_one_paragraph_cost_about_eight_times(
    reference_data, make_figure
):
    figures = [make_figure(area("Sơn La"), 2022, E, "1500000000", source=KCQG)]
    ratio = _seconds_to_check(figures, 2000) / _seconds_to_check(figures, 250)
    # Linear is ~8; reading the whole line for each quote (as before) made
    # it ~50. The margin is for a loaded machine.
    assert ratio < 20, ratio


def test_a_key_reaches_words_past_a_long_run_of_other_numbers(reference_data):
    numbers = " ".join(str(n) for n in range(100, 190))  # ~360 characters
    text = f"Kinh phí khuyến công đạt {numbers} và 1,5 tỷ đồng cho các đề án mới"
    quotes = find_quotes(text, "body", count_nouns())
    amount = next(q for q in quotes if q.text.startswith("1,5"))
    key = quote_keys(text, [amount])[0]
    assert key == "body|1,5 tỷ đồng|công đạt và|cho các đề|1"


def test_the_same_sentence_repeated_gets_a_key_each(reference_data):
    text = SENTENCE * 300
    keys = quote_keys(text, find_quotes(text, "body", count_nouns()))
    assert len(set(keys)) == 300
    assert keys[0] == "body|1,5 tỷ đồng|quốc gia đạt|năm kinh phí|1"
    assert keys[-2] == "body|1,5 tỷ đồng|quốc gia đạt|năm kinh phí|299"
    assert keys[-1] == "body|1,5 tỷ đồng|quốc gia đạt||1"  # nothing after it
