"""What the words around a number say it is: the year and period, the
fund, the measure, the area and the indicator (see the package)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.models import Area, Figure, Indicator

_YEAR = re.compile(
    r"(?:(?P<months>\d{1,2})\s+tháng(?:\s+đầu)?(?:\s+năm)?\s+|năm\s+|cùng kỳ\s+)"
    r"(?P<year>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
FUND_WORDS = [
    (Figure.Fund.KCQG, r"khuyến công quốc gia|\bKCQG\b|ngân sách trung ương"),
    (
        Figure.Fund.KCDP,
        r"khuyến công địa phương|\bKC[ĐD]P\b|ngân sách địa phương|kinh phí địa phương",
    ),
    (Figure.Fund.ALL, r"toàn vùng|tổng kinh phí|các nguồn|tổng nguồn"),
]
MEASURE_WORDS = [
    (Figure.Measure.PLAN, r"kế hoạch|được giao|giao theo|dự toán|được duyệt"),
    (Figure.Measure.ESTIMATE, r"ước thực hiện|ước đạt|ước tính"),
    (Figure.Measure.EXECUTED, r"thực hiện|giải ngân|triển khai|đã tư vấn|đạt được"),
]
NATION_WORDS = r"cả nước|toàn quốc"


@dataclass
class Cues:
    year: int | None = None
    months: int | None = None  # None: the whole year
    period_named: bool = False
    fund: str | None = None
    measure: str | None = None
    area: Area | None = None
    indicator: Indicator | None = None


def _last(patterns, span: str):
    best, position = None, -1
    for value, pattern in patterns:
        for match in re.finditer(pattern, span, re.IGNORECASE):
            if match.start() > position:
                best, position = value, match.start()
    return best


def periods_in(span: str):
    for match in _YEAR.finditer(span):
        months = int(match["months"]) if match["months"] else None
        if months is not None and not 1 <= months <= 12:
            continue
        yield match, int(match["year"]), (None if months == 12 else months)


class Context:
    """What the article names, read once: areas and indicators to look for."""

    def __init__(self, figures: list[Figure]):
        self.areas = {f.area_id: f.area for f in figures}
        self.area_words = []
        nation = None
        for area in self.areas.values():
            if area.kind == Area.Kind.NATION:
                nation = area
                continue
            names = {area.name, area.short_name, *area.aliases.splitlines()}
            if area.kind == Area.Kind.REGION:
                names |= {"toàn vùng", "khu vực"}
            pattern = "|".join(re.escape(n.strip()) for n in names if n.strip())
            self.area_words.append((area, pattern))
        if nation is not None:
            self.area_words.append((nation, NATION_WORDS))
        self.indicator_words = []
        for indicator in {f.indicator_id: f.indicator for f in figures}.values():
            words = indicator.name.split()
            if words and words[0].lower() == "số" and len(words) > 1:
                words = words[1:]
            self.indicator_words.append(
                (indicator, re.escape(" ".join(words[:2]).lower()))
            )

    def cues(self, span: str) -> Cues:
        cues = Cues()
        periods = list(periods_in(span))
        if periods:
            _match, cues.year, cues.months = periods[-1]
            cues.period_named = True
        cues.fund = _last(FUND_WORDS, span)
        cues.measure = _last(MEASURE_WORDS, span)
        cues.area = _last(self.area_words, span)
        cues.indicator = _last(self.indicator_words, span)
        return cues
