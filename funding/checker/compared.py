"""Which way a number compares, when the comparison comes before what it
is compared with and the number after that: "nhiều hơn năm 2023 là 3 sản
phẩm", "giảm so với cùng kỳ là 2,1%", "cao hơn kế hoạch năm 2024 (51,2 tỷ
đồng) khoảng 1,4 tỷ đồng", "thấp hơn Bắc Ninh 1,3 tỷ đồng", "nhiều hơn
năm 2023 4 đề án"."""

from __future__ import annotations

import re

# the direction, what it is compared with, then "là" and the number
_LATER = r"\s+[^,;.()]{0,40}?\s+là(?:\s+(?:hơn|gần|khoảng))?\s*$"
# a comparative ("cao hơn", not "tăng": "tăng lên khoảng 50" is a level),
# what it is compared with (maybe its value in parentheses), then a word
# of approximation or of stress ("tới", "đến", "đúng") and the number: the
# difference
_BY = r"\s+(?:[^,;.()]|\([^()]{0,30}\)){1,60}?\s+(?:khoảng|gần|chừng|tới|đến|đúng)\s*$"
# a comparative, then right away what it is compared with (a year, or a
# name of at most three words saying no level: "lên", "là", "mức", maybe
# marked "(cũ)" or "(mới)") and the number: the difference
_WORD = r"(?!(?:lên|xuống|còn|là|đạt|mức|khoảng|gần|hơn|trên|so)\s)[^\W\d_]+\s+"
# or a fund in full ("thấp hơn nguồn khuyến công quốc gia 3,96 điểm phần trăm")
_FUND_NAMED = (
    r"(?:nguồn|vốn|kinh phí)\s+(?:vốn\s+|kinh phí\s+)?(?:khuyến công\s+)?"
    r"(?:quốc gia|địa phương|trung ương)\s+"
)
# or a few words ending with its year ("cao hơn tổng số đã giải ngân năm 2024
# 2,2 tỷ đồng"); either maybe followed by a note or its value in parentheses
# ("A (cũ)", "thấp hơn cùng kỳ năm 2024 (6,1 tỷ đồng) 3,1%")
_DIRECT = (
    rf"\s+(?:(?:{_WORD}){{0,6}}năm\s+(?:19|20)\d{{2}}\s+|năm trước\s+|{_FUND_NAMED}"
    rf"|(?:{_WORD}){{1,3}})(?:\([^()]{{1,30}}\)\s+)?$"
)
LATER_UP = re.compile(
    rf"(?:cao hơn|tăng|nhiều hơn|vượt){_LATER}|(?:cao|nhiều) hơn(?:{_BY}|{_DIRECT})",
    re.IGNORECASE,
)
#: "giảm so với năm 2023 là 8,1 tỷ đồng": the difference, or the compared
#: year's own figure (either reading)
YEAR_LEVEL = re.compile(
    r"(?:tăng|giảm)\s+so với\s+(?:năm\s+(?:19|20)\d{2}|năm trước)\s+là\s*$",
    re.IGNORECASE,
)
LATER_DOWN = re.compile(
    rf"(?:thấp hơn|giảm|ít hơn){_LATER}|(?:thấp|ít) hơn(?:{_BY}|{_DIRECT})",
    re.IGNORECASE,
)

#: what a number in parentheses right after it is compared with: "so với kế
#: hoạch năm 2021 (…)", "cao hơn năm 2024 (…)", "gấp 1,2 lần năm 2024 (…)"
#: (group 1)
#: "tăng 5,56% so với kế hoạch năm 2024 là 7.200 triệu đồng": the number
#: after "là" is what it is compared with, which the words between name
COMPARED_IS = re.compile(r"so với\s+([^,;]{1,60}?)\s+(?:là|ở mức)\s*$", re.IGNORECASE)
COMPARED_TAIL = re.compile(
    r"(?:so với|(?<!\w)(?:cao|thấp|nhiều|ít|lớn|nhỏ) hơn"
    r"|(?<!\w)gấp\s+(?:(?:khoảng|gần|hơn)\s+)?(?:\d[\d.,]*\s+lần|đôi|rưỡi))([^,;]{0,60})$",
    re.IGNORECASE,
)


#: "so với (cùng kỳ) năm 2023", "cao hơn năm 2023", "gấp đôi năm trước", "so
#: mỗi tỉnh mới với các tỉnh cũ (hợp thành nó) năm 2024": the year compared with
COMPARED_BEFORE = re.compile(
    r"(?:so với[^,;.()]{0,20}|(?<!\w)so\s+[^,;.()]{1,60}?\s+với\s+[^,;.()]{0,40}?cũ\b[^,;.()]{0,30}"
    r"|(?:cao|thấp|nhiều|ít) hơn\s+(?:cả\s+)?(?:cùng kỳ\s+)?"
    r"|gấp\s+(?:(?:khoảng|gần|hơn)\s+)?(?:\d[\d.,]*\s+lần|đôi|rưỡi)\s+(?:cùng kỳ\s+)?)$",
    re.I,
)
#: "Kế hoạch năm 2025 cao hơn tổng kế hoạch năm 2024 …": a year compared
#: with after a measure's words, unless the sentence named that same year
#: before ("Năm 2024, số giải ngân thấp hơn kế hoạch năm 2024 khoảng 8%": its
#: own plan); not "thấp hơn dự toán nên năm 2025 …": another clause
_COMPARED_MEASURE = re.compile(
    r"(?<!\w)(?:cao|thấp|nhiều|ít) hơn\s+(?:tổng\s+)?(?:kế hoạch|dự toán|số|mức|kinh phí"
    r"|vốn)\s+(?:(?!(?:nên|nhưng|song|và|còn|thì|do|mà)\s)[^,;.()\d\s]+\s+){0,6}$",
    re.I,
)
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def compared_at(span: str, at: int) -> bool:
    """Whether the period at ``at`` in ``span`` is one compared with."""
    before = span[:at]
    if COMPARED_BEFORE.search(before):
        return True
    found = _COMPARED_MEASURE.search(before)
    year = _A_YEAR.search(span, at)
    if not found or year is None:
        return bool(found)
    return year.group(0) not in _A_YEAR.findall(before, 0, found.start())
