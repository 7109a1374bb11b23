"""A mismatch read again (``given.talk_down``: its first reading is what
another number of the sentence gives) is weighed like any other
(``sureness.confident``): when a reading that gives the printed number is
nearly as well supported as the new one, it is "unsure" naming both; when
none is, it stays a mismatch."""

from decimal import Decimal

import pytest

from funding.checker import MISMATCH, UNSURE
from funding.checker.choose import Option
from funding.checker.given import talk_down
from funding.checker.idents import Computed, fig
from funding.checker.report import Finding, Quote
from funding.core.derived import Quantity
from tests.funding.checker.checking import E, P, area

pytestmark = pytest.mark.django_db


def _option(figure, words, evidence):
    computed = Computed(Quantity.of(figure), (figure,), "value")
    return Option(fig(figure.pk), computed, words, evidence)


def _talked_down(make_figure, fit_words):
    """6,79 tỷ đồng first read as 2023's 6,2 tỷ spent (given elsewhere);
    of the rest, the 2024 plan 6,97 tỷ (two digits swapped) is best
    supported, the province's 6,79 tỷ spent ``fit_words`` behind it."""
    here = area("Sơn La")
    taken = _option(make_figure(here, 2023, E, "6200000000"), 6.0, 2)
    plan = _option(make_figure(here, 2024, P, "6970000000"), 6.0, 2)
    whole = _option(make_figure(here, 2024, E, "6790000000"), 6.0 - fit_words, 1)
    quote = Quote(
        "body",
        0,
        12,
        "6,79 tỷ đồng",
        "amount",
        Decimal("6790000000"),
        2,
        Decimal("10000000"),
    )
    finding = Finding(quote, MISMATCH)
    talk_down(finding, taken, [plan, whole])
    return finding


def test_a_fitting_reading_close_behind_makes_the_reread_unsure(
    reference_data, make_figure
):
    finding = _talked_down(make_figure, 2.0)
    assert finding.verdict == UNSURE
    assert [r.expected for r in finding.readings[:2]] == [
        "6,97 tỷ đồng",
        "6,79 tỷ đồng",
    ]


def test_a_fitting_reading_far_behind_leaves_the_reread_a_mismatch(
    reference_data, make_figure
):
    finding = _talked_down(make_figure, 4.0)
    assert finding.verdict == MISMATCH
    assert finding.readings[0].expected == "6,97 tỷ đồng"
