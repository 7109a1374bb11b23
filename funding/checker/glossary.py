"""Abbreviations a text defines for itself: a bulletin's glossary ("Viết
tắt: GN – giải ngân; ĐA – đề án; T7, T11 – tháng 7, tháng 11; 6T, 10T –
6, 10 tháng đầu năm"). The checker reads each abbreviation as its long
form, through a copy of the text (``english.Copy``: a map back to the text
as printed), so that "15 ĐA", "2,45 đpt" and "GN 11T/2025" read as "15 đề
án", "2,45 điểm phần trăm", "giải ngân 11 tháng đầu năm 2025"; a quote keeps
the text as printed. Only what the text itself defines is expanded."""

from __future__ import annotations

import re

from .english import Copy

__all__ = ["defined_abbreviations", "expanded"]

#: the glossary: "Viết tắt:", "Chữ viết tắt:", up to the end of its line
_GLOSSARY = re.compile(r"(?<!\w)(?:chữ\s+)?viết\s+tắt\s*:\s*(?P<entries>[^\n]+)", re.I)
#: an entry: the abbreviations (a list), a dash, the long form(s)
_ENTRY = re.compile(r"^\s*(?P<short>[^–—:]+?)\s+[–—-]\s+(?P<long>.+?)\s*$")
#: an abbreviation: one token, with a capital, a digit or a dot in it
_SHORT = re.compile(r"[^\W_][\w.]{0,8}")
_NUMBER = re.compile(r"\d{1,2}")


def defined_abbreviations(texts) -> dict[str, str]:
    """Each abbreviation ``texts`` define → its long form: in a glossary,
    inline ("(BN = Bắc Ninh, BG = Bắc Giang)"), after their long form
    ("kế hoạch (KH)"); and, in a text written in a bulletin's shorthand,
    the shorthand every such report uses (``_CONVENTIONAL``)."""
    texts = list(texts)
    found = conventional_abbreviations(texts)
    for text in texts:
        for glossary in _GLOSSARY.finditer(text):
            for entry in re.split(r";|\.\s", glossary["entries"]):
                found.update(_entry(entry))
        for inline in _INLINE.finditer(text):
            found[inline["short"]] = inline["long"].strip()
        for after in _AFTER_LONG.finditer(text):
            # a word is some letters long: the words "(KH)" needs are near
            window = text[
                max(0, after.start() - 40 * len(after["short"])) : after.start()
            ]
            long = _long_before(window, after["short"])
            if long:
                found[after["short"]] = long
    return found


#: "BN = Bắc Ninh": an abbreviation (capitals) defined where it is used
_INLINE = re.compile(
    r"(?<![\w=])(?P<short>[A-ZĐ][A-ZĐ0-9]{1,5})\s*=\s*"
    r"(?P<long>[^\W\d_][^\W\d_]*(?:\s+[^\W\d_]+){0,4}?)\s*(?=[,;)]|$)",
    re.MULTILINE,
)
#: "Trung tâm Khuyến công (TTKC)", "kế hoạch (KH)": the long form first
_AFTER_LONG = re.compile(r"\s*\((?P<short>[A-ZĐ]{2,6})\)")


def _long_before(before: str, short: str) -> str:
    """The words right before "(KH)" whose initials spell it, if they do."""
    words = before.split()[-len(short) :]
    initials = "".join(w[0].upper() for w in words)
    return " ".join(words) if len(words) == len(short) and initials == short else ""


#: The shorthand of bulletins and chat reports, which they do not define:
#: read only in a text that uses at least two of them (its register), so
#: that a "Q1" (quận 1) or a "T1" in ordinary prose stays what it is.
_CONVENTIONAL = {
    "GN": "giải ngân",
    "đ/a": "đề án",
    "Đ/a": "đề án",
    "Đ/A": "đề án",
    "ĐA": "đề án",
    "đpt": "điểm phần trăm",
    "CS": "cơ sở",
    "ko": "không",
    "KP": "kinh phí",
    "TW": "trung ương",
    **{f"T{n}": f"tháng {n}" for n in range(1, 13)},
    **{f"{n}T": f"{n} tháng đầu năm" for n in range(1, 13)},
    **{f"Q{n}": f"quý {roman}" for n, roman in enumerate(("I", "II", "III", "IV"), 1)},
}
_CONVENTIONAL_TOKEN = re.compile(
    r"(?<![\w./])(?:"
    + "|".join(map(re.escape, sorted(_CONVENTIONAL, key=len, reverse=True)))
    + r")(?!\w)"
)


def conventional_abbreviations(texts) -> dict[str, str]:
    """The conventional shorthand ``texts`` use, if they use two kinds or
    more ("Q1 và Q3" are one kind: districts of a city as likely)."""
    used = {m.group(0) for text in texts for m in _CONVENTIONAL_TOKEN.finditer(text)}
    kinds = {re.sub(r"\d+|(?<= )[IV]+$", "#", _CONVENTIONAL[short]) for short in used}
    return {short: _CONVENTIONAL[short] for short in used} if len(kinds) >= 2 else {}


def _entry(entry: str) -> dict[str, str]:
    match = _ENTRY.match(entry)
    if match is None:
        return {}
    shorts = [s.strip() for s in match["short"].split(",")]
    longs = [s.strip() for s in match["long"].split(",")]
    if not all(_abbreviation(s) for s in shorts):
        return {}
    if len(shorts) == 1:
        return {shorts[0]: match["long"].strip()}
    if len(shorts) == len(longs) and not all(n.isdigit() for n in longs[:-1]):
        # "T7, T11 – tháng 7, tháng 11"
        return dict(zip(shorts, longs, strict=True))
    # "6T, 10T, 11T – 6, 10, 11 tháng đầu năm": the last one's words after
    # its number, for each
    words = _NUMBER.sub("{}", longs[-1], count=1)
    if "{}" not in words:
        return {}
    found = {}
    for short in shorts:
        number = _NUMBER.search(short)
        if number is None:
            return {}
        found[short] = words.format(number.group(0))
    return found


def _abbreviation(short: str) -> bool:
    return bool(
        _SHORT.fullmatch(short)
        and (any(c.isupper() or c.isdigit() for c in short) or "." in short)
        or short.islower()
        and 2 <= len(short) <= 4
        and short.isalpha()
    )


def expanded(text: str, abbreviations: dict[str, str]) -> str:
    """``text`` with each abbreviation outside its glossary written out (a
    ``Copy`` when anything changed). One followed by "/2025" and written
    out as "… năm" takes the year: "11T/2025" → "11 tháng đầu năm 2025"."""
    if not abbreviations:
        return text
    shorts = sorted(abbreviations, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(?P<short>" + "|".join(map(re.escape, shorts)) + r")"
        r"(?:(?P<slash>/)(?=(?:19|20)\d{2}(?!\d))|(?!\w))"
    )
    skip = [m.span() for m in _GLOSSARY.finditer(text)]
    pieces, edits, done, shift = [], [], 0, 0
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in skip):
            continue
        new, end = abbreviations[match["short"]], match.end("short")
        if match["slash"] and new.endswith("năm"):
            new, end = new + " ", match.end()
        pieces += [text[done : match.start()], new]
        copy_start = match.start() + shift
        edits.append((copy_start, copy_start + len(new), match.start(), end))
        shift += len(new) - (end - match.start())
        done = end
    if not edits:
        return text
    copy = Copy("".join(pieces) + text[done:])
    copy.edits = tuple(edits)
    return copy
