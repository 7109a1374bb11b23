"""Checking the columns of a plain table (the wide layout or the long one)
before its rows are read: nothing in it is dropped without a word.

A column whose header the importer reads twice (two "Thực hiện", "Tỉnh"
and "Địa bàn") would have one of them ignored, a column of numbers under a
header it does not know ("Ước TH năm sau") would be skipped, and a measure
column beside the long layout's "Loại số liệu"/"Giá trị" would be too: each
refuses the file, naming the columns. A column of text it does not know is
listed as not used. Report layouts check their columns themselves
(``funding.imports.layout_columns``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..core.numbers import NumberFormatError, parse_number
from ..core.units import COUNT_UNITS, unit_word
from .plan_rows import RowError
from .readers.base import column_letters
from .reading import SheetTable, header_key
from .words import HEADERS, MEASURE_COLUMNS, unit_of

#: Numbering columns: numbers, but no figure.
NUMBERING = {"stt", "tt", "so tt", "so thu tu"}
#: Derived columns (a ratio of two figures) and codes: numbers, no figure.
RATIO_PREFIXES = ("ty le", "ti le")
CODE_PREFIXES = ("ma tinh", "ma dia ban", "ma don vi", "ma so")
_STARTS_LIKE_NUMBER = re.compile(r"[-+]?\s*[\d.,]")
_NUMBER_LIKE = re.compile(r"[-+]?[\d.,\s]*\d[\d.,\s]*")


def check_table_columns(table: SheetTable) -> tuple[list[RowError], list[str]]:
    """The errors of the table's columns, and the columns not used."""
    errors: list[RowError] = []
    unused: list[str] = []
    first_of: dict[str, int] = {}
    width = max([len(table.headers), *(len(cells) for _n, cells in table.rows)])
    for index in range(width):
        header = table.headers[index] if index < len(table.headers) else ""
        key = HEADERS.get(header_key(header))
        if index in table.measure_maps:  # "Cột ánh xạ"
            key = table.measure_maps[index].measure
        if column_letters(index) in table.ignored:
            why = _("người nhập xác nhận không dùng cột này")
            unused.append(column_unused(table, _name(table, index), why))
        elif key in first_of:
            errors.append(_duplicate(table, first_of[key], index))
        elif key:
            first_of[key] = index
        elif reason := _not_figures(table, index, header):
            unused.append(column_unused(table, _name(table, index), reason))
        elif _holds_number(table, index):
            errors.append(_unknown(table, index, header))
        elif header or _holds_text(table, index):
            why = _("không phải cột đã biết")
            unused.append(column_unused(table, _name(table, index), why))
    if "measure" in first_of and "value" in first_of:
        errors.extend(
            _beside_long(table, first_of[m]) for m in MEASURE_COLUMNS if m in first_of
        )
    return errors, unused


def sheet_named(table: SheetTable) -> str:
    """The sheet a workbook's table was read from, cut to 100 characters
    (as ``hidden_parts`` names sheets); "" for a CSV."""
    return table.sheet[:100] if table.sheet else ""


def column_unused(table: SheetTable, column: str, why: str) -> str:
    """A column not read: in a workbook's table named with its sheet, as
    report layouts and the rows not read name theirs."""
    if sheet := sheet_named(table):
        return _("Trang “%(sheet)s”, cột %(column)s: không dùng (%(why)s).") % {
            "sheet": sheet,
            "column": column,
            "why": why,
        }
    return _("Cột %(column)s: không dùng (%(why)s).") % {"column": column, "why": why}


def _name(table: SheetTable, index: int) -> str:
    header = table.headers[index] if index < len(table.headers) else ""
    if not header.strip():
        return _("%(column)s (không có tiêu đề)") % {"column": column_letters(index)}
    return f"{column_letters(index)} “{header}”"


