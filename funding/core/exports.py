"""CSV and XLSX downloads, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would be run as a formula by Excel or LibreOffice (CSV injection); every
text cell is neutralised with a leading apostrophe. Numbers stay numbers.
CSV is UTF-8 with a byte-order mark so Excel shows Vietnamese correctly.
"""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

import tablib
from django.http import HttpResponse, StreamingHttpResponse

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value):
    """Make a text cell inert; leave numbers, dates and empties alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def plain_number(value: Decimal):
    """Whole đồng without ".00"; fractions keep their digits."""
    return int(value) if value == value.to_integral_value() else value


def _cell(value):
    if isinstance(value, Decimal):
        return plain_number(value)
    return neutralise(value)


def dataset(
    headers: list[str], rows: Iterable[Iterable], title: str = ""
) -> tablib.Dataset:
    data = tablib.Dataset(
        headers=[neutralise(h) for h in headers], title=title[:31] or None
    )
    for row in rows:
        data.append([_cell(v) for v in row])
    return data


def download(data: tablib.Dataset, filename: str, fmt: str) -> HttpResponse:
    """The dataset as an attachment: ``fmt`` is "csv", "xlsx" or "ods"."""
    if fmt in CONTENT_TYPES:
        response = HttpResponse(data.export(fmt), content_type=CONTENT_TYPES[fmt])
    else:
        response = HttpResponse(
            (BOM + data.export("csv")).encode("utf-8"),
            content_type="text/csv; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def stream_csv(
    headers: list[str], rows: Iterable[Iterable], filename: str, prepared: bool = False
):
    """A CSV too large to build in memory, written in batches of rows.

    ``prepared`` rows have their text cells neutralised already (the caller
    did it once per distinct value), so they are written as they are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def generate():
        writer.writerow([neutralise(h) for h in headers])
        yield BOM + buffer.getvalue()
        batch = []
        for row in rows:
            batch.append(row if prepared else [_cell(v) for v in row])
            if len(batch) == 5000:
                yield _flush(batch)
                batch = []
        if batch:
            yield _flush(batch)

    def _flush(batch):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(batch)
        return buffer.getvalue()

    response = StreamingHttpResponse(generate(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
