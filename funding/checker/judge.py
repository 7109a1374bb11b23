"""Does a reading give the printed number? ``match`` when the reading,
rounded as printed, is the printed number; ``rounding`` when the interval
the reading's inputs allow meets the interval the printed number stands
for; ``mismatch`` otherwise."""

from __future__ import annotations

from decimal import Decimal

from ..core.derived import round_half_up
from ..core.formatting import MONEY_UNITS, format_number, format_value
from .idents import Computed
from .report import MATCH, MISMATCH, ROUNDING, Quote

HUNDRED = Decimal(100)


def judge(computed: Computed, quote: Quote) -> tuple[str, str]:
    """The verdict of ``computed`` for ``quote``, and what it gives, as printed."""
    scale = HUNDRED if computed.kind in ("fraction", "points") else Decimal(1)
    value, low, high = (
        x * scale for x in (computed.value, computed.low, computed.high)
    )
    printed = quote.value * (quote.sign or 1)
    if computed.kind == "value":
        verdict = _compare_value(value, low, high, printed, quote.step)
    else:
        verdict = _compare_decimals(value, low, high, printed, quote.decimals)
    return verdict, shown(computed, quote, value)


def _compare_value(value, low, high, printed, step) -> str:
    if step == 0:
        return MATCH if value == printed else _overlap(low, high, printed, step)
    if round_half_up(value / step, 0) * step == printed:
        return MATCH
    return _overlap(low, high, printed, step)


def _compare_decimals(value, low, high, printed, decimals) -> str:
    if round_half_up(value, decimals) == printed:
        return MATCH
    return _overlap(low, high, printed, Decimal(1).scaleb(-decimals))


def _overlap(low, high, printed, step) -> str:
    half = step / 2
    if printed - half <= high and printed + half >= low:
        return ROUNDING
    return MISMATCH


def shown(computed: Computed, quote: Quote, value: Decimal) -> str:
    """What the reading gives, written as the quote is written."""
    if computed.kind == "fraction":
        sign = "+" if computed.result.kind == "change" else ""
        text = format_number(value, quote.decimals, strip=False) + "%"
        return (sign if value > 0 else "") + text
    if computed.kind == "times":
        return f"{format_number(value, quote.decimals, strip=False)} lần"
    if computed.kind == "points":
        return f"{format_number(value, quote.decimals, strip=False)} điểm phần trăm"
    indicator = computed.figures[0].indicator if computed.figures else None
    if quote.kind == "amount" and quote.step:
        unit_scale = quote.step * Decimal(10) ** quote.decimals
        unit = next(
            (u for u, s in MONEY_UNITS.items() if s == unit_scale and " " in u), None
        )
        if unit:
            number = format_number(value / unit_scale, quote.decimals, strip=False)
            return f"{number} {unit}"
    return format_value(value, indicator)
