""" "Cột ánh xạ" for a plain table in the wide layout, as for a report
(``funding.imports.report_table``): a column whose header the importer
does not understand is read as the measure the officer names. A mapping it
cannot apply refuses the file, naming the column: one the file does not
have, one whose header is already understood, one also declined, or a
measure the table already has a column for. The long layout takes no
mapping: its rows name their measure ("Loại số liệu") and hold their
number in "Giá trị", so a column cannot be one measure for every row; a
mapping there is refused, saying so, before any column is checked. The fund a mapping names
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
    if table.mapped and _long(table):
        return [_long_refused(table)]
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


def _long(table: SheetTable) -> bool:
    """Whether the table is in the long layout ("Loại số liệu", "Giá trị")."""
    keys = {
        HEADERS.get(header_key(header))
        for index, header in enumerate(table.headers)
        if column_letters(index) not in table.ignored
    }
    return {"measure", "value"} <= keys


def _long_refused(table: SheetTable) -> RowError:
    letters = ", ".join(sorted(table.mapped))
    return RowError(
        table.header_row,
        letters,
        None,
        _(
            "“Cột ánh xạ” không dùng được cho bảng dài (có cột “Loại số liệu” và "
            "“Giá trị”): mỗi dòng tự ghi loại số liệu và số của nó, nên một cột không "
            "thể là một loại số liệu cho mọi dòng. Hãy xoá %(columns)s khỏi “Cột ánh "
            "xạ”; ghi số liệu của cột đó thành các dòng riêng, hoặc ghi cột ở “Cột "
            "không dùng”."
        )
        % {"columns": letters},
    )
