"""The checker's interface the editor relies on: five outcomes, readings
named by idents that parse back, stable quote keys, and bindings that win
over the guess."""

from decimal import Decimal

import pytest

from funding.api import (
    MATCH,
    MISMATCH,
    NO_DATA,
    NOT_A_FIGURE,
    ROUNDING,
    UNSURE,
    VERDICT_LABELS,
    Finding,
    Reading,
    Report,
)
from funding.checker import IdentError, Quote
from funding.checker.idents import evaluate, parse
from tests.funding.checker.checking import check

pytestmark = pytest.mark.django_db

SENTENCE = (
    "Năm 2021, kinh phí khuyến công địa phương thực hiện 37,73 tỷ đồng, đạt "
    "94,11% kế hoạch."
)


def _finding(verdict):
    quote = Quote("body", 0, 1, "1", "count", Decimal(1), 0, Decimal(1))
    return Finding(quote, verdict)


def test_unsure_is_a_fifth_outcome_that_does_not_block():
    assert VERDICT_LABELS[UNSURE] == "cần xác nhận"
    report = Report([_finding(UNSURE), _finding(MATCH), _finding(NO_DATA)])
    assert not report.has_mismatch
    assert report.mismatches == []
    assert "1 cần xác nhận" in report.summary()
    report.findings.append(_finding(MISMATCH))
    assert report.has_mismatch
    assert len(report.mismatches) == 1


def test_each_finding_has_ranked_readings_with_idents_that_parse_back(seed_figures):
    report = check(seed_figures, SENTENCE)
    amount, percent = report.findings
    assert amount.verdict == MATCH
    assert isinstance(amount.reading, Reading)
    assert amount.readings[0].ident.startswith(("fig:", "diff:", "sum:"))
    assert percent.readings[0].ident.startswith("ratio:")
    assert percent.readings[0].explanation == percent.explanation
    assert "/" in percent.explanation
    by_pk = {f.pk: f for f in seed_figures}
    for finding in report.findings:
        assert 0 < finding.confidence <= 1
        assert finding.alternatives == finding.readings[1:3]
        for reading in finding.readings:
            node = parse(reading.ident)
            assert str(node) == reading.ident
            assert evaluate(node, by_pk).figures == reading.figures
    assert [r.score for r in amount.readings] == sorted(
        (r.score for r in amount.readings), reverse=True
    )


@pytest.mark.parametrize(
    "ident",
    [
        "fig:1",
        "ratio:1/2",
        "share:12/34",
        "sum:1+2+3",
        "points:(ratio:1/2)-(ratio:3/4)",
    ],
)
def test_idents_round_trip(ident):
    assert str(parse(ident)) == ident


@pytest.mark.parametrize("ident", ["", "fig:", "ratio:1", "nope:1/2", "sum:(fig:1+2"])
def test_a_bad_ident_is_an_error(ident):
    with pytest.raises(IdentError):
        parse(ident)


def test_the_key_survives_edits_elsewhere_in_the_text(seed_figures):
    before = check(seed_figures, SENTENCE).findings[0].key
    edited = "Mở đầu có thêm 12,5 tỷ đồng.\n" + SENTENCE + " Câu mới ở cuối."
    after = check(seed_figures, edited).findings[1].key
    assert before == after
    twice = check(seed_figures, SENTENCE + "\n" + SENTENCE).findings
    assert twice[0].key != twice[2].key  # the same words twice: told apart


def test_a_binding_wins_over_the_guess(seed_figures):
    amount = check(seed_figures, SENTENCE).findings[0]
    other = next(f for f in seed_figures if f.pk not in {x.pk for x in amount.figures})
    report = check(seed_figures, SENTENCE, {amount.key: f"fig:{other.pk}"})
    bound = report.findings[0]
    assert bound.bound
    assert bound.readings[0].ident == f"fig:{other.pk}"
    assert bound.figures == (other,)
    assert bound.verdict in (MISMATCH, MATCH, ROUNDING)
    assert bound.verdict == MISMATCH or other.value == amount.figures[0].value
    assert bound.confidence == 1.0


def test_a_binding_to_none_takes_the_number_out_of_the_report(seed_figures):
    amount = check(seed_figures, SENTENCE).findings[0]
    report = check(seed_figures, SENTENCE, {amount.key: NOT_A_FIGURE})
    assert [f.quote.text for f in report.findings] == ["94,11%"]
    assert [f.quote.text for f in report.not_figures] == ["37,73 tỷ đồng"]


def test_a_binding_to_a_figure_gone_is_unsure_with_the_reason(seed_figures):
    amount = check(seed_figures, SENTENCE).findings[0]
    report = check(seed_figures, SENTENCE, {amount.key: "fig:999999"})
    finding = report.findings[0]
    assert finding.verdict == UNSURE
    assert "999999" in finding.explanation
    assert not report.has_mismatch


def test_the_figures_a_reading_names_live_with_the_idents():
    """``figures_named`` is the idents' own, re-exported by the facade."""
    from funding import api
    from funding.checker import idents

    assert api.figures_named is idents.figures_named
    assert idents.figures_named("fig:12") == {12}
    assert idents.figures_named("không phải") == set()
    assert "``figures_named``" in api.__doc__
