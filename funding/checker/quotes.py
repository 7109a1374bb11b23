"""Finding the numbers a text quotes (see the package): amounts with their
unit, pairs ("11,07/11,14 tỷ đồng", "46/48 đề án", "từ 40 lên 46 đề án"),
percentages, counts with a counted noun, multiples ("gấp 1,5 lần") and
points ("giảm 1,41 điểm phần trăm"); a word of approximation before one
("hơn", "gần", "khoảng") and a direction ("tăng", "ít hơn"). An amount per
unit ("120 nghìn đồng/kg"), in another currency ("2,2 tỷ USD") or called
wrong (``disowned``) is found but blocked: no figure. Table cells, see ``tables``."""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.formatting import MONEY_UNITS
from ..core.models import Indicator
from ..core.numbers import NumberFormatError, parse_number
from .assigned import mark_assigned
from .axes import chart_scale
from .bare import bare_amounts
from .columns import MONEY_WORDS, unit_word
from .disowned import disown, suppose
from .labelled import (
    count_parts,
    dash_labelled_counts,
    echoed_counts,
    labelled_counts,
    noun_words,
)
from .lists import measure_roles, pair_roles, slash_labelled
from .nearby import read_around
from .pairs import counted_of_all, launched_then_done, mixed_pairs
from .parens import Parens
from .report import Quote
from .shared_nouns import echoed_counts_by_area, listed_counts
from .tables import table_quotes
from .unaccented import heads_another, upper_case_initials, with_heads_named

# A number as printed: "48,79", "48.790.000.000", "12, 61" (a stray space
# after the comma, but not "năm 2021, 61").
_NUM_BODY = r"\d+(?:\.\d+)*(?:,\d+|(?<!\d{4}),\s\d{1,2}(?![\d.,]))?"
_NUM = rf"(?<![\w.,/]){_NUM_BODY}"
_PAIR_OR_AMOUNT = re.compile(
    rf"(?P<a>{_NUM})(?:\s*/\s*(?P<b>{_NUM_BODY}))?[ \xa0]*(?P<unit>{MONEY_WORDS})(?![\w])"
)
_FROM_TO = re.compile(
    rf"(?<!\w)từ\s+(?P<a>{_NUM})(?:\s*(?:{MONEY_WORDS}))?\s+(?:lên|xuống|còn)\s+"
    rf"(?:mức\s+)?{_NUM_BODY}\s*(?P<unit>{MONEY_WORDS})(?!\w)(?P<b>)"
)
_PERCENT = re.compile(rf"(?P<a>{_NUM})\s*(?:%|phần trăm(?!\w))", re.IGNORECASE)
_TIMES = re.compile(
    rf"gấp\s+(?:(?P<approx>gần|hơn|khoảng|xấp xỉ|trên)\s+)?(?P<a>{_NUM})\s+lần",
    re.IGNORECASE,
)
_POINTS = re.compile(rf"(?P<a>{_NUM})\s+điểm\s+phần\s+trăm", re.IGNORECASE)
_PER_UNIT = re.compile(
    r"\s*(?:/(?!\s*(?:kế hoạch|dự toán)(?!\w))|một\s+|mỗi\s+)\s*\w|\s*(?:USD|đô la|\$)",
    re.IGNORECASE,
)
# or inside “…”; not after the "TP." of "TP. Cần Thơ" (thành phố), "TX." (thị xã)
SENTENCE_END = re.compile(
    r"(?:(?<=[.!?…])(?<!(?-i:TP|Tp|TX|Tx)\.)|(?<=[.!?…][”\"’»]))\s+|\n+"
)


def count_nouns() -> dict[str, Indicator]:
    return {
        i.count_noun.lower(): i
        for i in Indicator.objects.filter(unit=Indicator.Unit.COUNT).exclude(
            count_noun=""
        )
    }


