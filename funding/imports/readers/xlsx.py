"""XLSX files from Excel or LibreOffice, read as a stream.

Only the parts a table needs are read: the workbook (sheet names, the 1904
calendar), its relationships (where each sheet is), the styles (which cells
are dates), the shared strings and the one sheet asked for, each through a
streaming parser holding one cell at a time. The values are those of
openpyxl's ``iter_rows(values_only=True)`` on a ``data_only`` workbook
(tests/funding/test_imports.py compares them), cleaned as every reader
cleans text (NFC, stripped); a formula without a cached value is reported
for its cell.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import (
    CALENDAR_MAC_1904,
    WINDOWS_EPOCH,
    from_excel,
    from_ISO8601,
)

from .base import (
    MAX_CELL_CHARS,
    ReadError,
    Rows,
    cell_too_long,
    column_letters,
    count,
    open_archive,
    parse_part,
)
from .xlsx_parts import (
    _broken,
    _Handler,
    _names,
    _Relationships,
    _Styles,
    _Workbook,
)

_REFERENCE = re.compile(r"([A-Za-z]+)(\d+)")


class _SharedStrings(_Handler):
    """The shared-string table, as openpyxl reads it (plain and rich-text
    runs joined, phonetic hints left out, ``_x005F_`` unescaped), cleaned
    and counted against the limits while it is read."""

    tags = _names("si", "t", "rPh")

    def __init__(self, rows: Rows):
        self.rows = rows
        self.strings: list[str] = []
        self.parts: list[str] = []
        self.size = 0
        self.reading = False
        self.phonetic = 0

    def start(self, name, attrs):
        tag = self.tags.get(name)
        if tag == "si":
            self.parts, self.size = [], 0
        elif tag == "t":
            self.reading = not self.phonetic
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, name):
        tag = self.tags.get(name)
        if tag == "t":
            self.reading = False
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "si":
            if len(self.strings) >= self.rows.limits.shared_strings:
                raise ReadError(
                    _(
                        "Bảng chuỗi dùng chung của tệp XLSX có hơn %(limit)s chuỗi; "
                        "từ chối để bảo vệ máy chủ. Hãy sao chép dữ liệu sang một "
                        "tệp mới rồi lưu lại."
                    )
                    % {"limit": count(self.rows.limits.shared_strings)}
                )
            limits = self.rows.limits
            if self.rows.chars + self.size > limits.text_chars:
                raise ReadError(
                    _(
                        "Bảng chuỗi dùng chung của tệp XLSX có hơn %(limit)s ký tự; "
                        "từ chối để bảo vệ máy chủ. Hãy sao chép dữ liệu sang một "
                        "tệp mới rồi lưu lại."
                    )
                    % {"limit": count(limits.text_chars)}
                )
            text = "".join(self.parts).replace("x005F_", "")
            self.strings.append(self.rows.text(text, None) if text else text)

    def data(self, text):
        if self.reading:
            self.size += len(text)
            if self.size > MAX_CELL_CHARS:
                raise ReadError(
                    _(
                        "Một chuỗi trong bảng chuỗi dùng chung của tệp XLSX dài hơn "
                        "%(limit)s ký tự (giới hạn của Excel)."
                    )
                    % {"limit": count(MAX_CELL_CHARS)}
                )
            self.parts.append(text)


class _Sheet(_Handler):
    """A worksheet's rows, one cell at a time, into ``rows``."""

    tags = _names("row", "c", "v", "f", "is", "t", "rPh", "col")

    def __init__(self, rows: Rows, strings: list[str], styles, date1904: bool):
        self.rows, self.strings = rows, strings
        self.dates, self.durations = styles
        self.epoch = CALENDAR_MAC_1904 if date1904 else WINDOWS_EPOCH
        self.limit = rows.limits.columns
        self.columns: dict[str, int | None] = {}
        self.number, self.values, self.formulas = 0, [], []
        self.reference, self.column, self.kind, self.style = "", -1, "n", None
        self.parts: list[str] = []
        self.size = 0
        self.reading = self.inline = self.formula = self.hidden = False
        self.phonetic = 0

    def start(self, name, attrs):
        tag = self.tags.get(name)
        if tag == "c":
            self.reference = attrs.get("r", "")
            if self.reference:
                self.column = self._column(self.reference)
            elif self.column is not None:
                self.column += 1
            self.kind = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.parts, self.size = [], 0
            self.inline = self.formula = False
        elif tag == "v":
            self.reading = True
        elif tag == "t":
            self.reading = self.inline and not self.phonetic
        elif tag == "row":
            number = attrs.get("r")
            try:
                self.number = int(number) if number else self.number + 1
            except ValueError as exc:
                raise ReadError(_broken()) from exc
            self.values, self.formulas, self.column = [], [], -1
            self.hidden = _true(attrs.get("hidden"))
        elif tag == "col" and _true(attrs.get("hidden")):
            first, last = _number(attrs.get("min")), _number(attrs.get("max"))
            self.rows.hidden_columns.update(
                range(max(first, 1) - 1, min(last, self.limit))
            )
        elif tag == "is":
            self.inline = True
        elif tag == "f":
            self.formula = True
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, name):
        tag = self.tags.get(name)
        if tag == "c":
            self._store(self._value())
        elif tag in ("v", "t"):
            self.reading = False
        elif tag == "row":
            if self.hidden and any(v not in (None, "") for v in self.values):
                self.rows.hidden_rows.append(self.number)
            self.rows.add(self.number, self.values)
            self.rows.add_formulas(self.number, self.formulas)
        elif tag == "rPh":
            self.phonetic -= 1

    def data(self, text):
        if self.reading:
            self.size += len(text)
            if self.size > MAX_CELL_CHARS:
                raise cell_too_long(self.number, self.reference or None)
            self.parts.append(text)

    def _column(self, reference: str) -> int | None:
        """The 0-based column of "AB12", or None beyond the column limit."""
        match = _REFERENCE.fullmatch(reference)
        if match is None:
            raise ReadError(
                _("Tệp XLSX có ô với địa chỉ không hợp lệ “%(cell)s” ở dòng %(row)s.")
                % {"cell": reference[:20], "row": self.number}
            )
        letters = match.group(1).upper()
        if letters in self.columns:
            return self.columns[letters]
        index = 0
        for char in letters:
            index = index * 26 + ord(char) - 64
            if index > self.limit:
                return None  # not cached: such letters are few or hostile
        self.columns[letters] = index - 1
        return index - 1

    def _value(self):
        text = "".join(self.parts) if self.parts else None
        kind = self.kind
        if kind == "inlineStr":
            return (
                self.rows.text(text, self.number)
                if self.inline and text
                else ("" if self.inline else None)
            )
        if text is None:
            if self.formula and self.column is not None and self.column < self.limit:
                self.formulas.append(self.column)
            return None
        if kind == "n":
            return self._number(text)
        if kind == "s":
            try:
                return self.strings[int(text)]
            except (ValueError, IndexError) as exc:
                raise ReadError(
                    _(
                        "Ô %(cell)s của tệp XLSX trỏ tới một chuỗi không có trong "
                        "tệp (tệp hỏng); hãy mở bằng Excel/LibreOffice, lưu lại rồi nhập."
                    )
                    % {"cell": self.reference[:20]}
                ) from exc
        if kind == "b":
            return bool(int(text)) if text in ("0", "1") else text
        if kind == "d":
            try:
                return from_ISO8601(text)
            except ValueError:
                return text
        # "str" (a formula's text result) and "e" (an error such as #N/A)
        return self.rows.text(text, self.number)

    def _number(self, text: str):
        try:
            if "." in text or "E" in text or "e" in text:
                value = float(text)
            else:
                value = int(text)
        except ValueError:
            return self.rows.text(text, self.number)
        if self.style in self.dates:
            try:
                return from_excel(
                    value, self.epoch, timedelta=self.style in self.durations
                )
            except (OverflowError, ValueError):
                return "#VALUE!"
        return value

    def _store(self, value) -> None:
        if self.column is None or self.column >= self.limit:
            if value in (None, "") and not self.formula:
                return  # an empty cell far out: nothing to keep
            if self.column is None:
                letters = _REFERENCE.fullmatch(self.reference).group(1)[:20].upper()
            else:
                letters = column_letters(self.column)
            raise self.rows.column_error(self.number, letters)
        values = self.values
        if self.column >= len(values):
            values.extend([None] * (self.column + 1 - len(values)))
        values[self.column] = value


