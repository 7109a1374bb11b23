"""CSV files as Vietnamese offices send them: UTF-8 with or without BOM,
UTF-16 with BOM (Excel's "Unicode text"), or Windows-1258; ";", tab or ","
between cells. Decoded and split while read, never held whole as text."""

from __future__ import annotations

import codecs
import csv
import io

from django.utils.translation import gettext as _

from .base import (
    HEADER_SEARCH_ROWS,
    MAX_CELL_CHARS,
    ReadError,
    Rows,
    cell_too_long,
    column_letters,
    count,
)

_CHUNK = 1 << 20
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}
# The codecs with a byte-order mark: the mark, and the codec of what follows.
_PLAIN = {
    "utf-8-sig": (codecs.BOM_UTF8, "utf-8"),
    "utf-16": (codecs.BOM_UTF16_LE, "utf-16-le"),
}


def read_csv(data: bytes, known: set[str], header_key, header_row=None) -> Rows:
    """The rows of a CSV file; ``header_key`` and ``known`` pick the delimiter."""
    encoding = _encoding(data)
    rows = Rows(header_row)
    delimiter = _delimiter(_head(data, encoding), known, header_key)
    # A record is one line, or more when a quoted cell holds line breaks;
    # either way no longer than its cells can be.
    lines = _Lines(_text(data, encoding), rows.limits.columns * (MAX_CELL_CHARS + 3))
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    try:
        for record in reader:
            number += 1
            lines.pending = 0  # the record is complete
            rows.add(number, _cells(record, number, rows))
    except csv.Error as exc:
        raise _csv_error(exc, reader.line_num, number + 1) from exc
    return rows


def _cells(record: list[str], number: int, rows: Rows) -> list:
    limit = rows.limits.columns
    if len(record) > limit:
        beyond = next((i for i in range(limit, len(record)) if record[i].strip()), None)
        if beyond is not None:
            raise rows.column_error(number, column_letters(beyond))
        del record[limit:]
    if record and max(map(len, record)) > MAX_CELL_CHARS:
        index = next(i for i, v in enumerate(record) if len(v) > MAX_CELL_CHARS)
        raise cell_too_long(number, column_letters(index))
    pooled, text = rows.pooled, rows.text
    return [pooled(v) or (text(v, number) if v else v) for v in record]


def _csv_error(exc: csv.Error, line: int, record: int) -> ReadError:
    if "field larger than field limit" in str(exc):
        return cell_too_long(record, None)
    return ReadError(
        _(
            "Tệp CSV không đọc được: dòng %(line)s không đúng định dạng CSV (dấu "
            "ngoặc kép không khớp?); hãy lưu lại tệp dưới dạng CSV UTF-8."
        )
        % {"line": line}
    )


def _encoding(data: bytes) -> str:
    """The codec the file is written in; checked over the whole file, so a
    byte no codec can read is reported with its line, before any row."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    else:
        candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        if _decodes(data, encoding):
            return encoding
    # Again, whole and without the BOM, for the position of the bad byte.
    bom, plain = _PLAIN.get(encoding, (b"", encoding))
    if encoding == "utf-16" and data.startswith(codecs.BOM_UTF16_BE):
        plain = "utf-16-be"
    try:
        data[len(bom) :].decode(plain)
    except UnicodeDecodeError as exc:
        start = exc.start + len(bom)
        line = data[:start].decode(encoding, errors="replace").count("\n") + 1
        byte = data[start] if start < len(data) else 0
        names = " và ".join(_NAMES.get(e, "Windows-1258") for e in candidates)
        raise ReadError(
            _(
                "Tệp CSV không đọc được: byte 0x%(byte)02X ở dòng %(line)s không "
                "hợp lệ trong %(encodings)s; hãy lưu lại tệp dưới dạng CSV UTF-8."
            )
            % {"byte": byte, "line": line, "encodings": names}
        ) from exc
    return encoding  # unreachable: the incremental check and this one agree


def _decodes(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(data[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _text(data: bytes, encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")


def _head(data: bytes, encoding: str) -> list[str]:
    """The top lines, each cut short: enough to tell the delimiter."""
    stream = _text(data, encoding)
    return [stream.readline(4096) for _line in range(HEADER_SEARCH_ROWS)]


def _delimiter(head: list[str], known: set[str], header_key) -> str:
    """The delimiter (";", tab or ",") under which the top lines show the
    most known column names; headers like "Tỉnh, thành phố" defeat a sniffer."""

    def score(delimiter):
        try:
            rows = list(csv.reader(head, delimiter=delimiter))
        except csv.Error:
            return 0
        return max(
            (len({header_key(c) for c in row} & known) for row in rows), default=0
        )

    return max((";", "\t", ","), key=score)


class _Lines:
    """The lines of the text for ``csv.reader``, refusing a record longer
    than ``limit`` characters before the reader splits it into cells; the
    caller zeroes ``pending`` when a record is complete."""

    def __init__(self, stream: io.TextIOWrapper, limit: int):
        self.stream, self.limit, self.pending, self.line = stream, limit, 0, 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1 - self.pending)
        if not line:
            raise StopIteration
        self.line += 1
        self.pending += len(line)
        if self.pending > self.limit:
            raise ReadError(
                _(
                    "Tệp CSV không đọc được: dòng %(line)s dài hơn %(limit)s ký tự; "
                    "đây không phải một bảng số liệu."
                )
                % {"line": self.line, "limit": count(self.limit)}
            )
        return line
