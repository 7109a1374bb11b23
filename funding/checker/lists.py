"""Numbers that go with a list named before them: "A và B …, lần lượt x và
y" (respectively: the k-th number is the k-th name's), and "x và y, cộng
lại chiếm z%" (a percentage of the sum of the numbers before it); a
table's total row ("Cộng": the cells above it added up)."""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.derived import total
from . import idents
from .area_cues import OLD_WHOLE_WORDS
from .candidates import Candidate
from .funds import FUND_WORDS, FUNDS
from .measures import DONE_LABELS, PLAN_LABELS
from .places import Place
from .report import Quote

RESPECTIVELY = re.compile(r"(?<!\w)(?:lần lượt|tương ứng)(?!\w)", re.IGNORECASE)
TOGETHER = re.compile(
    r"(?<!\w)(?:cộng lại|gộp lại|tính chung|cả hai|tổng cộng)(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


#: "KCQG / KCĐP: 3,6 / 4,9 tỷ đồng": the labels before the colon, split
#: by slashes, go with the numbers after it in order (as after "lần lượt");
#: a slash between words or with spaces around it, not a date's "11/2025"
_SLASH_LABELS = re.compile(r"(?:[^\W\d_]\s*/\s*[^\W\d_]|\s/\s)[^:;,.]*:")
_COLON = re.compile(":")
_SLASHED_VALUES = re.compile(r"(?:\s|[\d.,/]|tỷ|tỉ|triệu|nghìn|đồng)*$", re.IGNORECASE)
#: what joins the items of a list of names: "A, B và C", "A / B"
_JOIN = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+|/\s*)", re.IGNORECASE)
#: between "lần lượt" and a number of its list: the numbers before it
_ONLY_LISTED = re.compile(
    r"(?:\s|là|và|[\d.,;:]|tỷ|tỉ|triệu|nghìn|đồng)*$", re.IGNORECASE
)
#: "năm 2023 và 2024", "năm 2023-2024": the years a list's values are of
_YEAR_LIST = re.compile(
    r"(?<!\w)năm\s+(?:19|20)\d{2}"
    r"(?:(?:\s*(?:,|và|[-–—])\s*|\s+/\s+)(?:năm\s+)?(?:19|20)\d{2})+"
    r"(?![\d/.,]\d)",
    re.IGNORECASE,
)
_YEARS = re.compile(r"(?<![\d/.,])(?:19|20)\d{2}(?![\d/.,]\d)")
#: a value printed in the list, with or without its unit ("5,72 và 6,48
#: tỷ"); not a percentage beside it ("5,72 tỷ, tăng 8%")
_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?![\w/]|[.,]\d|\s*%)")
#: what parentheses hold is no item of the list ("5,72 tỷ (tăng 8%)")
_PARENS = re.compile(r"\([^()]*\)")


def respective(quote: Quote, place: Place, context, cues) -> None:
    """``cues`` take the area and the year a number after "lần lượt" takes:
    the ones named in the same place of the list before it ("Sơn La và Lai
    Châu lần lượt …", "năm 2023 và 2024 lần lượt là 5,72 và 6,48 tỷ đồng");
    after "hai tỉnh cũ … lần lượt", one of the old provinces, not their sum."""
    cues.areas = (
        respective_area(quote, place, context.areas_listed)
        or _each_old(quote, place, cues.areas, context.old_parts)
        or cues.areas
    )
    cues.year = _respective_year(quote, place) or cues.year
    cues.fund = _respective_fund(quote, place) or cues.fund


def _each_old(quote: Quote, place: Place, areas, old_parts) -> frozenset | None:
    """ "hai tỉnh cũ giải ngân lần lượt 4,3 và 3,1 tỷ": each number is one
    old province's (which one, the values tell); a total after the list
    ("…, cộng 7,4 tỷ") is still their sum."""
    parts = [old_parts.get(a) or old_parts.get(-a) for a in areas]
    if not parts or None in parts:  # "hai tỉnh cũ", "tỉnh mới" (+ its old ones)
        return None
    if (opened := _after_respectively(quote, place)) is None:
        return None
    before, respectively = opened
    if not OLD_WHOLE_WORDS.search(before[: respectively.start()]):
        return None  # "tỉnh mới … lần lượt": its own figures
    if not _ONLY_LISTED.match(before[respectively.end() :]):
        return None
    return frozenset().union(*parts)


def _after_respectively(quote: Quote, place: Place):
    """The sentence up to ``quote`` and the last "lần lượt" in it (or the
    colon after labels split by slashes, only numbers between it and
    ``quote``), if any."""
    before = place.sentence_text[: quote.start - place.sentence[0]]
    found = list(RESPECTIVELY.finditer(before))
    colon = slash_labelled(before)
    if colon is not None and (not found or found[-1].start() < colon.start()):
        return before, colon
    return (before, found[-1]) if found else None


#: a pair's labels that are measures, in their order: "thực hiện/KH:",
#: "(KH/TH):"
_PAIRED = rf"{PLAN_LABELS}|{DONE_LABELS}"
_PLAN_LABEL = re.compile(rf"(?:{PLAN_LABELS})$", re.IGNORECASE)
_MEASURE_LABELS = re.compile(
    rf"(?<!\w)(?P<first>{_PAIRED})\s*/\s*(?P<second>{_PAIRED})"
    r"(?!\w)[^:;,.]{0,20}?\)?\s*:?\s*$",
    re.IGNORECASE,
)


