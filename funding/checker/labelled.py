"""Counts printed after a label that names the counted noun, as a bulletin
or a fact box writes them: "Đề án hoàn thành: 39/53", "Hội chợ, triển lãm
đã tổ chức: 4" (no noun after the number), or before one a front page's
box opens its line with ("58/61 – số đề án hoàn thành"). A pair is what
was done of what was planned, as "39/53 đề án". A count's parts listed
by area right after it ("44 đề án (An Giang 24, Kiên Giang 20)") count
the same noun."""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.numbers import NumberFormatError, parse_number
from .lists import pair_roles
from .places import names_a_place
from .report import Quote
from .unaccented import heads_another, upper_case_initials

_NUM = r"(?<![\w.,/])\d+(?:\.\d+)*"
#: a label ending on what is no count: "Đề án khởi công ngày: 15", "Hotline
#: đề án: 1900", "phê duyệt năm: 2024", "mã đề án: 12"
_NO_COUNT = re.compile(
    r"(?<!\w)(?:ngày|tháng|năm|quý)\s*$|(?<!\w)(?:hotline|điện thoại|mã)(?!\w)",
    re.IGNORECASE,
)


def noun_words(nouns: dict) -> str:
    """The counted nouns as one alternation, the longest first."""
    return "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))


def _pattern(words: str) -> re.Pattern:
    return re.compile(
        rf"(?<!\w)(?:số\s+)?(?P<noun>{words})(?!\w)(?P<label>[^\d\n.;:()%|]{{0,40}}?)"
        rf"[^\S\n]*:[^\S\n]*(?:(?P<a>{_NUM})[^\S\n]*/[^\S\n]*)?(?P<n>\d+(?:\.\d+)*)"
        # a bare number: no unit, noun, decimal, date, percentage or change
        # ("31 → 36") after it
        rf"(?![\d.,/]\d|[^\S\n]*(?:%|\w|→|->|[-–]\s*\d))",
        re.IGNORECASE,
    )


