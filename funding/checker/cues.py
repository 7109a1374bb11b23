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
from .funds import alternation as _alternation
from .funds import fund_named
from .named import area_names, content_words, indicator_pattern
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
WHOLE_WORDS = re.compile(
    r"(?<!\w)(?:(?:cả\s+)?hai tỉnh|các tỉnh|cộng lại|tỉnh mới|(?:tỉnh\s+)?\w+\s+\(mới\))"
    r"(?!\w)",
    re.IGNORECASE,
)
#: "ba tỉnh cũ giải ngân lần lượt …": each its own, not together
_EACH = re.compile(r"(?<!\w)(?:lần lượt|tương ứng)(?!\w)", re.IGNORECASE)
#: "… lần lượt 4,3 và 3,1 tỷ, cộng 7,4 tỷ": the total after them
_ADDED = re.compile(r"(?<!\w)(?:cộng|tổng)(?!\w)", re.IGNORECASE)
#: An area no figure is of: the old provinces when the data holds none.
NO_AREA = frozenset({0})
#: The provinces a merged one was made of, together ("hai tỉnh cũ cộng
#: lại", "ba tỉnh cũ", "các tỉnh cũ"), not the merged one.
OLD_WHOLE_WORDS = re.compile(
    r"(?<!\w)(?:(?:cả\s+)?(?:hai|ba|bốn|[2-4])|các)\s+tỉnh(?:\s*\(|\s+)"
    r"(?:cũ|trước đây|trước khi (?:hợp nhất|sáp nhập))(?!\w)",
    re.IGNORECASE,
)
_COUNT_WORDS = {"hai": 2, "ba": 3, "bốn": 4}


def _count(words: str) -> int | None:
    """How many old provinces "hai tỉnh cũ", "3 tỉnh cũ" names, if any."""
    first = words.split()[0].lower()
    if first == "cả":
        first = words.split()[1].lower()
    return int(first) if first.isdigit() else _COUNT_WORDS.get(first)


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


def _measure(span: str, first: bool = False):
    """The last measure named (the first: the subject's); an estimate
    ("ước … giải ngân") stays one."""
    span = _FUNDED_BY.sub(" ", span)
    found = [MEASURE_WORDS[int(m.lastgroup[1:])][0] for m in _MEASURES.finditer(span)]
    if not found:
        return None
    chosen = found[0] if first else found[-1]
    if chosen == Figure.Measure.EXECUTED and Figure.Measure.ESTIMATE in found:
        return Figure.Measure.ESTIMATE
    return chosen


def names_two_measures(span: str) -> bool:
    """Whether ``span`` names more than one measure ("Dự toán và số đã
    thanh toán"): it then names none of its own for what is under it."""
    return _measure(span, first=True) != _measure(span)


