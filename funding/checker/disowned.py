"""Numbers the text itself calls wrong: a correction notice or a rebuttal
quotes the wrong figure to deny it ("con số “7,1 tỷ đồng” là chưa chính
xác", "không phải 88% mà là 91%", "in nhầm thành 12 tỷ đồng") or only
supposes ("Ví dụ giả định: kế hoạch 10 tỷ đồng, giải ngân 9 tỷ đồng …").
Such a number is no figure of the data, whatever stored figure it is
near: the text does not claim it."""

from __future__ import annotations

import re

from .report import Quote

# the denial after the number, in the same clause ("… là chưa chính xác.",
# not "chưa đúng tiến độ")
_DENIED_AFTER = re.compile(
    r"[”\"’»)]?\s*(?:[^.,;!?\n]{0,40}?\s)?(?:là|thì)?\s*(?:chưa|không)\s+"
    r"(?:hoàn toàn\s+)?(?:chính xác|đúng)(?=\s*(?:[”\"’»,.;:!?)]|$|mà\s))"
    r"|[”\"’»)]?\s*(?:là|bị)\s+(?:sai|nhầm)(?!\w)"
    # "“6,9 tỷ đồng” không khớp với số liệu nào": the quoted number itself
    r"|[”\"’»]\s*(?:lại\s+)?(?:không|chẳng)\s+khớp(?!\w)"
    # a speaker correcting himself ("đạt 76%... à không, xin lỗi, đạt 67%")
    r"|\s*(?:\.\.\.|…|[,–—-])?\s*(?:(?:à|ờ|ồ|ơ)\s+(?:không|nhầm)"
    r"|xin lỗi|(?:tôi\s+)?(?:đọc|nói)\s+nhầm)(?!\w)",
    re.IGNORECASE,
)
# the denial just before it ("không phải 88%", "in nhầm thành “12 tỷ đồng”")
_DENIED_BEFORE = re.compile(
    r"(?<!\w)(?:(?:chứ\s+)?không\s+phải(?:\s+là)?|(?:in|ghi|viết)\s+nhầm(?:\s+(?:thành|là))?"
    r"|nêu\s+sai(?:\s+(?:thành|là))?|sai\s+thành)\s*[“\"‘«]?\s*"
    r"(?:(?:hơn|gần|khoảng|trên)\s+)?$",
    re.IGNORECASE,
)


#: "“6,9 tỷ đồng” không khớp …, và “70%” cũng vậy": a quoted number said
#: to be like one denied before it in the sentence
_ALSO_AFTER = re.compile(r"[”\"’»]\s*cũng\s+(?:vậy|thế|sai)(?!\w)", re.IGNORECASE)
#: a closing quote mark: where a denied number's denial may start
_CLOSING = re.compile(r"[”\"’»]")
#: where a sentence ends ("6.127,45": a dot in a number is no end)
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


#: "Bản gửi hôm thứ Hai ghi nhầm số giải ngân lũy kế … là 8.240,7 triệu
#: đồng": what was written by mistake, named before it (not "ghi nhầm, số
#: đúng là …": the correct one)
_MISWRITTEN_BEFORE = re.compile(
    r"(?<!\w)(?:in|ghi|viết|báo|gõ|nhập)\s+nhầm\s+(?P<what>[^.;!?\n,“\"]{1,80}?)\s+"
    r"(?:là|thành)\s*[“\"‘«]?\s*(?:(?:hơn|gần|khoảng|trên)\s+)?$",
    re.IGNORECASE,
)


def disown(text: str, quote: Quote) -> None:
    """Block ``quote`` when the words around it say it is wrong."""
    before = text[max(0, quote.start - 40) : quote.start]
    miswritten = _MISWRITTEN_BEFORE.search(
        text[max(0, quote.start - 120) : quote.start]
    )
    if not quote.blocked and (
        _DENIED_AFTER.match(text, quote.end)
        or _DENIED_BEFORE.search(before)
        or (miswritten and not re.search(r"đúng|chính xác", miswritten["what"], re.I))
        or _denied_alike(text, quote)
    ):
        quote.blocked = "called wrong"


#: a supposition opening the sentence ("Giả sử …", "Nếu giả định …") or an
#: example called one ("Ví dụ giả định: …"); not "Ví dụ, năm 2024 …", "Lấy
#: ví dụ Điện Biên": a real case, nor "trên giả thiết nguồn vốn ổn định"
_SUPPOSED = re.compile(
    r"^\W*(?:(?:ví dụ|nếu|chẳng hạn)\W+)?(?:giả sử|giả định|giả thiết)(?!\w)"
    r"|(?<!\w)ví dụ(?:\s+minh họa)?\s+giả định(?!\w)",
    re.IGNORECASE,
)


def suppose(text: str, quote: Quote) -> None:
    """Block ``quote`` when its sentence supposes it."""
    start = _sentence_start(text, quote.start, since=max(0, quote.start - 300))
    if not quote.blocked and _SUPPOSED.search(text[start : quote.start]):
        quote.blocked = "supposed"


def _denied_alike(text: str, quote: Quote) -> bool:
    """ "…, và “70%” cũng vậy" after a denial earlier in its sentence."""
    if not _ALSO_AFTER.match(text, quote.end):
        return False
    # a quoted number of its sentence said to be wrong, not any negation
    # before ("không đúng tiến độ"): the sentence's start
    start = _sentence_start(text, quote.start)
    return any(
        _DENIED_AFTER.match(text, m.start())
        for m in _CLOSING.finditer(text, start, quote.start)
    )


def _sentence_start(text: str, pos: int, *, since: int = 0) -> int:
    """Where the sentence holding ``pos`` starts, looking back to ``since``."""
    ends = list(_SENTENCE_END.finditer(text, since, pos))
    return ends[-1].end() if ends else since


def disown_repeats(quotes: list[Quote]) -> None:
    """Block every other printing of a number the text calls wrong, in any
    part: a rebuttal quotes the wrong figure where it reports the claim
    ("bài báo phản ánh “chỉ giải ngân được 5,2 tỷ đồng”") and denies it
    elsewhere ("…, chứ không phải 5,2 tỷ đồng"). Neither is a claim of the
    text. A denial that repeats the number bare ("chứ không phải hơn 15%")
    denies it with the direction the claim gave it ("tăng hơn 15%")."""
    denied = {_printed(q) for q in quotes if q.blocked == "called wrong"}
    for quote in quotes:
        bare = _printed(quote, signed=False)
        if not quote.blocked and (_printed(quote) in denied or bare in denied):
            quote.blocked = "called wrong"


def _printed(quote: Quote, signed: bool = True) -> tuple:
    noun = quote.indicator.pk if quote.indicator is not None else None
    return quote.kind, quote.value, quote.sign if signed else 0, noun
