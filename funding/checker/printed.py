"""The printed precision of the parts a text shows: a total the article
computed from the parts it printed ("1,35 tỷ … 4,46 tỷ …, tổng cộng 5,81
tỷ") is within rounding of the stored total, even when the stored figures
are exact: each printed part may be off by half its printed step."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import combinations

from ..core.derived import Derived
from .candidates import Candidate
from .choose import Option
from .idents import Computed
from .report import Quote

#: At most this many parts before a total are tried (2^n sums).
MOST_PARTS = 8


def widen_to_printed_parts(
    options: list[Option], quote: Quote, parts: list[tuple[Quote, Candidate]]
) -> None:
    """Widen each option whose value is the sum of some of ``parts`` (the
    numbers before ``quote`` in its sentence, with the figures they were
    read as) by those parts' printed half-steps."""
    parts = [(q, c) for q, c in parts if q.kind == quote.kind][-MOST_PARTS:]
    if len(parts) < 2:
        return
    sums: dict[Decimal, Decimal] = {}
    for size in range(2, len(parts) + 1):
        for chosen in combinations(parts, size):
            total = sum((c.value for _q, c in chosen), Decimal(0))
            slack = sum((q.step / 2 for q, _c in chosen), Decimal(0))
            sums[total] = max(slack, sums.get(total, Decimal(0)))
    for option in options:
        slack = sums.get(option.computed.value)
        if option.computed.kind == "value" and slack:
            option.computed = widened(option.computed, slack)


def widened(computed: Computed, slack: Decimal) -> Computed:
    result = computed.result
    if isinstance(result, Derived):
        result = replace(result, low=result.low - slack, high=result.high + slack)
    else:
        result = replace(result, error=result.error + slack)
    return Computed(result, computed.figures, computed.kind)
