"""A pair of what was done over the plan, each with its own unit
("giải ngân 1.442,8 triệu đồng/1,45 tỷ đồng"): the first is the executed
amount (not a price per unit), the second the plan."""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.formatting import MONEY_UNITS
from ..core.numbers import NumberFormatError, parse_number
from .columns import MONEY_WORDS, unit_word
from .compared import COMPARED_TAIL
from .lists import pair_roles, slash_labelled
from .report import Quote

_NUMBER = r"\d+(?:\.\d+)*(?:,\d+)?"
_MIXED = re.compile(
    rf"(?<![\w.,/])(?P<a>{_NUMBER})[ \xa0]*(?:{MONEY_WORDS})\s*/\s*"
    rf"(?P<b>{_NUMBER})[ \xa0]*(?P<unit>{MONEY_WORDS})(?!\w)"
)


def mixed_pairs(text: str, part: str, quotes: list[Quote]) -> list[Quote]:
    """The plans of the pairs in ``text`` written with two units; the
    amount before each (already among ``quotes``) becomes the executed one,
    and a plan found already (spaced from the slash) the plan."""
    found = []
    for match in _MIXED.finditer(text):
        first = next((q for q in quotes if q.start == match.start("a")), None)
        unit = unit_word(match["unit"])
        if first is None or first.kind != "amount" or unit not in MONEY_UNITS:
            continue
        try:
            parsed = parse_number(match["b"], unit=unit, point_decimals=True)
        except NumberFormatError:
            continue
        # "KCQG / KCĐP: 3,6 tỷ / 4,9 tỷ": each the amount of its label
        before = text[: match.start()][-300:]
        labelled = slash_labelled(before) is not None
        roles = ("", "") if labelled else pair_roles(before)
        first.role, first.blocked, role = roles[0], "", roles[1]
        second = next((q for q in quotes if q.start == match.start("b")), None)
        if second is not None:  # "3,40 tỷ / 3,85 tỷ đồng": found as an amount
            second.role = role
            continue
        step = Decimal(1).scaleb(-parsed.decimals) * parsed.scale
        start, end = match.start("b"), match.end()
        found.append(
            Quote(
                part,
                start,
                end,
                text[start:end],
                "amount",
                parsed.value,
                parsed.decimals,
                step,
                role=role,
            )
        )
    return found


def partner_cues(quote: Quote, in_sentence: list, resolved: dict, explicit) -> None:
    """The second of a pair ("KH/TH 2024: 9.000/8.460 tr.đ") is of the same
    area, year, period, fund and indicator as the first: what the words
    leave unnamed, ``explicit`` takes from the first's reading, when the
    first matches it."""
    if quote.role not in ("executed", "plan"):
        return
    partner = next(
        (
            q
            for q in in_sentence
            if q.role in ("executed", "plan")
            and q.role != quote.role
            and q.kind == quote.kind  # "… 20,1 tỷ đồng; 26/38 đề án": no pair
            and 0 <= quote.start - q.end <= 3
        ),
        None,
    )
    read = _matching_reading(partner, resolved)
    if read is None:
        return  # no reading, or one the first number does not match
    dims = read.dims
    explicit.areas = explicit.areas or frozenset({dims["area"]})
    explicit.year = explicit.year or dims["year"]
    explicit.fund = explicit.fund or dims["fund"]
    if not explicit.period_named:
        explicit.months, explicit.period_named = dims["months"], True


def not_the_old(options: list, quote: Quote, place, resolved: dict):
    """ "tăng từ 44 lên 50 đề án": the second number is no reading of the
    figure the first (printed otherwise, and matching it) was read as (nor
    is a number compared with: ``_not_the_subject``)."""
    options = _not_the_subject(options, quote, place, resolved)
    old = next(
        (
            q
            for q in reversed(place.in_sentence)
            if q.end <= quote.start and q.role == "old"
        ),
        None,
    )
    read = _matching_reading(old, resolved)
    if read is None or old.value == quote.value or quote.start - old.end > 12:
        return options
    return [o for o in options if str(o.node) != str(read.node)]


