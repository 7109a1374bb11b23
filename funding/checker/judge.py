"""Does a reading give the printed number? ``match`` when the reading,
rounded as printed, is the printed number; ``rounding`` when the interval
the reading's inputs allow meets the interval the printed number stands
for; ``mismatch`` otherwise."""

from __future__ import annotations

from decimal import Decimal

from ..core.formatting import MONEY_UNITS, format_number, format_value, round_half_up
from .idents import Computed
from .report import MATCH, MISMATCH, ROUNDING, Quote

HUNDRED = Decimal(100)
#: "ngót 7,7 tỷ", "chưa đến 5,9 tỷ": a little under X, as "hơn X" is a little over
BELOW = ("ngót", "chưa đến", "chưa tới")


def judge(computed: Computed, quote: Quote) -> tuple[str, str]:
    """The verdict of ``computed`` for ``quote``, and what it gives, as printed."""
    scale = HUNDRED if computed.kind in ("fraction", "points") else Decimal(1)
    value, low, high = (
        x * scale for x in (computed.value, computed.low, computed.high)
    )
    printed = quote.value * (quote.sign or 1)
    step = (
        quote.step if computed.kind == "value" else Decimal(1).scaleb(-quote.decimals)
    )
    if quote.approx:
        verdict = _approximate(low, high, printed, step, quote.approx)
    elif step == 0:
        verdict = MATCH if value == printed else _overlap(low, high, printed, step)
    elif round_half_up(value / step, 0) * step == printed:
        verdict = MATCH
    elif computed.kind == "value" and _truncated(low, high, printed, step):
        verdict = ROUNDING
    else:
        verdict = _overlap(low, high, printed, step)
    return verdict, shown(computed, quote, value)


def _approximate(low, high, printed, step, word) -> str:
    """ "hơn X": X < v < X + U; "gần X": X − U/2 ≤ v < X; "khoảng X":
    |v − X| ≤ U/2; "ngót X", "chưa đến X": X − U < v < X; U is the printed step, or the place of the last
    non-zero digit of a whole number ("hơn 200": 100). Of a fall ("giảm
    hơn 14%", printed −14) the word is about its size: away from zero."""
    if printed < 0:
        return _approximate(-high, -low, -printed, step, word)
    unit = step or Decimal(1)
    digits = int(abs(printed) / unit) if unit else 0
    while digits and digits % 10 == 0:
        digits //= 10
        unit *= 10
    if word in ("hơn", "trên"):
        bounds = (printed, printed + unit)
    elif word == "gần":
        bounds = (printed - unit / 2, printed)
    elif word in BELOW:
        bounds = (printed - unit, printed)
    else:
        bounds = (printed - unit / 2, printed + unit / 2)
    if low <= bounds[1] and high >= bounds[0]:
        return ROUNDING
    return MISMATCH


#: A printed amount is read as truncated only when it keeps this many
#: significant digits or more: "12.347 triệu" for 12.347.812.000 is a habit
#: of writers; "48 tỷ" for 48,79 tỷ is a wrong number ("hơn 48 tỷ" says it).
TRUNCATED_DIGITS = 1000


def _truncated(low, high, printed, step) -> bool:
    """The printed amount is what the data allows cut toward zero at its
    last printed place (not rounded), and it is written with many
    significant digits (step ≤ |printed| / 1000)."""
    if printed < 0:
        return _truncated(-high, -low, -printed, step)
    if not step or step * TRUNCATED_DIGITS > printed:
        return False
    return low - step < printed <= high


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
