"""What a report says outside its table, and which of its lines are not data.

Provincial reports carry their context in words: the unit in a line
"Đơn vị tính: triệu đồng" or in a header "(triệu đồng)", the year and period
in the title ("… 9 THÁNG ĐẦU NĂM 2025", "QUÝ I/2024", "ĐẾN NGÀY 15/10/2024")
or the sheet name ("Năm 2024"), the province in the agency header ("UBND
TỈNH NGHỆ AN") or the title. Below the table come notes, a place-and-date
line and signatures. This module reads those words; it knows no model and
no layout (``funding.imports.layouts`` uses it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from khuyencong.text import fold

from ..core.formatting import MONEY_UNITS
from ..core.units import unit_word

_UNIT_LINE = re.compile(r"^\(?\s*(?:don vi tinh|don vi|dvt|d\.v\.t)\s*[:.]\s*(.+?)\)?$")
_BRACKET_UNIT = re.compile(r"\(([^()]*)\)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def unit_line(text: str) -> str | None:
    """The unit of a line "Đơn vị tính: triệu đồng" / "ĐVT: Tỷ đồng"; the
    empty string for such a line naming no unit we know; None otherwise."""
    match = _UNIT_LINE.match(fold(str(text or "")))
    if not match:
        return None
    return unit_word(match.group(1)) or ""


def unit_in_header(text: str) -> str | None:
    """The unit in brackets in a header: "Kế hoạch năm 2025 (triệu đồng)"."""
    for part in _BRACKET_UNIT.findall(str(text or "")):
        found = unit_word(part) or unit_line(part)
        if found:
            return found
    return None


def unit_scale(unit: str) -> Decimal:
    return MONEY_UNITS.get(unit, Decimal(1))


@dataclass(frozen=True)
class PeriodWords:
    """A period as a report names it: its kind ("year", "months",
    "quarter", "to_date"), the number (months, quarter) or the day, and
    the year."""

    kind: str
    year: int
    number: int = 0
    day: tuple[int, int] | None = None  # (day, month) for to_date

    def text(self) -> str:
        """The period in the words ``read_period`` reads."""
        if self.kind == "months":
            return f"{self.number} tháng"
        if self.kind == "quarter":
            return f"quý {self.number}"
        if self.kind == "to_date":
            return f"{self.day[0]:02d}/{self.day[1]:02d}/{self.year}"
        return "Cả năm"


_PERIODS = (
    (re.compile(r"\b(\d{1,2}) thang (?:dau |dau nam )?(?:nam )?(\d{4})\b"), "months"),
    (re.compile(r"\bquy (iv|iii|ii|i|[1-4])\s*(?:/|nam|-)\s*(\d{4})\b"), "quarter"),
    (
        re.compile(r"\bden (?:het )?(?:ngay )?(\d{1,2})/(\d{1,2})/(\d{4})\b"),
        "to_date",
    ),
    (re.compile(r"\bnam (\d{4})\b"), "year"),
)
_PERIOD_NO_YEAR = (
    (re.compile(r"\b(\d{1,2}) thang\b"), "months"),
    (re.compile(r"\bquy (iv|iii|ii|i|[1-4])\b"), "quarter"),
    (
        re.compile(
            r"\b(?:den|giai ngan den) (?:het )?(?:ngay )?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b"
        ),
        "to_date",
    ),
)


def period_words(text: str, *, need_year: bool = True) -> PeriodWords | None:
    """The period a title, sheet name or header names, or None."""
    key = fold(str(text or ""))
    if re.fullmatch(r"(?:nam )?(\d{4})", key):
        return PeriodWords("year", int(key[-4:]))
    for pattern, kind in _PERIODS:
        if match := pattern.search(key):
            return _period(kind, match.groups(), None)
    if need_year:
        return None
    for pattern, kind in _PERIOD_NO_YEAR:
        if match := pattern.search(key):
            return _period(kind, match.groups(), 0)
    return None


def _period(kind: str, groups: tuple, year: int | None) -> PeriodWords | None:
    if kind == "year":
        return PeriodWords("year", int(groups[0]))
    if kind == "months":
        months = int(groups[0])
        if not 1 <= months <= 12:
            return None
        year = year if year is not None else int(groups[1])
        return PeriodWords("year" if months == 12 else "months", year, months)
    if kind == "quarter":
        year = year if year is not None else int(groups[1])
        return PeriodWords("quarter", year, _ROMAN[groups[0]])
    day, month = int(groups[0]), int(groups[1])
    if groups[2]:
        year = int(groups[2])
    return PeriodWords("to_date", year or 0, day=(day, month))


def years_named(text: str) -> set[int]:
    """Every year a text names as "năm 2024", "/2024" or "2024" alone."""
    return {
        int(y) for y in re.findall(r"(?<![\d/.])((?:19|20)\d{2})(?![\d/])", str(text))
    }


_AREA = re.compile(
    r"(?<!các )(?<!cac )\b(?:tỉnh|thành phố|tp\.|tp)\s+(?P<name>[^\d,;:()\-–/]+?)"
    r"(?=\s+(?:năm|đến|quý|\d|tháng)\b|\s*[-–,(;:]|\s*$)",
    re.IGNORECASE,
)


def area_named(text: str) -> str | None:
    """The province a title or agency line names: "UBND TỈNH NGHỆ AN",
    "TRÊN ĐỊA BÀN TỈNH QUẢNG NAM", "… - TỈNH GIA LAI"; None for "các tỉnh"."""
    lowered = str(text or "").lower()
    if ", ngày" in lowered:  # a place-and-date line
        return None
    match = _AREA.search(lowered)
    return match.group("name").strip() if match else None


_REGION = re.compile(
    r"\b(?:khu vực|vùng)\s+(?!kinh tế\b)(?P<name>[^\d,;:()]+?)\s*(?:năm\b|$|[,;:(])",
    re.IGNORECASE,
)
_NATION = ("ca nuoc", "toan quoc")


def region_named(text: str) -> str | None:
    """The region a title or a total row names: "Khu vực miền Trung - Tây
    Nguyên", "Tổng cộng vùng Tây Nguyên"; "Cả nước" for the nation; None
    for "toàn vùng" (which region is said elsewhere) or no region."""
    text = str(text or "")
    if any(word in fold(text) for word in _NATION):
        return "Cả nước"
    match = _REGION.search(text)
    if match is None or fold(match.group("name")).strip() in ("", "toan vung"):
        return None
    return match.group("name").strip(" -–")


# ---------------------------------------------------------------- non-data lines
_SIGNATURES = (
    "nguoi lap",
    "nguoi tong hop",
    "giam doc",
    "truong phong",
    "cuc truong",
    "thu truong",
    "ke toan",
    "kt.",
    "tm.",
    "q.",
    "chu tich",
)
_PLACE_DATE = re.compile(r"ngay \d{1,2} thang \d{1,2} nam \d{4}")


@lru_cache(maxsize=8192)  # the same names and periods on thousands of rows
def footer_kind(text: str) -> str | None:
    """Why a line below (or beside) the table is not data: a note, a
    place-and-date line or a signature; None for anything else."""
    key = fold(str(text or ""))
    if not key:
        return None
    if key.startswith(("ghi chu", "(*)", "* ", "chu thich", "luu y")):
        return "note"
    if _PLACE_DATE.search(key):
        return "place_date"
    if any(key == s or key.startswith(s + " ") for s in _SIGNATURES):
        return "signature"
    return None


_TOTAL = re.compile(r"^(?:tong cong|tong so|tong kinh phi|tong|cong)(?:\b|$)")


def is_total_label(text: str) -> bool:
    """ "Tổng cộng", "Cộng", "Cộng A", "Tổng số (A+B+C)", "Tổng kinh phí (1+2)"."""
    return bool(_TOTAL.match(fold(str(text or ""))))


def is_breakdown_label(text: str) -> bool:
    """A "Trong đó: …" line: part of the row above, not a figure."""
    return fold(str(text or "")).startswith(("trong do", "trong so", "bao gom"))


def is_detail_label(text: str) -> bool:
    """A detail line under a content ("- Cơ sở chế biến gỗ …")."""
    return str(text or "").lstrip().startswith(("-", "+", "–", "•"))


_NUMBERED = re.compile(
    r"^\s*((?:[ivxlc]+|[a-z]|\d+(?:\.\d+)*))\s*[.)/]\s+", re.IGNORECASE
)


def strip_numbering(text: str) -> tuple[str, str]:
    """ "I. Kinh phí …" → ("I", "Kinh phí …"); "1. Hỗ trợ …" → ("1", "Hỗ trợ …")."""
    text = str(text or "").strip()
    if match := _NUMBERED.match(text):
        return match.group(1), text[match.end() :].strip()
    return "", text


def is_roman(text) -> bool:
    return bool(re.fullmatch(r"[IVXLC]+", str(text or "").strip()))


def fund_named(text: str) -> str | None:
    """The fund a heading, header or title names ("kcqg", "kcdp") or None."""
    key = fold(str(text or ""))
    qg = "quoc gia" in key or "kcqg" in key
    dp = "dia phuong" in key or "kcdp" in key
    if qg and not dp:
        return "kcqg"
    if dp and not qg:
        return "kcdp"
    return None


def estimate_marker_note(texts: list[str]) -> bool:
    """Whether the notes say a row marked (*) holds an estimate."""
    return any(fold(t).startswith("(*)") and "uoc" in fold(t) for t in texts)
