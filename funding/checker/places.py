"""Where a quote stands: its sentence and clause, what a parenthesis
around it says, what follows it; and the year, period and area in force,
carried from sentence to sentence.

A year in parentheses binds only inside them ("(năm 2023: 2,28 tỷ đồng),
gấp 1,5 lần" reads the multiple in the year in force); a year compared
with ("so với năm 2023") is not in force; a year named after the last
number of a sentence ("… chuyển sang thực hiện trong năm 2025") sets
nothing for the sentences that follow."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .area_cues import AFTER_MERGER, BEFORE_MERGER, WHOLE_PROVINCE, WHOLE_WORDS
from .cues import Cues, periods_in, same_period
from .report import Quote

CLAUSE_BREAK = re.compile(r"[;]")
#: Words that open a contrasting clause ("…, trong khi kế hoạch lại tăng"
#: names another figure): the words after a number end at them.
CONTRAST_WORDS = ("nhưng", "trong khi")
#: where the words after a number stop being about it: a new clause (a
#: contrast, or "và")
AFTER_END = re.compile(
    rf";|\.(?:\s|$)|:\s|,\s+(?=\D)|\s+(?:và|{'|'.join(CONTRAST_WORDS)})\s+|\n|\("
)
#: Where the calibration (``calibrate``) stops reading the words after a
#: number for what they name: a contrast (in any case), and words that end
#: the clause only there: "song", "còn" (also "still", "remaining", so not
#: an end everywhere) and a cause ("do", "vì", "nhờ": the reason is another
#: figure's). Not "và": where it ends the words it is cut already, and a
#: share's whole moved after its number (``parts.share_in_total``) may join
#: two names with it.
OTHER_CLAUSE_WORDS = (*CONTRAST_WORDS, "song", "còn", "do", "vì", "nhờ")
_PARENS = re.compile(r"\([^()]*\)")
_CORRECTED = re.compile(
    r"\s*(?:nhưng\s+|mà\s+)?(?:đúng ra|đúng phải|chính xác|số đúng|con số đúng)"
    r"(?:\s+là|\s+phải là|\s*,)",
    re.IGNORECASE,
)

#: a fact box's item: the number first, then a dash and what it is ("4,31 tỷ
#: đồng – kinh phí khuyến công quốc gia; 12,71 tỷ đồng – …"): the label
LABEL_AFTER = re.compile(r"[^\S\n]*[–—-][^\S\n]+(?P<label>[^\W\d][^;,\n]*)")


@dataclass
class Place:
    sentence: tuple[int, int]
    before_clause: str  # the clause before the quote, without closed parentheses
    before_sentence_plain: str  # the sentence before it, the same way
    in_parens: str  # inside an open parenthesis: from it to the quote
    own: str  # the clause's words since the number before this one
    clause_start: int
    after: str  # the words after it, to the end of its clause
    sentence_text: str
    in_sentence: list[Quote] = field(default_factory=list)
    text: str = ""  # the whole text the sentence is in


def without_parens(text: str) -> str:
    """``text`` with every closed parenthesis (and what it holds) blanked."""
    previous = None
    while previous != text:
        previous = text
        text = _PARENS.sub(lambda m: " " * len(m.group(0)), text)
    return text


#: "tỉnh dẫn đầu năm 2023 với 96,53%": the year is the number's after "với"
_BOUND_YEAR = re.compile(
    r"(?<!\w)năm\s+(?:19|20)\d{2}(?=\s+với\s+(?:khoảng\s+|gần\s+|hơn\s+)?\d)",
    re.IGNORECASE,
)


def unbound(text: str) -> str:
    """``text`` without the years bound to one number after them ("đứng đầu
    năm 2023 với 97%"), when that number is in it: they are in force for
    nothing else."""
    return _BOUND_YEAR.sub(lambda m: " " * len(m.group(0)), text)


def place_of(text: str, sentence, quote: Quote, in_sentence) -> Place:
    start, end = sentence
    before = unbound(without_parens(text[start : quote.start]))
    inner = ""
    if "(" in before:
        cut = before.rfind("(")
        before, inner = before[:cut], text[start + cut + 1 : quote.start]
    clauses = CLAUSE_BREAK.split(before)
    clause = clauses[-1]
    since = max((q.end - start for q in in_sentence if q.end <= quote.start), default=0)
    own = unbound(without_parens(text[start : quote.start]))[since:]
    own = CLAUSE_BREAK.split(own)[-1]
    if since:  # "46/48 đề án theo kế hoạch, tăng từ 40": the words after a
        own = own.split(",")[-1]  # number's comma are the next one's
    if len(clauses) > 1 and _CORRECTED.match(clause):
        # "số thực hiện là 7,82 tỷ là chưa chính xác; đúng ra là 7,28 tỷ":
        # the corrected number is what the clause before named
        clause = own = ";".join(clauses[-2:])
    clause_start = start + len(before) - len(clause)
    after = text[quote.end : end]
    found = AFTER_END.search(after)
    label = LABEL_AFTER.match(after)
    if label and not re.search(r"[^\W\d_]", clause):  # nothing before it
        clause = own = label["label"]
        after, found = "", None
    return Place(
        sentence=sentence,
        before_clause=clause,
        before_sentence_plain=before,
        in_parens=inner,
        own=own,
        clause_start=clause_start,
        after=after[: found.start()] if found else after,
        sentence_text=text[start:end],
        in_sentence=in_sentence,
        text=text,
    )


def carried(state: Cues, span: str, quotes=(), offset: int = 0, areas_in=None) -> Cues:
    """The year, period and area in force after ``span`` (a sentence, or
    the part of one before a quote): the last named outside parentheses
    and comparisons, before the sentence's last quote."""
    plain = unbound(without_parens(_unwrapped(span)))
    if quotes:
        plain = plain[: max(q.start for q in quotes) - offset]
    result = Cues(
        year=state.year,
        months=state.months,
        period_named=state.period_named,
        areas=state.areas,
    )
    start = end = -1
    for match, year, months in periods_in(plain):
        result.year = year or result.year
        start, end = match.span()
        if months is None and same_period(plain, match):
            continue  # "cùng kỳ năm 2023": the months in force stay
        result.months, result.period_named = months, True
    this_year = [m.start() for m in THIS_YEAR.finditer(plain) if m.start() > start]
    if this_year:  # "năm nay": the year of writing, which the text does not say
        result.year = None
        # "năm nay" names the year, not a period: the months in force stay
        # ("Cùng kỳ năm 2024 … 7,09 tỷ. Năm nay số giải ngân giảm 13,53%")
    if areas_in is not None:  # the area a sentence is about: named before its numbers
        subject = plain[: min(q.start for q in quotes) - offset] if quotes else plain
        raw = _unwrapped(span)[: len(subject)]  # "toàn tỉnh (cũ)": its marks kept
        named = areas_in(subject)
        if named and all(area < 0 for area in named) and BEFORE_MERGER.search(raw):
            # "Sáu tháng đầu năm, khi chưa hợp nhất, hai địa phương cũ cộng lại
            # …": the old ones then; the sentences after are of the merged one
            named = frozenset(-area for area in named)
        result.areas = named or _merged_again(raw, result.areas)
    return result


#: "Lũy kế 11 tháng, toàn tỉnh giải ngân …": the whole province the subject
#: (not "toàn tỉnh (cũ)", "toàn tỉnh khi chưa hợp nhất", "của cả tỉnh")
_WHOLE_SUBJECT = re.compile(
    rf"(?<!của\s)(?<!cho\s)(?<!với\s)(?<!trong\s)(?<!khắp\s)(?:{WHOLE_PROVINCE})"
    r"(?!\s*\(\s*cũ|\s+(?:khi|lúc)\s+chưa|\s+trước)",
    re.IGNORECASE,
)


def _merged_again(subject: str, areas: frozenset) -> frozenset:
    """The merged province again after its old provinces together were in
    force ("Sáu tháng đầu năm, hai tỉnh cũ giải ngân …. Lũy kế 11 tháng,
    toàn tỉnh giải ngân …", "… Sau hợp nhất, thành phố bổ sung …")."""
    if not areas or any(area > 0 for area in areas) or BEFORE_MERGER.search(subject):
        return areas
    if _WHOLE_SUBJECT.search(subject) or AFTER_MERGER.search(subject):
        return frozenset(-area for area in areas)
    return areas


_CONTRAST = re.compile(
    r"(?<!\w)(?:khác|ngược lại|trái với|không như|không giống|giống như|cũng như"
    r"|tương tự|vượt|hơn|kém)(?!\w)",
    re.IGNORECASE,
)


def kept_for(state: Cues, place: Place, quote: Quote, areas_in) -> Cues:
    """What is in force for ``quote``: ``carried`` over its sentence before
    it, and the area the sentence is about, named before its first number
    (when that is not ``quote``) and no other since ("Hải Phòng (gộp Hải
    Dương) thì số thực chi giảm 13,54%, …; tỷ lệ giải ngân chỉ tăng 0,01
    điểm phần trăm": Hải Phòng's rate, not that of the area the sentence
    before was about)."""
    kept = carried(state, place.before_sentence_plain, ())
    earlier = [q.start for q in place.in_sentence if q.end <= quote.start]
    if earlier:
        plain = place.before_sentence_plain
        opening = plain[: earlier[0] - place.sentence[0]]
        subject = areas_in(opening)
        # by its name ("tỉnh mới", "hai tỉnh" may be the old ones together),
        # not in contrast ("Khác với Hải Phòng, tỉnh tăng …")
        named = subject and not WHOLE_WORDS.search(plain) and subject == areas_in(plain)
        if named and not _CONTRAST.search(opening):
            kept.areas = subject
    return kept


def _unwrapped(span: str) -> str:
    """A sentence that is one parenthesis ("(số liệu đến hết 30/11/2025)",
    a line of its own under a heading) is no aside on a number: what it
    names is in force as any sentence's is. Its marks blanked."""
    inner = span.strip()
    if (
        inner.startswith("(")
        and inner.endswith(")")
        and not _PARENS.sub("", inner[1:-1]).count(")")
    ):
        return span.replace("(", " ", 1)[::-1].replace(")", " ", 1)[::-1]
    return span


THIS_YEAR = re.compile(r"(?<!\w)năm\s+(?:nay|này)(?!\w)", re.IGNORECASE)
LAST_YEAR = re.compile(r"(?<!\w)năm\s+(?:trước|ngoái)(?!\w)", re.IGNORECASE)
_GOES_ON = re.compile(
    r"\s*(?:chiếm|đạt|bằng|tăng|giảm|cao hơn|thấp hơn|và|gấp)\b", re.IGNORECASE
)


def previous_value(quote: Quote, place: Place, money=None) -> Quote | None:
    """The amount or count before ``quote`` that a percentage is of: in its
    clause, or before it when the clause goes on with no subject of its own
    ("…; chiếm 77,32%"). Not a plan in a pair, an older value or a change;
    an amount when the whole is one."""
    found = _last_value(quote, place, place.clause_start, money)
    if found is None and _GOES_ON.match(place.before_clause):
        found = _last_value(quote, place, place.sentence[0], money)
    return found


def _last_value(quote: Quote, place: Place, since: int, money) -> Quote | None:
    found = None
    for other in place.in_sentence:
        if other.start >= quote.start:
            break
        if (
            other.start >= since
            and other.kind in ("amount", "count")
            and (not other.in_parens or _same_parens(other, quote, place))
            and other.role not in ("plan", "old")
            and not other.sign
            and (money is None or (other.kind == "amount") == money)
            and not _BASE_BEFORE.search(
                place.sentence_text[: other.start - place.sentence[0]]
            )
        ):
            found = other
    return found


# "giải ngân 7,1 tỷ đồng trên kế hoạch 7,4 tỷ đồng, tăng 9%", "đạt 92% kế
# hoạch 6,4 tỷ đồng, giảm 3%": the plan is what the amount before it is
# measured against, not what changed
_BASE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:trên|so với)|%|\d\s*phần trăm)\s+(?:tổng\s+)?(?:kế hoạch|dự toán)"
    r"(?:\s+[^\W\d]+){0,3}\s*$",
    re.IGNORECASE,
)


