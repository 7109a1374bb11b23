"""What is left and what was added (``funding.checker.increments``): an
assumed reading stays assumed through a difference, what is left is of the
period the text names, and a whole less parts named far from it is only
an assumed reading (review defects, on sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.checker.candidates import Candidates
from funding.checker.choose import Option, settle
from funding.checker.engine import candidate_computed
from funding.checker.increments import increments, left_of, rest_of
from funding.checker.report import Finding, Quote, Reading
from funding.models import Area
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def lai_chau(reference_data, make_figure):
    here = area("Lai Châu")
    return [
        make_figure(here, 2024, P, "10000000000"),
        make_figure(here, 2024, E, "4000000000", months=6),
        make_figure(here, 2024, E, "7000000000", months=9),
    ]


def _option(candidates, figure, assumed):
    candidate = next(c for c in candidates.all() if figure in c.figures)
    return Option(
        candidate.node, candidate_computed(candidate), 3.0, 1, assumed=assumed
    )


def test_an_assumed_reading_stays_assumed_through_a_difference(lai_chau):
    candidates = Candidates(lai_chau)
    plan = _option(candidates, lai_chau[0], assumed=True)
    assert all(o.assumed for o in left_of(candidates, [plan]))
    nine = _option(candidates, lai_chau[2], assumed=True)
    assert all(o.assumed for o in increments(candidates, [nine]))
    sure = _option(candidates, lai_chau[0], assumed=False)
    # two parts stored and no period named: which one is a guess
    assert all(o.assumed for o in left_of(candidates, [sure]))
    assert not any(o.assumed for o in left_of(candidates, [sure], 9))


def test_what_is_left_is_of_the_period_the_text_names(lai_chau):
    # after 6 months 10 − 4 = 6 is left; after 9 months 10 − 7 = 3
    six = "Sáu tháng đầu năm 2024, Lai Châu còn {} tỷ đồng kế hoạch chưa giải ngân."
    assert read(lai_chau, six.format("6")) == [("6 tỷ đồng", MATCH)]
    nine = "Chín tháng đầu năm 2024, Lai Châu còn {} tỷ đồng kế hoạch chưa giải ngân."
    assert read(lai_chau, nine.format("3")) == [("3 tỷ đồng", MATCH)]
    assert read(lai_chau, six.format("3")) == [("3 tỷ đồng", MISMATCH)]
    before = "Sáu tháng đầu năm 2024, Lai Châu chưa giải ngân {} tỷ đồng."
    assert read(lai_chau, before.format("6")) == [("6 tỷ đồng", MATCH)]
    must = "Sáu tháng đầu năm 2024, Lai Châu còn {} tỷ đồng phải giải ngân."
    assert read(lai_chau, must.format("6")) == [("6 tỷ đồng", MATCH)]


def test_a_whole_less_parts_named_elsewhere_is_only_assumed(
    reference_data, make_figure
):
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    members = [area("Lai Châu"), area("Sơn La")]
    figures = [
        make_figure(region, 2024, P, "90000000000"),
        make_figure(members[0], 2024, P, "6000000000"),
        make_figure(members[1], 2024, P, "9000000000"),
    ]
    candidates = Candidates(figures)
    whole = _option(candidates, figures[0], assumed=False)
    parts = [c for c in candidates.all() if c.figures[0] in figures[1:]]
    far = rest_of(candidates, [whole], parts)
    assert far and all(o.assumed for o in far)
    near = rest_of(candidates, [whole], parts, near=parts)
    assert near and not any(o.assumed for o in near)


def test_settle_refuses_a_verdict_that_is_no_outcome():
    quote = Quote("body", 0, 4, "5 tỷ", "amount", 5, 0, 1)
    reading = Reading("fig:1", MISMATCH, "6 tỷ", "", (), 1.0)
    finding = Finding(quote, MISMATCH)
    settle(finding, MISMATCH, [reading], 0.9)
    assert (finding.verdict, finding.expected) == (MISMATCH, "6 tỷ")
    with pytest.raises(ValueError):
        settle(Finding(quote, MISMATCH), "sai", [reading], 0.9)


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("3 tỷ đồng", {MATCH}), ("3,3 tỷ đồng", {MISMATCH, UNSURE})],
)
def test_from_one_month_to_another_is_a_difference_of_two_periods(
    lai_chau, printed, verdicts
):
    # July to September: 9 months (7 tỷ) less the first 6 (4 tỷ) = 3 tỷ
    text = (
        "Hết tháng 9 năm 2024, tỉnh Lai Châu giải ngân 7 tỷ đồng. Riêng từ "
        f"tháng 7 đến tháng 9, tỉnh giải ngân {printed}."
    )
    quote, verdict = read(lai_chau, text)[1]
    assert quote == printed and verdict in verdicts
