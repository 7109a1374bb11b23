"""Reading the spreadsheets people really send: CSV in any of the encodings
Vietnamese offices use, XLSX from Excel or LibreOffice, and ODS.

The result is a plain table: the header cells and the data rows, each row
with the number the spreadsheet gives it, so every error can name it.
Nothing here knows about figures; ``funding.imports`` interprets the table.
Each format has its reader in ``funding.imports.readers``; all of them stream the
file and enforce the import limits while they read (``funding.imports.readers.base``),
and every way a file can fail to read is a ``ReadError`` with a Vietnamese
message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from khuyencong.text import fold

from ..core.formatting import MONEY_UNITS
from .hidden_parts import (
    hidden_sheet_unused,
    hidden_warnings,
    other_sheet_warning,
    unreadable_sheet_error,
    unreadable_sheet_warning,
)
from .readers.base import HEADER_SEARCH_ROWS, ReadError, Rows, count
from .readers.delimited import read_csv
from .readers.ods import ods_sheet_names, ods_sheets, read_ods
from .readers.xlsx import read_xlsx, xlsx_sheet_names, xlsx_sheets
from .report_table import LONG_HEADERS, ReportSheets, is_report

__all__ = ["GUIDE_SHEET", "ReadError", "SheetTable", "header_key", "read_table"]

#: The sheet of the portal's own templates that explains the columns.
GUIDE_SHEET = "Hướng dẫn"


@dataclass
class SheetTable:
    headers: list[str]
    header_row: int  # 1-based, as the spreadsheet numbers it
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)
    sheet: str = ""
    formula_errors: list[tuple[int, int]] = field(
        default_factory=list
    )  # (row, col index)
    #: A report read into the long layout (``funding.imports.report_table``):
    #: per row, the cell each column came from; the problems its layout
    #: showed (errors stop the import, warnings need a confirmation) and
    #: what was not used, with the reason.
    places: list[dict[int, str]] | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    layout: str = "table"
    #: Where a report states its units ("“Đơn vị tính: triệu đồng” (dòng 6)").
    unit_sources: list[str] = field(default_factory=list)
    #: Read from a CSV file: its raw values may have a decimal point ("1234.5").
    csv: bool = False
    #: The columns (letters) the officer declined ("Cột không dùng").
    ignored: frozenset[str] = frozenset()
    #: What the officer wrote in "Cột ánh xạ" (letter → ``ColumnMap``), and
    #: for a plain table the columns it applies to (index → ``ColumnMap``,
    #: ``funding.imports.table_maps``).
    mapped: dict = field(default_factory=dict)
    measure_maps: dict = field(default_factory=dict)
    #: The year and area the officer set (``StatedArea``), or None: each
    #: row must agree with them, and they stand in for a missing column.
    year: int | None = None
    area: object = None


def header_key(cell) -> str:
    """A header matched ignoring case, diacritics, spaces and a unit in brackets."""
    text = fold(str(cell or ""))
    return text.split("(")[0].strip(" :*")


def read_table(
    data: bytes,
    filename: str,
    known: set[str],
    sheet: str | None = None,
    header_row: int | None = None,
    context: dict | None = None,
) -> SheetTable:
    """Read a CSV, XLSX or ODS file (told apart by its name), within the limits.

    A report laid out the way provinces lay them out (a title, a unit
    line, grouped headers; ``funding.imports.report_table``) is read into
    the long layout; ``context`` holds what the officer set for it
    ("year", "area"), which wins over the file and must agree with it.
    """
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise ReadError(
            _("Tệp quá lớn (tối đa %(mb)s MB).")
            % {"mb": settings.IMPORT_MAX_BYTES // 2**20}
        )
    if not data:
        raise ReadError(_("Tệp trống."))
    lowered = filename.lower()
    if lowered.endswith((".xlsx", ".ods")):
        name, rows, passed, others, unreadable = _data_sheet(
            data, lowered, known, sheet, header_row
        )
    elif lowered.endswith((".csv", ".txt")):
        name, rows = "", read_csv(data, known, header_key, header_row)
        passed, others, unreadable = [], [], []
    else:
        raise ReadError(_("Chỉ nhận tệp .xlsx, .ods hoặc .csv."))
    if (
        header_row is None
        and rows.rows
        and is_report(
            rows.rows, several=not sheet and not lowered.endswith((".csv", ".txt"))
        )
    ):
        return _report(data, lowered, sheet, (name, rows), context or {})
    table = _table(rows, known, header_row, name)
    table.ignored = frozenset((context or {}).get("ignore_columns") or ())
    table.warnings.extend(
        hidden_warnings(rows, "", named=bool(sheet), ignored=table.ignored)
    )
    table.warnings.extend(other_sheet_warning(n, name) for n in others)
    table.warnings.extend(unreadable_sheet_warning(n, why) for n, why in unreadable)
    table.csv = lowered.endswith((".csv", ".txt"))
    table.unused.extend(
        _("Trang “%(sheet)s”: không dùng (không có bảng số liệu).") % {"sheet": n}
        for n in passed
    )
    table.mapped = dict((context or {}).get("map_columns") or {})
    table.year = (context or {}).get("year")
    table.area = (context or {}).get("area")
    return table


def _data_sheet(data: bytes, lowered: str, known, sheet, header_row):
    """The sheet named, or the one holding the data: among the visible
    sheets, those not empty, not the templates' guide and with a header
    the importer recognises; the one shown when the file was saved if it
    is one of them, else the only one. Several and none shown: the officer
    names one (unless all are reports, read together). No data sheet, or
    a single visible sheet: the sheet shown, or the first visible one. With
    the sheets passed over on the way (read, holding no data), when the
    sheet shown is read, the other data sheets left unread, and the sheets
    that cannot be read, with why (the file is refused, naming the sheet,
    when it is the one shown or no other holds data)."""
    xlsx = lowered.endswith(".xlsx")
    read = read_xlsx if xlsx else read_ods
    if sheet:
        return (*read(data, sheet, header_row), [], [], [])
    visible, active = (xlsx_sheets if xlsx else ods_sheets)(data)
    if len(visible) < 2:
        return (*read(data, None, header_row), [], [], [])
    # A file that does not say which sheet was shown opens on the first.
    active = active or visible[0]
    # Only the rows of the sheet shown are kept: the others are read one at
    # a time to see whether they hold data (the limits bound one sheet).
    found, passed, unreadable, shown = [], [], [], None
    for name in [active] + [n for n in visible if n != active]:
        name, rows = _read_named(read, data, name, header_row, unreadable)
        if rows is not None and _holds_data(name, rows, known, header_row):
            found.append((name, is_report(rows.rows)))
            shown = rows if name == active else shown
        elif rows is not None:
            passed.append(name)
    if unreadable and (unreadable[0][0] == active or not found):
        raise ReadError(unreadable_sheet_error(*unreadable[0]))
    if not found:
        return (*read(data, None, header_row), [], [], [])
    if shown is not None:
        others = sorted((n for n, _report in found[1:]), key=visible.index)
        return active, shown, [], others, unreadable
    found.sort(key=lambda item: visible.index(item[0]))
    if len(found) == 1 or all(report for _n, report in found):
        return (
            *read(data, found[0][0], header_row),
            sorted(passed, key=visible.index),
            [],
            unreadable,
        )
    raise ReadError(
        _(
            "Tệp có nhiều trang dữ liệu: %(names)s. Hãy ghi tên trang cần nhập "
            "ở ô “Trang”."
        )
        % {"names": ", ".join(f"“{n[:100]}”" for n, _report in found[:50])}
    )


def _read_named(read, data: bytes, name: str, header_row, unreadable: list):
    """(name, rows) of the sheet ``name``; (name, None) when it cannot be
    read, added to ``unreadable`` with why."""
    try:
        return read(data, name, header_row)
    except ReadError as exc:
        unreadable.append((name, str(exc)))
        return name, None


def _holds_data(name: str, rows: Rows, known, header_row) -> bool:
    if not rows.rows or name == GUIDE_SHEET:
        return False
    try:
        find_header(rows.rows, known, header_row)
    except ReadError:
        return is_report(rows.rows)
    return True


def _report_sheets(data: bytes, lowered: str, sheet, first):
    """The sheets of a report to read: ``first`` (the sheet asked for or
    shown) and, unless one was asked for, the other visible ones; with the
    names of the hidden ones and the (name, why) of those unreadable."""
    unreadable = []
    if sheet or lowered.endswith((".csv", ".txt")):
        return [first], [], unreadable
    xlsx = lowered.endswith(".xlsx")
    read = read_xlsx if xlsx else read_ods
    names = (xlsx_sheet_names if xlsx else ods_sheet_names)(data)
    visible, _shown = (xlsx_sheets if xlsx else ods_sheets)(data)
    # A sheet hidden is read only when named (the first is the one shown):
    # not read, it cannot be unreadable either.
    others = [n for n in names if n != first[0]]
    hidden = [n for n in others if n not in visible]
    sheets = [first] + [
        _read_named(read, data, n, None, unreadable) for n in others if n in visible
    ]
    return [s for s in sheets if s[1] is not None], hidden, unreadable


def _report(data: bytes, lowered: str, sheet, first, context: dict) -> SheetTable:
    """A report read sheet by sheet into the long layout: the sheet asked
    for, or every sheet of the workbook."""
    sheets, hidden, unreadable = _report_sheets(data, lowered, sheet, first)
    report = ReportSheets(
        csv=lowered.endswith((".csv", ".txt")),
        many=len(sheets) > 1,
        area=context.get("area"),
        year=context.get("year"),
        ignored=frozenset(context.get("ignore_columns") or ()),
        mapped=context.get("map_columns") or {},
    )
    for name, rows in sheets:
        report.add(name, rows.rows)
        report.warnings.extend(
            hidden_warnings(
                rows, name if len(sheets) > 1 else "", ignored=report.ignored
            )
        )
    report.unused.extend(hidden_sheet_unused(name) for name in hidden)
    report.warnings.extend(unreadable_sheet_warning(n, why) for n, why in unreadable)
    report.finish()
    if not report.layouts and not report.errors:
        raise ReadError(
            _(
                "Không tìm thấy dòng tiêu đề (cần các cột như “Tỉnh, thành phố”, “Năm”, “Kế hoạch”)."
            )
        )
    return SheetTable(
        headers=list(LONG_HEADERS),
        header_row=report.layouts[0].header_start if report.layouts else 1,
        rows=report.rows,
        sheet=", ".join(layout.sheet for layout in report.layouts),
        places=report.places,
        errors=report.errors,
        warnings=report.warnings,
        unused=report.unused,
        layout="report",
        csv=lowered.endswith((".csv", ".txt")),
        unit_sources=[
            _("“%(text)s” (dòng %(row)s)")
            % {"text": layout.unit_text, "row": layout.unit_row}
            for layout in report.layouts
            if layout.unit_text
        ],
    )


def _table(rows: Rows, known: set[str], header_row: int | None, sheet: str):
    found = rows.rows
    if not found:
        if sheet:
            raise ReadError(_("Trang “%(sheet)s” trống.") % {"sheet": sheet})
        raise ReadError(_("Tệp trống."))
    start = find_header(found, known, header_row)
    number = found[start][0]
    body = found[start + 1 :]
    if len(body) > rows.limits.rows:
        raise ReadError(
            _("Tệp có quá nhiều dòng (tối đa %(limit)s dòng dữ liệu).")
            % {"limit": count(rows.limits.rows)}
        )
    return SheetTable(
        headers=merged_headers(found, start),
        header_row=number,
        rows=body,
        sheet=sheet,
        formula_errors=[f for f in rows.formula_cells if f[0] > number],
    )


def find_header(rows: list[tuple[int, list]], known: set[str], header_row) -> int:
    """The index in ``rows`` of the header row: the one numbered
    ``header_row``, or among the top rows the one whose headers (completed
    from a merged row above) name the most known columns; a title row or
    the upper half of a two-row header loses."""
    if header_row is not None:
        for index, (number, _cells) in enumerate(rows):
            if number == header_row:
                return index
        raise ReadError(_("Không có dòng tiêu đề số %(row)s.") % {"row": header_row})
    best, best_score = None, 1
    for index in range(min(len(rows), HEADER_SEARCH_ROWS)):
        names = {header_key(h) for h in merged_headers(rows, index) if h}
        score = len(names & known)
        if score > best_score:
            best, best_score = index, score
    if best is None:
        raise ReadError(
            _(
                "Không tìm thấy dòng tiêu đề (cần các cột như “Tỉnh, thành phố”, “Năm”, “Kế hoạch”)."
            )
        )
    return best


def merged_headers(rows: list[tuple[int, list]], start: int) -> list[str]:
    """The header row, completed from a two-row header with merged cells.

    A merged cell keeps its text in its first cell only. A column whose
    header is empty takes the text above it ("Tỉnh, thành phố" merged down
    over two rows), and a column under a cell merged across, such as
    "Kinh phí (tỷ đồng)" over "Kế hoạch" and "Thực hiện", takes that cell's
    money unit when it has none of its own.
    """
    number, cells = rows[start]
    own = [str(c).strip() if c not in (None, "") else "" for c in cells]
    if start == 0 or rows[start - 1][0] != number - 1:
        return own
    above = [str(c).strip() if c not in (None, "") else "" for c in rows[start - 1][1]]
    above += [""] * (len(own) - len(above))
    headers, spanning = [], ""
    for index, text in enumerate(own):
        parent = above[index]
        spanning = parent or spanning
        if not text:
            headers.append(parent)
            continue
        unit = re.search(r"\(([^)]*)\)", spanning)
        if "(" not in text and unit and unit.group(1).strip().lower() in MONEY_UNITS:
            text = f"{text} ({unit.group(1).strip()})"
        headers.append(text)
    return headers
