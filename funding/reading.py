"""Reading the spreadsheets people really send: CSV in any of the encodings
Vietnamese offices use, and XLSX from Excel or LibreOffice.

The result is a plain table: the header cells and the data rows, each row
with the number the spreadsheet gives it, so every error can name it.
Nothing here knows about figures; ``funding.imports`` interprets the table.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from khuyencong.text import fold


class ReadError(ValueError):
    """The file cannot be read as a table; the message says why, in Vietnamese."""


@dataclass
class SheetTable:
    headers: list[str]
    header_row: int  # 1-based, as the spreadsheet numbers it
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)
    sheet: str = ""
    formula_errors: list[tuple[int, int]] = field(
        default_factory=list
    )  # (row, col index)


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return value


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
    or Windows-1258; decomposed text (NFD) is composed (NFC)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    elif data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="strict")
    return unicodedata.normalize("NFC", text)


def _limit_rows(count: int) -> None:
    if count > settings.IMPORT_MAX_ROWS:
        raise ReadError(
            _("Tệp có quá nhiều dòng (tối đa %(limit)s dòng dữ liệu).")
            % {"limit": settings.IMPORT_MAX_ROWS}
        )


def find_header(rows: list[list], known: set[str], header_row: int | None) -> int:
    """The index of the header row: given, or among the top rows the one
    whose headers (completed from a merged row above) name the most known
    columns; a title row or the upper half of a two-row header loses."""
    if header_row is not None:
        if header_row < 1 or header_row > len(rows):
            raise ReadError(
                _("Không có dòng tiêu đề số %(row)s.") % {"row": header_row}
            )
        return header_row - 1
    best, best_score = None, 1
    for index in range(min(len(rows), 15)):
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


def header_key(cell) -> str:
    """A header matched ignoring case, diacritics, spaces and a unit in brackets."""
    text = fold(str(cell or ""))
    return text.split("(")[0].strip(" :*")


def read_csv(data: bytes, known: set[str], header_row: int | None = None) -> SheetTable:
    text = decode_csv(data)
    rows = [
        [_nfc(c) for c in row]
        for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text, known))
    ]
    if not any(any(c for c in row) for row in rows):
        raise ReadError(_("Tệp trống."))
    start = find_header(rows, known, header_row)
    body = [(number + 1, row) for number, row in enumerate(rows) if number > start]
    _limit_rows(len(body))
    return SheetTable(
        headers=merged_headers(rows, start), header_row=start + 1, rows=body
    )


def _delimiter(text: str, known: set[str]) -> str:
    """The delimiter (";", tab or ",") under which the top lines show the
    most known column names; headers like "Tỉnh, thành phố" defeat a sniffer."""
    head = "\n".join(text.splitlines()[:15])

    def score(delimiter):
        rows = list(csv.reader(io.StringIO(head), delimiter=delimiter))
        return max(
            (len({header_key(c) for c in row} & known) for row in rows), default=0
        )

    return max((";", "\t", ","), key=score)


def _read_string_table(xml_source) -> list[str]:
    """openpyxl's shared-string reader, without building an object per string.

    Same result as ``openpyxl.reader.strings.read_string_table`` (plain and
    rich-text runs joined, phonetic hints left out, ``_x005F_`` unescaped);
    it was a third of the time of reading a large XLSX.
    """
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    si, t, r = (f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("si", "t", "r"))
    strings = []
    for _event, node in iterparse(xml_source):
        if node.tag != si:
            continue
        parts = []
        for child in node:
            if child.tag == t:
                parts.append(child.text or "")
            elif child.tag == r:
                parts.extend(run.text or "" for run in child if run.tag == t)
        strings.append("".join(parts).replace("x005F_", ""))
        node.clear()
    return strings


def _column_index(reference: str) -> int:
    """0-based column of a cell reference like "AB12"."""
    index = 0
    for char in reference:
        if char.isdigit():
            break
        index = index * 26 + ord(char) - 64
    return index - 1


def _sheet_rows(workbook, worksheet):
    """Rows of a read-only worksheet as lists of values, and for each row the
    columns holding a formula without a cached value.

    The same values as openpyxl's ``iter_rows(values_only=True)`` on a
    ``data_only`` workbook (numbers cast alike, dates by the cell's style,
    shared, inline and rich-text strings, booleans, errors as their text;
    rows and cells missing from the file filled with None), read with lxml
    in one pass: openpyxl's own parser builds an object per cell and took
    most of the time of a large import, and needed a second pass for the
    formulas. Yields ``(row number, values, formula columns)``.
    """
    from lxml import etree
    from openpyxl.utils.datetime import from_excel, from_ISO8601
    from openpyxl.worksheet._reader import _cast_number
    from openpyxl.xml.constants import SHEET_MAIN_NS

    row_tag, cell_tag, value_tag, formula_tag, inline_tag, text_tag, run_tag = (
        f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("row", "c", "v", "f", "is", "t", "r")
    )
    strings = worksheet._shared_strings
    dates, durations, epoch = (
        workbook._date_formats,
        workbook._timedelta_formats,
        workbook.epoch,
    )
    expected = 1
    with workbook._archive.open(worksheet._worksheet_path) as source:
        for _event, row in etree.iterparse(
            source, events=("end",), tag=row_tag, huge_tree=True
        ):
            number = row.get("r")
            number = int(number) if number else expected
            while expected < number:  # rows left out of the file are empty
                yield expected, [], []
                expected += 1
            values, formulas, column = [], [], -1
            for cell in row.iterchildren(cell_tag):
                reference = cell.get("r")
                column = _column_index(reference) if reference else column + 1
                if column >= len(values):
                    values.extend([None] * (column + 1 - len(values)))
                kind = cell.get("t", "n")
                value = None
                if kind == "inlineStr":
                    inline = cell.find(inline_tag)
                    if inline is not None:
                        parts = []
                        for child in inline:
                            if child.tag == text_tag:
                                parts.append(child.text or "")
                            elif child.tag == run_tag:
                                parts.extend(
                                    run.text or ""
                                    for run in child
                                    if run.tag == text_tag
                                )
                        value = "".join(parts)
                else:
                    text = cell.findtext(value_tag) or None
                    if text is None:
                        if cell.find(formula_tag) is not None:
                            formulas.append(column)
                    elif kind == "n":
                        value = _cast_number(text)
                        style = cell.get("s")
                        if style and int(style) in dates:
                            try:
                                value = from_excel(
                                    value, epoch, timedelta=int(style) in durations
                                )
                            except (OverflowError, ValueError):
                                value = "#VALUE!"
                    elif kind == "s":
                        value = strings[int(text)]
                    elif kind == "b":
                        value = bool(int(text))
                    elif kind == "d":
                        value = from_ISO8601(text)
                    else:  # "str" (a formula's text result) and "e" (an error)
                        value = text
                values[column] = value
            yield number, values, formulas
            expected = number + 1
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]


def _open_read_only(data: bytes):
    """openpyxl's read-only workbook, without its pass over every sheet to
    learn the size when the writer left no <dimension> (many programs do)."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def unknown_size(sheet):
        sheet._min_column = sheet._min_row = 1
        sheet._max_column = sheet._max_row = None

    measure = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = unknown_size
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    finally:
        ReadOnlyWorksheet._get_size = measure


