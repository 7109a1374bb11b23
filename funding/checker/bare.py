"""Amounts printed without their unit, where the text gives it elsewhere:

* a report's note "Đơn vị tính: triệu đồng" ("ĐVT: tỷ đồng") holds for the
  numbers after it ("1.1. Nguồn KCQG: kế hoạch 2.500; thực hiện 2.446,8");
* in a sentence that prints an amount with its unit, the decimals around it
  take that unit ("Hết T9 là 19.482,5 → riêng T10 1.864,2 tr.đ", "KH 28,2
  tỷ đ (BN cũ 14,5 + BG 13,2)"): a chat report or a table written as prose.

Either way a bare number is an amount only in a slot of a list or a
label: right after a separator ("(", ";", "+", ":", "→", a table's
"|"), a word of a
list or a measure ("là", "lần lượt", "từ", "kế hoạch", "giải ngân"), a
fund, or a name or abbreviation ("BG", "Tuyên Quang cũ", "T9"). After a
word of another measure ("tốc độ tăng trưởng 9,5", "diện tích 9.674,2",
"phiên bản 2,38") or another number ("0260 3.862") it is not. A bare whole
number with neither a decimal comma nor a thousands dot ("kế hoạch 300")
is an amount only under a unit note and right after a label (a measure, a
fund, a colon): elsewhere it is an item number, a count or a code. Dates,
codes ("38/BC-SCT"), times and phone numbers are never amounts; nor is a
number with a word of its own after it ("2 tháng", "3 cán bộ")."""

from __future__ import annotations

import re

from .columns import MONEY_WORDS, unit_word
from .lists import measure_roles, pair_roles
from .measures import MEASURE_LABELS
from .report import Quote
from .tables import UNIT_NOTE

__all__ = ["bare_amounts"]

#: a number in full ("8.649,7", "19.482,5", "14,5") or a whole one ("8.900",
#: "520", "9": a whole one of one or two digits only in billions)
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+"
#: one, not inside a code, a date or a time
_BARE = re.compile(
    rf"(?<![\w.,/:%–-])(?P<n>{_NUMBER})"
    r"(?![\w/%:]|[.,]\d)"
    # what may follow: an end, a separator, an arrow, a sum's "+", "và"
    r"(?=\s*(?:[,;)+→=]|\.(?!\d)|$|\n|\(|(?:và|so với|trên)\s))"
)
#: "Cộng nội dung 1 (KH/TH): 2.000/1.957,1": a pair of bare amounts
_BARE_PAIR = re.compile(
    rf"(?<![\w.,/:%–-])(?P<a>{_NUMBER})\s*/\s*(?P<b>{_NUMBER})"
    # a third, labelled too ("(KH/TH/Tỷ lệ): 6.500/6.260/96,3"): a rate
    rf"(?:\s*/\s*(?P<c>{_NUMBER}))?"
    r"(?![\w/%:]|[.,]\d)(?=\s*(?:[,;)]|\.(?!\d)|$|\n))"
)
#: a decimal comma or a thousands dot: a number written in full, no
#: item number or count
_IN_FULL = re.compile(r"[.,]")
#: words right before a number that make it a code, a rank or a date
_NOT_AMOUNT_BEFORE = re.compile(
    r"(?<!\w)(?:ngày|số|mục|khoản|điều|điểm|tuần|phiên|lần thứ|hạng|năm|quý|tháng"
    r"|quyết định|nghị định|thông tư|ĐT|điện thoại|hotline|fax|mã|phòng"
    r"|đường dây nóng|tổng đài|liên hệ)\s*:?\s*$"
    r"|[/–-]\s*$",
    re.IGNORECASE,
)
#: a label a whole number's amount follows: a measure, a fund, a colon
_LABEL_WORDS = rf"{MEASURE_LABELS}|ước|lũy kế|KCQG|KC[ĐD]P|còn|là|đạt"
_LABEL_BEFORE = re.compile(rf"(?:(?<!\w)(?:{_LABEL_WORDS})|[:+])\s*$", re.IGNORECASE)
#: a list's or a label's slot: what a bare amount of any kind follows (the
#: label words, and those of a list, a change or a fund)
_SLOT_BEFORE = re.compile(
    rf"(?:[(:;,+→=–\n|-]|(?<!\w)(?:{_LABEL_WORDS}|và|lần lượt|từ|lên|xuống|có|cũ"
    r"|mới|riêng|gồm|tổng|cộng|tăng|giảm|thêm|hơn|kém|chênh lệch|bổ sung|khoảng"
    r"|gần|xấp xỉ|trên|quốc gia|địa phương))\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|\n")