def _same_parens(other: Quote, quote: Quote, place: Place) -> bool:
    """ "(10.947,5 tr.đ; 33,95% KH)": a percentage in the parenthesis of
    the amount before it is of that amount (not a change: "(năm 2024: 126
    sản phẩm, tăng 17,46%)" is of the number before the parenthesis)."""
    offset = place.sentence[0]
    between = place.sentence_text[other.end - offset : quote.start - offset]
    return quote.in_parens and not re.search(r"[()]|tăng|giảm|hơn", between, re.I)


def words_between(previous: Quote, quote: Quote, place: Place) -> str:
    """The words between two quotes of a sentence, other quotes (and their
    nouns: "với 3 đề án") blanked."""
    offset = place.sentence[0]
    between = list(place.sentence_text[previous.end - offset : quote.start - offset])
    for other in place.in_sentence:
        if previous.end <= other.start < quote.start:
            for i in range(other.start - previous.end, other.end - previous.end):
                between[i] = " "
    return "".join(between)


def around(text: str, quote: Quote, start: int, end: int) -> tuple[str, str, str]:
    """The quote with up to 120 characters of its sentence either side."""
    return (
        text[max(start, quote.start - 120) : quote.start],
        text[quote.start : quote.end],
        text[quote.end : min(end, quote.end + 120)],
    )


def names_a_place(header: str) -> bool:
    """Words that name a place: capitalised, "cũ"/"mới" or a note in
    parentheses aside ("Thái Nguyên (cũ)", "Bắc Kạn"), no period or group
    ("Quý II"). A column so headed is an area's, of the caption's unit."""
    words = [
        word
        for word in re.sub(r"\([^()]*\)", " ", header).split()
        if word.lower() not in ("cũ", "mới")
    ]
    return (
        len(words) >= 2
        and all(word[:1].isupper() for word in words)
        and not any(_NOT_A_PLACE.fullmatch(word) for word in words)
    )


#: capitalised words of a period, a group or a number, no place's
_NOT_A_PLACE = re.compile(r"[IVX]+|\d+|Quý|Tháng|Năm|Đợt|Nhóm|Loại|Tổng|Cộng", re.I)