def read_xlsx(
    data: bytes,
    known: set[str],
    sheet: str | None = None,
    header_row: int | None = None,
) -> SheetTable:
    """Cached values of formulas are read; a formula without one is reported."""
    import openpyxl.reader.excel

    openpyxl.reader.excel.read_string_table = _read_string_table
    _check_zip(data)
    try:
        workbook = _open_read_only(data)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise ReadError(
            _("Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).")
        ) from exc
    names = workbook.sheetnames
    name = sheet or names[0]
    if name not in names:
        raise ReadError(
            _("Không có trang “%(sheet)s”; các trang: %(names)s.")
            % {"sheet": name, "names": ", ".join(names)}
        )
    rows, formula_cells = [], []
    try:
        for number, values, formulas in _sheet_rows(workbook, workbook[name]):
            rows.append([_nfc(c) for c in values])
            formula_cells.extend((number, col) for col in formulas)
            _limit_rows(len(rows) - 1)
    except (zipfile.BadZipFile, EOFError, OSError, SyntaxError) as exc:
        # A truncated archive or sheet (lxml's XMLSyntaxError is a SyntaxError).
        raise ReadError(
            _("Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).")
        ) from exc
    finally:
        workbook.close()
    if not any(any(c not in (None, "") for c in row) for row in rows):
        raise ReadError(_("Trang “%(sheet)s” trống.") % {"sheet": name})
    start = find_header(rows, known, header_row)
    headers = merged_headers(rows, start)
    body = [
        (number + 1, row)
        for number, row in enumerate(rows)
        if number > start and any(c not in (None, "") for c in row)
    ]
    return SheetTable(
        headers=headers,
        header_row=start + 1,
        rows=body,
        sheet=name,
        formula_errors=[f for f in formula_cells if f[0] > start + 1],
    )


