"""Numbers about a set of areas: "An Giang, Đồng Tháp, Vĩnh Long và Cà Mau
đã giải ngân 32,05 tỷ đồng, tăng 11,08%" (the four together), "khoảng
cách giữa tỉnh cao nhất và thấp nhất … 14,47 điểm phần trăm" (two of
them, by rank). A reading of one area's figure is then a guess: a
mismatch of it is only unsure (unless "lần lượt" gives each its own).
And the area a number is compared with, named before it ("so với tỉnh
B, A giải ngân nhiều hơn 530 triệu đồng", "thấp hơn B 1,3 tỷ đồng")."""

from __future__ import annotations

import re

from .choose import Option
from .cues import Context
from .lists import RESPECTIVELY
from .places import Place

#: what joins the names of a list of areas: "A, B và C", "A và B"
#: ("Cà Mau cũ và Bạc Liêu": an old province's "cũ" after its name)
_JOIN = re.compile(
    r"\s*(?:\(?cũ\)?\s*)?(?:,\s*(?:và\s+)?|và\s+|cùng\s+)", re.IGNORECASE
)
#: the words before the area a number is compared with
_AGAINST = re.compile(
    r"(?:so với|hơn|kém|gấp\s+(?:hơn\s+|gần\s+)?[\d,.]+\s+lần)\s+"
    r"(?:(?:tỉnh|thành phố)\s+)?$",
    re.IGNORECASE,
)
#: a gap between members of a set named by rank or pair, no area named
_GAP = re.compile(
    r"(?<!\w)(?:(?:khoảng cách|chênh lệch|cách biệt)\s+giữa"
    r"|cao nhất\s+(?:và|với)\s+(?:tỉnh\s+)?thấp nhất"
    r"|thấp nhất\s+(?:và|với)\s+(?:tỉnh\s+)?cao nhất)(?!\w)",
    re.IGNORECASE,
)


def over_a_set(options: list[Option], place: Place, context: Context) -> list[Option]:
    """``options``, each only a guess when the number's clause is about a
    list of areas together or a gap between two of a set."""
    clause = place.before_clause
    if RESPECTIVELY.search(clause) or RESPECTIVELY.search(place.after):
        return options
    if _listed(clause, context) or _GAP.search(clause):
        for option in options:
            option.assumed = True
    return options


def _listed(clause: str, context: Context) -> bool:
    """The clause names two or more areas one after the other ("A, B và
    C"), as the subject of what it says."""
    spans = context.area_spans(clause)
    return any(
        _JOIN.fullmatch(clause[first[1] : second[0]])
        for first, second in zip(spans, spans[1:], strict=False)
    )


def compared_area(place: Place, context: Context) -> frozenset:
    """The area the clause compares with, named before the number (since
    the number before it: that one's "so với" is its own): the last one
    right after "so với", "hơn", "gấp … lần"."""
    clause = place.own
    for start, end in reversed(context.area_spans(clause)):
        if _AGAINST.search(clause[:start]):
            return context.areas_in(clause[start:end])
    return frozenset()
