"""The figure checker on the acceptance corpus (``tests/corpus/checker``),
scored by ``bench/checker_harness.py`` (``bench/checker_corpus.py`` prints
the same per article). The issue's targets: recall of quoted figures
≥ 97%, no false mismatch (correct text and rounding-only variants), every
injected error flagged, unsure on ≤ 10% of quotes, no distractor reported
as a figure.

The tune split (01–19) is what the checker was tuned on (11–14, then
15–19, were the held-out set until a new one was written); the held-out split is articles
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
    assert found["articles"] >= 5
    return found


def unsure_share(found: Counter) -> float:
    return found["unsure"] / (found["quotes"] + found["nodata"])


def test_the_tune_split_is_the_nineteen_first_articles():
    tune = [name[:2] for name, _doc in articles("tune")]
    assert tune == [f"{n:02d}" for n in range(1, 20)]
    held = [name[:2] for name, _doc in articles("heldout")]
    assert not set(held) & set(tune)


# Measured on the tune split 01-19 after tuning on 15-19 (``python
# bench/checker_corpus.py --split tune``): 611 quotes with data, all found,
# 582 read right (95.3%), no false mismatch, 169 of 173 injected
# errors flagged (01-14: 131 of 131; 15-19: 38 of 42), unsure on 10 of 712
# quotes, no distractor flagged. Floors may only get better; the targets
# not met stay strict xfails naming the measurement.
TUNE_ERRORS_MISSED = 4
TUNE_CORRECT = 582


def test_targets_on_the_tune_split(totals):
    found = totals("tune")
    assert found["quotes"] >= 600
    assert found["variants"] >= 100  # rounding-only variants were checked too
    assert found["found"] / found["quotes"] >= 0.97  # recall
    assert found["distractors"] >= 220
    assert found["distr_flagged"] == 0
    assert unsure_share(found) <= 0.10
    assert found["correct"] >= TUNE_CORRECT
    # a number with no data behind it read as a figure
    assert found["nodata"] - found["nodata_ok"] == 0


@pytest.mark.xfail(
    strict=True,
    reason="measured: 582 of 611 quotes read right (95.3%) on the tune split "
    "01-19 (python bench/checker_corpus.py --split tune)",
)
def test_nearly_every_reading_is_right_on_the_tune_split(totals):
    found = totals("tune")
    assert found["correct"] / found["quotes"] >= 0.99


def test_no_false_mismatch_on_the_tune_split(totals):
    assert totals("tune")["false_mm"] == 0


def test_injected_errors_missed_on_the_tune_split_stay_at_most_as_measured(totals):
    found = totals("tune")
    assert found["errors"] >= 170
    assert found["errors"] - found["flagged"] <= TUNE_ERRORS_MISSED


@pytest.mark.xfail(
    strict=True,
    reason="measured: 169 of 173 injected errors flagged on the tune split 01-19 "
    "(01-14 all 131; python bench/checker_corpus.py --split tune)",
)
def test_every_injected_error_is_flagged_on_the_tune_split(totals):
    found = totals("tune")
    assert found["flagged"] == found["errors"]


# Measured on the held-out set 20-24 (five styles, 173 quotes with data,
# written by a writer who never read or ran the checker while it was tuned on
# 01-19 by someone who never saw them; ``python bench/checker_corpus.py
# --split heldout``): recall 164 of 173 (94.8%), 20 false mismatches (12 of
# them in 23's table), 33 of 46 errors flagged, unsure 6.0%, no distractor
# flagged. The tuning on 15-19 changed none of these (measured before it:
# the same). The floors may only get better; the targets stay strict xfails
# until met.
HELD_OUT_QUOTES_MISSED = 9
HELD_OUT_FALSE_MISMATCHES = 20
HELD_OUT_ERRORS_MISSED = 13


def test_held_out_recall_stays_at_least_as_measured(held_out):
    assert held_out["quotes"] >= 170
    assert held_out["quotes"] - held_out["found"] <= HELD_OUT_QUOTES_MISSED


@pytest.mark.xfail(
    strict=True,
    reason="measured: recall 164 of 173 (94.8%) on the held-out split 20-24 "
    "(python bench/checker_corpus.py --split heldout)",
)
def test_recall_on_the_held_out_split(held_out):
    assert held_out["found"] / held_out["quotes"] >= 0.97


def test_held_out_false_mismatches_stay_at_most_as_measured(held_out):
    assert held_out["variants"] > 0
    assert held_out["false_mm"] <= HELD_OUT_FALSE_MISMATCHES


@pytest.mark.xfail(
    strict=True,
    reason="measured: 20 false mismatches on the held-out split 20-24 "
    "(python bench/checker_corpus.py --split heldout)",
)
def test_no_false_mismatch_on_the_held_out_split(held_out):
    assert held_out["false_mm"] == 0


def test_held_out_errors_missed_stay_at_most_as_measured(held_out):
    assert held_out["errors"] >= 42
    assert held_out["errors"] - held_out["flagged"] <= HELD_OUT_ERRORS_MISSED


@pytest.mark.xfail(
    strict=True,
    reason="measured: 33 of 46 injected errors flagged on the held-out split "
    "20-24 (python bench/checker_corpus.py --split heldout)",
)
def test_every_injected_error_is_flagged_on_the_held_out_split(held_out):
    assert held_out["flagged"] == held_out["errors"]


def test_unsure_share_on_the_held_out_split(held_out):
    assert unsure_share(held_out) <= 0.10


def test_no_distractor_flagged_on_the_held_out_split(held_out):
    assert held_out["distractors"] > 0
    assert held_out["distr_flagged"] == 0
