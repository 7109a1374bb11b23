"""A mismatch is confident only when no reading that gives the printed
number is nearly as well supported by the words
(``funding.checker.sureness``): a close competitor makes it "unsure",
naming the checker's reading first and the one that fits next; a lone
reading the number is a slip of stays a mismatch (sentences written for
these tests)."""

import pytest

from funding.checker import MISMATCH, UNSURE, sureness
from funding.models import ProgrammeContent
from tests.funding.checker.checking import E, P, area, read_with_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    """Sơn La's 2024: 6,79 of 8 tỷ đồng spent; of it, on technique
    demonstration models, 6,2 of 6,5 tỷ đồng."""
    province = area("Sơn La")
    demo, _ = ProgrammeContent.objects.get_or_create(
        name="Mô hình trình diễn kỹ thuật",
        defaults={"code": "mo-hinh-trinh-dien-ky-thuat"},
    )
    return [
        make_figure(province, 2024, P, "8000000000"),
        make_figure(province, 2024, E, "6790000000"),
        make_figure(province, 2024, P, "6500000000", content=demo),
        make_figure(province, 2024, E, "6200000000", content=demo),
    ]


SPENT = "Năm 2024, Sơn La giải ngân cho mô hình trình diễn kỹ thuật {}."


def _finding(figures, printed):
    found, report = read_with_report(figures, SPENT.format(printed))
    assert [t for t, _v in found] == [printed]
    return report.findings[0]


def test_a_close_competitor_that_fits_makes_the_mismatch_unsure_naming_both(son_la):
    # the words name the content (6,2 tỷ), but 6,79 tỷ is what the whole
    # province spent: it fits, two points of word support behind
    finding = _finding(son_la, "6,79 tỷ đồng")
    assert finding.verdict == UNSURE
    assert [r.expected for r in finding.readings[:2]] == [
        "6,20 tỷ đồng",
        "6,79 tỷ đồng",
    ]


def test_a_lone_reading_the_number_is_a_slip_of_stays_a_mismatch(son_la):
    # 6,02 for 6,20 (two digits swapped): no other reading gives 6,02 tỷ
    finding = _finding(son_la, "6,02 tỷ đồng")
    assert finding.verdict == MISMATCH
    assert finding.readings[0].expected == "6,20 tỷ đồng"


def test_a_competitor_further_behind_than_the_threshold_leaves_it_sure(
    son_la, monkeypatch
):
    # the same sentence with a threshold below the competitor's margin
    monkeypatch.setattr(sureness, "SURE_GAP", 2.0)
    assert _finding(son_la, "6,79 tỷ đồng").verdict == MISMATCH
