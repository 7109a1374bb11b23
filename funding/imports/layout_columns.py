"""Checking the columns of a report sheet (``funding.imports.layouts``)
before its rows are read: a column of numbers the importer does not
understand stops the import until the officer maps or declines it, and
every column not read is listed with its reason."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .context import footer_kind
from .layouts import Column, text_of


class ColumnsMixin:
    """The column checks of ``funding.imports.layout_rows.SheetReader``."""

    def _check_columns(self) -> None:
        # Notes and signatures are text: a number is never one.
        data_rows = [
            n
            for n, cells in self.body
            if not any(
                footer_kind(c) for c in cells if isinstance(c, str) and c.strip()
            )
        ]
        for column in self.layout.columns:
            has_numbers = any(
                isinstance(self.cell(n, column), int | float)
                or _looks_numeric(self.cell(n, column))
                for n in data_rows
            )
            if column.role == "empty" and has_numbers:
                self.error(
                    self.layout.header_start,
                    column.letter,
                    None,
                    _(
                        "cột %(column)s có số nhưng không có tiêu đề: không biết đó là số gì."
                    )
                    % {"column": column.letter}
                    + " "
                    + _way_out(column),
                )
            elif column.role == "unknown" and has_numbers:
                self.error(
                    column.header_row,
                    column.letter,
                    column.header,
                    _(
                        "cột %(column)s (“%(header)s”) có số nhưng tiêu đề không cho biết đó là số "
                        "liệu gì (kế hoạch, thực hiện hay ước thực hiện; của nguồn kinh phí nào)."
                    )
                    % {"column": column.letter, "header": column.header}
                    + " "
                    + _way_out(column),
                )
            elif column.unused():
                self.reading.unused.append(
                    _(
                        "Trang “%(sheet)s”, cột %(column)s “%(header)s”: không dùng (%(why)s)."
                    )
                    % {
                        "sheet": self.layout.sheet,
                        "column": column.letter,
                        "header": column.header,
                        "why": column.unused(),
                    }
                )
        self._check_twice()
        if not self.layout.values:
            self.error(
                self.layout.header_start,
                "",
                None,
                _("không có cột số liệu nào (Kế hoạch, Thực hiện, Ước thực hiện)."),
            )

    def _check_twice(self) -> None:
        # Two columns saying the same (measure, fund, period) would each
        # give the row's figure: one would win without a word.
        first: dict[tuple, Column] = {}
        for column in self.layout.values:
            key = (column.measure, column.fund, column.period)
            if key not in first:
                first[key] = column
                continue
            self.error(
                column.header_row,
                column.letter,
                column.header,
                _(
                    "cột %(column)s “%(header)s” và cột %(first)s “%(first_header)s” cùng "
                    "là một số liệu (cùng loại số liệu, nguồn và kỳ): không biết đọc cột "
                    "nào."
                )
                % {
                    "column": column.letter,
                    "header": column.header,
                    "first": first[key].letter,
                    "first_header": first[key].header,
                }
                + " "
                + _way_out(column),
            )


def _way_out(column: Column) -> str:
    return _(
        "Ghi cột đó ở “Cột ánh xạ” (ví dụ %(column)s=Thực hiện/KCQG) hoặc, nếu không "
        "cần, ở “Cột không dùng”."
    ) % {"column": column.letter}


def _looks_numeric(cell) -> bool:
    text = text_of(cell)
    return (
        bool(text)
        and bool(re.fullmatch(r"-?[\d.,]+", text))
        and any(ch.isdigit() for ch in text)
    )
