"""What the words around a number say it is: the year and period, the
fund, the measure, the area, the indicator and the programme content (see
the package).

Words that say the number is not a figure of the data are cues too: a
target ("phấn đấu", "mục tiêu": the measure ``target``, which the data
rarely holds) or what is left ("chưa giải ngân", "còn lại": a measure no
figure has)."""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, field

from ..core.models import Figure, Indicator
from .area_cues import AreaReader
from .funds import alternation as _alternation
from .funds import fund_named
from .named import content_words, indicator_pattern
from .periods import WHOLE_YEAR, periods_in, same_period

__all__ = ["LEFT", "NOT_MEASURED", "Context", "Cues", "periods_in", "same_period"]

#: a capital letter: the "TH" of "TH True Milk" starts a name, no bulletin
_CAPITALS = "".join(
    c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha()
)
#: "KH"/"TH" read as plan/executed only where no name follows ("KH: …",
#: "(TH 8,5 tỷ)", "TH/KH"), not "TH True Milk", "KH Group"
_NOT_A_NAME = rf"(?!\s+(?-i:[{_CAPITALS}]))"

NOT_MEASURED = "-"  # "vốn đối ứng": a measure no figure has
LEFT = "left"  # "chưa giải ngân", "còn lại": the plan less what was executed
MEASURE_WORDS = [
    (
        LEFT,
        r"chưa (?:được )?(?:giải ngân|thực hiện|sử dụng|chi)(?: hết)?|còn lại"
        r"|không (?:giải ngân|thực hiện|sử dụng|chi) hết"
        r"|còn phải (?:giải ngân|thực hiện)|(?:phải|cần) (?:giải ngân|thực hiện) thêm"
        r"|hụt",
    ),
    (NOT_MEASURED, r"tiết kiệm|vốn đối ứng|đối ứng|vốn đầu tư|tổng mức đầu tư"),
    (
        Figure.Measure.TARGET,
        # "số đề nghị quyết toán": what was spent, put up for settlement
        r"phấn đấu|mục tiêu|đề xuất|đề nghị(?!\s+quyết toán)|kiến nghị|định mức|tối đa",
    ),
    (
        Figure.Measure.PLAN,
        # "kế hoạch (vốn) lũy kế", "được giao lũy kế": what was assigned in
        # all, a plan (not what was done to date)
        r"(?:kế hoạch|được giao|giao|dự toán)(?:\s+\w+)?\s+lũy kế"
        r"|kế hoạch|được giao|giao theo|dự toán|được duyệt|bố trí"
        # a bulletin's "KH" (kế hoạch), not the "KH" of "KH&CN" (khoa học)
        r"|(?-i:KH)(?![&\w])"
        + _NOT_A_NAME
        + r"|(?:sẽ|dự kiến)(?:\s+(?:được\s+)?(?:triển khai|thực hiện|hỗ trợ|giải ngân"
        r"|đào tạo|tổ chức))?",
    ),
    (Figure.Measure.ESTIMATE, r"ước thực hiện|ước đạt|ước tính|\bước\b"),
    (
        Figure.Measure.EXECUTED,
        # "tỷ lệ thực hiện kế hoạch": what was done of the plan, the plan
        # its base
        # (and "tỷ lệ so với dự toán": the same, the verb left out)
        r"tỷ lệ (?:(?:thực hiện|giải ngân|hoàn thành|quyết toán)(?: so với)?|so với)"
        r" (?:kế hoạch|dự toán)"
        r"|thực hiện|giải ngân|triển khai|đã tư vấn|đạt được"
        # a treasury's "(đã) thanh toán": paid out, spent
        r"|thanh toán"
        # money spent: "thực chi", "đã chi", "đã dùng"
        r"|thực chi|đã (?:chi|dùng|sử dụng|tiêu)|(?-i:TH)(?![&\w])"
        + _NOT_A_NAME
        # a settlement report's "quyết toán" (against its "dự toán"): spent
        + r"|(?:đề nghị\s+)?quyết toán"
        # "lũy kế tăng 13%": what was done to date (a plan is not summed)
        r"|lũy kế",
    ),
]


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
    #: "cùng kỳ năm 2023": that year, the months in force (not the whole year)
    same_period: bool = False


def _last(regex: re.Pattern, values: list, span: str):
    found = None
    for match in regex.finditer(span):
        found = values[int(match.lastgroup[1:])]
    return found


