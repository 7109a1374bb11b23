"""Readings as well supported as the best one make a slip only "unsure"
when they print another number: two that print the same number (6,791
and 6,789 tỷ, both "6,79 tỷ đồng") are wrong alike, so "thấp hơn 6,79
tỷ" for both of them rising is a mismatch (``choose.decide``)."""

from decimal import Decimal

import pytest

from funding.checker import MISMATCH, UNSURE
from funding.checker.choose import Option, decide
from funding.checker.idents import Computed, fig
from funding.checker.report import Quote
from funding.core.derived import Quantity
from tests.funding.checker.checking import E, P, area

pytestmark = pytest.mark.django_db


def _option(figure):
    computed = Computed(Quantity.of(figure), (figure,), "value")
    return Option(fig(figure.pk), computed, 6.0, 2)


def _fall_of(make_figure, first: str, second: str):
    """ "thấp hơn 6,79 tỷ đồng", read as either of two stored amounts (both
    rises) with the same word support."""
    here = area("Sơn La")
    options = [
        _option(make_figure(here, 2024, E, first)),
        _option(make_figure(here, 2024, P, second)),
    ]
    quote = Quote(
        "body",
        0,
        12,
        "6,79 tỷ đồng",
        "amount",
        Decimal("6790000000"),
        2,
        Decimal("10000000"),
        sign=-1,
    )
    verdict, readings, _ = decide(options, quote)
    return verdict, [r.expected for r in readings]


def test_rivals_printing_the_same_number_leave_the_mismatch(
    reference_data, make_figure
):
    verdict, printed = _fall_of(make_figure, "6791000000", "6789000000")
    assert verdict == MISMATCH
    assert set(printed) == {"6,79 tỷ đồng"}


def test_rivals_printing_another_number_make_it_unsure(reference_data, make_figure):
    verdict, printed = _fall_of(make_figure, "6791000000", "6970000000")
    assert verdict == UNSURE
    assert set(printed) == {"6,79 tỷ đồng", "6,97 tỷ đồng"}