class Context:
    """What the article names, read once: areas, indicators and contents."""

    def __init__(
        self, figures: list[Figure], extra_areas=(), wholes=frozenset(), old=()
    ):
        self.wholes = frozenset(wholes)
        #: the area keys of merged provinces' predecessors added up, and
        #: each of those keys → the predecessors' own area keys
        parts_of = old if isinstance(old, dict) else {}
        self.old_parts = {whole: frozenset(parts) for whole, parts in parts_of.items()}
        self.old_wholes = frozenset(old)
        areas = {f.area_id: f.area for f in figures}
        areas.update({a.pk: a for a in extra_areas})
        names: dict[str, set[int]] = {}
        for area in areas.values():
            for name in area_names(area):
                names.setdefault(name.lower(), set()).add(area.pk)
        self.area_names = {k: frozenset(v) for k, v in names.items()}
        #: provinces that ended (in the 2025 merger), whose names live on
        self.ended = frozenset(pk for pk, a in areas.items() if a.valid_to)
        ordered = sorted(self.area_names, key=len, reverse=True)
        self._areas = re.compile(
            "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in ordered) or "(?!x)x",
            re.IGNORECASE,
        )
        indicators = list({f.indicator_id: f.indicator for f in figures}.values())
        self.indicator_words = [(i, indicator_pattern(i)) for i in indicators]
        self._indicators = _alternation(self.indicator_words)
        contents = {f.content_id: f.content for f in figures}
        self.content_words = content_words(contents.values(), indicators)
        self._contents = _alternation(self.content_words)
        # A check reads the same spans again and again (each number of a
        # sentence, each reading tried): each span once, by this context.
        self._read: dict[tuple[str, bool], Cues] = {}
        self._areas_read: dict[str, frozenset] = {}
        self._spans_read: dict[str, list] = {}

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

    def _era(self, found: frozenset, span: str, match) -> frozenset:
        """Of a name both a province that ended in the merger and today's
        one bear: the old one when "cũ" follows it or the words before
        say "trước khi hợp nhất", today's after "sau hợp nhất"."""
        old, new = found & self.ended, found - self.ended
        if not old or not new:
            return found
        before = span[: match.start()]
        if _OLD_NAME.match(span, match.end()):
            return old
        last_before = max(
            (m.end() for m in _BEFORE_MERGER.finditer(before)), default=-1
        )
        last_after = max((m.end() for m in _AFTER_MERGER.finditer(before)), default=-1)
        if last_before > last_after:
            return old
        if last_after > last_before:
            return new
        return found

    def _named_together(self, span: str, whole) -> bool:
        """ "Cà Mau cũ và Bạc Liêu cộng lại": the areas named, added up (a
        set), not the merged province."""
        return (
            "cộng" in whole[0].lower()
            and len(self.area_spans(span[: whole.start()])) > 1
        )

    def _merged_of(self, found: frozenset) -> frozenset:
        """The merged province the old provinces ``found`` are part of."""
        return frozenset(
            -whole
            for whole, parts in self.old_parts.items()
            if found and found <= parts
        )

    def area_spans(self, span: str) -> list[tuple[int, int]]:
        """Where ``span`` names an area, in order."""
        found = self._spans_read.get(span)
        if found is None:
            found = self._spans_read[span] = [
                m.span() for m in self._areas.finditer(span)
            ]
        return list(found)

    def areas_listed(self, span: str) -> list[frozenset]:
        """The areas ``span`` names, in order, each once."""
        found: list[frozenset] = []
        for match in self._areas.finditer(span):
            area = self.area_names[match.group(0).lower()]
            if area not in found:
                found.append(area)
        return found

    def areas_in(self, span: str) -> frozenset:
        found = self._areas_read.get(span)
        if found is None:
            found = self._areas_read[span] = self._areas_in(span)
        return found

    def _areas_in(self, span: str) -> frozenset:
        found, position, last = frozenset(), -1, None
        for match in self._areas.finditer(span):
            # "A giải ngân nhiều nhất, gấp 1,7 lần B": B is compared with,
            # A is what the span is about; "tỉnh A thuộc khu vực B": B only
            # describes A
            if last is None or not (
                _COMPARED_WITH.search(span[: match.start()])
                or _DESCRIBED.fullmatch(span, last.end(), match.start())
            ):
                last, position = match, match.start()
        if last is not None:
            found = self._era(self.area_names[last.group(0).lower()], span, last)
            merged = self._merged_of(found)
            if merged and _WHOLE_PROVINCE.search(span, last.end()):
                # "…, cộng 2,47 tỷ của B, toàn tỉnh 5,62 tỷ": B's merged
                # province, which B is now part of
                return merged
        named = list(WHOLE_WORDS.finditer(span))
        whole = named[-1] if named else None
        old = list(OLD_WHOLE_WORDS.finditer(span))
        last_old = old[-1] if old else None
        if last_old is not None and last_old.start() >= position:
            each = _EACH.search(span, last_old.end())
            if each and not _ADDED.search(span, each.end()):
                # "hai tỉnh cũ lần lượt 3 và 2 tỷ": each one of them, unnamed
                return frozenset().union(*self.old_parts.values()) or NO_AREA
            counts = {len(parts) for parts in self.old_parts.values()}
            if (count := _count(last_old[0])) and count not in counts:
                # "ba tỉnh cũ" where two were merged: none of the data
                return NO_AREA
        if (
            last_old is not None
            and last_old.start() >= position
            and (
                whole is None
                or whole.start() - last_old.end() < 4
                or "cộng" in whole[0]
            )
        ):
            # "kế hoạch của ba tỉnh cũ"; with none stored, no area of the data
            return self.old_wholes or NO_AREA
        if (
            whole is not None
            and whole.start() >= position
            and self.wholes
            and not _before_the_mergers(span[: whole.start()])
            and not self._named_together(span, whole)
        ):
            return self.wholes
        return found


def _before_the_mergers(span: str) -> bool:
    """ "Tính đến hết tháng 11/2024, tỉnh mới giải ngân 7,09 tỷ": a period
    before the 2025 mergers makes "tỉnh mới" "the province only just", not
    the merged province (a comparison's year aside)."""
    return any(year and year < 2025 for _m, year, _months in periods_in(span))


_EARNED = re.compile(
    r"(?<!\w)(?:doanh thu|doanh số|lợi nhuận|kim ngạch|giá trị sản xuất)(?!\w)", re.I
)
_COMPARED_WITH = re.compile(
    r"(?:gấp\s+(?:hơn\s+|gần\s+)?[\d,.]+\s+lần|so với|cao hơn|thấp hơn|nhiều hơn"
    r"|ít hơn)\s+(?:(?:tỉnh|thành phố)\s+)?$",
    re.IGNORECASE,
)
#: "tỉnh A thuộc khu vực B", "A (nằm trong vùng B)": the words between two
#: areas that make the second a description of the first
_DESCRIBED = re.compile(
    r"\s*(?:[(,]\s*)?(?:thuộc|nằm trong)\s+(?:(?:vùng|khu vực|miền)\s+)?",
    re.IGNORECASE,
)
#: "toàn tỉnh", "cả tỉnh": the whole province, after an old one's name
_WHOLE_PROVINCE = re.compile(
    r"(?<!\w)(?:toàn|cả)\s+(?:tỉnh|thành phố)(?!\s+(?:cũ|trước))(?!\w)"
    # "phần của B là 63,13% trên 19,8 tỷ đồng": the whole a share is of
    r"|\d\s*%\s+(?:trên|của)\s+(?:tổng\s+)?$",
    re.IGNORECASE,
)
_BEFORE_MERGER = re.compile(
    r"trước\s+(?:khi\s+)?(?:hợp nhất|sáp nhập|sắp xếp)", re.IGNORECASE
)
_AFTER_MERGER = re.compile(
    r"sau\s+(?:khi\s+)?(?:hợp nhất|sáp nhập|sắp xếp)", re.IGNORECASE
)
_OLD_NAME = re.compile(r"\s*\(?\s*(?:cũ|trước đây)(?!\w)", re.IGNORECASE)