def find_quotes(text: str, part: str = "body", nouns=None) -> list[Quote]:
    """Every figure-like number ``text`` quotes, in order."""
    nouns = count_nouns() if nouns is None else nouns
    nouns = with_heads_named(text, nouns)  # "1.500 lượt" after "lượt người"
    quotes: list[Quote] = []
    for match in _PAIR_OR_AMOUNT.finditer(text):
        unit = unit_word(match["unit"])
        # "3,6 / 4,9 tỷ": spent over plan, unless labels before a colon
        # say what each is ("KCQG / KCĐP: 3,6 / 4,9 tỷ")
        before = text[: match.start()][-300:]
        roles = ("", "")
        if match["b"] and slash_labelled(before):
            roles = measure_roles(before[-60:]) or roles
        elif match["b"]:
            roles = pair_roles(before)
        numbers = [("a", roles[0])] + ([("b", roles[1])] if match["b"] else [])
        for group, role in numbers:
            quote = _number_quote(text, match, group, unit, part, role)
            if quote is not None:
                quotes.append(quote)
    quotes += _old_amounts(text, part, quotes) + mixed_pairs(text, part, quotes)
    quotes += _listed_amounts(text, part, quotes)
    quotes += _simple_quotes(text, part, _PERCENT, "percent")
    quotes += _simple_quotes(text, part, _TIMES, "times")
    quotes += _simple_quotes(text, part, _POINTS, "points")
    quotes += _count_quotes(text, part, nouns)
    quotes += counted_of_all(text, quotes)
    quotes += _listed_pairs(text, part, quotes)
    quotes += labelled_counts(text, part, nouns, quotes)
    quotes += echoed_counts(text, part, quotes)
    quotes += dash_labelled_counts(text, part, nouns, quotes)
    quotes += count_parts(text, part, quotes)
    quotes += listed_counts(text, part, quotes)
    quotes += echoed_counts_by_area(text, part, quotes)
    taken = [(q.start, q.end) for q in quotes]
    quotes += [
        q
        for q in table_quotes(text, part, nouns)
        if not any(s < q.end and q.start < e for s, e in taken)
    ]
    quotes += bare_amounts(
        text, quotes, lambda start, end, unit: _bare_quote(text, part, start, end, unit)
    )
    parens = Parens(text)
    for quote in quotes:
        read_around(text, quote, parens)
        disown(text, quote)
        suppose(text, quote)
        chart_scale(text, quote)
        mark_assigned(text, quote)
    quotes.sort(key=lambda q: q.start)
    launched_then_done(text, quotes)
    return quotes


def _parsed(number: str, unit: str = ""):
    if not unit and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number.strip()):
        number = number.replace(".", "")  # a count: "1.856" is grouped thousands
    try:
        return parse_number(number, unit=unit, point_decimals=True)
    except NumberFormatError:
        return None


def _quote(part, start, end, text, kind, parsed, scale=Decimal(1), **extra) -> Quote:
    return Quote(
        part,
        start,
        end,
        text,
        kind,
        parsed.value,
        parsed.decimals,
        Decimal(1).scaleb(-parsed.decimals) * scale,
        **extra,
    )


def _simple_quotes(text: str, part: str, pattern, kind: str) -> list[Quote]:
    quotes = []
    for match in pattern.finditer(text):
        parsed = _parsed(match["a"])
        if parsed is None:
            continue
        quote = _quote(part, match.start(), match.end(), match.group(0), kind, parsed)
        if kind == "times":
            quote.approx = (match["approx"] or "").lower()
        quotes.append(quote)
    return quotes


