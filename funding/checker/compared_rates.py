"""Two rates a sentence prints one after the other. Points between them: "A đạt 97,56%,
B đạt 94,96%, thấp hơn 2,60 điểm phần trăm" is B's rate less A's, the two
readings the text itself shows, whatever year or area the words carried in
would compare."""

from __future__ import annotations

import re

from . import idents
from .choose import AGREE, Option
from .idents import IdentError
from .report import Finding, Quote

#: only a comparison word between the second rate and the points ("…,
#: thấp hơn", "…, cao hơn"): nothing that names another base (a year, "so
#: với", "cùng kỳ")
_BETWEEN = re.compile(
    r"(?:\s+(?:của\s+)?năm\s+\d{4})?"  # the second rate's year ("93% năm 2023")
    r"\s*(?:[,;–—-]\s*)?(?:(?:tức|như vậy|nghĩa là|là)\s+)?"
    r"(?:(?:thấp|cao|kém|nhiều|ít)\s+hơn|tăng|giảm)\s*$",
    re.IGNORECASE,
)
_BASE_AFTER = re.compile(r"\s*(?:so với|cùng kỳ|năm\s+\d)", re.IGNORECASE)
#: a comparison naming the rate compared with, its value in parentheses
_THAN_PARENS = re.compile(
    r"\s*[,;]?\s*(?:(?P<lower>thấp\s+hơn|kém(?:\s+hơn)?|ít\s+hơn)|(?:cao|nhiều)\s+hơn)"
    # up to the parenthesis, through no other comparison ("thấp hơn A nhưng
    # vẫn cao hơn B (x%)": B's direction is not the first word's)
    r"(?:(?!(?:hơn|kém|nhưng|song|so với)(?!\w))[^.;%\d()])*\(\s*$",
    re.IGNORECASE,
)
_CLOSED = re.compile(r"\s*\)\s*$")
_RATES = ("ratio", "share")
#: "đạt 97,53% kế hoạch – sát với con số … ước tính": an aside after a
#: spaced dash names no base of the rate
_ASIDE = re.compile(r"\s[–—]\s")
_BASE_NAMED = re.compile(
    r"(?<!\w)(?:kế hoạch|dự toán|KH|ước|tổng|cùng kỳ|năm\s+\d{4}|năm trước)(?!\w)",
    re.I,
)
#: "… so với 93,13% năm 2023": a rate compared with another rate
_VERSUS_RATE = re.compile(r"\s*(?:so với|so với mức|trong khi)\s+\d[\d.,]*\s*%", re.I)


def base_words(after: str) -> str:
    """The words after a rate that may name its base: none when they compare
    it with another rate ("đạt 90% so với 93% năm 2023": that rate's year)."""
    if _VERSUS_RATE.match(after):
        return ""
    # a table's next cells (a note, "–" for none) are not the rate's words
    own = after.split("\t", 1)[0]
    named, *aside = _ASIDE.split(own, 1)
    # cut only where the words before the dash name the base already ("đạt
    # 98% – tính riêng nguồn KCĐP": the words after it are the rate's)
    return named if aside and _BASE_NAMED.search(named) else own


def after_rates(checker, quote: Quote, earlier: list[Finding], options) -> list:
    """The options the rates printed before ``quote`` in its sentence
    (``earlier``: their findings) give it, as well supported as the best of
    ``options``."""
    top = max((o.words for o in options), default=1.0)
    text = checker.text
    return points_between(text, quote, earlier, checker.by_pk, top) + rate_compared(
        text, quote, earlier, checker.candidates, checker.context, top
    )


def points_between(
    text: str, quote: Quote, earlier: list[Finding], by_pk, words: float
) -> list[Option]:
    """The option "the second rate less the first" for a points ``quote``
    printed right after two rates of its sentence (``earlier``: its
    sentence's findings before it) that were both read, alike."""
    if quote.kind != "points" or len(earlier) < 2:
        return []
    first, second = earlier[-2:]
    if any(
        f.quote.kind != "percent" or f.verdict not in AGREE or not f.readings
        for f in (first, second)
    ):
        return []
    # "đạt 77,33%, cao hơn tỷ lệ chung của vùng (74,03%) 3,3 điểm phần
    # trăm": the rate compared with printed in parentheses, the first less it
    than = _THAN_PARENS.match(text, first.quote.end, second.quote.start)
    inside = than and _CLOSED.match(text, second.quote.end, quote.start)
    if not (inside or _BETWEEN.match(text[second.quote.end : quote.start])):
        return []
    if _BASE_AFTER.match(text, quote.end):
        return []
    try:
        old, new = (idents.parse(f.readings[0].ident) for f in (first, second))
        if old.op != new.op or old.op not in _RATES or old == new:
            return []
        # "thấp hơn … (x%) y điểm": x less the first, "cao hơn": the first less x
        up = bool(inside) and not than["lower"]
        if up or _VERSUS.match(text[first.quote.end : second.quote.start]):
            old, new = new, old  # "đạt 90% so với 93% năm trước": the first is new
        node = idents.op("points", new, old)
        computed = idents.evaluate(node, by_pk)
    except IdentError:
        return []
    return [Option(node, computed, words, 1)]


#: "đạt 90,29% so với 93,13% năm 2023": the second rate compared with the first
_VERSUS = re.compile(r"\s*(?:so với|so với mức|trong khi)\s*$", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"[^,.;:()]*")


def rate_compared(
    text: str, quote: Quote, earlier: list[Finding], candidates, context, words: float
) -> list[Option]:
    """The option "the same rate as the one before, of the year named after
    it" for a percentage ``quote`` that follows another rate of its sentence
    and "so với" ("đạt 90,29% so với 93,13% năm 2023")."""
    if quote.kind != "percent" or not earlier:
        return []
    before = earlier[-1]
    if before.quote.kind != "percent" or before.verdict not in AGREE:
        return []
    if not before.readings or not _VERSUS.match(text[before.quote.end : quote.start]):
        return []
    year = context.cues(_CLAUSE_AFTER.match(text, quote.end).group(0)).year
    try:
        node = idents.parse(before.readings[0].ident)
    except IdentError:
        return []
    if node.op not in _RATES or year is None:
        return []
    moved = []
    for arg in node.args:
        candidate = candidates.by_node.get(str(arg))
        other = candidate and candidates.get(candidate.dims, year=year)
        if other is None or other is candidate:
            return []
        moved.append(other.node)
    node = idents.op(node.op, *moved)
    try:
        computed = idents.evaluate(node, candidates.stored)
    except IdentError:
        return []
    return [Option(node, computed, words, 1)]
