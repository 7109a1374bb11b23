"""Text typed without diacritics ("ke hoach 18,2ty, dat 63%", "giam 5% so
voi cung ky"): readers and officials write so on social media and in
quick messages. The checker reads such words as if typed with their marks,
through a copy of the text in which they are put back, letter for letter:
a Vietnamese letter with its marks is one character (NFC), so every
position in the copy is the same as in the text, and a quote keeps the
text as printed.

Only words that cannot be read otherwise are put back: phrases of the
domain ("ke hoach", "giai ngan", "so voi"), the counted nouns and the
areas' names of the reference data, and short words whose meaning shows
next to a number ("tang 5%", "dat 63%", "nam 2024", "9 thang", "12 ty")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..core.models import Area
from .english import Copy, in_vietnamese
from .glossary import expanded
from .report import MISMATCH, UNSURE

# Phrases read the same wherever they stand (written without marks).
_PHRASES = (
    "kế hoạch",
    "thực hiện",
    "giải ngân",
    "khuyến công",
    "quốc gia",
    "địa phương",
    "kinh phí",
    "so với",
    "cùng kỳ",
    "đề án",
    "dự án",
    "dự toán",
    "cơ sở",
    "sản phẩm",
    "mô hình",
    "trình diễn",
    "hỗ trợ",
    "cao hơn",
    "thấp hơn",
    "nhiều hơn",
    "ít hơn",
    "điểm phần trăm",
    "cả nước",
    "toàn quốc",
    "toàn tỉnh",
    "cả tỉnh",
    "toàn vùng",
    "năm nay",
    "năm ngoái",
    "năm trước",
    "năm tới",
    "đầu năm",
    "cuối năm",
    "tháng đầu",
    "trong đó",
    "từ đầu năm",
    "được",
    "còn lại",
    "tỷ lệ",
    "tỷ trọng",
    "tổng số",
    "tổng cộng",
    "mục tiêu",
    "tối đa",
    "tối thiểu",
    "nguồn",
    "riêng",
    "chiếm",
    "ước tính",
    "trung ương",
    "KCĐP",
)
# Short words, put back only next to a number: (word, what must follow,
# what must precede).
_NUMBER = r"[+\-−]?\d"
_BEFORE_NUMBER = r"(?=\s+(?:(?:tu|len|hon|gan|khoang|them|duoc|lan)\s+)?[+\-−]?\d)"
_AFTER_NUMBER = r"(?<=\d)"
# "dat" is also "đất" (land): not after a word that calls for land
_LAND = "".join(
    rf"(?<!{word}\s)"
    for word in ("quy", "quỹ", "tich", "tích", "dung", "dụng", "thue", "thuê")
    + ("giao", "mat", "mặt", "lo", "lô", "thua", "thửa", "khu", "cap", "cấp")
)
_SHORT = (
    ("tăng", _BEFORE_NUMBER, ""),
    ("giảm", _BEFORE_NUMBER, ""),
    ("đạt", _BEFORE_NUMBER, _LAND),
    ("bằng", _BEFORE_NUMBER, ""),
    ("gấp", _BEFORE_NUMBER, ""),
    ("từ", rf"(?=\s+{_NUMBER})", ""),
    ("lên", rf"(?=\s+{_NUMBER})", ""),
    ("xuống", rf"(?=\s+{_NUMBER})", ""),
    ("còn", rf"(?=\s+{_NUMBER})", ""),
    ("hơn", rf"(?=\s+{_NUMBER})", ""),
    ("gần", rf"(?=\s+{_NUMBER})", ""),
    ("khoảng", rf"(?=\s+{_NUMBER})", ""),
    ("trên", rf"(?=\s+{_NUMBER})", ""),
    ("dưới", rf"(?=\s+{_NUMBER})", ""),
    ("năm", r"(?=\s+(?:19|20)\d\d(?!\d))", ""),
    ("tháng", rf"(?=\s+{_NUMBER})", ""),
    ("quý", r"(?=\s+(?:[IV]+|\d)(?!\w))", ""),
    ("năm", "", r"(?<=\d\s)"),
    ("tháng", "", r"(?<=\d\s)"),
    ("lần", "", r"(?<=\d\s)"),
    # "83,05 phan tram", "giam 0,39 diem phan tram": a rate's unit in words
    # (not after a year: "Nam 2024 phan tram giai ngan …")
    ("phần trăm", "", r"(?<!(?:19|20)\d\d\s)(?<=\d\s)"),
    ("điểm phần trăm", "", r"(?<!(?:19|20)\d\d\s)(?<=\d\s)"),
)
# Words put back that may also be another word ("dat": đạt or đất,
# "tang": tăng or tầng, "bang": bằng or bảng, "con": còn or con): a reading
# that rests on one is never sure of a mismatch.
_DOUBTFUL = frozenset({"đạt", "tăng", "bằng", "còn"})
# Units after a number, glued or not ("11,48ty", "2.861 trieu", "5 ty dong").
_UNITS = ("tỷ đồng", "triệu đồng", "nghìn đồng", "tỷ", "triệu", "nghìn", "đồng")


_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]*", re.DOTALL)


def composed(text: str) -> tuple[str, list[int] | None]:
    """``text`` in NFC (a letter and its marks one character, as the checker
    reads), and for each position in it, and its end, the position in
    ``text``; None when ``text`` is in NFC already."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces, where = [], []
    for cluster in _CLUSTER.finditer(text):
        letter = unicodedata.normalize("NFC", cluster.group(0))
        pieces.append(letter)
        where += [cluster.start()] * len(letter)
    where.append(len(text))
    return "".join(pieces), where