_MEASURES = _alternation(MEASURE_WORDS)
#: "do ngân sách tỉnh bố trí": who funds it, not the plan
_FUNDED_BY = re.compile(r"(?<!\w)do\s+[^,;.()]{1,40}?\s+bố trí(?!\w)", re.I)


#: "bố trí 18.200 triệu đồng để thực hiện 52 đề án": a purpose, what the
#: money is for, names no measure; the verb before it says it ("đã giải
#: ngân … để thực hiện" spent, "bố trí … để thực hiện" planned); nor does
#: the subject of a report ("tình hình thực hiện 08 đề án": of those planned)
_PURPOSE = re.compile(
    r"(?<!\w)(?:để|nhằm|tình hình)\s+(?:triển khai\s+)?thực hiện(?!\w)", re.I
)


def _measure(span: str, first: bool = False):
    """The last measure named (the first: the subject's); an estimate
    ("ước … giải ngân") stays one."""
    span = _PURPOSE.sub(" ", _FUNDED_BY.sub(" ", span))
    found = [MEASURE_WORDS[int(m.lastgroup[1:])][0] for m in _MEASURES.finditer(span)]
    if not found:
        return None
    chosen = found[0] if first else found[-1]
    if chosen == Figure.Measure.EXECUTED and Figure.Measure.ESTIMATE in found:
        return Figure.Measure.ESTIMATE
    return chosen


class Context(AreaReader):
    """What the article names, read once: areas, indicators and contents."""

    def __init__(
        self, figures: list[Figure], extra_areas=(), wholes=frozenset(), old=()
    ):
        super().__init__(figures, extra_areas, wholes, old)
        indicators = list({f.indicator_id: f.indicator for f in figures}.values())
        self.indicator_words = [(i, indicator_pattern(i)) for i in indicators]
        self._indicators = _alternation(self.indicator_words)
        contents = {f.content_id: f.content for f in figures}
        self.content_words = content_words(contents.values(), indicators)
        self._contents = _alternation(self.content_words)
        # A check reads the same spans again and again (each number of a
        # sentence, each reading tried): each span once, by this context.
        self._read: dict[tuple[str, bool], Cues] = {}

    def subject_measure(self, span: str):
        return _measure(span, first=True)

    def cues(self, span: str, compared: bool = False) -> Cues:
        """What ``span`` names; a copy the caller may change."""
        read = self._read.get((span, compared))
        if read is None:
            read = self._read[span, compared] = self._cues(span, compared)
        return copy(read)

    def _cues(self, span: str, compared: bool) -> Cues:
        cues = Cues()
        periods = list(periods_in(span, compared))
        # "ước cả năm", "9T …, cả năm 8,64": the whole year (of the year in
        # force or named before), when said after any other period
        whole = [m.start() for m in WHOLE_YEAR.finditer(span)]
        if periods:
            match, year, cues.months = periods[-1]
            cues.year = year or next((y for _m, y, _n in reversed(periods) if y), None)
            cues.period_named = True
            if whole and whole[-1] >= match.end():
                cues.months = None
            elif cues.months is None and same_period(span, match):
                cues.period_named, cues.same_period = False, True
        elif whole:
            cues.months, cues.period_named = None, True
        cues.fund = fund_named(span)
        cues.measure = _measure(span)
        cues.areas = self.areas_in(span)
        cues.indicator = _last(
            self._indicators, [i for i, _ in self.indicator_words], span
        )
        cues.content = self._content(span)
        earned = [m.start() for m in _EARNED.finditer(span)]
        if cues.indicator is None and earned:
            # "doanh thu 4,2 tỷ đồng" (no indicator's), after any measure word
            measures = [m.start() for m in _MEASURES.finditer(span)]
            if earned[-1] > max(measures, default=-1):
                cues.measure = NOT_MEASURED
        return cues

    def _content(self, span: str) -> int | None:
        """The last content named, but not inside a proper name ("Trung tâm
        Khuyến công và Tư vấn phát triển công nghiệp")."""
        found = None
        for match in self._contents.finditer(span):
            before = span[: match.start()].rstrip()
            in_name = match.group(0)[:1].isupper() and before[-1:].isalpha()
            if not in_name:
                found = self.content_words[int(match.lastgroup[1:])][0]
        return found


_EARNED = re.compile(
    r"(?<!\w)(?:doanh thu|doanh số|lợi nhuận|kim ngạch|giá trị sản xuất)(?!\w)", re.I
)
