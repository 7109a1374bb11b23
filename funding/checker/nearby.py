"""What the words right around a quoted number say of it (``quotes``
finds the numbers, then reads each one's surroundings): inside
parentheses, approximate ("khoảng", "hơn"), a change up or down ("tăng",
"thấp hơn"), the older number of a change ("tăng từ 38"), the plan of an
amount over it ("6,8 tỷ trên 7,0 tỷ"), or no figure at all: who came to
an event ("80 cơ sở tham dự"), a bar areas reach ("10/15 tỉnh … trên
96%")."""

from __future__ import annotations

import re

from ..core.models import Figure
from .columns import MONEY_WORDS
from .compared import LATER_DOWN, LATER_UP
from .parens import Parens
from .report import Quote

# "hơn" after "cao", "nhiều"… compares ("cao hơn 8%": higher by 8%), it
# does not round ("hơn 8%": more than 8%)
_APPROX = re.compile(
    r"(?<!cao\s)(?<!thấp\s)(?<!nhiều\s)(?<!ít\s)(?<!lớn\s)(?<!nhỏ\s)(?<!kém\s)"
    r"(?P<word>hơn|trên|gần|khoảng|xấp xỉ|chừng|ước khoảng|ngót|chưa (?:đến|tới))\s*$",
    re.IGNORECASE,
)
# how a change went, between its verb and the number: "giảm nhẹ 1,98 điểm
# phần trăm", "tăng mạnh 45%", "tăng thêm 3 đề án"
_MANNER = r"(?:\s+(?:nhẹ|mạnh|nhanh|sâu|thêm|đáng kể|tương ứng))?"
CHANGE_UP = re.compile(
    rf"(?:cao hơn|tăng|vượt|nhiều hơn|[▲↑]){_MANNER}(?:\s+(?:hơn|gần|khoảng))?\s*$",
    re.IGNORECASE,
)
CHANGE_DOWN = re.compile(
    rf"(?:thấp hơn|giảm|ít hơn|kém|[▼↓]){_MANNER}(?:\s+(?:hơn|gần|khoảng))?\s*$",
    re.IGNORECASE,
)
# how many areas reach a bar: "10/15 địa phương … trên 96%", "5 tỉnh … dưới 80%"
_THRESHOLD = re.compile(
    r"\d+(?:\s*/\s*\d+)?\s+(?:địa phương|tỉnh|thành phố|huyện|xã|đơn vị)(?!\w)"
    r"[^.;()%\d]{0,60}?(?:trên|dưới|(?<!cao\s)(?<!thấp\s)hơn|từ|không quá|ít nhất)"
    r"\s*$",
    re.IGNORECASE,
)
# who came to an event is no count of the data: "80 cơ sở … tham dự",
# "thu hút 120 cơ sở", "tham quan 2 mô hình trình diễn"
_CAME = re.compile(
    r"[^.;,()]{0,40}?(?<!\w)(?:tham dự|đến dự|dự hội nghị|có mặt"
    r"|tham gia (?:hội nghị|hội thảo|hội chợ|triển lãm|sự kiện|lớp))(?!\w)",
    re.IGNORECASE,
)
_CAME_BEFORE = re.compile(
    r"(?<!\w)(?:thu hút|sự tham gia của|tham quan|đón tiếp)(?:\s+\S+){0,2}\s*$",
    re.IGNORECASE,
)
#: "các lớp đào tạo nghề, tập huấn thu hút 1.536 lượt người": the people
#: trained, a count of the data, not an audience
_TRAINED = re.compile(
    r"(?:đào tạo|tập huấn|dạy nghề)[^.;()\d]{0,40}?thu hút\s*$", re.IGNORECASE
)
_TAIL = 300
#: an amount, then "trên", then this one: a part over its whole; or then
#: the plan it is measured against ("13,8 tỷ đồng trên tổng kế hoạch 20,1
#: tỷ", "… so với kế hoạch năm là 20,1 tỷ"): the year's plan, whatever months
#: were spent ("so với kế hoạch 6 tháng" names its own, left to the clause)
_OVER_AMOUNT = re.compile(
    rf"\d[ \xa0]*(?:{MONEY_WORDS})[ \xa0]+(?:trên|(?:trên|so với)\s+(?:tổng\s+)?"
    r"(?:kế hoạch|dự toán)(?:\s+(?:cả\s+)?năm|\s+(?:được\s+)?giao)?"
    r"(?:\s+(?:là|khoảng))?)[ \xa0]+$",
    re.IGNORECASE,
)


