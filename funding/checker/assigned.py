"""A participle right after an amount says it is the plan: "giải ngân 2,3
tỷ đồng trên 2,5 tỷ đồng được giao", "3,1 tỷ đồng được duyệt"; so does a
rate of the plan right before it ("đạt 85% kế hoạch 12 tỷ đồng"); as the second
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

#: a spending verb right before the amount governs it: "đã giải ngân (hết)
#: 8,75 tỷ đồng được phân bổ" says what was spent, the participle only where
#: the money came from
_SPENT_BEFORE = re.compile(
    r"(?<!\w)(?:giải ngân|chi|chi trả|sử dụng|thanh toán|thực hiện)"
    r"(?:\s+(?:hết|được|xong|toàn bộ|đủ|tổng cộng|tổng số|là|đạt))*\s*$",
    re.IGNORECASE,
)


#: the plan a rate was just given of, then its amount: "đạt 85% kế hoạch 12
#: tỷ đồng", "đạt 85% kế hoạch năm (12 tỷ đồng)": the year's plan, whatever
#: months the clause spent
_PLAN_OF_RATE = re.compile(
    r"\d\s*%\s+(?:của\s+)?(?:tổng\s+)?(?:kế hoạch|dự toán)"
    r"(?:\s+(?:cả\s+)?năm|\s+(?:được\s+)?giao)?\s*\(?\s*$",
    re.IGNORECASE,
)


def mark_assigned(text: str, quote: Quote) -> None:
    """The role "plan" for an amount ``text`` calls assigned right after it,
    or prints right after a rate of the plan."""
    if quote.kind != "amount" or quote.role:
        return
    if _PLAN_OF_RATE.search(text[max(0, quote.start - 40) : quote.start]):
        quote.role = "plan"
        return
    if not _ASSIGNED.match(text, quote.end):
        return
    if not _SPENT_BEFORE.search(text[max(0, quote.start - 40) : quote.start]):
        quote.role = "plan"
