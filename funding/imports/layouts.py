"""Recognising how a report sheet is laid out: its header band and what
each column holds, and the context above the table.

A report's header is one to three rows, the upper ones merged across the
columns they group ("Khuyến công quốc gia" over "Kế hoạch | Thực hiện"),
maybe followed by a numbering row ("(1) (2) …" or "1 2 3 …"). Each column
gets a role from the words of its header path: a label (area, content,
indicator, fund), a value (a measure, with the fund, period and unit the
path names), a total of other columns, a ratio, a note, a unit, a year,
or unknown. A column is never dropped without a reason: every role but a
value says why it is not read (``Column.unused``). The rows are read by
``funding.imports.layout_rows``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from khuyencong.text import fold

from .context import (
    PeriodWords,
    fund_named,
    period_words,
    unit_in_header,
)
from .readers.base import column_letters

#: The top rows searched for the table header.
HEADER_SEARCH = 20
LABELS = {
    "stt": "stt",
    "tt": "stt",
    "so tt": "stt",
    "so thu tu": "stt",
    "tinh, thanh pho": "area",
    "tinh/thanh pho": "area",
    "tinh thanh pho": "area",
    "tinh": "area",
    "dia ban": "area",
    "dia phuong": "area",
    "don vi hanh chinh": "area",
    "noi dung": "content",
    "noi dung chuong trinh": "content",
    "noi dung hoat dong": "content",
    "noi dung ho tro": "content",
    "chi tieu": "indicator",
    "nguon kinh phi": "fund",
    "nguon": "fund",
    "ghi chu": "note",
    "don vi tinh": "unit",
    "don vi": "unit",
    "dvt": "unit",
    "nam": "year",
    "ky": "period",
    "ky bao cao": "period",
}
LABEL_ROLES = ("area", "content", "indicator", "fund")
_MEASURES = (
    ("uoc", "estimate"),
    ("thuc hien", "executed"),
    ("giai ngan", "executed"),
    ("ke hoach", "plan"),
    ("du toan", "plan"),
)


def text_of(cell) -> str:
    return "" if cell is None else str(cell).strip()


def header_words(text: str) -> str:
    """A header folded, without its unit in brackets and trailing marks."""
    return re.sub(r"\([^)]*\)", "", fold(text)).strip(" :*")


@dataclass
class Column:
    index: int
    path: list[str]
    role: str = "unknown"  # a LABEL role, "value", "total", "ratio", "stt", "note", "unit", "year", "period", "empty", "unknown"
    measure: str = ""
    fund: str | None = None
    period: PeriodWords | None = None
    unit: str | None = None
    header_row: int = 0

    @property
    def letter(self) -> str:
        return column_letters(self.index)

    @property
    def header(self) -> str:
        return " / ".join(t for t in self.path if t)

    def unused(self) -> str | None:
        """Why the column is not read, in words; None when it is."""
        reasons = {
            "stt": _("số thứ tự"),
            "total": _("cột tổng của các cột nguồn (được kiểm tra, không lưu)"),
            "ratio": _("tỷ lệ (%) suy ra từ các cột khác, không lưu"),
            "declined": _("người nhập xác nhận không dùng cột này"),
        }
        return reasons.get(self.role)


@dataclass
class Layout:
    """What the sheet's header and the lines above it say."""

    sheet: str
    header_start: int
    header_end: int
    columns: list[Column]
    numbering_row: int | None = None
    above: list[tuple[int, str]] = field(default_factory=list)  # (row, text)
    unit: str | None = None
    unit_row: int | None = None
    unit_text: str = ""
    period: PeriodWords | None = None
    period_row: int | None = None
    area_text: str = ""
    area_row: int | None = None
    region_text: str = ""  # "miền Trung - Tây Nguyên" from "Khu vực miền Trung - …"
    fund: str | None = None
    errors: list[tuple[int, str, str]] = field(default_factory=list)

    def role(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    @property
    def values(self) -> list[Column]:
        return [c for c in self.columns if c.role == "value"]


def find_header(rows: list[tuple[int, list]]) -> int | None:
    """The index of the header row: the first of the top rows naming a
    label column (STT, Tỉnh/thành phố, Nội dung, Chỉ tiêu, Nguồn kinh phí)."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH]):
        keys = {header_words(text_of(c)) for c in cells if text_of(c)}
        roles = {LABELS.get(k) or _area_header(k) for k in keys}
        if roles & {"stt", *LABEL_ROLES}:
            return index
    return None


def _area_header(key: str) -> str | None:
    return "area" if re.search(r"(?:^|/ ?)tinh[,/ ]+thanh pho$", key) else None


_NUMBERING = re.compile(r"^\(?(\d{1,2}|[a-z])\)?$|^\(?\d{1,2}\s*=.*\)?$", re.I)


def is_numbering_row(cells: list) -> bool:
    texts = [text_of(c) for c in cells if text_of(c)]
    if len(texts) < 3 or not all(_NUMBERING.match(t.replace(".0", "")) for t in texts):
        return False
    numbers = [int(float(t)) for t in texts if re.fullmatch(r"\d+(\.0)?", t)]
    return len(numbers) < 3 or numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


def header_band(rows: list[tuple[int, list]], start: int) -> tuple[int, int | None]:
    """The index of the last header row, and the row number of a
    numbering row under the header (or None)."""
    label_columns = {
        i
        for i, c in enumerate(rows[start][1])
        if (
            LABELS.get(header_words(text_of(c)))
            or _area_header(header_words(text_of(c)))
        )
        in ("stt", "area", "content", "indicator")
    }
    end, numbering = start, None
    for index in range(start + 1, min(len(rows), start + 4)):
        number, cells = rows[index]
        if number != rows[index - 1][0] + 1:
            break
        if is_numbering_row(cells):
            end, numbering = index, number
            break
        if any(not isinstance(c, str) for c in cells if c not in (None, "")):
            break
        if any(text_of(cells[i]) for i in label_columns if i < len(cells)):
            break
        end = index
    return end, numbering


def column_paths(rows: list[tuple[int, list]], start: int, end: int) -> list[list[str]]:
    """Each column's header texts from the top header row down, a merged
    cell's text carried over the columns it spans (its text sits in its
    first cell only: an empty cell takes the text on its left when a lower
    header row names something under it)."""
    band = [
        list(rows[i][1])
        for i in range(start, end + 1)
        if not is_numbering_row(rows[i][1])
    ]
    width = max(len(r) for r in band)
    grid = [[text_of(r[i]) if i < len(r) else "" for i in range(width)] for r in band]
    for depth, line in enumerate(grid[:-1]):
        carried = ""
        for i in range(width):
            if line[i]:
                carried = line[i]
            elif carried and any(grid[d][i] for d in range(depth + 1, len(grid))):
                line[i] = carried
            else:
                carried = ""
    return [[grid[d][i] for d in range(len(grid))] for i in range(width)]


def classify(column: Column) -> None:
    """Give ``column`` its role from the words of its header path."""
    texts = [t for t in column.path if t]
    if not texts:
        column.role = "empty"
        return
    keys = [header_words(t) for t in texts]
    role = LABELS.get(keys[-1]) or _area_header(keys[-1])
    if role:
        column.role = role
        return
    joined = " / ".join(keys)
    if "ty le" in keys[-1] or keys[-1].endswith("%"):
        column.role = "ratio"
        column.fund = fund_named(joined)
        return
    measure = _measure(keys)
    if not measure:
        column.role = "unknown"
        return
    if _OTHER_YEAR.search(joined):
        column.role = "unknown"  # "Ước TH năm sau": not the report's year
        return
    column.measure, column.role = measure, "value"
    if "tong cong" in joined or "tong so" in joined:
        column.role = "total"
    elif not all(_group_word(key) for key in keys[:-1]):
        column.role = "unknown"  # "Nguồn khác" over "Kế hoạch": whose plan?
        return
    column.fund = fund_named(joined)
    for text in reversed(texts):
        column.unit = column.unit or unit_in_header(text)
        if column.period is None and _measure([header_words(text)]):
            column.period = period_words(text, need_year=False)


#: Words putting a value column in a year or period other than the
#: report's: read as the report's own, the figure would be a wrong one.
_OTHER_YEAR = re.compile(
    r"\b(?:nam (?:sau|toi|truoc|ke tiep|tiep theo)|cung ky|ky truoc)\b"
)
_GROUPS = re.compile(
    r"^(?:nguon kinh phi|nguon von|kinh phi(?: khuyen cong)?|so lieu|gia tri|"
    r"ket qua(?: thuc hien)?|tong hop)?$"
)


def _group_word(key: str) -> bool:
    """Whether a header over value columns says something we read: a
    fund, a total, a measure or period, or a plain group word ("Nguồn kinh
    phí")."""
    return bool(
        fund_named(key)
        or "tong cong" in key
        or "tong so" in key
        or _measure([key])
        or _GROUPS.match(key)
        or period_words(key, need_year=False)
    )


def _measure(keys: list[str]) -> str:
    # Whole words: "uoc" is in "quoc gia", which names a fund, not an estimate.
    for key in reversed(keys):
        for word, measure in _MEASURES:
            if re.search(rf"\b{word}\b", key):
                return measure
    return ""


def read_layout(sheet: str, rows: list[tuple[int, list]]) -> Layout | None:
    """The layout of a sheet's table, or None when no header is found."""
    start = find_header(rows)
    if start is None:
        return None
    end, numbering = header_band(rows, start)
    paths = column_paths(rows, start, end)
    # A column with no header at all, right of the header, still counts.
    width = max(len(cells) for _n, cells in rows[end + 1 :] or [(0, [])])
    paths += [[""]] * (width - len(paths))
    columns = [
        Column(i, path, header_row=rows[start][0]) for i, path in enumerate(paths)
    ]
    for column in columns:
        classify(column)
    layout = Layout(
        sheet=sheet,
        header_start=rows[start][0],
        header_end=rows[end][0],
        columns=columns,
        numbering_row=numbering,
        above=[
            (number, text_of(c))
            for number, cells in rows[:start]
            for c in cells
            if text_of(c)
        ],
    )
    return layout
