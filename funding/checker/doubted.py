"""A rate of an amount read "unsure": unsure too only when another reading
of that amount would make the rate right ("6,79 tỷ đồng, đạt 84,9% kế
hoạch" where 6,79 tỷ is the province's whole spending, 84,9% of its plan,
though the words name one content); a rate wrong under every reading of
its base ("đạt 70%") stays a mismatch."""

from __future__ import annotations

from .choose import AGREE
from .judge import judge
from .percents import derive
from .report import Reading


def fits_another_base(checker, quote, numerator, kinds, derive_with) -> bool:
    """``quote`` (a rate of ``numerator``) is right of one of the other
    readings the ``checker`` noted for that numerator (``bases_doubted``,
    by ``id``: the idents an unsure amount was also read as), worked as any
    of ``kinds`` (``derive_with``: the cues, place and amounts listed)."""
    others = checker.bases_doubted.get(id(numerator), ())
    if others and quote.approx:
        # "khoảng 42%" of an unsure amount: maybe of the amount as printed,
        # a figure the data does not hold (kept from the rule before)
        return True
    candidates = checker.candidates
    for ident in others:
        other = candidates.by_node.get(ident)
        if other is None or other is numerator:
            continue
        for kind in kinds:
            for _node, computed in derive(candidates, kind, other, *derive_with):
                if judge(computed, quote)[0] in AGREE:
                    return True
    return False


def fitting_readings(checker, quote, numerator, kinds, derive_with) -> list[Reading]:
    """The readings of ``quote`` over the other readings of its unsure
    ``numerator`` that make it right (as ``fits_another_base`` tries them):
    an unsure rate names the one that fits among its readings."""
    found = []
    candidates = checker.candidates
    for ident in checker.bases_doubted.get(id(numerator), ()):
        other = candidates.by_node.get(ident)
        if other is None or other is numerator:
            continue
        for kind in kinds:
            for node, computed in derive(candidates, kind, other, *derive_with):
                verdict, expected = judge(computed, quote)
                if verdict in AGREE:
                    found.append(
                        Reading(
                            str(node),
                            verdict,
                            expected,
                            computed.explanation,
                            computed.figures,
                        )
                    )
    return found
