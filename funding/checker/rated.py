"""An amount the rate printed right after it is worked from.

"Vốn quốc gia 1.035,6 triệu, chỉ đạt 86,3% (kế hoạch 1,2 tỷ)", "năm 2022
đạt 3.348,72 triệu đồng (93,02% kế hoạch)", "KCĐP 4.622,2 (84,04%)": the
amount is the numerator of the rate (executed of the plan, a part of the
whole). When the rate agrees with its reading, the amount is read as that
numerator: where the words alone let the amount agree with another figure
(the plan, printed in place of what was done), the rate pins it, and the
amount is a mismatch of the numerator. An amount its words name the plan
("được giao 6,5 tỷ đồng, đạt 96,31%") has no such reading to take; nor is
a rate after a closing parenthesis ("(KH: 14.840 tr.đ), đạt 78,74%") the
rate of the amount inside."""

from __future__ import annotations

import re
from collections.abc import Callable

from .candidates import Candidates, candidate_computed
from .choose import AGREE, Option, judged, settle
from .idents import IdentError, Node, fig, parse
from .judge import judge
from .places import Place
from .report import MATCH, MISMATCH, Finding, Quote

#: what stands between the amount and its rate: its unit's tail, a comma,
#: "(chỉ) đạt", an opening parenthesis
_RATE_AFTER = re.compile(
    r"^\s*(?:đồng\s*)?,?\s*(?:(?:chỉ|mới|cũng)\s+)?(?:đạt(?:\s+được)?\s*|\(\s*)$",
    re.IGNORECASE,
)
#: a rate whose first operand is the amount printed before it
_NUMERATOR_FIRST = ("ratio", "share")


def pin_to_rates(findings: list[Finding], tried: dict, text: str) -> None:
    """Read each amount of a sentence's ``findings`` followed by the rate
    worked from it as that rate's numerator (see the module's docstring).
    ``tried``: each finding's options, by ``id``."""
    for amount, rate in zip(findings, findings[1:], strict=False):
        numerator = _numerator(amount, rate, text)
        if numerator is None or amount.readings[0].ident == numerator:
            continue
        option = next(
            (o for o in tried.get(id(amount), ()) if str(o.node) == numerator), None
        )
        if option is None:
            continue
        reading = judged(option, amount.quote)
        readings = [reading, *amount.readings[:2]]
        if reading.verdict in AGREE:
            settle(amount, reading.verdict, readings, 0.9)
        elif reading.verdict == MISMATCH:
            settle(amount, MISMATCH, readings, 0.85)


def amount_before(quote: Quote, place: Place) -> Quote | None:
    """The amount ``quote`` (a percent) is the rate of, printed right before
    it in its sentence (see ``_RATE_AFTER``); else None."""
    before = [q for q in place.in_sentence if q.end <= quote.start]
    if quote.kind != "percent" or not before:
        return None
    amount, start = before[-1], place.sentence[0]
    between = place.sentence_text[amount.end - start : quote.start - start]
    return amount if _rated(amount, between) else None


def _rated(amount: Quote, between: str) -> bool:
    """The rate that ``between`` (the text after ``amount``) leads to is
    worked from ``amount``: an amount not named the plan."""
    return (
        amount.kind == "amount"
        and amount.role != "plan"
        and bool(_RATE_AFTER.match(between))
    )


def _numerator(amount: Finding, rate: Finding, text: str) -> str | None:
    """The ident of the numerator of ``rate``'s reading, when ``rate``
    agrees and follows ``amount`` (an agreeing amount not named the plan)
    as its rate; None otherwise."""
    if (
        amount.verdict not in AGREE
        or rate.verdict not in AGREE
        or not _rated(amount.quote, text[amount.quote.end : rate.quote.start])
    ):
        return None
    try:
        node = parse(rate.readings[0].ident)
    except IdentError:
        return None
    if node.op not in _NUMERATOR_FIRST:
        return None
    first = node.args[0]
    return str(first if isinstance(first, Node) else fig(first))


def rate_alone(
    quote: Quote,
    place: Place,
    resolved: dict,
    options: list[Option],
    candidates: Candidates,
    options_of: Callable[[dict], list[Option]],
) -> list[Option]:
    """A rate that nothing gives, right after the amount it is worked from
    ("1.200 triệu, chỉ đạt 86,3%"): read as the rate of the one figure of
    another measure than the amount's reading that it matches
    (``options_of`` reads the rate again with the amounts read so far
    changed); ``pin_to_rates`` then makes the amount a mismatch of that
    figure. Only when the amount agrees with its reading (a mismatch is
    flagged already); unchanged when no such figure, or more than one,
    gives the rate."""
    amount = amount_before(quote, place)
    read = resolved.get(id(amount)) if amount else None
    if read is None or judge(candidate_computed(read), amount)[0] not in AGREE:
        return options
    found = []
    for other in candidates.neighbours(read):
        if other.dims["measure"] == read.dims["measure"]:
            continue  # a swap of plan and executed only: others agree by chance
        exact = [
            o
            for o in options_of({**resolved, id(amount): other})
            if judge(o.computed, quote)[0] == MATCH
        ]
        found += [exact] if exact else []
    return found[0] if len(found) == 1 else options
