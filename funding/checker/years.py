"""A number over several years together: "Trong hai năm, Sở được giao
tổng cộng 8,6 tỷ đồng", "Ba năm qua đã thực hiện 52 đề án", "giai đoạn
2022–2024 giải ngân 21,4 tỷ". Its reading is the sum of one figure over
consecutive years; a reading of one year's figure is then only a guess
(a mismatch of it is unsure)."""

from __future__ import annotations

import re

from ..core.derived import ratio, share, total
from . import idents
from .candidates import Candidate, Candidates, key_of
from .choose import Option
from .idents import Computed
from .places import Place
from .report import Quote

#: "hai năm", "3 năm": how many years a span names
HOW_MANY = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "2": 2, "3": 3, "4": 4, "5": 5}
#: "hai năm", "3 năm qua" (not "năm 2024", not "hai năm trước": one year)
#: or the first and last year spelled out: "giai đoạn 2022–2024", "(trong)
#: hai năm 2023 và 2024", "từ năm 2023 đến năm 2024"
_SPAN = re.compile(
    r"(?<!\w)(?:giai đoạn|(?:hai|ba|bốn|[2-5])\s+năm|từ(?:\s+năm)?)\s+"
    r"(?P<y1>(?:19|20)\d{2})\s*(?:[-–—]|và|đến|tới)\s*(?:năm\s+)?"
    r"(?P<y2>(?:19|20)\d{2})(?!\w)"
    r"|(?<!\w)(?P<n>hai|ba|bốn|năm(?=\s+năm\s+qua)|[2-5])\s+năm"
    r"(?!\s*(?:\d|trước|sau|tới|nữa|\w+\s+năm))"
    r"(?!\w)",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"(?<!\w)giai\s+đoạn\s+(?:năm\s+)?(?P<first>(?:19|20)\d{2})\s*[-–—]\s*"
    r"(?:năm\s+)?(?P<last>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
#: "cả giai đoạn", "toàn giai đoạn" with no years: the period named before
_WHOLE_PERIOD = re.compile(
    r"(?<!\w)(?:cả|toàn|suốt)\s+giai\s+đoạn(?!\s*(?:năm\s+)?(?:19|20)\d{2})", re.I
)
#: "… lần lượt 8,1 và 8,75 tỷ đồng": one value a year, no sum
_EACH = re.compile(r"(?<!\w)(?:lần lượt|tương ứng|mỗi năm)(?!\w)", re.IGNORECASE)
#: "mỗi năm", "bình quân … năm": per year, not a total
_PER_YEAR = re.compile(
    r"(?<!\w)(?:mỗi|bình quân|trung bình|hằng|hàng)\s+(?:\w+\s+)?năm", re.I
)


def years_spanned(text: str) -> tuple[int, int | None] | None:
    """How many years ``text`` names together, and the last one if named."""
    found = None
    for match in _SPAN.finditer(text):
        if match["n"]:
            found = (HOW_MANY[match["n"].lower()], None)
        else:
            first, last = int(match["y1"]), int(match["y2"])
            if 1 < last - first + 1 <= 5:
                found = (last - first + 1, last)
    return found


def period_start(text: str, year: int | None) -> int | None:
    """ "giai đoạn 2022–2024, … tăng 21%": a change over the stretch, from
    its first year, when its last is the year in force (a programme's
    "giai đoạn 2021–2025" says nothing of a 2024 change)."""
    for period in _PERIOD.finditer(text):
        if year and int(period["last"]) == year:
            return int(period["first"])
    return None


def sum_over_years(
    candidate: Candidate, count: int, last: int | None, candidates: Candidates
) -> Candidate | None:
    """``candidate``'s figure summed over ``count`` years up to ``last`` (or
    its own year); None when a year's figure is missing."""
    end = last or candidate.dims["year"]
    parts = [
        candidates.by_key.get(key_of({**candidate.dims, "year": year}))
        for year in range(end - count + 1, end + 1)
    ]
    if None in parts:
        return None
    result = total(*(p.quantity for p in parts))
    wide = total(*(p.wide or p.quantity for p in parts)).as_quantity()
    figures = tuple(f for p in parts for f in p.figures)
    node = idents.op("sum", *(p.node for p in parts))
    return Candidate(
        candidate.dims, result.as_quantity(), figures, node, result, wide, tuple(parts)
    )


def rates_over_years(
    options: list[Option], quote: Quote, place: Place, candidates: Candidates
) -> list[Option]:
    """ "cả giai đoạn 2021–2024 mới đạt 90,76% kế hoạch": a rate over
    several years named together is the rate of their sums (favoured); one
    year's rate is then a guess (assumed)."""
    span = _span_before(quote, place)
    if span is None:
        return options
    rates, seen = [], set()
    for option in options:
        node = option.node
        if node.op not in ("ratio", "share") or str(node) in seen:
            continue
        operands = [
            candidates.by_node.get(
                str(a if isinstance(a, idents.Node) else idents.fig(a))
            )
            for a in node.args
        ]
        if None in operands or any(o.dims["year"] is None for o in operands):
            continue
        sums = [sum_over_years(o, *span, candidates) for o in operands]
        if None in sums:
            continue
        seen.add(str(node))
        divide = ratio if node.op == "ratio" else share
        result = divide(sums[0].quantity, sums[1].quantity)
        figures = sums[0].figures + sums[1].figures
        rate = idents.op(node.op, sums[0].node, sums[1].node)
        computed = Computed(result, figures, "fraction")
        rates.append(Option(rate, computed, option.words + 1, option.evidence))
    if rates:
        for option in options:
            option.assumed = True
    return options + rates


def _span_before(quote: Quote, place: Place) -> tuple[int, int | None] | None:
    """The years the sentence before an unsigned ``quote`` names together
    (``years_spanned``), unless it goes on per year or year by year."""
    before = place.sentence_text[: quote.start - place.sentence[0]]
    span = years_spanned(before)
    if span is None and _WHOLE_PERIOD.search(before):
        # "Cả giai đoạn, … thực hiện 56,58 tỷ": the period named before
        named = list(_PERIOD.finditer(place.text, 0, place.sentence[0]))
        span = years_spanned(named[-1][0]) if named else None
    if quote.sign or span is None or _PER_YEAR.search(before):
        return None
    return None if _each_after_span(before) else span


def _each_after_span(before: str) -> bool:
    """ "Hai năm 2023 và 2024, A lần lượt giải ngân …": one value a year
    (not "… lần lượt là 5,8 và 6,5 tỷ, cộng hai năm 12,3 tỷ": their sum)."""
    named = list(_SPAN.finditer(before)) or list(_WHOLE_PERIOD.finditer(before))
    return bool(_EACH.search(before, named[-1].end()))


def over_years(
    options: list[Option],
    quote: Quote,
    place: Place,
    candidates: Candidates,
    made: dict,
) -> list[Option]:
    """``options``, and when the sentence before the number names several
    years together, each one's sum over those years (favoured, and kept in
    ``made`` for a rate of them after it); the one-year readings are then
    assumed. A rate over them: ``rates_over_years``."""
    if quote.kind == "percent":
        return rates_over_years(options, quote, place, candidates)
    span = _span_before(quote, place)
    # a pair's plan or done is summed as well ("… 13.713,55 triệu đồng trên
    # tổng kế hoạch 15.110 triệu đồng"); a base compared with is no sum
    named_role = quote.role not in ("", "executed", "plan")
    if quote.kind not in ("amount", "count") or named_role or span is None:
        return options
    count, last = span
    sums, seen = [], set()
    for option in options:
        candidate = candidates.by_node.get(str(option.node))
        if candidate is None or candidate.dims["year"] is None:
            continue
        summed = sum_over_years(candidate, count, last, candidates)
        if summed is None or str(summed.node) in seen:
            continue
        seen.add(str(summed.node))
        made[str(summed.node)] = summed
        computed = Computed(summed.derived, summed.figures, "value")
        sums.append(Option(summed.node, computed, option.words + 1, option.evidence))
    if sums:
        for option in options:
            option.assumed = True
    return options + sums
