"""Finding the numbers a text quotes: amounts with their unit, pairs,
percentages and counts with a counted noun (see the package)."""

from __future__ import annotations

import html
import re
from decimal import Decimal

from django.utils.html import strip_tags

from ..core.formatting import MONEY_UNITS
from ..core.models import Indicator
from ..core.numbers import NumberFormatError, parse_number
from .report import Quote

# A number as printed: "48,79", "48.790.000.000", "12, 61" (a stray space
# after the comma, but not "năm 2021, 61").
_NUM_BODY = r"\d+(?:\.\d+)*(?:,\d+|(?<!\d{4}),\s\d{1,2}(?![\d.,]))?"
_NUM = rf"(?<![\w.,/]){_NUM_BODY}"
_MONEY = r"(?:[tT]ỷ|[tT]ỉ|[tT]riệu|[nN]ghìn|[nN]gàn)(?:\s+đồng)?|đồng|VNĐ|VND"
_PAIR_OR_AMOUNT = re.compile(
    rf"(?P<a>{_NUM})(?:\s*/\s*(?P<b>{_NUM_BODY}))?\s*(?P<unit>{_MONEY})(?![\w])"
)
_PERCENT = re.compile(rf"(?P<a>{_NUM})\s*%")
CLAUSE_BREAK = re.compile(r"[;:]")
AFTER_END = re.compile(r";|\.(?:\s|$)|,\s+(?=\D)|\s+và\s+|\s+nhưng\s+|\n")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
CHANGE_UP = re.compile(
    r"(?:cao hơn|tăng|vượt|nhiều hơn)(?:\s+thêm)?\s*$", re.IGNORECASE
)
CHANGE_DOWN = re.compile(r"(?:thấp hơn|giảm|ít hơn|kém)\s*$", re.IGNORECASE)

# --- Reading the text ----------------------------------------------------


def plain_text(body_html: str) -> str:
    """The words of a rich-text body, one line per paragraph."""
    text = re.sub(
        r"(?i)<br\s*/?>|</(?:p|li|h\d|blockquote|tr|figcaption)>", "\n", body_html
    )
    return html.unescape(strip_tags(text)).replace("\u00a0", " ")


def count_nouns() -> dict[str, Indicator]:
    return {
        i.count_noun.lower(): i
        for i in Indicator.objects.filter(unit=Indicator.Unit.COUNT).exclude(
            count_noun=""
        )
    }


def find_quotes(text: str, part: str = "body", nouns=None) -> list[Quote]:
    """Every amount, percentage and count ``text`` quotes, in order."""
    nouns = count_nouns() if nouns is None else nouns
    quotes: list[Quote] = []
    for match in _PAIR_OR_AMOUNT.finditer(text):
        unit = re.sub(r"\s+", " ", match["unit"].lower())
        numbers = [("a", "executed" if match["b"] else "")]
        if match["b"]:
            numbers.append(("b", "plan"))
        for group, role in numbers:
            quote = _number_quote(text, match, group, unit, part, role)
            if quote is not None:
                quotes.append(quote)
    quotes += _percent_quotes(text, part)
    quotes += _count_quotes(text, part, nouns)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _parsed(number: str):
    try:
        return parse_number(number)
    except NumberFormatError:
        return None


def _percent_quotes(text: str, part: str) -> list[Quote]:
    quotes = []
    for match in _PERCENT.finditer(text):
        parsed = _parsed(match["a"])
        if parsed is None:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        up, down = CHANGE_UP.search(before), CHANGE_DOWN.search(before)
        quotes.append(
            Quote(
                part,
                match.start(),
                match.end(),
                match.group(0),
                "percent",
                parsed.value,
                parsed.decimals,
                Decimal(1).scaleb(-parsed.decimals),
                sign=1 if up else -1 if down else 0,
                in_parens=_in_parens(text, match.start()),
            )
        )
    return quotes


def _count_quotes(text: str, part: str, nouns: dict) -> list[Quote]:
    if not nouns:
        return []
    words = "|".join(re.escape(n) for n in nouns)
    pattern = re.compile(rf"(?P<a>{_NUM})\s+(?P<noun>{words})(?!\w)", re.IGNORECASE)
    quotes = []
    for match in pattern.finditer(text):
        parsed = _parsed(match["a"])
        if parsed is None:
            continue
        quotes.append(
            Quote(
                part,
                match.start(),
                match.end(),
                match.group(0),
                "count",
                parsed.value,
                parsed.decimals,
                Decimal(1).scaleb(-parsed.decimals),
                in_parens=_in_parens(text, match.start()),
                indicator=nouns[match["noun"].lower()],
            )
        )
    return quotes


def _number_quote(text, match, group, unit, part, role) -> Quote | None:
    """One amount of a match; in a pair "11,07/11,14 tỷ đồng" each number is
    its own quote with the pair's unit."""
    try:
        parsed = parse_number(match[group], unit=unit)
    except NumberFormatError:
        return None
    if parsed is None or unit not in MONEY_UNITS:
        return None
    start = match.start(group)
    end = match.end("a") if group == "a" and match["b"] else match.end()
    return Quote(
        part,
        start,
        end,
        f"{match[group]} {match['unit']}",
        "amount",
        parsed.value,
        parsed.decimals,
        Decimal(1).scaleb(-parsed.decimals) * parsed.scale,
        role=role,
        in_parens=_in_parens(text, start),
    )


def _in_parens(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return before.count("(") > before.count(")")


def sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def quote_keys(text: str, quotes: list[Quote]) -> list[str]:
    """A key for each quote that does not depend on where it stands: its
    number as printed, the three words either side, and which of the
    quotes with the same number and words it is. A binding stored under
    it survives edits elsewhere in the text."""
    keys, seen = [], {}
    for quote in quotes:
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end < 0 else line_end
        before = _WORD.findall(text[line_start : quote.start].lower())[-3:]
        after = _WORD.findall(text[quote.end : line_end].lower())[:3]
        number = " ".join(quote.text.lower().split())
        base = f"{quote.part}|{number}|{' '.join(before)}|{' '.join(after)}"
        seen[base] = seen.get(base, 0) + 1
        keys.append(f"{base}|{seen[base]}")
    return keys


_WORD = re.compile(r"[^\W\d_]+")