_FROM = re.compile(r"(?<!\w)(?:tăng|giảm|lên|xuống)\s+từ\s+$", re.IGNORECASE)
#: "KCĐP = 100% – 23,85% = 76,15%": a complement taken from the whole
_LESS_A_NUMBER = re.compile(r"\s*[–−-]\s*\d")

#: a plan's own period right after it ("so với kế hoạch 11 tỷ đồng của 10
#: tháng"): not the year's
_OWN_PERIOD_AFTER = re.compile(
    r"[^.;,()\d\n\t]{0,25}?(?:\d{1,2}\s+)?(?:tháng|quý)(?!\w)", re.IGNORECASE
)


#: "kế hoạch 6 tháng 8,5 tỷ đồng": a plan naming its own months before it
_OWN_PERIOD_BEFORE = re.compile(
    r"(?:kế hoạch|KH)\s+(?:\d{1,2}\s+tháng|quý\s+\w+)[^\d.;,]{0,15}$", re.IGNORECASE
)


def year_plan_meant(candidates, quote: Quote, cues) -> bool:
    """A plan where ``cues`` name some months: the year's, as plans are set
    for the year ("đến hết tháng 7, đã có 21/52 đề án": done so far of the
    year's plan; a row "Kế hoạch" under a caption "đến hết ngày 31/10"),
    unless it names its own months (``Quote.own_months``) or some plan of
    part of a year is stored."""
    if cues.months is None:
        return False
    if quote.role == "plan":
        return True
    return (
        cues.measure == Figure.Measure.PLAN
        and not quote.own_months
        and not candidates.part_year_plans
    )


def read_around(text: str, quote: Quote, parens: Parens) -> None:
    """Parentheses, approximation and direction from the words before it."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    quote.in_parens = parens.open_between(line_start, quote.start)
    # The patterns below end at the quote and span a few words: reading
    # the whole line for each quote made a long paragraph quadratic.
    before = text[max(line_start, quote.start - _TAIL) : quote.start]
    near = before[-30:]
    came = _CAME.match(text, quote.end) or _CAME_BEFORE.search(before)
    if quote.kind == "count" and came and not _TRAINED.search(before):
        quote.blocked = "attendance"  # "80 cơ sở tham dự hội nghị"
    if quote.kind == "percent" and _THRESHOLD.search(before):
        quote.blocked = "threshold"  # "10/15 tỉnh giải ngân trên 96%": a bar
    whole = quote.kind == "percent" and quote.value == 100
    if whole and _LESS_A_NUMBER.match(text, quote.end):
        quote.blocked = "the whole"  # "100% – 23,85%": arithmetic
    # "kế hoạch 6 tháng 8,5 tỷ", "kế hoạch 11 tỷ đồng của 10 tháng"
    quote.own_months = bool(
        _OWN_PERIOD_BEFORE.search(before) or _OWN_PERIOD_AFTER.match(text, quote.end)
    )
    if (
        quote.kind == "amount"
        and _OVER_AMOUNT.search(before[-80:])
        and not _OWN_PERIOD_AFTER.match(text, quote.end)
    ):
        # "giải ngân 6.812,4 triệu đồng trên 7,0 tỷ": over its plan, not
        # "more than"
        quote.role = quote.role or "plan"
    elif not quote.approx and (approx := _APPROX.search(near)):
        quote.approx = approx["word"].lower()
    if quote.kind in ("amount", "count") and quote.role == "" and _FROM.search(near):
        quote.role = "old"  # "tăng từ 38 sản phẩm (của năm trước)": no "lên"
    if quote.kind in ("percent", "points", "amount", "count") and quote.role == "":
        wider = before[-80:]
        if CHANGE_UP.search(near) or LATER_UP.search(wider):
            quote.sign = 1
        elif CHANGE_DOWN.search(near) or LATER_DOWN.search(wider):
            quote.sign = -1