def read_xlsx(data: bytes, sheet: str | None, header_row: int | None):
    """The name of the sheet read (the one named, or the first) and its rows."""
    archive = open_archive(data, "xl/workbook.xml")
    book = _Workbook()
    parse_part(archive, "xl/workbook.xml", book, _broken())
    relations = _Relationships()
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        parse_part(archive, "xl/_rels/workbook.xml.rels", relations, _broken())
    names = [name for name, _rid in book.sheets]
    name = sheet or _shown_sheet(book, relations)
    kind, part = relations.targets.get(dict(book.sheets).get(name, ""), ("", ""))
    if name not in names:
        raise ReadError(
            _("Không có trang “%(sheet)s”; các trang: %(names)s.")
            % {"sheet": name[:100], "names": ", ".join(n[:100] for n in names[:50])}
        )
    if kind != "worksheet" or part not in archive.namelist():
        raise ReadError(
            _(
                "Trang “%(sheet)s” không phải một bảng dữ liệu (biểu đồ hoặc trang hỏng)."
            )
            % {"sheet": name}
        )
    rows = Rows(header_row)
    strings = _SharedStrings(rows)
    styles = _Styles()
    for handler, kind, default in (
        (strings, "sharedStrings", "xl/sharedStrings.xml"),
        (styles, "styles", "xl/styles.xml"),
    ):
        found = next((p for k, p in relations.targets.values() if k == kind), default)
        if found in archive.namelist():
            parse_part(archive, found, handler, _broken())
    reader = _Sheet(rows, strings.strings, styles.kinds(), book.date1904)
    parse_part(archive, part, reader, _broken())
    rows.hidden_sheet = name in book.hidden
    return name, rows


