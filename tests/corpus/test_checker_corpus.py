"""The figure checker on the acceptance corpus (``tests/corpus/checker``),
scored by ``bench/checker_harness.py`` (``bench/checker_corpus.py`` prints
the same per article). The issue's targets, on the split it was tuned on
and on the held-out articles it has never been tuned on: recall of quoted
figures ≥ 97%, no false mismatch (correct text and rounding-only variants),
every injected error flagged, unsure on ≤ 10% of quotes, no distractor
reported as a figure.

Where a target is not reached yet, the measured floor is asserted (it may
only get better) and the target is kept as a strict xfail naming the
measurement: reaching it turns the xfail into a failure, to be promoted."""

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
            _TOTALS[split] = found
        return _TOTALS[split]

    return measure


# Measured on this branch (python bench/checker_corpus.py --split …): the
# floor each split may not fall below where the target is not met yet.
FLOORS = {
    "tune": {"false_mm": 0, "flagged": 54, "nodata_read": 0},
    "heldout": {"false_mm": 3, "flagged": 28, "nodata_read": 1},
}


def test_the_corpus_is_split_as_documented():
    tune = [name[:2] for name, _doc in articles("tune")]
    held = [name[:2] for name, _doc in articles("heldout")]
    assert tune == ["01", "02", "04", "05", "09", "10"]
    assert held == ["03", "06", "07", "08"]


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_met_targets_and_measured_floors(totals, split):
    found = totals(split)
    assert found["quotes"] >= 100
    assert found["found"] / found["quotes"] >= 0.97  # recall
    assert found["distractors"] >= 30
    assert found["distr_flagged"] == 0
    assert found["unsure"] / (found["quotes"] + found["nodata"]) <= 0.10
    assert found["correct"] / found["quotes"] >= 0.9
    # a number with no data behind it read as a figure
    assert found["nodata"] - found["nodata_ok"] <= FLOORS[split]["nodata_read"]
    assert found["false_mm"] <= FLOORS[split]["false_mm"]
    assert found["flagged"] >= FLOORS[split]["flagged"]


def test_no_false_mismatch_on_the_tune_split(totals):
    found = totals("tune")
    assert found["variants"] >= 30  # rounding-only variants were checked too
    assert found["false_mm"] == 0


@pytest.mark.xfail(
    strict=True,
    reason="measured: 3 false mismatches on the held-out split "
    "(python bench/checker_corpus.py --split heldout)",
)
def test_no_false_mismatch_on_the_held_out_split(totals):
    assert totals("heldout")["false_mm"] == 0


@pytest.mark.parametrize("split", ["tune", "heldout"])
@pytest.mark.xfail(
    strict=True,
    reason="measured: tune 54/58 errors flagged, held-out 28/35 "
    "(python bench/checker_corpus.py --split …)",
)
def test_every_injected_error_is_flagged(totals, split):
    found = totals(split)
    assert found["flagged"] == found["errors"]