def _count_quotes(text: str, part: str, nouns: dict) -> list[Quote]:
    if not nouns:
        return []
    words = noun_words(nouns)
    pattern = re.compile(
        rf"(?:(?P<from>từ)\s+(?P<old>{_NUM_BODY})\s+lên\s+|"
        # a number and its noun share a table cell: no tab or line between
        rf"(?P<a>{_NUM})\s*/\s*)?(?P<n>{_NUM_BODY})[^\S\t\n]+(?P<noun>{words})(?!\w)",
        re.IGNORECASE,
    )
    quotes = _noun_first_counts(text, part, nouns, words)
    for match in pattern.finditer(text):
        if upper_case_initials(match["noun"]):
            continue  # "3 HC vàng": no counted noun
        if heads_another(match["noun"], text, match.end()):
            continue  # "1.600 lượt truy cập": not "lượt người"
        indicator = nouns[match["noun"].lower()]
        first = "old" if match["from"] else "a" if match["a"] else None
        if first is None and re.match(
            r"[\w.,/]", text[match.start("n") - 1 : match.start("n")]
        ):
            continue  # inside another number ("12/2023 đề án")
        parsed = _parsed(match["n"])
        if parsed is None:
            continue
        roles = pair_roles(text[: match.start()]) if first == "a" else ("old", "")
        start = match.start("n")
        quotes.append(
            _quote(
                part,
                start,
                match.end(),
                text[start : match.end()],
                "count",
                parsed,
                role=roles[1],
                indicator=indicator,
            )
        )
        if first is not None and (head := _parsed(match[first])) is not None:
            quotes.append(
                _quote(
                    part,
                    match.start(first),
                    match.end(first),
                    match[first],
                    "count",
                    head,
                    role=roles[0],
                    indicator=indicator,
                )
            )
    return quotes


#: words after a number that start a phrase of their own, not its unit
_OWN_PHRASE = r"(?:so với|trong|sau|khi|vào|tính đến)(?!\w)"


def _noun_first_counts(text: str, part: str, nouns: dict, words: str) -> list[Quote]:
    """ "Số đề án tăng từ 38 lên 42": the noun named before the change, no
    unit after it."""
    pattern = re.compile(
        rf"(?<!\w)(?:số\s+)?(?P<noun>{words})(?:[^\S\n]+[^\d\n.;,:()%]{{1,40}}?)?"
        rf"[^\S\n]+(?:tăng|giảm)[^\S\n]+từ[^\S\n]+"
        rf"(?P<old>{_NUM_BODY})[^\S\n]+(?:lên|xuống|còn)[^\S\n]+(?P<n>{_NUM_BODY})"
        # no unit, noun or slash after it; words opening a phrase of their
        # own ("so với cuối tháng 9", "trong hai tháng") may follow
        rf"(?![\d.,]\d|\s*(?:%|/)|\s*(?!{_OWN_PHRASE})\w)",
        re.IGNORECASE,
    )
    quotes = []
    for match in pattern.finditer(text):
        if upper_case_initials(match["noun"]):
            continue
        indicator = nouns[match["noun"].lower()]
        for group, role in (("n", ""), ("old", "old")):
            parsed = _parsed(match[group])
            if parsed is not None:
                quotes.append(
                    _quote(
                        part,
                        match.start(group),
                        match.end(group),
                        match[group],
                        "count",
                        parsed,
                        role=role,
                        indicator=indicator,
                    )
                )
    return quotes


def _old_amounts(text: str, part: str, amounts: list[Quote]) -> list[Quote]:
    """ "Tăng từ 4,9 (tỷ đồng) lên 5,8 tỷ đồng": the first amount is the
    older one (its unit may be the second's); returns those not found yet."""
    at = {q.start: q for q in amounts}
    found = []
    for match in _FROM_TO.finditer(text):
        quote = at.get(match.start("a"))
        if quote is None:
            unit = unit_word(match["unit"])
            quote = _number_quote(text, match, "a", unit, part, "old")
            if quote is None:
                continue
            quote.end = match.end("a")
            quote.text = match["a"]
            found.append(quote)
        quote.role = "old"
    return found


