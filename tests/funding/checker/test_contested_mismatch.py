"""A mismatch is confident only when no reading that gives the printed
number is nearly as well supported by the words
(``funding.checker.sureness``): a close competitor makes it "unsure",
naming the checker's reading first and the one that fits next; a lone
reading the number is a slip of stays a mismatch (sentences written for
these tests)."""

import pytest

from funding.checker import MISMATCH, UNSURE, sureness
from tests.funding.checker.checking import read_with_report

pytestmark = pytest.mark.django_db


SPENT = "Năm 2024, Sơn La giải ngân cho mô hình trình diễn kỹ thuật {}."


def _finding(figures, printed):
    found, report = read_with_report(figures, SPENT.format(printed))
    assert [t for t, _v in found] == [printed]
    return report.findings[0]


def test_a_close_competitor_that_fits_makes_the_mismatch_unsure_naming_both(
    son_la_demo,
):
    # the words name the content (6,2 tỷ), but 6,79 tỷ is what the whole
    # province spent: it fits, two points of word support behind
    finding = _finding(son_la_demo, "6,79 tỷ đồng")
    assert finding.verdict == UNSURE
    assert [r.expected for r in finding.readings[:2]] == [
        "6,20 tỷ đồng",
        "6,79 tỷ đồng",
    ]


def test_a_lone_reading_the_number_is_a_slip_of_stays_a_mismatch(son_la_demo):
    # 6,02 for 6,20 (two digits swapped): no other reading gives 6,02 tỷ
    finding = _finding(son_la_demo, "6,02 tỷ đồng")
    assert finding.verdict == MISMATCH
    assert finding.readings[0].expected == "6,20 tỷ đồng"


def test_a_competitor_further_behind_than_the_threshold_leaves_it_sure(
    son_la_demo, monkeypatch
):
    # the same sentence with a threshold below the competitor's margin
    monkeypatch.setattr(sureness, "SURE_GAP", 2.0)
    assert _finding(son_la_demo, "6,79 tỷ đồng").verdict == MISMATCH
