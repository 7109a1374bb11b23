"""What is still to be done of a plan, said with "còn" before the number
("còn 19 đề án phải hoàn thành trong quý IV", "…, còn gần 1,9 tỷ đồng."):
the plan less what was executed, read by ``increments.left_of``; and where
"còn" is only the level a figure came to ("kế hoạch chỉ còn 8 tỷ đồng",
"giảm …, còn 6,12 tỷ"), which is no such reading."""

from __future__ import annotations

import re

from .places import Place
from .report import Quote

#: "còn 19 đề án phải hoàn thành trong quý IV": what is still to do, the
#: plan less what was done (not "còn phải" of a target: "cần", "phấn đấu")
#: "còn 12 đề án và 2,25 tỷ đồng phải …": a number with its unit or noun,
#: joined to the one before or after it by "và" (both share "còn … phải")
_ITEM = r"\d[\d.,]*(?:\s+[^\W\d]+){1,3}?"
_STILL_TO = re.compile(
    rf"\s*(?:và\s+{_ITEM}\s+)?(?:(?:đồng|đ)\s+)?phải\s+(?:giải ngân|thực hiện"
    r"|hoàn thành|nghiệm thu|triển khai)(?!\w)",
    re.IGNORECASE,
)
#: words of approximation after "còn" ("còn khoảng tầm 2,2 tỷ")
_ROUGHLY = r"(?:\s+(?:khoảng|tầm|gần|hơn|trên|chừng|xấp xỉ|ngót))*"
#: "còn", maybe with a word of approximation
_STILL = re.compile(
    rf"(?<!\w)còn{_ROUGHLY}\s*"
    rf"(?:{_ITEM}\s+và\s*)?$",
    re.IGNORECASE,
)


#: "…, còn gần 1,9 tỷ đồng.", "còn 2 đề án dở dang": a clause of "còn" and
#: the number alone (not "kế hoạch năm 2025 chỉ còn 8 tỷ", "giải ngân chỉ
#: còn …": the level a figure came to), ending there or with a state of
#: being unfinished
_CLAUSE_STILL = re.compile(
    r"(?:^|[,;:])\s*(?:(?:nhưng|song|mà)\s+)?"
    # "Phía Bắc còn 12,95 tỷ đồng, tức 25,97% kế hoạch": an area's name first
    r"(?:(?:(?:tỉnh|thành phố|phía|khu vực|vùng)\s+)?(?!(?:Kế|Dự|Tổng|Nguồn|Vốn|Kinh"
    r"|Số|Tỷ|Mức|Năm|Tháng|Quý|Lũy|Ước|Riêng|Chỉ|Như|Hiện|Nay)\b)"
    r"(?-i:[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,3})(?:\s+(?:cũ|mới))?\s+)?"
    r"(?:(?:vẫn|hiện|nay|hiện nay|như vậy)\s+)?còn"
    rf"{_ROUGHLY}\s*$",
    re.IGNORECASE,
)
_STILL_UNDONE = re.compile(
    r"\s*(?:[,.;:!?)]|$|(?:đang\s+)?(?:chờ|dở dang|triển khai|thực hiện)(?!\w))",
    re.IGNORECASE,
)
#: "…, giảm 1,81%; còn 6,12 tỷ": "còn" after a change is the level it came to
_CHANGED = re.compile(
    r"(?<!\w)(?:giảm(?!\s+nghèo)|tăng(?!\s+(?:cường|trưởng))|xuống(?!\s+cơ sở)"
    r"|hạ(?!\s+tầng)|cắt|điều chỉnh|rút)(?!\w)",
    re.IGNORECASE,
)
#: "… còn 7,85 tỷ đồng, giảm 3,65 tỷ đồng so với năm 2024": the change said
#: right after it (not one of rates: "…, thấp hơn Đồng Tháp 2,3 điểm phần
#: trăm")
_CHANGED_AFTER = re.compile(
    r"\s*(?:[,;(–-]|và)?\s*(?:tức\s+|là\s+)?(?:giảm|tăng|xuống|bằng|(?:thấp|cao|ít"
    r"|nhiều)\s+hơn)(?!\w)(?![^.;)]*điểm phần trăm)",
    re.IGNORECASE,
)


def still_to_do(quote: Quote, place: Place) -> bool:
    """ "còn N … phải …" around the number: what is left of the plan. The
    words after it are read past the clause's end ("và" ends it) for the
    number joined to this one; a clause "còn N" that ends there, in a
    sentence naming no change, is what is left too."""
    after = place.sentence_text[quote.end - place.sentence[0] :]
    if _STILL.search(place.before_clause) is None or quote.sign:
        return False
    if _STILL_TO.match(after):
        return True
    before = place.sentence_text[: quote.start - place.sentence[0]]
    return (
        bool(_CLAUSE_STILL.search(place.before_clause))
        and bool(_STILL_UNDONE.match(place.after))
        and not _CHANGED.search(before)
        and not _CHANGED_AFTER.match(after)
    )