def _not_the_subject(options: list, quote: Quote, place, resolved: dict):
    """A bare number compared with, in parentheses, is none of the figures
    the numbers before it in its sentence (outside parentheses: not the
    parts listed in one) were read as ("13,2 tỷ đồng, nhỉnh hơn 340 triệu
    đồng so với tổng kế hoạch hai tỉnh (12,86 tỷ đồng)"); a parenthesis
    naming something itself ("(năm 2023: 1.520 triệu)") is of what it names."""
    bare = quote.in_parens and not re.search(r"[^\W\d_]", place.in_parens)
    if not bare or not COMPARED_TAIL.search(place.before_clause.rstrip()):
        return options
    taken = {
        str(read.node)
        for q in place.in_sentence
        if q.end <= quote.start and not q.in_parens and q.value != quote.value
        if (read := _matching_reading(q, resolved))
    }
    return [o for o in options if str(o.node) not in taken]


def _matching_reading(quote: Quote | None, resolved: dict):
    """``quote``'s resolved reading when the printed number matches it (to
    within its rounding step), else None."""
    read = resolved.get(id(quote)) if quote is not None else None
    if read is None or abs(read.value - quote.value) * 2 > quote.step:
        return None
    return read


#: "triển khai 17 đề án, hoàn thành, nghiệm thu 14 đề án": a pair in words,
#: the projects launched (the plan) and then those done of them
_LAUNCHED = re.compile(
    r"(?<!\w)(?:triển khai|thực hiện)(?:\s+(?:thực hiện|được|tổng cộng))?\s*$",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"(?<!\w)(?:hoàn thành|nghiệm thu)(?:\s*(?:,|và)\s*(?:hoàn thành|nghiệm thu))?"
    r"(?:\s+(?:được|xong))?\s*$",
    re.IGNORECASE,
)


def launched_then_done(text: str, quotes: list[Quote]) -> None:
    """The roles of a count launched and a smaller one of the same noun
    done right after it in the same sentence (see ``_LAUNCHED``)."""
    counts = [q for q in quotes if q.kind == "count" and not q.role]
    for first, second in zip(counts, counts[1:], strict=False):
        between = text[first.end : second.start]
        if (
            first.indicator == second.indicator
            and second.value < first.value
            and len(between) <= 60
            and not re.search(r"[.!?\n]", between)
            and _LAUNCHED.search(text[max(0, first.start - 30) : first.start])
            and _DONE.search(text[max(0, second.start - 40) : second.start])
        ):
            first.role, second.role = "plan", "executed"


#: "51 trong (tổng) số 52 đề án": the first number right before the count
_OF_ALL = re.compile(r"(?<![\w.,/])(?P<a>\d+(?:\.\d{3})*)\s+trong\s+(?:tổng\s+)?số\s+$")
#: a subset is what was done only when its sentence says so, not denied
_DONE_NEAR = re.compile(
    r"(?<!\w)(?P<not>(?:chưa|không)\s+(?:(?:được|đã|thể)\s+)?)?"
    r"(?:nghiệm thu|hoàn thành|giải ngân|thực hiện xong)(?!\w)",
    re.IGNORECASE,
)
#: "là 1 trong số 32 đề án" (one of them), "tháng 10 trong số": no count
_NOT_A_COUNT_BEFORE = re.compile(r"(?<!\w)(?:là|tháng|quý|ngày|năm)\s*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")


def counted_of_all(text: str, quotes: list[Quote]) -> list[Quote]:
    """The done counts of "51 trong số 52 đề án … đã được nghiệm thu": a
    pair in words (``_OF_ALL``). The count after it becomes the plan. A
    subset with no word of being done ("3 trong số 46 đề án là mô hình")
    is left alone: it is not the executed count."""
    found = []
    for whole in quotes:
        if whole.kind != "count" or whole.role:
            continue
        head = _OF_ALL.search(text, max(0, whole.start - 40), whole.start)
        if head is None:
            continue
        done = int(head["a"].replace(".", ""))
        if done >= whole.value or not _said_done(text, head.start(), whole.end):
            continue
        whole.role = "plan"
        start, end = head.span("a")
        found.append(
            Quote(
                whole.part,
                start,
                end,
                head["a"],
                "count",
                Decimal(done),
                0,
                Decimal(1),
                role="executed",
                indicator=whole.indicator,
            )
        )
    return found


def _said_done(text: str, start: int, end: int) -> bool:
    """The sentence around "N trong số M …" (from ``start`` to ``end``)
    says the N were done, and N is a count of them."""
    before = _SENTENCE_BREAK.split(text[max(0, start - 40) : start])[-1]
    after = _SENTENCE_BREAK.split(text[end : end + 50])[0]
    if _NOT_A_COUNT_BEFORE.search(before):
        return False
    said = [m["not"] is None for m in _DONE_NEAR.finditer(before + " " + after)]
    return bool(said) and all(said)
