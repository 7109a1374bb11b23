"""Numbers that set a chart's scale, not a figure: a text describing a
chart for readers who cannot see it names the axis range and its gridline
step ("Trục tung tính bằng tỷ đồng, từ 0 đến 6 tỷ đồng, mỗi vạch 1 tỷ").
Such a number is where the drawing stops, whatever stored figure it is
near: it is found but blocked. A mark drawn at a value ("vạch đỏ ở mức 80%
là mục tiêu") is a figure: only the axis and its step are blocked."""

from __future__ import annotations

import re

from .report import Quote

# the clause before the number names an axis ("trục tung …, từ 0 đến")
_AXIS_BEFORE = re.compile(
    r"(?<!\w)trục\s+(?:tung|hoành|đứng|ngang|dọc|giá trị)(?!\w)[^.;:!?\n]*$",
    re.IGNORECASE,
)
# the gridline step just before it ("mỗi vạch 1 tỷ", "vạch chia 500 triệu")
_STEP_BEFORE = re.compile(
    r"(?<!\w)(?:mỗi\s+(?:vạch|ô|nấc|khoảng chia)(?:\s+chia)?|vạch\s+chia"
    r"|bước\s+chia|đường\s+lưới\s+cách\s+nhau)\s*(?:là\s+|ứng với\s+)?$",
    re.IGNORECASE,
)


def chart_scale(text: str, quote: Quote) -> None:
    """Block ``quote`` when it is an axis bound or a gridline step."""
    if quote.blocked:
        return
    before = text[max(0, quote.start - 80) : quote.start]
    if _STEP_BEFORE.search(before[-30:]) or _AXIS_BEFORE.search(before):
        quote.blocked = "chart scale"
