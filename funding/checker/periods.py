"""The periods a text names: "năm 2024", "7 tháng đầu năm 2023", "hết
tháng 9/2025" ("hết tháng 9 năm 2025"), "quý I/2024", "lũy kế 11 tháng",
"tính đến hết tháng 10";
which of them are compared with ("so với năm 2023", "cao hơn năm 2023")
which are "cùng kỳ" (that year's part of the period in force), and the
parts of a year ("riêng quý IV", "từ 1/7 đến 31/12/2025") and their months."""

from __future__ import annotations

import calendar
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import NamedTuple

from .compared import COMPARED_BEFORE, compared_at
from .measures import MEASURE_LABELS

_MONTH_NAMES = (
    r"\d{1,2}|[Mm]ười hai|[Mm]ười một|[Mm]ười|[Cc]hín|[Tt]ám|[Bb]ảy|[Ss]áu|[Nn]ăm|[Bb]ốn"
    r"|[Bb]a|[Hh]ai"
)
_YEAR = re.compile(
    rf"(?:(?P<months>(?:{_MONTH_NAMES})(?=\s+tháng)|nửa(?=\s+đầu))(?:\s+tháng)?"
    r"(?:\s+đầu)?(?:\s+năm)?\s+"
    # "hết tháng 9/2025", "đến hết tháng 9 năm 2025"
    r"|(?:(?:đến\s+)?hết|lũy kế(?:\s+đến)?(?:\s+hết)?)\s+tháng\s+(?P<until>\d{1,2})"
    r"\s*(?:/|\s+năm)\s*"
    r"|(?:đến|tính đến|hết)\s+(?:hết\s+)?(?:ngày\s+)?(?P<day>\d{1,2})\s*/\s*"
    r"(?P<dmonth>\d{1,2})\s*/\s*"
    r"|tháng\s+\d{1,2}\s*/\s*"  # an event's month: the year only
    # "lũy kế đến hết quý III/2024": the first three quarters of 2024
    r"|(?:(?:tính\s+)?đến\s+hết|hết|lũy kế(?:\s+đến)?(?:\s+hết)?)\s+"
    r"quý\s+(?P<yquarter>I{1,3}|IV|[1-4])\s*(?:/\s*|năm\s+)"
    r"|(?P<quarter>quý\s+(?:I{1,3}|IV|[1-4]))\s*(?:/\s*|năm\s+)"  # "quý I/2024"
    r"|năm\s+|cùng kỳ\s+|\(\s*)"
    r"(?P<year>(?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)
# "7 tháng đầu năm", "nửa đầu năm", "6 tháng năm nay" with the year left
# to the context
_MONTHS_ONLY = re.compile(
    rf"(?<!\w)(?P<months>(?:{_MONTH_NAMES})(?=\s+tháng)|nửa)(?:\s+tháng)?"
    r"\s+(?:đầu\s+năm|năm\s+(?:nay|này)(?!\w))"
    rf"(?!\s*(?:19|20)\d{{2}})"
    rf"(?P<until>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
# "lũy kế 11 tháng", "sau 10 tháng", "hết 9 tháng": the first months, the
# year left to the context
_CUMULATIVE = re.compile(
    rf"(?<!\w)(?:lũy kế|sau|(?:(?:tính\s+)?đến\s+)?hết)\s+(?P<months>{_MONTH_NAMES})\s+tháng(?!\s+(?:đầu\s+)?năm)(?!\w)"
    rf"(?P<until>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
#: "…, 9 tháng 8,22 tỷ đồng", "6 tháng: 4,91 tỷ", "9 tháng giải ngân 6,12
#: tỷ": a list's months right
#: before their amount are the first months (not "trong 2 tháng 1,5 tỷ",
#: "còn 2 tháng": a span of time)
_MONTHS_BEFORE_NUMBER = re.compile(
    rf"(?<!\w)(?<!trong )(?<!còn )(?<!mất )(?<!vòng )(?<!sau )(?<!ngày )"
    rf"(?P<months>{_MONTH_NAMES})\s+tháng(?:\s*:|\s+(?:là|đạt|giải ngân|thực hiện))?"
    r"(?=\s*(?:\d|$))"
    r"(?!\s*\d{1,2}\s+năm)"  # "12 tháng 8 năm 2024": a date
    rf"(?P<until>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
#: "tính đến hết tháng 10", "lũy kế tháng 10" with no year: the first
#: months of the year in force
_UNTIL_MONTH = re.compile(
    r"(?<!\w)(?:(?:(?:tính\s+)?đến\s+)?hết|lũy kế(?:\s+đến)?(?:\s+hết)?"
    r"|(?<=so với )cuối)"  # "so với cuối tháng 10": what was done by then
    r"\s+tháng\s+(?P<until>\d{1,2})"
    r"(?!\d|\s*/|\s+năm\s+(?:19|20)\d{2})(?P<months>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
#: "tính đến ngày 30 tháng 9 (năm 2024)": a date in words a period runs to
_UNTIL_DAY = re.compile(
    r"(?<!\w)(?:(?:tính\s+)?đến|hết)\s+(?:hết\s+)?ngày\s+(?P<day>\d{1,2})\s+"
    r"tháng\s+(?P<dmonth>\d{1,2})(?![\d/])(?:\s+năm\s+(?P<year>(?:19|20)\d{2}))?"
    r"(?P<until>)(?P<months>)",
    re.IGNORECASE,
)
#: "Đến 31/7", "tính đến ngày 20/11" with no year (a table's rows of
#: dates): the months up to it, or to that day, of the year in force
_UNTIL_DATE = re.compile(
    r"(?<!\w)(?:(?:tính\s+)?đến|hết)\s+(?:hết\s+)?(?:ngày\s+)?(?P<day>\d{1,2})\s*/\s*"
    r"(?P<dmonth>\d{1,2})(?![\d/]|\s*/)(?P<year>)(?P<until>)(?P<months>)",
    re.IGNORECASE,
)
#: the start of a range of dates right before its end ("từ 1/3 đến 28/2")
_DATE_SINCE = re.compile(
    r"(?<!\w)từ\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*$", re.I
)
#: "tháng 10 lũy kế" (a bulletin's order): the first months up to it
_MONTH_CUMULATIVE = re.compile(
    r"(?<!\w)tháng\s+(?P<until>\d{1,2})\s+lũy kế(?!\w)"
    r"(?P<months>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
#: "tháng 10/2025: lũy kế giải ngân …", naming no period of its own: the
#: first ten months (an event's "tháng 10/2025" alone: its year)
_MONTH_THEN_RUNNING = re.compile(
    r"(?<!\w)(?<!từ )tháng\s+(?P<until>\d{1,2})\s*/\s*(?P<year>(?:19|20)\d{2})"
    r"(?=\s*[:,–-]?\s*lũy kế(?!\s+(?:đến|tới|\d))(?!\w)"
    r"(?![^.;\n]{0,80}?(?:tháng|quý|năm\s+(?:trước|ngoái)|cùng\s+kỳ)))"
    r"(?P<months>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
#: "hết quý III" with no year: the first quarters of the year in force
_UNTIL_QUARTER = re.compile(
    r"(?<!\w)(?:(?:tính\s+)?đến\s+)?hết\s+quý\s+(?P<uquarter>I{1,3}|IV|[1-4])(?!\w)"
    r"(?!\s*/|\s+năm\s+(?:19|20)\d{2})(?P<until>)(?P<months>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
#: "kế hoạch 2025", "thực hiện 2024", a bulletin's "KH 2025", "KH/TH 2024":
#: the year named by a measure, with no "năm"; not a span ("kế hoạch
#: 2021-2025")
_MEASURE_YEAR = re.compile(
    rf"(?<![\w%])(?<!%\s)(?:{MEASURE_LABELS})(?:\s*/\s*(?:{MEASURE_LABELS}))?\s+"
    r"(?P<year>(?:19|20)\d{2})(?=\s*[:),;]|\s+(?:\d|tăng|giảm|là|đạt|cao|thấp))"
    r"(?![\d/])(?P<until>)(?P<months>)(?P<day>)(?P<dmonth>)",
    re.IGNORECASE,
)
#: "cả năm", "cả năm nay" with no year: the whole of the year in force
WHOLE_YEAR = re.compile(r"(?<!\w)cả\s+năm(?!\s*(?:19|20)\d{2})(?!\w)", re.IGNORECASE)
_MONTH_WORDS = {
    "nửa": 6,
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


#: The periods each span names, found once within ``read_once``.
_READ: ContextVar[dict | None] = ContextVar("periods_read", default=None)


@contextmanager
def read_once():
    """Within it (a check), ``periods_in`` reads each span once: a check
    reads the same clauses again for each number and each reading tried."""
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


def periods_in(span: str, compared: bool = False):
    """(match, year or None, months) of each period named in ``span``, in
    order; months is None for a whole year, a number for the first months,
    "M-D" for a period up to a day. One compared with ("so với năm 2023")
    only when ``compared``; the year None when the text leaves it to the
    context ("7 tháng đầu năm")."""
    read = _READ.get()
    if read is None:
        return _periods_in(span, compared)
    found = read.get((span, compared))
    if found is None:
        found = read[span, compared] = tuple(_periods_in(span, compared))
    return iter(found)


def _periods_in(span: str, compared: bool):
    found = [(m, int(m["year"])) for m in _MONTH_THEN_RUNNING.finditer(span)]
    running = {m.span() for m, _year in found}
    found += [
        (m, int(m["year"])) for m in _YEAR.finditer(span) if m.span() not in running
    ]
    found += [(m, int(m["year"])) for m in _MEASURE_YEAR.finditer(span)]
    found += [(m, None) for m in _MONTHS_ONLY.finditer(span)]
    found += [(m, None) for m in _CUMULATIVE.finditer(span)]
    found += [(m, None) for m in _MONTHS_BEFORE_NUMBER.finditer(span)]
    found += [(m, None) for m in _UNTIL_MONTH.finditer(span)]
    found += [(m, None) for m in _MONTH_CUMULATIVE.finditer(span)]
    found += [
        (m, int(m["year"]) if m["year"] else None) for m in _UNTIL_DAY.finditer(span)
    ]
    found += [
        (m, None)
        for m in _UNTIL_DATE.finditer(span)
        if not _DATE_SINCE.search(span, 0, m.start())  # a range's end: not alone
    ]
    found += [(m, None) for m in _UNTIL_QUARTER.finditer(span)]
    found += [
        (m, int(m["year"]) if m["year"] else None)
        for m in _RANGE.finditer(span)
        if int(m["since"]) <= int(m["dmonth"])  # not across the year's end
    ]
    for match, year in sorted(found, key=lambda item: item[0].start()):
        if _inside_another(match, found):
            continue  # "năm 2024" of "đến ngày 30 tháng 9 năm 2024"
        months = _months(match)
        if months is None and match["months"]:
            continue
        is_compared = compared_at(span, match.start())
        if is_compared and not compared:
            continue
        yield match, year, (None if months == 12 else months)


def _inside_another(match, found) -> bool:
    """Whether a longer period found holds ``match``: it is part of that."""
    start, end = match.span()
    return any(
        other.start() <= start and end <= other.end() and other.span() != (start, end)
        for other, _year in found
    )


def _months(match):
    if "uquarter" in match.re.groupindex:
        quarter = match["uquarter"].upper()
        return 3 * (int(quarter) if quarter.isdigit() else _QUARTERS[quarter])
    if match["day"]:
        day, month = int(match["day"]), int(match["dmonth"])
        if not 1 <= month <= 12:
            return None
        year = int(match.groupdict().get("year") or 2001)
        last = calendar.monthrange(year, month)[1]
        return month if day >= last else f"{month}-{day}"
    if match["until"]:
        month = int(match["until"])
        return month if 1 <= month <= 12 else None
    if "yquarter" in match.re.groupindex and match["yquarter"]:
        quarter = match["yquarter"].upper()
        return 3 * (int(quarter) if quarter.isdigit() else _QUARTERS[quarter])
    if "quarter" in match.re.groupindex and match["quarter"]:
        # the first quarter is the first 3 months; a later one is a
        # difference of two periods (``increments``), the year only here
        return 3 if match["quarter"].split()[-1].upper() in ("I", "1") else None
    if not match["months"]:
        return None
    month = _month_number(match["months"])
    return month if month and 1 <= month <= 12 else None


#: "giải ngân 2.214,6 triệu đồng sau 6 tháng", "… trong 6 tháng đầu năm":
#: the first months, said right after the amount
_MONTHS_AFTER = re.compile(
    rf"\s*(?:sau|(?P<within>trong))\s+(?P<months>{_MONTH_NAMES})\s+tháng"
    r"(?P<first>\s+đầu\s+năm)?(?:\s+(?:năm\s+)?(?:19|20)\d{2})?"
    # the clause ends there ("sau 6 tháng kể từ …" is a delay, no period)
    r"(?=\s*(?:[,.;:)]|$))",
    re.IGNORECASE,
)


def months_after(after: str) -> int | None:
    """The first months the words right after an amount name ("sau 6
    tháng"; "trong 2 tháng" alone is a span, not the first months)."""
    match = _MONTHS_AFTER.match(after)
    if match is None or (match["within"] and not match["first"]):
        return None
    month = _month_number(match["months"])
    return month if month and 1 <= month < 12 else None


def _month_number(word: str) -> int | None:
    """ "9", "chín", "Sáu" → the number; None when it is none."""
    word = word.lower()
    return int(word) if word.isdigit() else _MONTH_WORDS.get(word)


_SAME_PERIOD = re.compile(r"(?<!\w)cùng kỳ\s+(?:năm\s+)?$", re.IGNORECASE)


def same_period(span: str, match) -> bool:
    """Whether a year ``periods_in`` found is "cùng kỳ năm 2023": that
    year's part of the period in force, not its whole."""
    return bool(match.groupdict().get("year")) and bool(
        _SAME_PERIOD.search(span[: match.start("year")])
    )


#: "… năm trước", "… năm ngoái", "… cùng kỳ": another year's months
_OTHER_YEAR = re.compile(
    r"\s*(?:của\s+)?(?:năm\s+(?:trước|ngoái)|cùng\s+kỳ)(?!\w)", re.IGNORECASE
)


def compared_until(span: str) -> int | None:
    """ "tăng 4 đề án so với hết tháng 9": the months of the same year a
    change is over, when the words after it name them with no year."""
    for match, year, months in periods_in(span, compared=True):
        compared = COMPARED_BEFORE.search(span[: match.start()])
        if compared and year is None and match.re is _UNTIL_MONTH:
            if _OTHER_YEAR.match(span, match.end()):
                return None  # "so với cuối tháng 10 năm trước": not this year's
            return months if isinstance(months, int) else None
        return None
    return None


#: "từ 1/7 đến 31/12/2025": the first day of a month to a day of a later one
DATE_RANGE = (
    r"từ\s+(?:ngày\s+)?0?1\s*/\s*0?(?P<since>[2-9]|1[0-2])(?:\s*/\s*(?:19|20)\d{2})?"
    r"\s*(?:(?:đến|tới)\s+|[-–]\s*)(?:hết\s+)?"
    r"(?:ngày\s+)?(?P<day>\d{1,2})\s*/\s*(?P<dmonth>\d{1,2})"
    r"(?:\s*/\s*(?P<year>(?:19|20)\d{2}))?(?![\d/])"
)


def dates_months(match) -> tuple[int, int] | None:
    """ "từ 1/7 đến 31/12" (``DATE_RANGE``): the months 7 to 12; none when
    the range ends inside a month ("đến 15/12")."""
    first, last, day = int(match["since"]), int(match["dmonth"]), int(match["day"])
    if not first <= last <= 12:
        return None
    year = int(match["year"] or 2001)
    return (first, last) if day >= calendar.monthrange(year, last)[1] else None


#: a range of dates as a period: up to its last day ("từ 1/7 đến 31/10":
#: what was done by then is the ten months')
_RANGE = re.compile(rf"(?<!\w){DATE_RANGE}(?P<until>)(?P<months>)", re.IGNORECASE)


#: "riêng quý IV", "trong tháng 12", "riêng KCQG tháng 11" (a fund or an
#: area named between): a period that is a difference of two (not "hết
#: quý III": the first three quarters)
PART_OF_YEAR = re.compile(
    r"(?<!\w)(?:(?<!hết\s)quý\s+(?:II|III|IV|[2-4])"
    # "còn tháng 10 và 11 (cộng lại)": two months together
    r"|(?:riêng|còn|trong)\s+(?:hai\s+)?tháng\s+\d{1,2}\s+và\s+(?:tháng\s+)?\d{1,2}"
    r"|(?:riêng(?:\s+[^\W\d]+){0,3}?|trong)\s+tháng\s+\d{1,2}(?!\s*/)"
    # "tháng 10/2025: trong tháng …": the report's month alone
    r"|tháng\s+(?P<rmonth>\d{1,2})\s*/\s*(?:19|20)\d{2}\s*[:,–-]?\s*trong\s+tháng"
    r"(?!\s+(?:\d|trước|sau|tới|này|đó))"
    r"|\w+\s+tháng\s+cuối\s+năm|nửa\s+(?:cuối|sau)\s+(?:của\s+)?năm"
    r"|riêng\s+\w+\s+tháng\s+(?:sau|kể từ|từ)"
    r"|từ\s+tháng\s+0?(?P<msince>[2-9]|1[0-2])\s+(?:đến|tới)\s+(?:(?:hết|cuối)\s+)?"
    r"(?:tháng\s+(?P<mto>\d{1,2})|năm)"  # "từ tháng 7 đến hết năm": to 12
    # "từ 1/7 đến 31/12/2025", "từ ngày 1/7 đến ngày 31/10": dates
    rf"|{DATE_RANGE})"
    r"(?!\w)",
    re.IGNORECASE,
)


#: the month a part of the year is, when it is one ("riêng KCQG tháng 11"),
#: or the two it is ("còn tháng 10 và 11")
_ONE_MONTH = re.compile(
    r"^(?:riêng|trong|còn)(?!\w).*tháng\s+(?P<month>\d{1,2})"
    r"(?:\s+và\s+(?:tháng\s+)?(?P<last>\d{1,2}))?$",
    re.IGNORECASE,
)


class PartNamed(NamedTuple):
    """The last part of the year a span names: where it is printed, its
    months, first and last, when they are known ("riêng tháng 11", "tháng
    10 và 11", "từ tháng 7 đến hết năm", "từ 1/7 đến 31/12": the months up to
    the last less those before the first), and whether it is a range."""

    match: re.Match
    months: tuple[int, int] | None
    ranged: bool


@lru_cache(maxsize=512)
def last_part(span: str) -> PartNamed | None:
    """The last part of the year ``span`` names, if any (the engine asks
    for it of one clause more than once)."""
    parts = list(PART_OF_YEAR.finditer(span))
    if not parts:
        return None
    part = parts[-1]
    one = _ONE_MONTH.search(part.group(0))
    if part["since"]:
        months = dates_months(part)
    elif part["msince"]:  # "từ tháng 7 đến hết năm"
        months = (int(part["msince"]), int(part["mto"] or 12))
    elif part["rmonth"]:  # "tháng 10/2025: trong tháng"
        months = (int(part["rmonth"]), int(part["rmonth"]))
    elif one is not None:
        months = (int(one["month"]), int(one["last"] or one["month"]))
    else:
        months = None
    if months is not None and not 1 <= months[0] <= months[1] <= 12:
        months = None
    return PartNamed(part, months, bool(part["since"] or part["msince"]))
