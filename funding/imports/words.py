"""The words of the spreadsheets figures come in: column headers, funding
sources, measures, periods and units as people write them, and the
reference data (indicators, programme contents, areas) they name, read
once per file. Used by ``funding.imports.plan`` to interpret each row.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from khuyencong.text import fold as _fold_text

from ..core.models import Area, Figure, Indicator, ProgrammeContent
from ..core.periods import Period
from ..core.units import unit_word

# Folded header -> what the column holds.
HEADERS = {
    "chi tieu": "indicator",
    "tinh, thanh pho": "area",
    "tinh/thanh pho": "area",
    "tinh thanh pho": "area",
    "tinh": "area",
    "dia ban": "area",
    "khu vuc": "area",
    "nguon kinh phi": "fund",
    "nguon": "fund",
    "noi dung": "content",
    "noi dung chuong trinh": "content",
    "nam": "year",
    "ky": "period",
    "ky bao cao": "period",
    "don vi": "unit",
    "don vi tinh": "unit",
    "dvt": "unit",
    "ke hoach": Figure.Measure.PLAN,
    "thuc hien": Figure.Measure.EXECUTED,
    "uoc thuc hien": Figure.Measure.ESTIMATE,
    "loai so lieu": "measure",
    "gia tri": "value",
    "ghi chu": "note",
    "lam tron": "rounding",
}
MEASURE_COLUMNS = {
    Figure.Measure.PLAN,
    Figure.Measure.EXECUTED,
    Figure.Measure.ESTIMATE,
}
KNOWN = set(HEADERS)

SOURCE_WORDS = {
    "": Figure.Fund.ALL,
    "tat ca": Figure.Fund.ALL,
    "tat ca nguon": Figure.Fund.ALL,
    "tong": Figure.Fund.ALL,
    "kcqg": Figure.Fund.KCQG,
    "quoc gia": Figure.Fund.KCQG,
    "khuyen cong quoc gia": Figure.Fund.KCQG,
    "kcdp": Figure.Fund.KCDP,
    "dia phuong": Figure.Fund.KCDP,
    "khuyen cong dia phuong": Figure.Fund.KCDP,
}
#: Unknown area names that get suggestions, per file.
MAX_SUGGESTED = 100
# The same few names recur on every row of a file: fold each once.
fold = lru_cache(maxsize=65536)(_fold_text)

MEASURE_WORDS = {fold(str(label)): value for value, label in Figure.Measure.choices}
AREA_PREFIXES = ("thanh pho ", "tp. ", "tp.", "tp ", "tinh ")


class Lookups:
    """Reference data read once per file."""

    def __init__(self):
        self.indicators = {}
        for indicator in Indicator.objects.all():
            self.indicators[fold(indicator.name)] = indicator
            self.indicators[fold(indicator.code)] = indicator
        self.default_indicator = Indicator.objects.filter(
            code="kinh-phi-khuyen-cong"
        ).first()
        self.contents = {}
        for content in ProgrammeContent.objects.all():
            self.contents[fold(content.name)] = content
            self.contents[fold(content.code)] = content
        self.all_contents = self.contents.get(ProgrammeContent.ALL)
        self.areas: dict[str, list[Area]] = {}
        self.suggested: dict[str, list[str]] = {}
        for area in Area.objects.all():
            names = {area.name, area.short_name, area.code, *area.aliases.splitlines()}
            for name in names:
                key = area_match_key(name)
                if key:
                    self.areas.setdefault(key, []).append(area)

    def by_id(self) -> dict[str, dict]:
        return {
            "indicator": {i.pk: i for i in self.indicators.values()},
            "content": {c.pk: c for c in self.contents.values()},
            "area": {a.pk: a for areas in self.areas.values() for a in areas},
        }

    def area(self, text: str, year: int, day: date | None = None) -> Area | None:
        candidates = {a.pk: a for a in self.areas.get(area_match_key(text), [])}
        valid = [
            a
            for a in candidates.values()
            if (a.valid_from is None or a.valid_from.year <= year)
            and (a.valid_to is None or a.valid_to.year >= year)
        ]
        if not valid:
            return None
        if day is not None and len(valid) > 1:
            # The area as it was on the day the period ends: a 2025 report
            # up to 30/9 names the province after the merger.
            on_day = [
                a
                for a in valid
                if (a.valid_from is None or a.valid_from <= day)
                and (a.valid_to is None or a.valid_to >= day)
            ]
            if len(on_day) == 1:
                return on_day[0]
        # In the merger year both exist: the row means the older one unless
        # only the new one matches.
        return sorted(valid, key=lambda a: a.valid_to is None)[0]

    def content(self, text) -> ProgrammeContent | None:
        """The content a row names: its name or code, or the one content
        whose name the text contains or is contained in, word for word
        ("Hội chợ, triển lãm" → "Tổ chức hội chợ, triển lãm hàng công
        nghiệp nông thôn"); None when none or several match."""
        if text in (None, ""):
            return self.all_contents
        key = fold(str(text))
        if key in self.contents:
            return self.contents[key]
        return _closest(key, self.contents)

    def indicator(self, text) -> Indicator | None:
        """The indicator a row names ("Kinh phí khuyến công quốc gia" is
        the money indicator, its fund named in the words)."""
        if text in (None, ""):
            return self.default_indicator
        key = fold(str(text))
        if key in self.indicators:
            return self.indicators[key]
        return _closest(key, self.indicators)

    def suggest_areas(self, text: str) -> list[str]:
        """Known areas with a name like ``text``; each text is compared once,
        and only the first ``MAX_SUGGESTED`` unknown texts of a file are (a
        comparison with every name takes milliseconds)."""
        key = area_match_key(text)
        if key not in self.suggested:
            if len(self.suggested) >= MAX_SUGGESTED:
                return []
            keys = difflib.get_close_matches(key, list(self.areas), n=3, cutoff=0.6)
            self.suggested[key] = [self.areas[k][0].short_name for k in keys]
        return self.suggested[key]


#: Abbreviations reports use in content names.
ABBREVIATIONS = {"cnnt": "cong nghiep nong thon", "tcn": "tieu thu cong nghiep"}
#: Words that name a fund, not what is counted or supported.
_FUND_WORDS = {"quoc", "gia", "dia", "phuong", "kcqg", "kcdp"}


def _words(key: str) -> set[str]:
    words = re.sub(r"[^a-z0-9]+", " ", key).split()
    return set(" ".join(ABBREVIATIONS.get(w, w) for w in words).split()) - _FUND_WORDS


def _closest(key: str, named: dict):
    """The one object of ``named`` (folded name → object) whose name's
    words all appear in ``key``, or whose words ``key``'s all appear in;
    the most words in common wins; None when none or a tie."""
    words = _words(key)
    if not words:
        return None
    best, best_score, tie = None, (0, 0), False
    for name, obj in named.items():
        other = _words(name)
        if not other or not (other <= words or words <= other):
            continue
        # The most words in common, then the fewest words besides.
        score = (len(other & words), -len(other ^ words))
        if score > best_score:
            best, best_score, tie = obj, score, False
        elif score == best_score and obj is not best:
            tie = True
    return None if tie else best


def area_match_key(text: str) -> str:
    key = fold(str(text or ""))
    for prefix in AREA_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    return re.sub(r"[^a-z0-9]+", " ", key).strip()


def read_period(text, year: int) -> tuple[str, date] | None:
    """ "Cả năm" / "" → the year; "7 tháng" → first 7 months; "30/06/2023" → to date."""
    if isinstance(text, datetime | date):
        day = text.date() if isinstance(text, datetime) else text
        return Figure.PeriodKind.TO_DATE, day
    key = fold(str(text or ""))
    if key in ("", "ca nam", "nam", "12 thang") or re.fullmatch(
        rf"(ca )?nam {year}", key
    ):
        return Figure.PeriodKind.YEAR, Figure.period_end_for(
            Figure.PeriodKind.YEAR, year
        )
    if match := re.fullmatch(r"quy (iv|iii|ii|i|[1-4])(?:(?: nam |/)\d{4})?", key):
        quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(match.group(1)) or int(
            match.group(1)
        )
        period = Period.quarter_of(year, quarter)
        return period.kind, period.end
    if match := re.fullmatch(r"(\d{1,2}) thang( dau nam)?( \d{4})?", key):
        months = int(match.group(1))
        if 1 <= months <= 11:
            return Figure.PeriodKind.MONTHS, Figure.period_end_for(
                Figure.PeriodKind.MONTHS, year, months
            )
    if match := re.fullmatch(r"(den (ngay )?)?(\d{1,2})/(\d{1,2})/(\d{4})", key):
        try:
            return Figure.PeriodKind.TO_DATE, date(
                int(match.group(5)), int(match.group(4)), int(match.group(3))
            )
        except ValueError:
            return None
    return None


#: The rounding of a figure known exactly; one object for the many figures.
EXACT = Decimal(0)


@lru_cache(maxsize=256)
def rounding_step(decimals: int, scale: Decimal) -> Decimal:
    """The step of a figure written with ``decimals`` decimals in a unit of
    ``scale`` đồng; the few steps a file uses are shared by its figures."""
    return Decimal(1).scaleb(-decimals) * scale


def unit_of(header: str) -> str:
    """The unit in a header's parentheses, as ``unit_word`` reads it
    ("Kế hoạch (Trđ)": "triệu đồng"), else as written."""
    match = re.search(r"\(([^)]*)\)", header)
    if not match:
        return ""
    return unit_word(match.group(1)) or match.group(1).strip().lower()
