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

import os
from collections import Counter

import pytest
from django.db import connection

from bench.checker_harness import articles, score_article

pytestmark = pytest.mark.django_db

_TOTALS: dict[str, Counter] = {}


@pytest.fixture
def totals(reference_data):
    # CI runs the suite on both databases and scores the corpus on the
    # first (``.ci/run``): the checker runs no SQL of its own, and scoring
    # fifty articles takes minutes. A plain `make test` scores it anywhere.
    if os.environ.get("CORPUS_SCORED_ON") == "postgresql" != connection.vendor:
        pytest.skip("the corpus is scored in the PostgreSQL run of this CI")

    def measure(split: str) -> Counter:
        if split not in _TOTALS:
            found = Counter()
            for _name, doc in articles(split):
                counts, _detail = score_article(doc)
                found.update(counts)
                found["articles"] += 1
            _TOTALS[split] = found
        if not _TOTALS[split]["articles"]:
            pytest.skip(
                f"no {split} article on this branch (the next set is merged later)"
            )
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
        "articles": 66,
        "quotes": 2130,
        "variants": 313,
        "distractors": 921,
        "errors": 584,
    },
    "heldout": {
        "articles": 4,
        "quotes": 145,
        "variants": 20,
        "distractors": 97,
        "errors": 40,
    },
}

# Measured on the tune split 01-42 once 34-42 joined it and the checker was
# tuned on them (``python bench/checker_corpus.py --split tune``): 1261
# quotes with data, 1252 found (99.3%), 1123 read right (89.1%), no false
# mismatch (34-42: 10 before that tuning), 344 of 377 injected errors
# flagged (34-42: 67 of 79), unsure 3.3%, no distractor flagged.
# 43-46 and 47-50 (a ninth and a tenth writer), held out until then, had
# 243 quotes, 240 found, 187 read right, 5 false mismatches, 43 of 59
# injected errors flagged; 51-54 and 55-58 (an eleventh and a twelfth
# writer, in parallel), measured once together before any tuning on them
# (``--split heldout`` on fe45722): 51-54: 177 quotes, 150 found, 98 read
# right, 11 false mismatches, 21 of 35 errors flagged; 55-58: 152 quotes,
# 144 found, 102 read right, 2 false mismatches, 26 of 35 flagged.
# Then one tuner worked on 43-50 and another on 51-54 (neither saw 55-58),
# and a reviewer's sentences on the second's rules were mended. Measured
# again (``--split tune`` and ``--split heldout`` on main, 5 December 2026):
# tune 01-54: 1681 quotes, 1666 found (99.1%), 1476 read right (87.8%), no
# false mismatch, 425 of 471 injected errors flagged, unsure 3.6%, no
# distractor flagged, 3 of 323 no-data numbers read as figures; held-out
# 55-58: 144 of 152 found (94.7%), 106 read right, 2 false mismatches (55:
# 1, 56: 1), 27 of 35 injected errors flagged, unsure 2.2%, no distractor
# flagged.
# 59-62 and 63-66 (a thirteenth and a fourteenth writer, in parallel),
# measured once together before any tuning on them (``--split heldout`` on
# b82f1d5): 59-62: 145 quotes, 140 found, 113 read right, 6 false
# mismatches, 28 of 38 errors flagged, no distractor flagged; 63-66: 152
# quotes, 134 found, 89 read right, 8 false mismatches, 31 of 40 flagged,
# 2 of 83 distractors flagged. 55-62 then joined the tune split; two
# tuners worked on 55-58 and 59-62 (neither saw 63-66), and 63-66, measured
# again (main 544e6fa): 143 of 152 found, 112 read right, 8 false
# mismatches, 29 of 40 errors flagged, 2 distractors flagged. 63-66 then
# joined the tune split too, and two more tuners worked on 63-64 and 65-66
# while a fifteenth writer wrote 67-70, seen by no tuner. 67-70 measured
# before that tuning (main c15f783): 145 quotes, 139 found, 103 read right,
# 1 false mismatch (68), 29 of 40 errors flagged, no distractor flagged.
# After it and the review's mends (main, 5 December 2026, ``--split tune``
# and ``--split heldout``): tune 01-66: 2130 quotes, 2099 found (98.5%),
# 1876 read right (88.1%), no false mismatch, 521 of 584 errors flagged,
# unsure 2.4%, no distractor flagged, 3 of 410 no-data numbers read as
# figures; held-out 67-70: 139 of 145 found (95.9%), 104 read right, 1
# false mismatch (68), 29 of 40 errors flagged, unsure 3.5%, no distractor
# flagged.
# Floors may only get better.
FLOORS = {
    "tune": {
        "quotes missed": 2130 - 2099,
        "quotes read wrong": 2130 - 1876,
        "false mismatches": 0,
        "injected errors missed": 584 - 521,
        "no-data numbers read as figures": 3,
    },
    "heldout": {
        "quotes missed": 145 - 139,
        "quotes read wrong": 145 - 104,
        "false mismatches": 1,
        "injected errors missed": 40 - 29,
    },
}

# Targets not met yet, with the measurement (strict xfails: a target met
# turns its test red until it is moved out of here).
NOT_MET = {
    ("tune", "every injected error flagged"): "521 of 584 flagged on 01-66",
    ("tune", "at least 99% read right"): "1876 of 2130 read right (88.1%) on 01-66",
    ("heldout", "recall at least 97%"): "139 of 145 found (95.9%) on 67-70",
    ("heldout", "no false mismatch"): "1 false mismatch on 67-70",
    ("heldout", "every injected error flagged"): "29 of 40 flagged on 67-70",
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
    assert not held or min(held) > max(tune)


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
