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
# of approximation or of stress ("tới", "đến") and the number: the
# difference
_BY = r"\s+(?:[^,;.()]|\([^()]{0,30}\)){1,60}?\s+(?:khoảng|gần|chừng|tới|đến)\s*$"
# a comparative, then right away what it is compared with (a year, or a
# name of at most three words saying no level: "lên", "là", "mức", maybe
# marked "(cũ)" or "(mới)") and the number: the difference
_WORD = r"(?!(?:lên|xuống|còn|là|đạt|mức|khoảng|gần|hơn|trên|so)\s)[^\W\d_]+\s+"
# or a few words ending with its year ("cao hơn tổng số đã giải ngân năm 2024
# 2,2 tỷ đồng"); either maybe followed by a note or its value in parentheses
# ("A (cũ)", "thấp hơn cùng kỳ năm 2024 (6,1 tỷ đồng) 3,1%")
_DIRECT = (
    rf"\s+(?:(?:{_WORD}){{0,6}}năm\s+(?:19|20)\d{{2}}\s+|năm trước\s+"
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