def as_given(quotes, given: str, where: list[int] | None) -> None:
    """Each quote where it stands in the text as the caller gave it (not in
    NFC): the editor's highlight covers the whole printed number."""
    if where is None:
        return
    for quote in quotes:
        quote.start, quote.end = where[quote.start], where[quote.end]
        quote.text = given[quote.start : quote.end]


def fold(text: str) -> str:
    """``text`` without its marks, letter for letter ("Đạt" → "Dat")."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def with_marks(text: str, names=()) -> str:
    """``text`` with the marks put back on the words this module knows
    (``names``: more phrases, e.g. counted nouns and areas' names), of the
    same length. Linear: only a word without marks that starts a known
    phrase is tried."""
    by_first = _compiled(tuple(sorted(set(names))))
    out, done, doubtful = None, 0, []
    for word in _ASCII_WORD.finditer(text):
        if word.start() < done:
            continue
        for pattern, restored in by_first.get(word.group(0).lower(), ()):
            found = pattern.match(text, word.start())
            if found:
                out = out if out is not None else list(text)
                out[found.start() : found.end()] = _cased(found.group(0), restored)
                done = found.end()
                if restored in _DOUBTFUL:
                    doubtful.append((found.start(), found.end()))
                break
    if out is None:
        return text
    marked = Marked("".join(out))
    marked.doubtful = tuple(doubtful)
    return marked


class Marked(str):
    """The text with its marks put back, and where a word put back may be
    another word (``_DOUBTFUL``)."""

    doubtful: tuple = ()


_ASCII_WORD = re.compile(r"(?<![^\W\d_])[a-zA-Z]+(?![^\W\d_])")


def _cased(printed: str, restored: str) -> str:
    """``restored`` with the case of each letter of ``printed``."""
    return "".join(
        old if new == " " else new.upper() if old.isupper() else new
        for old, new in zip(printed, restored, strict=True)
    )


def reading_copy(text: str, names=(), abbreviations=None) -> str:
    """The text as the checker reads it: English words of the domain in
    Vietnamese (``english``), else the abbreviations the text defines
    written out (``glossary``); words typed without marks with their marks."""
    copy = in_vietnamese(text)
    if not isinstance(copy, Copy):
        copy = expanded(text, abbreviations or {})
    marked = with_marks(copy, names)
    if isinstance(copy, Copy):
        doubtful = getattr(marked, "doubtful", ())
        marked = Copy(marked)
        marked.edits, marked.doubtful = copy.edits, doubtful
    return marked


def unsure_after_doubtful_words(findings, doubtful) -> None:
    """A mismatch read just after a word put back that may be another word
    ("dat 20%": đạt or đất) is unsure: the reading rests on a guess."""
    for finding in findings:
        start = finding.quote.start
        if finding.verdict == MISMATCH and any(
            end <= start and start - end <= 30 for _begin, end in doubtful
        ):
            finding.verdict = UNSURE
            finding.confidence = min(finding.confidence, 0.3)


def as_printed(quotes, read: str, text: str) -> None:
    """Each quote where it stands in ``text`` and as printed there (it was
    read in ``read``, ``reading_copy(text)``): what the editor and the
    reader see."""
    for quote in quotes:
        printed = read[quote.start : quote.end] == quote.text
        if isinstance(read, Copy):
            quote.start, quote.end = read.back(quote.start, quote.end)
        if printed or isinstance(read, Copy):
            quote.text = text[quote.start : quote.end]


@lru_cache(maxsize=8)
def _compiled(names: tuple[str, ...]) -> dict[str, list]:
    """First word without marks → (pattern, the phrase with its marks),
    longest phrase first."""
    entries = []

    def add(word: str, after: str = "", before: str = ""):
        plain = fold(word)
        if plain == word or len(plain) != len(word):
            return
        spelled = r"\s".join(re.escape(part) for part in plain.split(" "))
        pattern = re.compile(rf"{before}{spelled}{after}(?![^\W\d_])", re.IGNORECASE)
        entries.append((plain.split(" ")[0].lower(), pattern, word))

    for phrase in _PHRASES:
        add(phrase)
    for phrase in names:  # a short word of one syllable may be another
        if " " in phrase.strip() or len(phrase) > 4:
            add(" ".join(phrase.split()))
    for word, after, before in _SHORT:
        add(word, after, before)
    for unit in _UNITS:  # after a number, glued or not
        add(unit, before=r"(?:(?<=\d)|(?<=\d\s))")
    by_first: dict[str, list] = {}
    for first, pattern, word in sorted(entries, key=lambda e: -len(e[2])):
        by_first.setdefault(first, []).append((pattern, word))
    return by_first


def area_names() -> tuple[str, ...]:
    """The areas' names of more than one word ("Nghệ An", "Thanh Hóa")."""
    names = Area.objects.values_list("short_name", flat=True)
    return tuple(sorted({n for n in names if " " in n.strip()}))


# Initials of a counted noun established in the domain's writing ("38 sp":
# sản phẩm); others are other words ("HC": huy chương, "CS": cảnh sát)
SHORT_NOUNS = frozenset({"sp"})


def with_short_nouns(nouns: dict) -> dict:
    """The counted nouns, and their established shorthand by initials
    (``SHORT_NOUNS``, read only in lower case: ``is_short_noun``)."""
    short = {}
    for noun, indicator in nouns.items():
        syllables = fold(noun).lower().split()
        initials = "".join(s[0] for s in syllables)
        if len(syllables) == 2 and initials in SHORT_NOUNS:
            short.setdefault(initials, []).append(indicator)
    extra = {k: v[0] for k, v in short.items() if len(v) == 1 and k not in nouns}
    return {**nouns, **extra}


#: Words that count turns, not things: a counted noun they head ("lượt
#: người") is printed by them alone once a text has named it in full
#: ("1.352 lượt người, bằng 90% kế hoạch 1.500 lượt")
_COUNTING_HEADS = frozenset({"lượt"})
#: a counting word heading another noun ("1.600 lượt truy cập", "12 lượt
#: kiểm tra", "45 lượt doanh nghiệp"): a count of something else (not "lượt
#: tham gia tập huấn": those trained)
_OTHER_COUNTED = re.compile(
    r"[^\S\n]+(?:truy cập|xem|khách|tham quan|kiểm tra|giám sát"
    r"|tham (?:dự|gia)(?!\s+(?:các\s+)?(?:lớp\s+)?(?:đào tạo|tập huấn|dạy nghề))"
    r"|doanh nghiệp|cơ sở|đơn vị|hộ|gian hàng|phương tiện|xe|tin|bài|chia sẻ"
    r"|tương tác|tiếp cận|thăm|giao dịch|đăng ký|hỏi đáp|đọc|thích|bình luận)(?!\w)",
    re.IGNORECASE,
)


def with_heads_named(text: str, nouns: dict) -> dict:
    """``nouns``, and the counting word that heads one of them
    (``_COUNTING_HEADS``) where ``text`` prints that noun in full after a
    number: the word alone then repeats it."""
    extra = {}
    for noun, indicator in nouns.items():
        head, *rest = noun.split()
        if head not in _COUNTING_HEADS or not rest or head in nouns:
            continue
        if re.search(rf"\d\s+{re.escape(noun)}(?!\w)", text, re.IGNORECASE):
            extra.setdefault(head, []).append(indicator)
    return {**nouns, **{k: v[0] for k, v in extra.items() if len(v) == 1}}


def upper_case_initials(printed: str) -> bool:
    """``printed`` ("SP", "Sp") is a shorthand not in lower case: an
    abbreviation of something else, no counted noun."""
    return printed.lower() in SHORT_NOUNS and printed != printed.lower()


def heads_another(noun: str, text: str, end: int) -> bool:
    """``noun`` is a counting word alone (``_COUNTING_HEADS``) that heads
    another noun after it in ``text``: no count of the indicator."""
    return noun.lower() in _COUNTING_HEADS and bool(_OTHER_COUNTED.match(text, end))
