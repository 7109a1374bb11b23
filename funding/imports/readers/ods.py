"""OpenDocument spreadsheets (LibreOffice's own format), read as a stream.

``content.xml`` holds every sheet; it is parsed one cell at a time. Values
come from the cell's typed attributes (``office:value``,
``office:date-value``, ``office:boolean-value``), not from the text shown,
which follows the display format ("1,850.0", "95%"). ODS stores runs of
equal rows and cells once with a repeat count: an empty run only moves the
row or column number on (LibreOffice ends a sheet with a million empty
rows); a run holding data is stored once and counted as many times as it
repeats, so the limits stop it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django.utils.translation import gettext as _

from .base import (
    MAX_CELL_CHARS,
    ReadError,
    Rows,
    StopReading,
    cell_too_long,
    column_letters,
    open_archive,
    parse_part,
)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
#: Rows and columns hidden by hand ("collapse") or by a filter.
_HIDDEN = ("collapse", "filter")
_TAGS = {
    f"{_TABLE}}}table": "table",
    f"{_TABLE}}}table-row": "row",
    f"{_TABLE}}}table-column": "column",
    f"{_STYLE}}}style": "style",
    f"{_STYLE}}}table-properties": "table-properties",
    f"{_TABLE}}}table-cell": "cell",
    f"{_TABLE}}}covered-table-cell": "cell",
    f"{_TEXT}}}p": "paragraph",
    f"{_TEXT}}}h": "paragraph",
    f"{_TEXT}}}s": "space",
    f"{_TEXT}}}tab": "tab",
    f"{_TEXT}}}line-break": "break",
    f"{_OFFICE}}}annotation": "aside",
    f"{_TEXT}}}note": "aside",
}
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")
_MAX_SHEETS = 10_000


def _broken() -> str:
    return _("Không đọc được tệp ODS (tệp hỏng hoặc không phải bảng tính).")


def _count(attrs: dict, name: str, namespace: str = _TABLE) -> int:
    text = attrs.get(f"{namespace}}}{name}")
    if text is None:
        return 1
    if not text.isdigit() or len(text) > 12 or int(text) < 1:
        raise ReadError(_broken())
    return int(text)


class _Content:
    """The sheet asked for (or the first visible one; the first at all
    when ``hidden_too``) from ``content.xml``, with what it hides."""

    def __init__(self, rows: Rows, sheet: str | None, hidden_too: bool = False):
        self.rows, self.wanted, self.hidden_too = rows, sheet, hidden_too
        self.hidden_styles: set[str] = set()  # table styles not displayed
        self.style = ""
        self.row_hidden = False
        self.first_column = 0
        self.limit = rows.limits.columns
        self.names: list[str] = []
        self.hidden_names: set[str] = set()
        self.depth = 0  # nested tables (old "sub-tables") are not rows
        self.found = self.in_table = False
        self.number = 0
        self.cells: list = []
        self.formulas: list[int] = []
        self.row_repeat = 1
        self.column = 0
        self.cell: dict = {}
        self.parts: list[str] = []
        self.size = 0
        self.paragraphs = 0
        self.in_paragraph = 0
        self.aside = 0

    def start(self, name, attrs):
        tag = _TAGS.get(name)
        if tag is None:
            return
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                hidden = attrs.get(f"{_TABLE}}}style-name") in self.hidden_styles
                self._open_table(attrs.get(f"{_TABLE}}}name", ""), hidden)
            return
        if tag in ("style", "table-properties"):
            self._style(tag, attrs)
            return
        if not self.in_table or self.depth != 1:
            return
        if tag == "column":
            self._column(attrs)
        elif tag == "cell":
            self.cell, self.parts, self.size, self.paragraphs = attrs, [], 0, 0
        elif tag == "row":
            self.row_repeat = _count(attrs, "number-rows-repeated")
            self.row_hidden = attrs.get(f"{_TABLE}}}visibility") in _HIDDEN
            self.cells, self.formulas, self.column = [], [], 0
        elif tag == "aside":
            self.aside += 1
        elif self.aside:
            return
        elif tag == "paragraph":
            if self.paragraphs:
                self._text("\n")
            self.paragraphs += 1
            self.in_paragraph += 1
        elif tag == "space":
            self._text(" " * min(_count(attrs, "c", _TEXT), MAX_CELL_CHARS + 1))
        elif tag == "tab":
            self._text("\t")
        elif tag == "break":
            self._text("\n")

    def _style(self, tag: str, attrs) -> None:
        """Note the table styles that hide a sheet (``table:display``)."""
        if tag == "style":
            family = attrs.get(f"{_STYLE}}}family")
            self.style = attrs.get(f"{_STYLE}}}name", "") if family == "table" else ""
        elif self.style and attrs.get(f"{_TABLE}}}display") == "false":
            self.hidden_styles.add(self.style)

    def _column(self, attrs) -> None:
        repeat = _count(attrs, "number-columns-repeated")
        if attrs.get(f"{_TABLE}}}visibility") in _HIDDEN:
            last = min(self.first_column + repeat, self.limit)
            self.rows.hidden_columns.update(range(self.first_column, last))
        self.first_column += repeat

    def _open_table(self, name: str, hidden: bool) -> None:
        if len(self.names) < _MAX_SHEETS:
            self.names.append(name)
            if hidden:
                self.hidden_names.add(name)
        self.in_table = not self.found and (
            name == self.wanted if self.wanted else self.hidden_too or not hidden
        )
        if self.in_table:
            self.found, self.wanted, self.number = True, name, 0
            self.rows.hidden_sheet, self.first_column = hidden, 0

    def end(self, name):
        tag = _TAGS.get(name)
        if tag == "table":
            self.depth -= 1
            if self.depth == 0 and self.in_table:
                raise StopReading  # the sheet is read; the rest is not needed
        elif not self.in_table or self.depth != 1:
            return
        elif tag == "cell":
            self._store_cell()
        elif tag == "row":
            first = self.number + 1
            self.number += self.row_repeat
            self.rows.add(first, self.cells, copies=self.row_repeat)
            if self.row_hidden and any(c not in (None, "") for c in self.cells):
                self.rows.hidden_rows.extend(range(first, self.number + 1))
            self.rows.add_formulas(first, self.formulas, copies=self.row_repeat)
        elif tag == "aside" and self.aside:
            self.aside -= 1
        elif tag == "paragraph" and not self.aside:
            self.in_paragraph -= 1

    def data(self, text):
        if self.in_table and self.in_paragraph and not self.aside:
            self._text(text)

    def _text(self, text: str) -> None:
        self.size += len(text)
        if self.size > MAX_CELL_CHARS:
            raise cell_too_long(self.number + 1, column_letters(self.column))
        self.parts.append(text)

    def _store_cell(self) -> None:
        repeat = _count(self.cell, "number-columns-repeated")
        value = self._value()
        if value in (None, ""):
            formula = f"{_TABLE}}}formula" in self.cell
            if value is None and formula and self.column < self.limit:
                self.formulas.append(self.column)
            self.column += repeat
            return
        if self.column + repeat > self.limit:
            raise self.rows.column_error(
                self.number + 1, column_letters(max(self.column, self.limit))
            )
        cells = self.cells
        if self.column > len(cells):
            cells.extend([None] * (self.column - len(cells)))
        cells.extend([value] * repeat)
        self.column += repeat

    def _value(self):
        attrs, text = self.cell, "".join(self.parts)
        kind = attrs.get(f"{_OFFICE}}}value-type")
        if kind in ("float", "currency", "percentage"):
            number = attrs.get(f"{_OFFICE}}}value", "")
            if _NUMBER.fullmatch(number):
                if kind == "percentage":
                    # "95%" is read as a ratio by the number parser, and refused
                    # where an amount is expected.
                    return f"{float(number) * 100:g}%".replace(".", ",")
                return int(number) if number.lstrip("+-").isdigit() else float(number)
        elif kind == "date":
            value = attrs.get(f"{_OFFICE}}}date-value", "")
            try:
                return (
                    datetime.fromisoformat(value)
                    if "T" in value
                    else date.fromisoformat(value)
                )
            except ValueError:
                pass
        elif kind == "boolean":
            value = attrs.get(f"{_OFFICE}}}boolean-value")
            if value in ("true", "false"):
                return value == "true"
        elif kind == "string" and f"{_OFFICE}}}string-value" in attrs:
            text = attrs[f"{_OFFICE}}}string-value"][: MAX_CELL_CHARS + 1]
        if not text:
            return None if kind is None else ""
        return self.rows.text(text, self.number + 1)


def read_ods(data: bytes, sheet: str | None, header_row: int | None):
    """The name of the sheet read (the one named, or the first visible
    one) and its rows."""
    archive = open_archive(data, "content.xml")
    rows = Rows(header_row)
    active = None if sheet else _active_sheet(archive)
    content = _Content(rows, sheet or active)
    parse_part(archive, "content.xml", content, _broken())
    if active and (not content.found or rows.hidden_sheet):
        # The sheet shown on saving is gone or hidden: the first visible one.
        rows = Rows(header_row)
        content = _Content(rows, None)
        parse_part(archive, "content.xml", content, _broken())
    if not content.found and not sheet and content.names:
        # Every sheet hidden: the first one, as before (its warning says so).
        rows = Rows(header_row)
        content = _Content(rows, None, hidden_too=True)
        parse_part(archive, "content.xml", content, _broken())
    if not content.found:
        raise ReadError(
            _("Không có trang “%(sheet)s”; các trang: %(names)s.")
            % {
                "sheet": (sheet or "")[:100],
                "names": ", ".join(n[:100] for n in content.names[:50]),
            }
        )
    return content.wanted, rows


class _Settings:
    """The sheet shown when the file was saved (the first ``ActiveTable``)."""

    def __init__(self):
        self.reading, self.parts, self.value = False, [], None

    def start(self, name, attrs):
        named = attrs.get(f"{_CONFIG}}}name")
        self.reading = name == f"{_CONFIG}}}config-item" and named == "ActiveTable"

    def end(self, name):
        if self.reading and self.value is None:
            self.value = "".join(self.parts).strip()[:MAX_CELL_CHARS]
        self.reading = False

    def data(self, text):
        if self.reading and self.value is None and len(self.parts) < 1000:
            self.parts.append(text)


def _active_sheet(archive) -> str | None:
    """The sheet shown when the file was saved; None when the file does not
    say or its view settings cannot be read (they hold no data: the sheet
    is then chosen as if they were not there)."""
    if "settings.xml" not in archive.namelist():
        return None
    settings = _Settings()
    try:
        parse_part(archive, "settings.xml", settings, _broken())
    except ReadError:
        return None
    return settings.value or None


def ods_sheet_names(data: bytes) -> list[str]:
    """The names of the sheets, in order (the whole part is parsed; no
    cell is kept)."""
    return _names_of(open_archive(data, "content.xml")).names


def _names_of(archive) -> _Content:
    content = _Content(Rows(), "\x00")
    parse_part(archive, "content.xml", content, _broken())
    return content


def ods_sheets(data: bytes) -> tuple[list[str], str | None]:
    """The visible sheets, in order, and the one shown when the file was
    saved (None when it is not one of them)."""
    archive = open_archive(data, "content.xml")
    content = _names_of(archive)
    visible = [n for n in content.names if n not in content.hidden_names]
    active = _active_sheet(archive)
    return visible, active if active in visible else None
