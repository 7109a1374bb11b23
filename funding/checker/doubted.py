"""A rate of an amount read "unsure": unsure too only when another reading
of that amount would make the rate right ("6,79 tỷ đồng, đạt 84,9% kế
hoạch" where 6,79 tỷ is the province's whole spending, 84,9% of its plan,
though the words name one content); a rate wrong under every reading of
its base ("đạt 70%") stays a mismatch. An approximate rate ("khoảng 42%")
may be of the amount as printed, a figure the data does not hold: worked
from it too."""

from __future__ import annotations

from dataclasses import replace

from ..core.derived import Quantity
from .choose import AGREE
from .judge import judge
from .percents import derive
from .report import Reading


def fits_another_base(checker, quote, numerator, kinds, derive_with) -> bool:
    """``quote`` (a rate of ``numerator``) is right of one of the other
    readings the ``checker`` noted for that numerator (``bases_doubted``,
    by ``id``: the idents an unsure amount was also read as), worked as any
    of ``kinds`` (``derive_with``: the cues, place and amounts listed); an
    approximate one also of the amount as printed (``bases_printed``: its
    quote), over the bases of its first reading."""
    tried = _other_bases(checker, numerator)
    if not tried:
        return False
    if quote.approx:
        tried.append(_as_printed(numerator, checker.bases_printed[id(numerator)]))
    fitting = _fitting(checker, quote, tried, kinds, derive_with)
    return next(fitting, None) is not None


def fitting_readings(checker, quote, numerator, kinds, derive_with) -> list[Reading]:
    """The readings of ``quote`` over the other readings of its unsure
    ``numerator`` that make it right (as ``fits_another_base`` tries them,
    but for the amount as printed, which is no figure to name): an unsure
    rate names the one that fits among its readings."""
    tried = _other_bases(checker, numerator)
    return [
        Reading(str(node), verdict, expected, computed.explanation, computed.figures)
        for node, computed, verdict, expected in _fitting(
            checker, quote, tried, kinds, derive_with
        )
    ]


def _other_bases(checker, numerator) -> list:
    """The candidates an unsure ``numerator`` was also read as."""
    candidates = checker.candidates
    tried = [
        candidates.by_node.get(ident)
        for ident in checker.bases_doubted.get(id(numerator), ())
    ]
    return [other for other in tried if other is not None and other is not numerator]


def _fitting(checker, quote, tried, kinds, derive_with):
    """Each reading of ``quote`` worked from one of ``tried`` that agrees
    with it: (node, computed, verdict, expected)."""
    for other in tried:
        for kind in kinds:
            for node, computed in derive(checker.candidates, kind, other, *derive_with):
                verdict, expected = judge(computed, quote)
                if verdict in AGREE:
                    yield node, computed, verdict, expected


def _as_printed(numerator, amount):
    """``numerator`` (a candidate) with the value the article prints of it
    (``amount``, a quote), known to half its printed step."""
    printed = Quantity(amount.value * (amount.sign or 1), amount.step / 2)
    return replace(numerator, quantity=printed, wide=printed, derived=None)
