"""The figure checker on the acceptance corpus (``tests/corpus/checker``),
scored by ``bench/checker_harness.py`` (``bench/checker_corpus.py`` prints
the same per article). The issue's targets: recall of quoted figures
≥ 97%, no false mismatch (correct text and rounding-only variants), every
injected error flagged, unsure on ≤ 10% of quotes, no distractor reported
as a figure.

The tune split is what the checker was tuned on (each held-out set joined
it once a newer one was written); the held-out split is articles written
later without reading or running the checker, and says how it does on new
text. Where a target is not reached yet, the measured floor is asserted
(it may only get better) and the target is kept as a strict xfail naming
the measurement: one table per split below, one test per row."""

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


def unsure_share(found: Counter) -> float:
    return found["unsure"] / (found["quotes"] + found["nodata"])


# How each shortfall is counted from the harness's totals.
SHORTFALLS = {
    "quotes missed": lambda f: f["quotes"] - f["found"],
    "quotes read wrong": lambda f: f["quotes"] - f["correct"],
    "false mismatches": lambda f: f["false_mm"],
    "injected errors missed": lambda f: f["errors"] - f["flagged"],
    # a number with no data behind it read as a figure
    "no-data numbers read as figures": lambda f: f["nodata"] - f["nodata_ok"],
}

# The targets (and, on the tune split, nearly every reading right).
TARGETS = {
    "recall at least 97%": lambda f: f["found"] / f["quotes"] >= 0.97,
    "no false mismatch": lambda f: f["false_mm"] == 0,
    "every injected error flagged": lambda f: f["flagged"] == f["errors"],
    "unsure on at most 10% of quotes": lambda f: unsure_share(f) <= 0.10,
    "no distractor flagged": lambda f: f["distr_flagged"] == 0,
    "at least 99% read right": lambda f: f["correct"] / f["quotes"] >= 0.99,
}

# What each split holds at least: without it the targets say little.
SIZES = {
    "tune": {
        "articles": 33,
        "quotes": 1031,
        "variants": 170,
        "distractors": 360,
        "errors": 298,
    },
    "heldout": {
        "articles": 9,
        "quotes": 230,
        "variants": 40,
        "distractors": 130,
        "errors": 79,
    },
}

# Measured on the tune split 01-33 once 30-33 joined it and the checker was
# tuned on them (``python bench/checker_corpus.py --split tune``): 1031
# quotes with data, 1021 found (99.0%), 924 read right (89.6%), 1 false
# mismatch (27's "gấp 2,1 lần" of a revenue), 272 of 298 injected errors
# flagged (30-33: 28 of 34), unsure 2.8%, no distractor flagged.
# Measured on the held-out split, 34-38 (five styles, 109 quotes with data,
# a seventh writer) and 39-42 (four styles, 121, an eighth writer), each
# written by someone who never read or ran the checker while it was tuned by
# someone who never saw them (``--split heldout``), measured once before the
# tuning on 30-33 and again after it: recall 230 of 230 both times; false
# mismatches 13 before (34: 4; 39: 8; 40: 1), 10 after (34: 2; 39: 7; 40:
# 1); 64 of 79 injected errors flagged both times; unsure 7.0%; no
# distractor flagged. The first round whose fixes lowered the next held-out
# set's false mismatches (each earlier set measured the same before and
# after). Floors may only get better.
FLOORS = {
    "tune": {
        "quotes missed": 10,
        "quotes read wrong": 1031 - 924,
        "false mismatches": 1,
        "injected errors missed": 26,
        "no-data numbers read as figures": 3,
    },
    "heldout": {
        "quotes missed": 0,
        "quotes read wrong": 230 - 177,
        "false mismatches": 10,
        "injected errors missed": 15,
    },
}

# Targets not met yet, with the measurement (strict xfails: a target met
# turns its test red until it is moved out of here).
NOT_MET = {
    ("tune", "no false mismatch"): "1 false mismatch on 01-33, in 27",
    ("tune", "every injected error flagged"): "272 of 298 flagged on 01-33",
    ("tune", "at least 99% read right"): "924 of 1031 read right (89.6%) on 01-33",
    ("heldout", "no false mismatch"): "10 false mismatches on 34-42",
    ("heldout", "every injected error flagged"): "64 of 79 flagged on 34-42",
}
# Only the tune split's readings are all written with their expected
# figure; the held-out one is held to the targets.
TARGETS_OF = {
    "tune": list(TARGETS),
    "heldout": [
        "recall at least 97%",
        "no false mismatch",
        "every injected error flagged",
        "unsure on at most 10% of quotes",
        "no distractor flagged",
    ],
}


def _params(table: dict) -> list:
    return [(split, name) for split, rows in table.items() for name in rows]


def _target_params() -> list:
    params = []
    for split, names in TARGETS_OF.items():
        for name in names:
            reason = NOT_MET.get((split, name))
            marks = [pytest.mark.xfail(strict=True, reason=f"measured: {reason}")]
            params.append(pytest.param(split, name, marks=marks if reason else []))
    return params


def test_the_splits_are_disjoint_and_the_tune_split_comes_first():
    tune = [int(name[:2]) for name, _doc in articles("tune")]
    held = [int(name[:2]) for name, _doc in articles("heldout")]
    assert tune == list(range(1, len(tune) + 1))
    assert held and min(held) > max(tune)


def test_each_target_not_met_is_a_target_of_its_split():
    assert set(NOT_MET) <= set(_params(TARGETS_OF))


@pytest.mark.parametrize(("split", "what"), _params(SIZES))
def test_each_split_holds_enough(totals, split, what):
    assert totals(split)[what] >= SIZES[split][what]


@pytest.mark.parametrize(("split", "shortfall"), _params(FLOORS))
def test_shortfalls_stay_at_most_as_measured(totals, split, shortfall):
    assert SHORTFALLS[shortfall](totals(split)) <= FLOORS[split][shortfall]


@pytest.mark.parametrize(("split", "target"), _target_params())
def test_targets(totals, split, target):
    assert TARGETS[target](totals(split))