def merged_headers(rows: list[list], start: int) -> list[str]:
    """The header row, completed from a two-row header with merged cells.

    A merged cell keeps its text in its first cell only. A column whose
    header is empty takes the text above it ("Tỉnh, thành phố" merged down
    over two rows), and a column under a cell merged across, such as
    "Kinh phí (tỷ đồng)" over "Kế hoạch" and "Thực hiện", takes that cell's
    money unit when it has none of its own.
    """
    from .formatting import MONEY_UNITS

    own = [str(c).strip() if c not in (None, "") else "" for c in rows[start]]
    if start == 0:
        return own
    above = [str(c).strip() if c not in (None, "") else "" for c in rows[start - 1]]
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


def _check_zip(data: bytes, required: str = "xl/workbook.xml") -> None:
    """Refuse what is not a spreadsheet archive, and archives that would
    expand without bound (a zip bomb)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError(
            _(
                "Tệp không phải bảng tính hợp lệ (tệp hỏng, bị cắt dở, hoặc là tệp khác đổi đuôi)."
            )
        ) from exc
    total = sum(info.file_size for info in archive.infolist())
    if total > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise ReadError(_("Tệp XLSX giải nén quá lớn; từ chối để bảo vệ máy chủ."))
    if required not in archive.namelist():
        raise ReadError(
            _(
                "Tệp không phải bảng tính hợp lệ (tệp hỏng, bị cắt dở, hoặc là tệp khác đổi đuôi)."
            )
        )


def read_ods(
    data: bytes,
    known: set[str],
    sheet: str | None = None,
    header_row: int | None = None,
) -> SheetTable:
    """OpenDocument spreadsheets (LibreOffice's own format), through tablib."""
    from odf import opendocument
    from tablib.formats._ods import ODSFormat

    _check_zip(data, required="content.xml")
    try:
        book = opendocument.load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises many kinds for broken files
        raise ReadError(
            _("Không đọc được tệp ODS (tệp hỏng hoặc không phải bảng tính).")
        ) from exc
    sheets = {
        s.getAttribute("name"): s
        for s in book.spreadsheet.childNodes
        if s.qname[1] == "table"
    }
    name = sheet or next(iter(sheets), "")
    if name not in sheets:
        raise ReadError(
            _("Không có trang “%(sheet)s”; các trang: %(names)s.")
            % {"sheet": name, "names": ", ".join(sheets)}
        )
    rows = list(_ods_rows(sheets[name], ODSFormat.read_cell))
    if not any(any(c not in (None, "") for c in row) for row in rows):
        raise ReadError(_("Trang “%(sheet)s” trống.") % {"sheet": name})
    start = find_header(rows, known, header_row)
    body = [
        (number + 1, row)
        for number, row in enumerate(rows)
        if number > start and any(c not in (None, "") for c in row)
    ]
    _limit_rows(len(body))
    return SheetTable(
        headers=merged_headers(rows, start), header_row=start + 1, rows=body, sheet=name
    )


MAX_COLUMNS = 100


def _ods_rows(sheet, read_cell):
    from odf import teletype

    """The rows of an ODS sheet as the spreadsheet numbers them.

    ODS stores runs of equal rows and cells once with a repeat count (an
    empty sheet tail is "1,048,000 empty rows"): repeats are expanded only
    for cells that hold something, and empty rows still count.
    """
    for row in sheet.childNodes:
        if row.tagName != "table:table-row":
            continue
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        cells = []
        for cell in row.childNodes:
            count = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            has_value = cell.hasChildNodes() or cell.getAttribute("valuetype")
            value = read_cell(cell) if has_value else None
            if value in (None, "") and cell.hasChildNodes():
                # tablib drops text that starts with spaces (<text:s/>).
                value = teletype.extractText(cell)
            cells.extend([_nfc(value)] * min(count, MAX_COLUMNS - len(cells)))
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if not cells:
            yield from ([] for _empty in range(min(repeat, 10_000)))
            continue
        for _copy in range(repeat):
            yield list(cells)


def read_table(
    data: bytes,
    filename: str,
    known: set[str],
    sheet: str | None = None,
    header_row: int | None = None,
) -> SheetTable:
    """Read a CSV or XLSX file (by its name), within the size limits."""
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise ReadError(
            _("Tệp quá lớn (tối đa %(mb)s MB).")
            % {"mb": settings.IMPORT_MAX_BYTES // 2**20}
        )
    if not data:
        raise ReadError(_("Tệp trống."))
    lowered = filename.lower()
    if lowered.endswith(".xlsx"):
        return read_xlsx(data, known, sheet=sheet, header_row=header_row)
    if lowered.endswith(".ods"):
        return read_ods(data, known, sheet=sheet, header_row=header_row)
    if lowered.endswith((".csv", ".txt")):
        return read_csv(data, known, header_row=header_row)
    raise ReadError(_("Chỉ nhận tệp .xlsx, .ods hoặc .csv."))
