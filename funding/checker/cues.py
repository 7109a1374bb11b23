"""What the words around a number say it is: the year and period, the
fund, the measure, the area, the indicator and the programme content (see
the package).

Words that say the number is not a figure of the data are cues too: a
target ("phấn đấu", "mục tiêu": the measure ``target``, which the data
rarely holds) or what is left ("chưa giải ngân", "còn lại": a measure no
figure has)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.models import Area, Figure, Indicator, ProgrammeContent

_YEAR = re.compile(
    r"(?:(?P<months>\d{1,2}|[Mm]ười hai|[Mm]ười một|[Mm]ười|[Cc]hín|[Tt]ám|[Bb]ảy|"
    r"[Ss]áu|[Nn]ăm|[Bb]ốn|[Bb]a|[Hh]ai)\s+tháng(?:\s+đầu)?(?:\s+năm)?\s+"
    r"|(?:hết\s+)?tháng\s+(?P<until>\d{1,2})\s*/\s*"
    r"|năm\s+|cùng kỳ\s+|\(\s*)"
    r"(?P<year>(?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)
_MONTH_WORDS = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
}
NOT_MEASURED = "-"  # "chưa giải ngân": a measure no figure has
FUND_WORDS = [
    (Figure.Fund.KCQG, r"khuyến công quốc gia|\bKCQG\b|ngân sách trung ương"),
    (
        Figure.Fund.KCDP,
        r"khuyến công địa phương|\bKC[ĐD]P\b|ngân sách địa phương|kinh phí địa phương",
    ),
    (Figure.Fund.ALL, r"toàn vùng|tổng kinh phí|các nguồn|tổng nguồn|cả hai nguồn"),
]
MEASURE_WORDS = [
    (
        NOT_MEASURED,
        r"chưa (?:được )?(?:giải ngân|thực hiện|sử dụng)|còn lại|tiết kiệm|vốn đối ứng",
    ),
    (Figure.Measure.TARGET, r"phấn đấu|mục tiêu|dự kiến|đề xuất|định mức|tối đa"),
    (Figure.Measure.PLAN, r"kế hoạch|được giao|giao theo|dự toán|được duyệt|bố trí"),
    (Figure.Measure.ESTIMATE, r"ước thực hiện|ước đạt|ước tính|\bước\b"),
    (Figure.Measure.EXECUTED, r"thực hiện|giải ngân|triển khai|đã tư vấn|đạt được"),
]
NATION_WORDS = ["cả nước", "toàn quốc"]
REGION_WORDS = ["toàn vùng", "khu vực", "các tỉnh trong vùng", "toàn khu vực"]
# Words of programme contents too common to tell one from another.
_COMMON = {
    "công nghiệp",
    "nông thôn",
    "khuyến công",
    "thực hiện",
    "hỗ trợ",
    "phát triển",
}


@dataclass
class Cues:
    year: int | None = None
    months: int | None = None  # None: the whole year
    period_named: bool = False
    fund: str | None = None
    measure: str | None = None
    areas: frozenset = field(default_factory=frozenset)  # area ids; empty: none named
    indicator: Indicator | None = None
    content: int | None = None  # a programme content's id


def _alternation(patterns) -> re.Pattern:
    groups = "|".join(
        f"(?P<g{i}>(?<!\\w)(?:{p})(?!\\w))" for i, (_, p) in enumerate(patterns)
    )
    return re.compile(groups or "(?!x)x", re.IGNORECASE)


def _last(regex: re.Pattern, values: list, span: str):
    found = None
    for match in regex.finditer(span):
        found = values[int(match.lastgroup[1:])]
    return found


_FUNDS = _alternation(FUND_WORDS)
_MEASURES = _alternation(MEASURE_WORDS)


def periods_in(span: str, compared: bool = False):
    """(match, year, months or None) of each period named in ``span``; one
    compared with ("so với năm 2023") only when ``compared``."""
    for match in _YEAR.finditer(span):
        months = _months(match)
        if months is not None and not 1 <= months <= 12:
            continue
        is_compared = bool(
            re.search(r"so với[^,;.()]{0,20}$", span[: match.start()], re.IGNORECASE)
        )
        if is_compared and not compared:
            continue
        yield match, int(match["year"]), (None if months == 12 else months)


def _months(match) -> int | None:
    if match["until"]:
        return int(match["until"])
    if not match["months"]:
        return None
    word = match["months"].lower()
    return int(word) if word.isdigit() else _MONTH_WORDS.get(word)


class Context:
    """What the article names, read once: areas, indicators and contents."""

    def __init__(self, figures: list[Figure], extra_areas=()):
        areas = {f.area_id: f.area for f in figures}
        areas.update({a.pk: a for a in extra_areas})
        names: dict[str, set[int]] = {}
        for area in areas.values():
            for name in _area_names(area):
                names.setdefault(name.lower(), set()).add(area.pk)
        self.area_names = {k: frozenset(v) for k, v in names.items()}
        ordered = sorted(self.area_names, key=len, reverse=True)
        self._areas = re.compile(
            "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in ordered) or "(?!x)x",
            re.IGNORECASE,
        )
        indicators = list({f.indicator_id: f.indicator for f in figures}.values())
        self.indicator_words = [(i, _indicator_pattern(i)) for i in indicators]
        self._indicators = _alternation(self.indicator_words)
        contents = {f.content_id: f.content for f in figures}
        self.content_words = _content_words(contents.values(), indicators)
        self._contents = _alternation(self.content_words)

    def cues(self, span: str, compared: bool = False) -> Cues:
        cues = Cues()
        periods = list(periods_in(span, compared))
        if periods:
            _match, cues.year, cues.months = periods[-1]
            cues.period_named = True
        cues.fund = _last(_FUNDS, [v for v, _ in FUND_WORDS], span)
        cues.measure = _last(_MEASURES, [v for v, _ in MEASURE_WORDS], span)
        cues.areas = self.areas_in(span)
        cues.indicator = _last(
            self._indicators, [i for i, _ in self.indicator_words], span
        )
        cues.content = _last(self._contents, [c for c, _ in self.content_words], span)
        return cues

    def areas_in(self, span: str) -> frozenset:
        found = frozenset()
        for match in self._areas.finditer(span):
            found = self.area_names[match.group(0).lower()]
        return found


def _area_names(area: Area) -> set[str]:
    if area.kind == Area.Kind.NATION:
        return set(NATION_WORDS)
    names = {area.name, area.short_name, *area.aliases.splitlines()}
    if area.kind == Area.Kind.REGION:
        names |= set(REGION_WORDS)
    return {n.strip() for n in names if n.strip()}


def _indicator_pattern(indicator: Indicator) -> str:
    words = indicator.name.split()
    if words and words[0].lower() == "số" and len(words) > 1:
        words = words[1:]
    return re.escape(" ".join(words[:2]).lower())


def _bigrams(name: str) -> set[str]:
    tokens = re.findall(r"[^\W\d_]+", name.lower())
    return {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}


def _content_words(contents, indicators) -> list[tuple[int, str]]:
    """Each content (not "all") with the pairs of words only its name has."""
    named = [c for c in contents if c.code != ProgrammeContent.ALL]
    pairs = {c.pk: _bigrams(c.name) for c in named}
    taken = set(_COMMON)
    for indicator in indicators:
        taken |= _bigrams(indicator.name)
    seen: dict[str, int] = {}
    for words in pairs.values():
        for pair in words:
            seen[pair] = seen.get(pair, 0) + 1
    result = []
    for pk, words in pairs.items():
        own = sorted(w for w in words if seen[w] == 1 and w not in taken)
        if own:
            pattern = "|".join(re.escape(w).replace(r"\ ", r"[\s,]+") for w in own)
            result.append((pk, pattern))
    return result