def measure_roles(before: str) -> tuple[str, str] | None:
    """The roles ("executed", "plan") of a pair's two numbers its labels
    give ("thực hiện/KH: 7.155,9/7.400 tr.đ"), or None when they give none."""
    found = _MEASURE_LABELS.search(before)
    if found is None:
        return None
    roles = tuple(
        "plan" if _PLAN_LABEL.match(found[group]) else "executed"
        for group in ("first", "second")
    )
    return roles if roles[0] != roles[1] else None


#: a pair "46/48 đề án", "11,07/11,14 tỷ" with no labels: done over planned
PAIR_ORDER = ("executed", "plan")


def pair_roles(before: str) -> tuple[str, str]:
    """The roles of a pair's two numbers after ``before`` (the text up to
    the pair): as its measure labels give them, else done over planned.
    Every finder of pairs in running text asks here (a table's pair cells,
    ``tables``, have no words before them)."""
    return measure_roles(before[-60:]) or PAIR_ORDER


def slash_labelled(before: str):
    """The colon of "KCQG / KCĐP: 3,6 / 4,9 tỷ" when ``before`` (the text
    up to a number) ends in the values after it: those are the labels',
    in order, not one amount over another (spent over plan)."""
    found = list(_SLASH_LABELS.finditer(before))
    if found and _SLASHED_VALUES.match(before, found[-1].end()):
        return _COLON.match(before, found[-1].end() - 1)
    return None


def _printed_before(quote_text: str) -> int:
    """How many values of the list are printed before the number."""
    return len(_NUMBER.findall(_PARENS.sub(" ", quote_text)))


def _respective_fund(quote: Quote, place: Place) -> str | None:
    """ "giải ngân KCQG và KCĐP lần lượt 3,6 và 4,9 tỷ": the fund named in
    the same place of the list of funds right before "lần lượt"."""
    if (opened := _after_respectively(quote, place)) is None:
        return None
    before, respectively = opened
    cut = respectively.start()
    named = list(FUNDS.finditer(before[:cut]))
    funds = [FUND_WORDS[int(named[-1].lastgroup[1:])][0]] if named else []
    for first, second in zip(named[-2::-1], named[::-1], strict=False):
        if not _JOIN.fullmatch(before[first.end() : second.start()]):
            break
        funds.insert(0, FUND_WORDS[int(first.lastgroup[1:])][0])
    if len(funds) < 2 or len(set(funds)) < len(funds):
        return None
    printed = _printed_before(before[respectively.end() :])
    return funds[printed] if printed < len(funds) else None


def _respective_year(quote: Quote, place: Place) -> int | None:
    if (opened := _after_respectively(quote, place)) is None:
        return None
    before, respectively = opened
    cut = respectively.start()
    # the last list of years before it ("Năm 2023 và năm 2024, A lần lượt
    # …"), with no other year after the list
    lists = list(_YEAR_LIST.finditer(before[:cut]))
    if not lists or _YEARS.search(before, lists[-1].end(), cut):
        return None
    named = lists[-1]
    years = [int(y) for y in _YEARS.findall(named.group(0))]
    printed = _printed_before(before[respectively.end() :])
    return years[printed] if printed < len(years) else None


def respective_area(quote: Quote, place: Place, areas_listed) -> frozenset | None:
    """The area a number after "lần lượt" takes: the one named in the same
    place of the list before it, when the sentence names as many."""
    if (opened := _after_respectively(quote, place)) is None:
        return None
    before, respectively = opened
    cut = respectively.start()
    offset = place.sentence[0]
    names = areas_listed(before[:cut])
    values = [
        q
        for q in place.in_sentence
        if cut + offset <= q.start < quote.start and _is_value(q, quote.kind)
    ]
    if len(names) < 2 or len(values) >= len(names):
        return None
    return names[len(values)]


def summed(quote: Quote, place: Place) -> list[Quote]:
    """The numbers a percentage after "cộng lại", "tính chung" is of: the
    amounts (or counts) before it in its sentence, outside parentheses."""
    if not TOGETHER.search(place.before_clause):
        return []
    values = [
        q
        for q in place.in_sentence
        if q.start < quote.start
        and q.kind in ("amount", "count")
        and _is_value(q, q.kind)
    ]
    kinds = {q.kind for q in values}
    return values if len(values) >= 2 and len(kinds) == 1 else []


def _is_value(other: Quote, kind: str) -> bool:
    return (
        other.kind == kind
        and not other.in_parens
        and other.role not in ("plan", "old")
        and not other.sign
    )


def sum_candidate(parts: list[Candidate]) -> Candidate:
    """The sum of ``parts`` as one numerator, with the first's dimensions."""
    result = total(*(c.quantity for c in parts))
    wide = total(*(c.wide or c.quantity for c in parts))
    return Candidate(
        dict(parts[0].dims),
        result.as_quantity(),
        tuple(f for c in parts for f in c.figures),
        idents.op("sum", *(c.node for c in parts)),
        result,
        wide.as_quantity(),
        tuple(parts),
    )


def column_total(quote: Quote, quotes: list[Quote], resolved) -> tuple | None:
    """A table's total row cell as the sum of the cells above it in its
    column (read as they were), with the slack their printed steps allow."""
    parts: list = []
    for other in quotes:
        if other.start >= quote.start:
            break
        if other.header != quote.header:
            continue
        if other.role == "total":
            parts = []  # the total of an earlier block
            continue
        parts.append((other, resolved.get(id(other))))
    if len(parts) < 2 or any(c is None for _q, c in parts):
        return None
    slack = sum((q.step / 2 for q, _c in parts), Decimal(0))
    return sum_candidate([c for _q, c in parts]), slack
