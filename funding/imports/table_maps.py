""" "Cột ánh xạ" for a plain table (the wide layout or the long one), as
for a report (``funding.imports.report_table``): a column whose header the
importer does not understand is read as the measure the officer names. A
mapping it cannot apply refuses the file, naming the column: one the file
does not have, one whose header is already understood, one also declined,
or a measure the table already has a column for. The fund a mapping names
must be the row's ("Nguồn kinh phí", or all funds when the table has no
such column): a plain table states its fund per row, and a cell is never
moved to another fund without a word.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..core.models import Figure
from .plan_rows import RowError
from .readers.base import column_letters
from .reading import SheetTable, header_key
from .words import HEADERS, MEASURE_COLUMNS


def map_table_columns(table: SheetTable) -> list[RowError]:
    """Set ``table.measure_maps`` from ``table.mapped``; the errors of the
    mappings that cannot apply."""
    errors: list[RowError] = []
    width = max([len(table.headers), *(len(cells) for _n, cells in table.rows)])
    letters = {column_letters(index): index for index in range(width)}
    known = {}
    for index, header in enumerate(table.headers):
        key = HEADERS.get(header_key(header))
        if key in MEASURE_COLUMNS and column_letters(index) not in table.ignored:
            known.setdefault(key, index)
    for letter, mapped in sorted(table.mapped.items()):
        index = letters.get(letter)
        header = (
            table.headers[index]
            if index is not None and index < len(table.headers)
            else ""
        )
        if index is None:
            why = _("“Cột ánh xạ”: tệp không có cột %(column)s.")
        elif letter in table.ignored:
            why = _(
                "cột %(column)s vừa được ánh xạ vừa được ghi là không dùng: hãy chọn một."
            )
        elif HEADERS.get(header_key(header)):
            why = _(
                "cột %(column)s (“%(header)s”) đã được hiểu, không cần ghi ở “Cột ánh xạ”."
            )
        elif mapped.measure in known:
            why = _(
                "cột %(column)s được ánh xạ là %(measure)s nhưng cột %(other)s đã là "
                "%(measure)s: mỗi loại số liệu chỉ đọc từ một cột."
            )
        else:
            known[mapped.measure] = index
            table.measure_maps[index] = mapped
            continue
        other = known.get(mapped.measure)
        errors.append(
            RowError(
                table.header_row,
                letter,
                None,
                why
                % {
                    "column": letter,
                    "header": header,
                    "measure": Figure.Measure(mapped.measure).label,
                    "other": "" if other is None else column_letters(other),
                },
            )
        )
    return errors