def _not_figures(table: SheetTable, index: int, header: str) -> str:
    """Why a column of numbers that reports list as not used holds no
    figure ("STT", "Tỷ lệ (%)", "Mã tỉnh", an unlabelled 1..n); "" when it
    may hold some."""
    key = header_key(header).rstrip(". ")
    if key in NUMBERING or (not header.strip() and _numbering(table, index)):
        return _("số thứ tự")
    if key.startswith(RATIO_PREFIXES) or ("%" in header and not _money_unit(header)):
        return _("tỷ lệ, suy ra từ các số liệu")
    if key.startswith(CODE_PREFIXES):
        return _("mã, không phải số liệu")
    return ""


def _money_unit(header: str) -> bool:
    # "Kinh phí hỗ trợ 30% (triệu đồng)" holds money, not a ratio.
    unit = unit_word(unit_of(header)) if unit_of(header) else None
    return unit is not None and unit not in COUNT_UNITS


def _numbering(table: SheetTable, index: int) -> bool:
    """An unlabelled first column holding 1, 2, 3… down at least three
    rows: a numbering (a column of counts further right is refused as an
    unknown number column, never dropped)."""
    return (
        not any(_holds_number(table, left) for left in range(index))
        and len(list(_cells(table, index))) >= 3
        and _counts_rows(table, index)
    )


def _counts_rows(table: SheetTable, index: int) -> bool:
    """Whether the column holds 1, 2, 3… down its rows."""
    numbers = []
    for cell in _cells(table, index):
        try:
            numbers.append(Decimal(str(cell).strip()))
        except InvalidOperation:
            return False
    return bool(numbers) and numbers == list(range(1, len(numbers) + 1))


def _duplicate(table: SheetTable, first: int, index: int) -> RowError:
    return RowError(
        table.header_row,
        table.headers[index],
        None,
        _(
            "cột %(second)s và cột %(first)s là cùng một cột (cùng loại thông tin): chỉ "
            "đọc được một cột. Hãy xoá hoặc đổi tên một trong hai cột, hoặc ghi cột không "
            "cần đọc ở “Cột không dùng”, rồi nhập lại."
        )
        % {"first": _name(table, first), "second": _name(table, index)},
    )


def _unknown(table: SheetTable, index: int, header: str) -> RowError:
    return RowError(
        table.header_row,
        header or column_letters(index),
        None,
        _(
            "cột %(column)s có số nhưng tiêu đề không cho biết đó là số liệu gì. Hãy đặt "
            "tiêu đề “Kế hoạch”, “Thực hiện” hoặc “Ước thực hiện” (kèm đơn vị, ví dụ "
            "“Thực hiện (tỷ đồng)”), hoặc, nếu không cần, ghi cột ở “Cột không dùng”."
        )
        % {"column": _name(table, index)},
    )


def _beside_long(table: SheetTable, index: int) -> RowError:
    return RowError(
        table.header_row,
        table.headers[index],
        None,
        _(
            "tệp có cột “Loại số liệu” và “Giá trị” (bảng dài) nên không đọc cột "
            "%(column)s. Hãy ghi số liệu của cột này thành các dòng riêng, hoặc ghi cột ở "
            "“Cột không dùng”."
        )
        % {"column": _name(table, index)},
    )


def _cells(table: SheetTable, index: int):
    for _number, cells in table.rows:
        if index < len(cells) and cells[index] not in (None, ""):
            yield cells[index]


def _holds_number(table: SheetTable, index: int) -> bool:
    # A column of names repeats a few texts down 200,000 rows: each once.
    seen: set[str] = set()
    for cell in _cells(table, index):
        if isinstance(cell, str):
            if cell in seen:
                continue
            seen.add(cell)
        if _is_number(cell):
            return True
    return False


def _holds_text(table: SheetTable, index: int) -> bool:
    return any(str(cell).strip() for cell in _cells(table, index))


def _is_number(cell) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float | Decimal):
        return True
    text = str(cell).strip()
    if not _STARTS_LIKE_NUMBER.match(text):
        return False  # a number starts with a sign, a digit or a separator
    try:
        return parse_number(text) is not None
    except NumberFormatError:
        # "1.234" bare is refused as ambiguous, but it is a number.
        return bool(_NUMBER_LIKE.fullmatch(text))
