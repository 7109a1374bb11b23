"""What every reader shares: the import limits, enforced while a file is
read, and a streaming parser for the XML inside XLSX and ODS files.

Memory follows what a file holds, never what it claims: a repeat count, a
far cell reference or a table of unused strings costs nothing until it
would be stored, and storing stops at the limits (``IMPORT_MAX_*``) with a
Vietnamese message naming the row. The largest table the limits allow is
what bounds a worker's memory while it reads (README, "Importing figures").
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from xml.parsers import expat

from django.conf import settings
from django.utils.translation import gettext as _

from ...core.formatting import format_number

#: Excel's own limit on the text of one cell: no spreadsheet holds longer.
MAX_CELL_CHARS = 32_767
#: The top rows searched for the header (a title may stand above it).
HEADER_SEARCH_ROWS = 15
#: Short texts recur on every row (areas, periods, sources): one copy each.
_POOLED_LENGTH = 40
_POOL_SIZE = 65_536
_CHUNK = 1 << 16


class ReadError(ValueError):
    """The file cannot be read as a table; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Limits:
    """The import limits of the settings, read once per file."""

    rows: int
    columns: int
    cells: int
    text_chars: int
    shared_strings: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            rows=settings.IMPORT_MAX_ROWS,
            columns=settings.IMPORT_MAX_COLUMNS,
            cells=settings.IMPORT_MAX_CELLS,
            text_chars=settings.IMPORT_MAX_TEXT_CHARS,
            shared_strings=settings.IMPORT_MAX_SHARED_STRINGS,
        )


def count(number: int) -> str:
    """A limit as Vietnamese write it: 200.000."""
    return format_number(number, 0)


def column_letters(index: int) -> str:
    """The spreadsheet name of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Rows:
    """The non-empty rows of a sheet, kept as they are read, each with the
    number the spreadsheet gives it; every limit is checked before anything
    is stored. Empty rows are only counted."""

    def __init__(self, header_row: int | None = None):
        self.limits = Limits.from_settings()
        self.rows: list[tuple[int, list]] = []
        self.formula_cells: list[tuple[int, int]] = []  # (row, column index)
        #: What the spreadsheet hides: the sheet itself, the rows (numbers)
        #: and columns (indexes) holding data; the import tells of them.
        self.hidden_sheet = False
        self.hidden_rows: list[int] = []
        self.hidden_columns: set[int] = set()
        self.cells = 0
        self.chars = 0
        # The header and a title above it come on top of the data rows.
        self.max_rows = self.limits.rows + max(HEADER_SEARCH_ROWS, header_row or 0)
        self._pool: dict[str, str] = {}
        #: The cleaned text of a short text seen before, or None.
        self.pooled = self._pool.get

    def add(self, number: int, cells: list, copies: int = 1) -> None:
        """Keep a row (``copies`` rows from ``number`` on for a repeated
        one, sharing one list); trailing empty cells are dropped."""
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if not cells:
            return
        if len(self.rows) + copies > self.max_rows:
            raise ReadError(
                _("Tệp có quá nhiều dòng (tối đa %(limit)s dòng dữ liệu).")
                % {"limit": count(self.limits.rows)}
            )
        if self.cells + len(cells) * copies > self.limits.cells:
            # The first of the copies that goes over.
            over = (self.limits.cells - self.cells) // len(cells)
            raise self._too_many_cells(number + over)
        self.cells += len(cells) * copies
        if copies == 1:
            self.rows.append((number, cells))
        else:
            self.rows.extend((number + offset, cells) for offset in range(copies))

    def add_formulas(self, number: int, columns: list[int], copies: int = 1) -> None:
        """Note the cells of a row (and its copies) holding a formula
        without a cached value; each is reported as an error later."""
        if not columns:
            return
        if len(self.formula_cells) + len(columns) * copies > self.limits.cells:
            raise self._too_many_cells(number + copies - 1)
        self.formula_cells.extend(
            (number + offset, column) for offset in range(copies) for column in columns
        )

    def _too_many_cells(self, row: int) -> ReadError:
        return ReadError(
            _(
                "Tệp có quá nhiều ô (tối đa %(limit)s ô trong các dòng có dữ "
                "liệu); đến dòng %(row)s đã vượt quá."
            )
            % {"limit": count(self.limits.cells), "row": row}
        )

    def text(self, value: str, row: int | None) -> str:
        """A cell's text, composed (NFC) and stripped, counted against the
        text limit; a short text read before is the same object again."""
        pooled = self._pool.get(value)
        if pooled is not None:
            return pooled
        self.count_text(len(value), row)
        clean = unicodedata.normalize("NFC", value).strip()
        if len(value) <= _POOLED_LENGTH and len(self._pool) < _POOL_SIZE:
            self._pool[value] = clean
        return clean

    def count_text(self, length: int, row: int | None) -> None:
        self.chars += length
        if self.chars > self.limits.text_chars:
            where = (
                _("; đến dòng %(row)s đã vượt quá.") % {"row": row}
                if row is not None
                else "."
            )
            raise ReadError(
                _("Tệp có quá nhiều chữ (tối đa %(limit)s ký tự)")
                % {"limit": count(self.limits.text_chars)}
                + where
            )

    def column_error(self, row: int, column: str) -> ReadError:
        return ReadError(
            _(
                "Dòng %(row)s có dữ liệu ở cột %(column)s, ngoài giới hạn "
                "%(limit)s cột (A đến %(last)s)."
            )
            % {
                "row": row,
                "column": column,
                "limit": self.limits.columns,
                "last": column_letters(self.limits.columns - 1),
            }
        )


def cell_too_long(row: int, column: str | None) -> ReadError:
    where = (
        _("Ô ở dòng %(row)s, cột %(column)s") % {"row": row, "column": column}
        if column
        else _("Một ô ở dòng %(row)s") % {"row": row}
    )
    return ReadError(
        where
        + _(
            " dài hơn %(limit)s ký tự (giới hạn của Excel); đây không phải một số liệu."
        )
        % {"limit": count(MAX_CELL_CHARS)}
    )


#: The archive's table of contents: a few kilobytes in an office file.
#: ``zipfile`` reads all of it into objects when it opens the archive.
MAX_DIRECTORY_BYTES = 1 << 20


def _directory_size(data: bytes) -> int:
    """The size of the central directory the end record of a zip declares
    (0 when there is no end record: ``zipfile`` will refuse the file)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return 0
    return int.from_bytes(data[end + 12 : end + 16], "little")


