"""Slips of the pen: a printed number that is a reading's value with one
digit changed, two swapped, one off in the last place, or in a unit a
thousand times off. A mismatch is confident only with such a cause (or a
neighbour's value, ``choose.swapped``); these say whether there is one."""

from __future__ import annotations

from decimal import Decimal

from ..core.formatting import round_half_up
from .idents import Computed
from .report import Quote

__all__ = [
    "percent_scale",
    "printed_and_value",
    "transposed",
    "typo",
    "typo_of",
    "unit_slip",
]


#: How many digits a number must print for one of them changed to be a
#: slip of the pen (``typo_of``): of one digit, any other is one changed
#: (5 tỷ for 8 tỷ); a rate, a multiple or points is read from words that
#: leave its base to guess, and of two digits one changed is as likely
#: another base's (1,8 points for 1,4).
SURE_DIGITS = {"value": 2, "derived": 3}


def printed_and_value(computed: Computed, quote: Quote) -> tuple[Decimal, Decimal]:
    """The printed number and the reading's value, in the same unit."""
    return quote.value * (quote.sign or 1), computed.value * percent_scale(computed)


def percent_scale(computed: Computed) -> Decimal:
    """What a reading's values are multiplied by to be read as printed (a
    fraction or points as percentages)."""
    return Decimal(100) if computed.kind in ("fraction", "points") else Decimal(1)


def typo_of(printed: Decimal, computed: Computed, quote: Quote) -> bool:
    """``typo`` of the reading's value, or a digit changed or two swapped
    of either end of the interval its inputs allow (a rate the text works
    from its own rounded amounts: 32,68% is a slip of the 22,68% they give,
    though the exact figures give 22,69%); a slip there in the last printed
    place is as likely the same rate from other inputs, not a slip."""
    scale = percent_scale(computed)
    digits = SURE_DIGITS["value" if computed.kind == "value" else "derived"]
    if typo(printed, computed.value * scale, quote, digits=digits):
        return True
    step = quote.step or Decimal(1).scaleb(-quote.decimals)
    return any(
        typo(printed, end * scale, quote, digits=digits)
        and abs(printed - end * scale) >= 10 * step
        for end in (computed.low, computed.high)
    )


def typo(printed: Decimal, value: Decimal, quote: Quote, *, digits: int = 1) -> bool:
    """The printed number is the value as printed with one digit changed
    (of at least ``digits``), two neighbouring digits swapped, or one off
    in its last printed place (a count off by one): a slip of the pen, not
    another number."""
    if not quote.step:
        return False
    shown = str(abs(int(round_half_up(value / quote.step, 0))))
    typed = str(abs(int(round_half_up(printed / quote.step, 0))))
    if abs(int(shown) - int(typed)) <= 1:
        return True
    if len(shown) != len(typed):
        return False
    diff = [i for i, (a, b) in enumerate(zip(shown, typed, strict=True)) if a != b]
    changed = len(diff) == 1 and len(shown) >= digits
    return changed or transposed(printed, value, quote)


def transposed(printed: Decimal, value: Decimal, quote: Quote) -> bool:
    """The printed number is the value as printed with two neighbouring
    digits swapped (41,4 for 14,4)."""
    if not quote.step:
        return False
    shown = str(abs(int(round_half_up(value / quote.step, 0))))
    typed = str(abs(int(round_half_up(printed / quote.step, 0))))
    if len(shown) != len(typed):
        return False
    diff = [i for i, (a, b) in enumerate(zip(shown, typed, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and (shown[diff[0]], shown[diff[1]]) == (typed[diff[1]], typed[diff[0]])
    )


def unit_slip(computed: Computed, quote: Quote) -> bool:
    """The printed number is the reading's value, rounded as printed, in a
    unit a thousand times off (tỷ for triệu, triệu for nghìn)."""
    if computed.kind != "value" or quote.kind != "amount":
        return False
    printed, value = printed_and_value(computed, quote)
    return any(
        round_half_up(value * factor / quote.step, 0) * quote.step == printed
        for factor in (Decimal(1000), Decimal("0.001"))
    )
