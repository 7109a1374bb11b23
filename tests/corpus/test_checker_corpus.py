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
# floor each split may not fall below.
FLOORS = {
    "tune": {"false_mm": 2, "flagged": 51, "nodata_read": 0},
    "heldout": {"false_mm": 3, "flagged": 26, "nodata_read": 1},
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
    assert found["distr_flagged"] == 0
    assert found["distractors"] >= 30
    assert found["unsure"] / (found["quotes"] + found["nodata"]) <= 0.10
    # a number with no data behind it read as a figure
    assert found["nodata"] - found["nodata_ok"] <= FLOORS[split]["nodata_read"]
    assert found["false_mm"] <= FLOORS[split]["false_mm"]
    assert found["flagged"] >= FLOORS[split]["flagged"]


@pytest.mark.parametrize("split", ["tune", "heldout"])
@pytest.mark.xfail(
    strict=True,
    reason="measured: tune 2 false mismatches, held-out 3 (python bench/checker_corpus.py)",
)
def test_no_false_mismatch(totals, split):
    assert totals(split)["false_mm"] == 0


@pytest.mark.parametrize("split", ["tune", "heldout"])
@pytest.mark.xfail(
    strict=True,
    reason="measured: tune 51/58 errors flagged, held-out 26/35",
)
def test_every_injected_error_is_flagged(totals, split):
    found = totals(split)
    assert found["flagged"] == found["errors"]
