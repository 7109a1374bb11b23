"""The printed precision of the parts a text shows: a total the article
computed from the parts it printed ("1,35 tỷ … 4,46 tỷ …, tổng cộng 5,81
tỷ") is within rounding of the stored total, even when the stored figures
are exact: each printed part may be off by half its printed step. The
parts may also follow the total ("tổng cộng 5,81 tỷ đồng, trong đó A 1,35
tỷ đồng, B 4,46 tỷ đồng"): a sum of as many figures as parts listed."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import combinations

from ..core.derived import Derived
from .candidates import Candidate, candidate_computed
from .choose import Option
from .idents import Computed
from .lists import column_total
from .places import Place
from .report import Quote

#: At most this many parts before a total are tried (2^n sums).
MOST_PARTS = 8


_THEN_PARTS = re.compile(r"\s*,?\s*(?:trong đó|bao gồm|gồm)(?!\w)", re.IGNORECASE)


def widen_to_printed_parts(
    options: list[Option],
    quote: Quote,
    parts: list[tuple[Quote, Candidate]],
    place: Place,
) -> None:
    """Widen each option whose value is the sum of some of ``parts`` (the
    numbers before ``quote`` in its sentence, with the figures they were
    read as) by those parts' printed half-steps; and each sum of as many
    figures as the parts listed after it, by theirs. Only parts of the
    option's indicator add up to it (16 + 2 đề án is no 18 cơ sở)."""
    later = _later_parts(quote, place)
    for option in options:
        adds_up = len(option.computed.figures) == len(later) > 1
        if adds_up and option.computed.kind == "value" and option.node.op == "sum":
            slack = sum((q.step / 2 for q in later), Decimal(0))
            option.computed = widened(option.computed, slack)
    parts = [(q, c) for q, c in parts if q.kind == quote.kind][-MOST_PARTS:]
    sums_of: dict = {}  # indicator → {total of some parts: their slack}
    for option in options:
        if option.computed.kind != "value" or not option.computed.figures:
            continue
        indicator = option.computed.figures[0].indicator_id
        if indicator not in sums_of:
            own = [(q, c) for q, c in parts if c.dims["indicator"] == indicator]
            sums_of[indicator] = _sums(own)
        slack = sums_of[indicator].get(option.computed.value)
        if slack:
            option.computed = widened(option.computed, slack)


def _sums(parts) -> dict[Decimal, Decimal]:
    """Each total of two or more of ``parts``, with the most slack their
    printed half-steps give it."""
    sums: dict[Decimal, Decimal] = {}
    for size in range(2, len(parts) + 1):
        for chosen in combinations(parts, size):
            total = sum((c.value for _q, c in chosen), Decimal(0))
            slack = sum((q.step / 2 for q, _c in chosen), Decimal(0))
            sums[total] = max(slack, sums.get(total, Decimal(0)))
    return sums


def widened(computed: Computed, slack: Decimal) -> Computed:
    result = computed.result
    if isinstance(result, Derived):
        result = replace(result, low=result.low - slack, high=result.high + slack)
    else:
        result = replace(result, error=result.error + slack)
    return Computed(result, computed.figures, computed.kind)


def _later_parts(quote: Quote, place: Place) -> list[Quote]:
    """The numbers of the same kind a total is broken into after it, up to
    the end of its clause ("8,89 tỷ đồng, trong đó …, …")."""
    offset = place.sentence[0]
    if not _THEN_PARTS.match(place.sentence_text, quote.end - offset):
        return []
    stop = place.sentence_text.find(";", quote.end - offset)
    stop = len(place.sentence_text) if stop < 0 else stop
    return [
        q
        for q in place.in_sentence
        if quote.end <= q.start < offset + stop
        and q.kind == quote.kind
        and not (q.in_parens or q.sign or q.role)
    ]


def total_of_column(quote: Quote, quotes, resolved, made) -> list[Option]:
    """A total row's cell, when no stored figure gives it: the cells above
    it added up, preferred to any the row's words would allow (``made``
    keeps the sum read from the text)."""
    if quote.role != "total" or quote.kind not in ("amount", "count"):
        return []
    found = column_total(quote, quotes, resolved)
    if found is None:
        return []
    total, slack = found
    made[str(total.node)] = total
    computed = widened(candidate_computed(total), slack)
    return [Option(total.node, computed, 100.0, 1)]
