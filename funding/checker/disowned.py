"""Numbers the text itself calls wrong: a correction notice or a rebuttal
quotes the wrong figure to deny it ("con số “7,1 tỷ đồng” là chưa chính
xác", "không phải 88% mà là 91%", "in nhầm thành 12 tỷ đồng"). Such a
number is no figure of the data, whatever stored figure it is near: the
text does not claim it."""

from __future__ import annotations

import re

from .report import Quote

# the denial after the number, in the same clause ("… là chưa chính xác.",
# not "chưa đúng tiến độ")
_DENIED_AFTER = re.compile(
    r"[”\"’»)]?\s*(?:[^.,;!?\n]{0,40}?\s)?(?:là|thì)?\s*(?:chưa|không)\s+"
    r"(?:hoàn toàn\s+)?(?:chính xác|đúng)(?=\s*(?:[”\"’»,.;:!?)]|$|mà\s))"
    r"|[”\"’»)]?\s*(?:là|bị)\s+(?:sai|nhầm)(?!\w)",
    re.IGNORECASE,
)
# the denial just before it ("không phải 88%", "in nhầm thành “12 tỷ đồng”")
_DENIED_BEFORE = re.compile(
    r"(?<!\w)(?:(?:chứ\s+)?không\s+phải(?:\s+là)?|(?:in|ghi|viết)\s+nhầm(?:\s+(?:thành|là))?"
    r"|nêu\s+sai(?:\s+(?:thành|là))?|sai\s+thành)\s*[“\"‘«]?\s*"
    r"(?:(?:hơn|gần|khoảng|trên)\s+)?$",
    re.IGNORECASE,
)


def disown(text: str, quote: Quote) -> None:
    """Block ``quote`` when the words around it say it is wrong."""
    before = text[max(0, quote.start - 40) : quote.start]
    if not quote.blocked and (
        _DENIED_AFTER.match(text, quote.end) or _DENIED_BEFORE.search(before)
    ):
        quote.blocked = "called wrong"