def _shown_sheet(book: _Workbook, relations: _Relationships) -> str:
    """The sheet a spreadsheet program shows on opening: the active one if
    it is a visible worksheet, else the first visible worksheet, else the
    first worksheet (a hidden sheet is never read unless named)."""
    worksheets = [
        n
        for n, rid in book.sheets
        if relations.targets.get(rid, ("",))[0] == "worksheet"
    ]
    visible = [n for n in worksheets if n not in book.hidden]
    if 0 <= book.active < len(book.sheets) and book.sheets[book.active][0] in visible:
        return book.sheets[book.active][0]
    names = visible or worksheets or [n for n, _rid in book.sheets]
    return names[0] if names else ""


def _true(text) -> bool:
    return (text or "").lower() in ("1", "true")


def _number(text) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _workbook(data: bytes):
    archive = open_archive(data, "xl/workbook.xml")
    book = _Workbook()
    parse_part(archive, "xl/workbook.xml", book, _broken())
    relations = _Relationships()
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        parse_part(archive, "xl/_rels/workbook.xml.rels", relations, _broken())
    return book, relations


def xlsx_sheet_names(data: bytes) -> list[str]:
    """The names of the worksheets, in order."""
    book, relations = _workbook(data)
    return [
        name
        for name, rid in book.sheets
        if relations.targets.get(rid, ("worksheet",))[0] == "worksheet"
    ]


def xlsx_sheets(data: bytes) -> tuple[list[str], str | None]:
    """The visible worksheets, in order, and the one shown when the file
    was saved (None when it is not one of them)."""
    book, relations = _workbook(data)
    visible = [
        name
        for name, rid in book.sheets
        if relations.targets.get(rid, ("",))[0] == "worksheet"
        and name not in book.hidden
    ]
    active = (
        book.sheets[book.active][0] if 0 <= book.active < len(book.sheets) else None
    )
    return visible, active if active in visible else None