def open_archive(data: bytes, required: str) -> zipfile.ZipFile:
    """The archive of an XLSX or ODS file; refused when it is not one, or
    when it would unpack beyond IMPORT_MAX_UNPACKED_BYTES (a zip bomb).

    The sizes checked are the declared ones, which ``zipfile`` never reads
    past, so they bound what each part can unpack to.
    """
    not_a_spreadsheet = ReadError(
        _(
            "Tệp không phải bảng tính hợp lệ (tệp hỏng, bị cắt dở, hoặc là tệp khác đổi đuôi)."
        )
    )
    if _directory_size(data) > MAX_DIRECTORY_BYTES:
        raise ReadError(_("Tệp có quá nhiều phần; từ chối để bảo vệ máy chủ."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise not_a_spreadsheet from exc
    total = sum(info.file_size for info in archive.infolist())
    if total > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise ReadError(_("Tệp giải nén quá lớn; từ chối để bảo vệ máy chủ."))
    if required not in archive.namelist():
        raise not_a_spreadsheet
    return archive


class StopReading(Exception):
    """Raised by a handler when it has read all it needs from a part."""


#: No office program writes a tag, or a run of text, this long; expat holds
#: a whole tag (with its attributes) in memory before it reports it.
MAX_TOKEN_BYTES = 1 << 20
#: Spreadsheet XML nests a few levels deep; expat keeps every open element.
MAX_DEPTH = 256


class _Guard:
    """Byte-level checks on a part before expat reads it, so that expat's
    own memory stays small: no DOCTYPE (entities), comment, CDATA section or
    processing instruction beyond the XML declaration (office programs
    write none, and each is buffered whole), and no megabyte without a
    ">" (one huge tag)."""

    def __init__(self, broken: str):
        self.broken = broken
        self.started = False
        self.tail = b""
        self.since_close = 0

    def check(self, chunk: bytes) -> None:
        scanned = chunk
        if not self.started:
            self.started = True
            body = chunk.removeprefix(codecs.BOM_UTF8)
            if body.startswith(b"<?xml"):
                end = body.find(b"?>", 0, 1024)
                if end < 0:
                    raise ReadError(self.broken)
                scanned = body[end + 2 :]
        if b"<!" in self.tail + scanned or b"<?" in self.tail + scanned:
            raise ReadError(self.broken)
        self.tail = chunk[-1:]
        last = chunk.rfind(b">")
        self.since_close = (
            self.since_close + len(chunk) if last < 0 else len(chunk) - last - 1
        )
        if self.since_close > MAX_TOKEN_BYTES:
            raise ReadError(self.broken)


def parse_part(archive: zipfile.ZipFile, name: str, handler, broken: str) -> None:
    """Stream one XML part of ``archive`` through ``handler``'s ``start``,
    ``end`` and ``data`` methods, a chunk at a time: no tree is built, so
    memory is what the handler keeps. ``broken`` is the message for a part
    that cannot be read to its end."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    depth = 0
    start, end = handler.start, handler.end

    def opened(tag, attrs):
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise ReadError(broken)
        start(tag, attrs)

    def closed(tag):
        nonlocal depth
        depth -= 1
        end(tag)

    parser.StartElementHandler = opened
    parser.EndElementHandler = closed
    parser.CharacterDataHandler = handler.data
    guard = _Guard(broken)
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                guard.check(chunk)
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except StopReading:
        pass
    except (
        expat.ExpatError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,  # a compression method zipfile does not know
        RuntimeError,  # an encrypted part
    ) as exc:
        raise ReadError(broken) from exc
