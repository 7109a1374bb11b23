"""English lines of a bilingual article ("Disbursed in January-September:
VND 31 billion (63% of the plan)", "Up 12% year on year", "completed 83
projects"): the checker reads them through a copy of the text in which
the English words of the domain are put in Vietnamese ("31 tỷ đồng",
"tăng 12% so với cùng kỳ", "83 đề án"), with a map from positions in the
copy back to the text, so that a quote still stands where it is printed.

An English number is written the English way ("12.5", "1,200"): in the
copy it is written the Vietnamese way ("12,5", "1.200")."""

from __future__ import annotations

import re
from bisect import bisect_right

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_COUNTS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {
    "billion": "tỷ đồng",
    "bn": "tỷ đồng",
    "million": "triệu đồng",
    "m": "triệu đồng",
}

_RULES = [
    (  # "VND 31 billion", "31 billion VND", "VND 12.5bn"
        rf"(?:VND|VNĐ)\s?(?P<n>{_NUMBER})\s?(?P<scale>billion|million|bn|m)\b"
        rf"|(?P<n2>{_NUMBER})\s?(?P<scale2>billion|million|bn)\s+(?:VND|VNĐ|dong)\b",
        lambda m: (
            f"{_vietnamese(m['n'] or m['n2'])} "
            f"{_SCALE[(m['scale'] or m['scale2']).lower()]}"
        ),
    ),
    (
        r"\b(?:up|rose|rising|increased|grew|higher)(?:\s+by)?(?=\s+\d)",
        lambda m: "tăng",
    ),
    (
        r"\b(?:down|fell|falling|decreased|declined|lower)(?:\s+by)?(?=\s+\d)",
        lambda m: "giảm",
    ),
    (
        r"\byear[- ]on[- ]year\b|\bfrom a year (?:earlier|before)\b"
        r"|\bover the same period (?:of |in )?last year\b",
        lambda m: "so với cùng kỳ",
    ),
    (r"\b(?P<a>\d+) of (?P<b>\d+)\b(?!\s*%)", lambda m: f"{m['a']}/{m['b']}"),
    (
        r"\bof (?:the|its|their) (?:annual |year's |yearly )?plan\b",
        lambda m: "kế hoạch",
    ),
    (r"\bthe national plan\b", lambda m: "kế hoạch cả nước"),
    (r"\bnational industrial promotion\b", lambda m: "khuyến công quốc gia"),
    (r"\blocal industrial promotion\b", lambda m: "khuyến công địa phương"),
    (r"\bindustrial promotion\b", lambda m: "khuyến công"),
    (r"\b(?:annual |yearly )?plan\b", lambda m: "kế hoạch"),
    (r"\bdisburs(?:ed|ement)\b|\bspent\b", lambda m: "giải ngân"),
    (r"\b(?:reached|achieved)\b", lambda m: "đạt"),
    (r"\bshare of\b", lambda m: "tỷ trọng trong"),
    (r"\baccount(?:s|ed)? for\b", lambda m: "chiếm"),
    (r"\bprojects?\b", lambda m: "đề án"),
    (
        r"\b(?:in |during )?(?:the )?first (?P<count>\w+) months(?: of)?\b",
        lambda m: _months(m["count"]),
    ),
    (
        rf"\bjanuary\s?[-–]\s?(?P<to>{'|'.join(_MONTHS[1:])})\b",
        lambda m: f"{_MONTHS.index(m['to'].lower()) + 1} tháng",
    ),
    (r"\b(?:in|of)\s+(?P<y>(?:19|20)\d{2})\b", lambda m: f"năm {m['y']}"),
]
_PATTERN = re.compile(
    "|".join(f"(?P<r{i}>{rule})" for i, (rule, _make) in enumerate(_RULES)),
    re.IGNORECASE,
)
# a line holding English words at all (most articles hold none)
_ENGLISH = re.compile(
    r"\b(?:the|of|and|billion|million|plan|year|projects?|disbursed|up|down)\b",
    re.IGNORECASE,
)
# English words of such lines: a sentence is read in English only when
# these are a good share of its words and it has few Vietnamese words
# (a loanword, "start-up", "plan", leaves a Vietnamese sentence as it is)
_WORD_LIST = (
    "the of and in on at to by for from with its their this that is was were "
    "are be has have had a an as than over under year years billion million "
    "bn vnd plan plans annual project projects disbursed disbursement spent "
    "up down rose fell increased decreased grew reached achieved share "
    "account accounts accounted national local industrial promotion budget "
    "province provincial total first months month same period last earlier "
    "before compared while per cent percent funds fund programme program "
    "completed supported support products product fairs"
)
_WORDS = frozenset([*_WORD_LIST.split(), *_MONTHS, *_COUNTS])
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?;](?=\s|$)|$)", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+")


def _is_english(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    marked = sum(not w.isascii() for w in words)
    english = sum(w.lower() in _WORDS for w in words)
    return english >= 2 and 2 * english >= len(words) - marked and marked <= 1


def _vietnamese(number: str) -> str:
    """An English number written the Vietnamese way."""
    return number.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _months(word: str) -> str:
    word = word.lower()
    count = (
        int(word)
        if word.isdigit()
        else _COUNTS.index(word) + 1
        if word in _COUNTS
        else 0
    )
    return f"{count} tháng đầu năm" if 1 <= count <= 12 else word


class Copy(str):
    """The text as read, with a map back to the text as printed."""

    edits: tuple = ()  # (start in the copy, end in the copy, start, end)
    doubtful: tuple = ()  # words put back that may be others (``unaccented``)

    def back(self, start: int, end: int) -> tuple[int, int]:
        """Where ``start:end`` of the copy stands in the text."""
        if not self.edits:
            return start, end
        return self._at(start, True), self._at(end, False)

    def _at(self, position: int, is_start: bool) -> int:
        index = bisect_right([e[0] for e in self.edits], position) - 1
        if index < 0:
            return position
        copy_start, copy_end, start, end = self.edits[index]
        if is_start and position < copy_end:
            return start
        if not is_start and position == copy_start:
            return start
        if not is_start and position <= copy_end:
            return end
        return position - copy_end + end


def _english_matches(text: str):
    """The matches of the rules in the sentences of ``text`` written in
    English."""
    for sentence in _SENTENCE.finditer(text):
        if _is_english(sentence.group(0)):
            yield from _PATTERN.finditer(text, sentence.start(), sentence.end())


def in_vietnamese(text: str) -> str:
    """``text`` with the English words of the domain in Vietnamese (a
    ``Copy`` when anything changed)."""
    if not _ENGLISH.search(text):
        return text
    pieces, edits, done, shift = [], [], 0, 0
    for match in _english_matches(text):
        index = int(match.lastgroup[1:])
        new = _RULES[index][1](match)
        if new == match.group(0):
            continue
        pieces += [text[done : match.start()], new]
        copy_start = match.start() + shift
        edits.append((copy_start, copy_start + len(new), match.start(), match.end()))
        shift += len(new) - (match.end() - match.start())
        done = match.end()
    if not edits:
        return text
    copy = Copy("".join(pieces) + text[done:])
    copy.edits = tuple(edits)
    return copy