_PRINTED_UNIT = re.compile(rf"(?:{MONEY_WORDS})$")


def bare_amounts(text: str, quotes: list[Quote], make) -> list[Quote]:
    """The bare amounts of ``text`` not among ``quotes`` (see the module);
    ``make(start, end, unit)`` makes one quote, or None."""
    note = UNIT_NOTE.search(text)
    taken = [(q.start, q.end) for q in quotes]
    amounts = [
        (q, unit_word(printed.group(0)))
        for q in quotes
        if q.kind == "amount" and (printed := _PRINTED_UNIT.search(q.text))
    ]
    found = []
    for match in _BARE_PAIR.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if match["c"] and measure_roles(before) is None:
            taken.append(match.span())
            continue  # "12/3/2024" and the like: no labels, no amounts
        for group, role in zip("ab", pair_roles(before), strict=True):
            at = match.span(group) if group == "a" else (match.start(), match.end("b"))
            quote = _bare(text, at, taken, note, amounts, make)
            if quote is not None:
                quote.role = role
                found.append(quote)
        taken.append(match.span())
    for match in _BARE.finditer(text):
        quote = _bare(text, match.span("n"), taken, note, amounts, make)
        if quote is not None:
            found.append(quote)
    return found


def _bare(text, span, taken, note, amounts, make) -> Quote | None:
    start, end = span
    if any(s < end and start < e for s, e in taken) or _table_row(text, start):
        return None
    number = text[start:end].split("/")[-1].strip()
    if not _IN_FULL.search(number) and (1900 <= int(number) <= 2099):
        return None  # a year
    before = text[max(0, start - 30) : start]
    if _NOT_AMOUNT_BEFORE.search(before) or not _in_slot(before):
        return None
    unit = _unit(text, start, number, before, note, amounts)
    return make(end - len(number), end, unit) if unit else None


def _in_slot(before: str) -> bool:
    """Whether a bare number after ``before`` stands in a list's or a
    label's slot (see the module): a name or an abbreviation ("BG", "T9",
    "6T") counts, a plain number or a word of another measure does not."""
    if _SLOT_BEFORE.search(before):
        return True
    words = before.split()
    last = words[-1] if words else ""
    return last[:1].isupper() or (
        any(c.isdigit() for c in last) and any(c.isalpha() for c in last)
    )


def _unit(text, start, number, before, note, amounts) -> str:
    """The unit a bare number at ``start`` takes, or ""."""
    if note is not None and note.end() <= start:
        unit = unit_word(note["unit"])
        if _IN_FULL.search(number):
            return unit
        # a whole one: after a label, and of three digits unless in billions
        short = len(number) < 3 and unit != "tỷ đồng"
        return unit if _LABEL_BEFORE.search(before) and not short else ""
    if not _IN_FULL.search(number):
        return ""
    nearest = min(
        ((q, unit) for q, unit in amounts if _same_sentence(text, q, start)),
        key=lambda pair: abs(pair[0].start - start),
        default=None,
    )
    return nearest[1] if nearest is not None else ""


def _same_sentence(text: str, quote: Quote, at: int) -> bool:
    low, high = sorted((quote.start, at))
    return _SENTENCE_END.search(text, low, high) is None


def _table_row(text: str, at: int) -> bool:
    """Inside a table's row (cells separated by tabs): ``tables`` reads it."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return "\t" in text[line_start : line_end if line_end >= 0 else len(text)]
