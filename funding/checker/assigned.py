"""A participle right after an amount says it is the plan: "giải ngân 2,3
tỷ đồng trên 2,5 tỷ đồng được giao", "3,1 tỷ đồng được duyệt"; as the second
number of a pair "2,3/2,5 tỷ đồng", it is what the amount before it is
measured against, whatever the clause's verb."""

from __future__ import annotations

import re

from .report import Quote

#: the plan's participles, right after the amount (not "được giao cho đơn
#: vị …", "được giao thực hiện …": who carries it out)
_ASSIGNED = re.compile(
    r"\s*(?:đã\s+)?được\s+(?:giao|duyệt|phê duyệt|phân bổ|bố trí)(?!\w)"
    r"(?!\s+(?:cho|thực hiện|triển khai|để)(?!\w))",
    re.IGNORECASE,
)


def mark_assigned(text: str, quote: Quote) -> None:
    """The role "plan" for an amount ``text`` calls assigned right after it."""
    if quote.kind == "amount" and not quote.role and _ASSIGNED.match(text, quote.end):
        quote.role = "plan"
