"""The figure checker on the acceptance corpus (``tests/corpus/checker``),
scored by ``bench/checker_harness.py`` (``bench/checker_corpus.py`` prints
the same per article). The issue's targets: recall of quoted figures
≥ 97%, no false mismatch (correct text and rounding-only variants), every
injected error flagged, unsure on ≤ 10% of quotes, no distractor reported
as a figure.

The tune split (01–33) is what the checker was tuned on (11–14, 15–19,
20–24, 25–29, then 30–33, were the held-out set until a new one was written); the held-out split is articles
written later without reading or running the checker, and says how it
does on new text. Where a target is not reached yet, the measured floor is asserted
(it may only get better) and the target is kept as a strict xfail naming
the measurement."""

from collections import Counter

import pytest

from bench.checker_harness import articles, score_article

pytestmark = pytest.mark.django_db

_TOTALS: dict[str, Counter] = {}


@pytest.fixture
def totals(reference_data):
    def measure(split: str) -> Counter:
        if split not in _TOTALS:
            found = Counter()
            for _name, doc in articles(split):
                counts, _detail = score_article(doc)
                found.update(counts)
                found["articles"] += 1
            _TOTALS[split] = found
        return _TOTALS[split]

    return measure


@pytest.fixture
def held_out(totals):
    found = totals("heldout")
    # Without held-out text the targets say nothing about new text.
    assert found["articles"] >= 4
    return found


def unsure_share(found: Counter) -> float:
    return found["unsure"] / (found["quotes"] + found["nodata"])


def test_the_tune_split_is_the_thirty_three_first_articles():
    tune = [name[:2] for name, _doc in articles("tune")]
    assert tune == [f"{n:02d}" for n in range(1, 34)]
    held = [name[:2] for name, _doc in articles("heldout")]
    assert not set(held) & set(tune)


# Measured on the tune split 01-33 once 30-33 joined it and the checker was
# tuned on them (``python bench/checker_corpus.py --split tune``): 1031
# quotes with data, 1021 found (99.0%), 924 read right (89.6%), 1 false
# mismatch (27), 272 of 298 injected errors flagged (01-29: 244 of 264,
# was 243; 30-33: 28 of 34), unsure 2.4% of quotes, no distractor flagged.
# Floors may only get better; the targets not met stay strict xfails naming
# the measurement.
TUNE_ERRORS_MISSED = 26
TUNE_CORRECT = 924
TUNE_FALSE_MISMATCHES = 1


def test_targets_on_the_tune_split(totals):
    found = totals("tune")
    assert found["quotes"] >= 1025
    assert found["variants"] >= 100  # rounding-only variants were checked too
    assert found["found"] / found["quotes"] >= 0.97  # recall
    assert found["distractors"] >= 360
    assert found["distr_flagged"] == 0
    assert unsure_share(found) <= 0.10
    assert found["correct"] >= TUNE_CORRECT
    assert found["false_mm"] <= TUNE_FALSE_MISMATCHES
    # a number with no data behind it read as a figure: measured 3 (a
    # "khoảng 13 tỷ" target in 22, a delegate's "hơn 5 tỷ" in 25, a
    # revenue's "gấp" in 27)
    assert found["nodata"] - found["nodata_ok"] <= 3


@pytest.mark.xfail(
    strict=True,
    reason="measured: 924 of 1031 quotes read right (89.6%) on the tune split "
    "01-33 (python bench/checker_corpus.py --split tune)",
)
def test_nearly_every_reading_is_right_on_the_tune_split(totals):
    found = totals("tune")
    assert found["correct"] / found["quotes"] >= 0.99


@pytest.mark.xfail(
    strict=True,
    reason="measured: 1 false mismatch on the tune split 01-33, in 27 "
    "(python bench/checker_corpus.py --split tune)",
)
def test_no_false_mismatch_on_the_tune_split(totals):
    assert totals("tune")["false_mm"] == 0


def test_injected_errors_missed_on_the_tune_split_stay_at_most_as_measured(totals):
    found = totals("tune")
    assert found["errors"] >= 290
    assert found["errors"] - found["flagged"] <= TUNE_ERRORS_MISSED


@pytest.mark.xfail(
    strict=True,
    reason="measured: 272 of 298 injected errors flagged on the tune split 01-33 "
    "(01-29: 244 of 264; python bench/checker_corpus.py --split tune)",
)
def test_every_injected_error_is_flagged_on_the_tune_split(totals):
    found = totals("tune")
    assert found["flagged"] == found["errors"]


# Measured on the held-out set 30-33 (four styles, 100 quotes with data,
# written by a sixth writer who never read or ran the checker while it was
# tuned on 01-29 by someone who never saw them; ``python
# bench/checker_corpus.py --split heldout``): recall 99 of 100, 5 false
# mismatches, 24 of 34 errors flagged, unsure 1.7%, no distractor flagged.
# The same before and after the tuning on 25-29, as each earlier held-out
# set was before and after the round tuned on the set before it. The floors
# may only get better; the targets stay strict xfails until met.
HELD_OUT_QUOTES_MISSED = 1
HELD_OUT_FALSE_MISMATCHES = 5
HELD_OUT_ERRORS_MISSED = 10


def test_held_out_recall_stays_at_least_as_measured(held_out):
    assert held_out["quotes"] >= 95
    assert held_out["quotes"] - held_out["found"] <= HELD_OUT_QUOTES_MISSED


# Met on 30-33 (99 of 100 found).
def test_recall_on_the_held_out_split(held_out):
    assert held_out["found"] / held_out["quotes"] >= 0.97


def test_held_out_false_mismatches_stay_at_most_as_measured(held_out):
    assert held_out["variants"] > 0
    assert held_out["false_mm"] <= HELD_OUT_FALSE_MISMATCHES


@pytest.mark.xfail(
    strict=True,
    reason="measured: 5 false mismatches on the held-out split 30-33 "
    "(python bench/checker_corpus.py --split heldout)",
)
def test_no_false_mismatch_on_the_held_out_split(held_out):
    assert held_out["false_mm"] == 0


def test_held_out_errors_missed_stay_at_most_as_measured(held_out):
    assert held_out["errors"] >= 30
    assert held_out["errors"] - held_out["flagged"] <= HELD_OUT_ERRORS_MISSED


@pytest.mark.xfail(
    strict=True,
    reason="measured: 24 of 34 injected errors flagged on the held-out split "
    "30-33 (python bench/checker_corpus.py --split heldout)",
)
def test_every_injected_error_is_flagged_on_the_held_out_split(held_out):
    assert held_out["flagged"] == held_out["errors"]


def test_unsure_share_on_the_held_out_split(held_out):
    assert unsure_share(held_out) <= 0.10


def test_no_distractor_flagged_on_the_held_out_split(held_out):
    assert held_out["distractors"] > 0
    assert held_out["distr_flagged"] == 0