#: "lần lượt là 5,1; 6,2 và 7,3 tỷ đồng": decimals listed right before an
#: amount, which print the unit once, after the last
_LISTED = re.compile(r"(?:(?<![\w.,/])\d+(?:\.\d+)*,\d+\s*(?:;|,(?=\s)|\s+và)\s*)+$")
_LISTED_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:\.\d+)*,\d+")


def _listed_amounts(text: str, part: str, amounts: list[Quote]) -> list[Quote]:
    found = []
    for amount in amounts:
        match = _PAIR_OR_AMOUNT.match(text, amount.start)
        if amount.kind != "amount" or amount.role or match is None or match["b"]:
            continue
        base = max(0, amount.start - 200)
        tail = _LISTED.search(text, base, amount.start)
        if tail is None:
            continue
        unit = unit_word(match["unit"])
        for number in _LISTED_NUMBER.finditer(text, tail.start(), tail.end()):
            parsed = _parsed(number.group(0), unit)
            if parsed is not None and unit in MONEY_UNITS:
                found.append(
                    _quote(
                        part,
                        number.start(),
                        number.end(),
                        number.group(0),
                        "amount",
                        parsed,
                        parsed.scale,
                    )
                )
    return found


#: "27/29 (2022), 29/30 (2023) và 31/32 đề án (2024)": pairs listed right
#: before a pair with its noun, which they share
_LISTED_PAIRS = re.compile(
    r"(?:(?<![\w.,/])\d+\s*/\s*\d+(?:\s*\([^()]{1,30}\))?\s*(?:,|;|và)\s*)+$"
)
_PAIR_NUMBERS = re.compile(r"(?<![\w.,/(])(\d+)\s*/\s*(\d+)(?![\d/])")


def _listed_pairs(text: str, part: str, counts: list[Quote]) -> list[Quote]:
    found = []
    for plan in counts:
        if plan.kind != "count" or plan.role != "plan":
            continue
        # its first number: "31" of "31/32 đề án", right before the slash
        done = next(
            (
                q
                for q in counts
                if q.role == "executed" and 0 <= plan.start - q.end <= 3
            ),
            None,
        )
        head = done.start if done is not None else plan.start
        tail = _LISTED_PAIRS.search(text, max(0, head - 160), head)
        if tail is None:
            continue
        roles = pair_roles(text[: tail.start()])
        for pair in _PAIR_NUMBERS.finditer(text, *tail.span()):
            for group, role in zip((1, 2), roles, strict=True):
                parsed = _parsed(pair[group])
                if parsed is not None:
                    found.append(
                        _quote(
                            part,
                            *pair.span(group),
                            pair[group],
                            "count",
                            parsed,
                            role=role,
                            indicator=plan.indicator,
                        )
                    )
    return found


def _bare_quote(text, part, start, end, unit) -> Quote | None:
    """An amount printed without its unit (``bare``)."""
    parsed = _parsed(text[start:end], unit)
    if parsed is None or unit not in MONEY_UNITS:
        return None
    return _quote(part, start, end, text[start:end], "amount", parsed, parsed.scale)


def _number_quote(text, match, group, unit, part, role) -> Quote | None:
    """One amount of a match; in a pair "11,07/11,14 tỷ đồng" each number is
    its own quote with the pair's unit."""
    parsed = _parsed(match[group], unit)
    if parsed is None or unit not in MONEY_UNITS:
        return None
    start = match.start(group)
    end = match.end("a") if group == "a" and match["b"] else match.end()
    quote = _quote(
        part,
        start,
        end,
        f"{match[group]} {match['unit']}",
        "amount",
        parsed,
        parsed.scale,
        role=role,
    )
    if _PER_UNIT.match(text, match.end()):
        quote.blocked = "per unit"
    return quote


def sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if (
            text[: match.start()].endswith(("...", "…"))
            and text[match.end() :][:1].islower()
        ):
            continue  # "đạt 76%... à không, đạt 67%": a pause, not an end
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds
