"""The other side of a comparison, as the words around a number name it:
the year of the first number of "từ a lên b" (the year before the second
one's, unless a year is compared with for the pair itself); another area
("chỉ bằng 62,44% của Quảng Bình"); a rate named before a parenthesis
holding its value ("tỷ lệ chung của các tỉnh phía Bắc (74,03%)"); the
year a sentence compares with ("so với năm 2023", "gấp 1,5 lần năm 2023")."""

from __future__ import annotations

import re
from functools import lru_cache

from .compared import COMPARED_BEFORE
from .periods import periods_in
from .places import Place
from .report import Quote

#: a rate compared with, named right before the parenthesis a percentage is
#: alone in ("thấp hơn tỷ lệ chung của vùng (95%)"; not "chiếm tỷ lệ thấp (27%)")
_RATE_NAMED = re.compile(
    r"(?:hơn|so với|kém|bằng)\s+(tỷ lệ|tỷ trọng|cơ cấu)"
    r"(?:(?!(?:đạt|bằng|chiếm|tăng|giảm|là)\s)[^\d%;])*$",
    re.IGNORECASE,
)
#: "(bằng 62,44%) của Quảng Bình": of a name, most likely another area's
#: same figure (not "của Kế hoạch")
_OF_NAMED = re.compile(r"\s*(?:của|so với)\s+(?!Kế\s|Dự\s|Tổng\s)(?P<initial>[^\W\d_])")
#: "năm 2023" right after a number, or a bare year in parentheses after it
#: ("9,87 tỷ (2023) → 11,09 tỷ (2024)")
_YEAR_AFTER = re.compile(
    r"\s*(?:(?:của\s+|trong\s+)?năm\s+|\(\s*(?:năm\s+)?(?=(?:19|20)\d{2}\s*\)))"
    r"((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)

#: "năm 2023 (31 sản phẩm)": the year's own value printed after it
_VALUE_AFTER = re.compile(r"\s*\(\s*\d")


def of_named(after: str) -> bool:
    """ "(bằng 62,44%) của Quảng Bình": a name right after the number."""
    named = _OF_NAMED.match(after)
    return bool(named) and named["initial"].isupper()


def rate_named(quote: Quote, place: Place):
    """The name of the rate a percentage alone in a parenthesis is the
    value of: "tỷ lệ chung của các tỉnh phía Bắc (74,03%)"."""
    if quote.kind != "percent" or not quote.in_parens or place.in_parens.strip():
        return None
    return _rate_named_in(place.before_clause)


@lru_cache(maxsize=256)
def _rate_named_in(clause: str):
    """Read once per clause: asked by the percentage's kinds, its area and
    its cues."""
    return _RATE_NAMED.search(clause)


def year_after(place: Place, quote: Quote) -> int | None:
    """The year named right after a number is its own, whatever year is in
    force: "từ 38 sản phẩm của năm 2023", "lên 34,5 tỷ đồng năm 2024",
    "9,87 tỷ (2023)"."""
    rest = place.sentence_text[quote.end - place.sentence[0] :]
    found = _YEAR_AFTER.match(rest)
    return int(found.group(1)) if found else None


def year_before_new(quote: Quote, place: Place) -> int | None:
    """ "tăng từ 36 lên 40 sản phẩm năm 2025": the year before the one the
    pair's second number names."""
    new = [q for q in place.in_sentence if q.start >= quote.end]
    year = year_after(place, new[0]) if new else None
    return year - 1 if year else None


def compared_elsewhere(quote: Quote, place: Place) -> bool:
    """Whether the year the sentence compares with is held by a later
    number, not by the pair "từ a lên b" ``quote`` opens: a multiple after
    the pair's second number ("tăng từ 36 lên 40 sản phẩm năm 2025, gấp
    1,29 lần năm 2023"), or a year with its own value printed after it
    ("… năm 2023 (31 sản phẩm)"). A change right after the pair is the
    pair's ("tăng từ 5 lên 6,5 tỷ, tăng 30% so với năm 2023")."""
    at = place.sentence[0]
    for match, year, _months in periods_in(place.sentence_text, compared=True):
        before = place.sentence_text[: match.start()]
        if year is None or not COMPARED_BEFORE.search(before):
            continue
        between = [
            q
            for q in place.in_sentence
            if quote.end <= q.start and q.end <= at + match.start()
        ]
        printed = _VALUE_AFTER.match(place.sentence_text, match.end())
        if len(between) >= 2 and (between[-1].kind == "times" or printed):
            return True
    return False


def compared_year(place: Place) -> int | None:
    """The year the sentence names as the one compared with."""
    for _match, year, _months in periods_in(place.sentence_text, compared=True):
        if year is None:
            continue
        before = place.sentence_text[: _match.start()]
        if COMPARED_BEFORE.search(before):
            return year
    return None
