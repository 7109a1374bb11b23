"""Counts that print their counted noun once for several numbers: listed
before it, one for each area or year named ("của Gia Lai, Đắk Lắk và Lâm
Đồng lần lượt là 34, 29 và 41(, tổng cộng 104) sản phẩm"), or echoed after
an area's name in the same form as a count printed with its noun earlier in
the sentence ("Lâm Đồng hoàn thành 84/86 đề án, … Đắk Lắk (51/53); Gia Lai
59/61", "Gia Lai tăng từ 57 lên 59 đề án, Đắk Lắk từ 46 lên 51"). Each
counts the same noun as the count that names it."""

from __future__ import annotations

import re

from .labelled import count_quote
from .lists import pair_roles
from .places import names_a_place
from .report import Quote

_NUM = r"(?<![\w.,/])\d+(?:\.\d+)*(?![\w/]|[.,]\d)"
#: the first number of a pair, before its slash
_NUM_HEAD = r"(?<![\w.,/])\d+(?:\.\d+)*(?!\w|[.,]\d)"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: "lần lượt (là) 34, 29 và 41(, tổng cộng)" right before a count's number
_LISTED_BEFORE = re.compile(
    r"(?<!\w)(?:lần lượt|tương ứng)(?:\s+là)?:?\s+"
    rf"(?P<list>(?:{_NUM}\s*(?:,|;|\s+và)\s*)+)"
    r"(?:(?:tổng cộng|tổng số|tổng|cộng)(?:\s+là)?\s+)?$",
    re.IGNORECASE,
)
_LISTED_NUMBER = re.compile(_NUM)
#: a run of capitalised words ("Gia Lai", "Đắk Lắk cũ" without its "cũ")
_CAPITALISED = re.compile(r"(?-i:[A-ZĐ])[^\W\d_]*(?:\s+(?-i:[A-ZĐ])[^\W\d_]*)+")
#: a pair ("(51/53)", "59/61") or a change ("từ 46 lên 51") with no noun or
#: unit after it, and the words before it
_ECHO = re.compile(
    rf"(?:(?:tăng\s+|giảm\s+)?từ\s+(?P<old>{_NUM})\s+(?:lên|xuống|còn)\s+(?P<new>{_NUM})"
    rf"|(?P<a>{_NUM_HEAD})\s*/\s*(?P<b>\d+(?:\.\d+)*(?![\w/]|[.,]\d)))"
    r"(?!\s*(?:%|[^\W\d_]))"
)
_WORDS_BEFORE = re.compile(r"((?:[^\W\d_]+\s+){1,4})\(?\s*$")
#: the rest of the sentence a count is in (the next may count another noun)
_SCOPE = re.compile(r"(?:[^.!?\n]|\.(?=\d))*")
_SENTENCE_END = re.compile(r"[!?\n]|\.(?!\d)")


def listed_counts(text: str, part: str, taken: list[Quote]) -> list[Quote]:
    """The whole numbers listed right before a count, of its noun."""
    spans = [(q.start, q.end) for q in taken]
    found = []
    for quote in taken:
        if quote.kind != "count" or quote.role or quote.indicator is None:
            continue
        listed = _LISTED_BEFORE.search(text, max(0, quote.start - 120), quote.start)
        if listed is None:
            continue
        numbers = list(_LISTED_NUMBER.finditer(text, *listed.span("list")))
        if any(_YEAR.fullmatch(n.group(0)) for n in numbers):
            continue  # "lần lượt 2023, 2024 và …": years, not counts
        if not _each_named(text, listed.start(), len(numbers)):
            continue  # "3 sao, 4 sao và 5 sao lần lượt là 52, 30 và 3 sản phẩm"
        for number in numbers:
            found += _counted(text, part, number.span(), "", quote, spans)
    return found


def _each_named(text: str, at: int, how_many: int) -> bool:
    """Whether the sentence before ``at`` names at least ``how_many`` areas
    or years, one for each number listed ("của Gia Lai, Đắk Lắk và Lâm Đồng
    lần lượt là 34, 29 và 41 sản phẩm")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    before = text[ends[-1] if ends else 0 : at]
    years = len(_YEAR.findall(before))
    names = sum(names_a_place(run.group(0)) for run in _CAPITALISED.finditer(before))
    return max(years, names) >= how_many


def echoed_counts_by_area(text: str, part: str, taken: list[Quote]) -> list[Quote]:
    """The pairs and changes after an area's name, with no noun, in the
    rest of a count's sentence: counts of its noun in the same form."""
    spans = [(q.start, q.end) for q in taken]
    found = []
    for quote in taken:
        if quote.kind != "count" or quote.indicator is None:
            continue
        scope = _SCOPE.match(text, quote.end)
        for echo in _ECHO.finditer(text, scope.start(), scope.end()):
            if not _after_a_name(text, echo.start()) or _a_date_or_year(echo):
                continue
            if echo["a"]:
                roles = pair_roles(text[: echo.start("a")])
                groups = (("a", roles[0]), ("b", roles[1]))
            else:
                groups = (("old", "old"), ("new", ""))
            for group, role in groups:
                found += _counted(text, part, echo.span(group), role, quote, spans)
    return found


def _after_a_name(text: str, at: int) -> bool:
    """An area's name right before ``at`` ("Đắk Lắk (", "Gia Lai ")."""
    words = _WORDS_BEFORE.search(text, max(0, at - 50), at)
    if words is None:
        return False
    names = words.group(1).split()
    return any(names_a_place(" ".join(names[-k:])) for k in range(2, len(names) + 1))


def _a_date_or_year(echo) -> bool:
    """ "15/3" may be a day and a month; "14/2025" a number of a year."""
    if not echo["a"]:
        return False
    a, b = echo["a"], echo["b"]
    if _YEAR.fullmatch(b.replace(".", "")):
        return True
    return "." not in a + b and int(a) <= 31 and int(b) <= 12


def _counted(text, part, span, role, counted: Quote, spans) -> list[Quote]:
    """The count at ``span`` of ``counted``'s noun; none where a quote is."""
    start, end = span
    if any(s < end and start < e for s, e in spans):
        return []
    quote = count_quote(part, start, end, text[start:end], role, counted.indicator)
    if quote is None:
        return []
    spans.append(span)
    return [quote]