def labelled_counts(
    text: str, part: str, nouns: dict, taken: list[Quote]
) -> list[Quote]:
    """The counts after a label naming their noun, not found already."""
    if not nouns:
        return []
    words = noun_words(nouns)
    spans = [(q.start, q.end) for q in taken]
    found = []
    for match in _pattern(words).finditer(text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if (
            upper_case_initials(match["noun"])
            or _NO_COUNT.search(line + match["label"])
            # "Lượt xem: 1.204": views of the page, not of the counted noun
            or heads_another(match["noun"], text, match.end("noun"))
        ):
            continue
        roles = pair_roles(text[: match.start("a")]) if match["a"] else ("", "")
        found += _matched_counts(match, roles, part, nouns, spans)
    return found


def _dash_pattern(words: str) -> re.Pattern:
    """A line opening with a number, a dash and a label naming the noun."""
    return re.compile(
        rf"^[^\S\n]*(?:(?P<a>{_NUM})[^\S\n]*/[^\S\n]*)?(?P<n>\d+(?:\.\d+)*)"
        # "số" before the noun: not a date ("15/3 – đề án …") or an item
        rf"[^\S\n]*[–—-][^\S\n]*số\s+(?P<noun>{words})(?!\w)",
        re.IGNORECASE | re.MULTILINE,
    )


def dash_labelled_counts(
    text: str, part: str, nouns: dict, taken: list[Quote]
) -> list[Quote]:
    """ "58/61 – số đề án hoàn thành, nghiệm thu": the counts a line opens
    with, its label after a dash naming their number ("số") of a noun;
    none found already."""
    if not nouns:
        return []
    words = noun_words(nouns)
    spans = [(q.start, q.end) for q in taken]
    found = []
    for match in _dash_pattern(words).finditer(text):
        if upper_case_initials(match["noun"]):
            continue
        found += _matched_counts(match, ("executed", "plan"), part, nouns, spans)
    return found


def _matched_counts(match, roles, part, nouns, spans) -> list[Quote]:
    """The count ``match`` holds (group "n"), and with a pair ("a/n") what
    was done of what was planned, in ``roles``; none inside ``spans``."""
    indicator = nouns[match["noun"].lower()]
    groups = [("a", roles[0]), ("n", roles[1])] if match["a"] else [("n", "")]
    found = []
    for group, role in groups:
        start, end = match.span(group)
        if any(s < end and start < e for s, e in spans):
            continue
        quote = count_quote(part, start, end, match[group], role, indicator)
        if quote is not None:
            found.append(quote)
    return found


#: a list of areas' counts in parentheses: "(Cần Thơ cũ 27, Sóc Trăng 23 và
#: Hậu Giang 20)", each a capitalised name and a bare whole number
#: after the year it is compared with ("tăng từ 41 lên 45 đề án so với năm
#: 2024 (Tây Ninh cũ 14, Long An 27)"), or after "trong đó" with no
#: parentheses ("3.104 lượt người, trong đó Lâm Đồng 1.438, Gia Lai 1.180,
#: Đắk Lắk chỉ 486 – …"), up to the clause's end
_PARTS = re.compile(
    r"(?:[^\S\n]+so với(?:\s+cùng kỳ)?(?:\s+năm)?\s+(?:19|20)\d{2})?"
    r"[^\S\n]*\((?P<list>[^()\n]{3,200})\)"
    r"|,?[^\S\n]*trong đó:?[^\S\n]+(?P<listed>(?:[^.;:\n()–—]|(?<=\d)\.(?=\d)){3,200}?)"
    r"(?=[^\S\n]*(?:[;\n()–—]|\.(?!\d)|$))",
    re.IGNORECASE,
)
_PART = re.compile(
    r"\s*(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,4}?)\s*:?\s+"
    rf"(?:(?:chỉ|có|là|đạt)\s+)?(?P<n>{_NUM})\s*"
)


def count_parts(text: str, part: str, taken: list[Quote]) -> list[Quote]:
    """ "70 đề án (Cần Thơ cũ 27, Sóc Trăng 23, Hậu Giang 20)": the parts of
    a count listed by area right after it count the same noun."""
    spans = [(q.start, q.end) for q in taken]
    found = []
    for quote in taken:
        listed = _PARTS.match(text, quote.end)
        if quote.kind != "count" or quote.role or listed is None:
            continue
        group = "list" if listed["list"] is not None else "listed"
        pieces = re.split(r"(,?\s*và\s+|[,;])", listed[group])
        items = pieces[::2]
        parts = [_PART.fullmatch(item) for item in items]
        if len(parts) < 2 or not all(p and names_a_place(p["name"]) for p in parts):
            continue  # not a list of areas' counts alone
        offset = listed.start(group)
        for index, match in enumerate(parts):
            start = offset + sum(map(len, pieces[: 2 * index])) + match.start("n")
            end = start + len(match["n"])
            if any(s < end and start < e for s, e in spans):
                continue
            counted = count_quote(part, start, end, match["n"], "", quote.indicator)
            if counted is not None:
                found.append(counted)
    return found


def count_quote(part, start, end, number, role, indicator) -> Quote | None:
    try:
        parsed = parse_number(number.replace(".", ""), unit="", point_decimals=True)
    except NumberFormatError:
        return None
    return Quote(
        part,
        start,
        end,
        number,
        "count",
        parsed.value,
        0,
        Decimal(1),
        role=role,
        indicator=indicator,
    )


#: the rest of a sentence, where a noun named once may be shortened
_SENTENCE_REST = re.compile(r"[^.;!?\n]*")


def echoed_counts(text: str, part: str, taken: list[Quote]) -> list[Quote]:
    """ "2 mô hình trình diễn, năm ngoái là 3 mô hình": a count later in the
    sentence of a counted noun of three words or more, named by its first
    two words alone, counts the same."""
    spans = [(q.start, q.end) for q in taken]
    found = []
    for quote in taken:
        noun = (quote.indicator.count_noun if quote.indicator else "").split()
        if quote.kind != "count" or len(noun) < 3:
            continue
        rest = _SENTENCE_REST.match(text, quote.end)
        head = r"\s+".join(re.escape(word) for word in noun[:2])
        tail = re.escape(noun[2])
        pattern = rf"{_NUM}[^\S\n]+{head}(?!\w)(?!\s+{tail}(?!\w))"
        for match in re.finditer(pattern, rest.group(0), re.IGNORECASE):
            start, end = rest.start() + match.start(), rest.start() + match.end()
            if any(s < end and start < e for s, e in spans):
                continue
            number = re.match(_NUM, match.group(0)).group(0)
            echoed = count_quote(part, start, start + len(number), number, "", None)
            if echoed is not None:
                echoed.end, echoed.text = end, text[start:end]
                echoed.indicator = quote.indicator
                found.append(echoed)
                spans.append((start, end))
    return found
