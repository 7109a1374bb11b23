"""Validating the rows of a table, one at a time: each row's cells are
resolved (area, indicator, fund, content, year, period, measure, unit) and
its values parsed into figures, or the row's errors are named with the
row and column (for a report, the cell it came from).

The values and their units are ``funding.imports.row_values`` and
``funding.imports.row_units``. Used by ``funding.imports.plan.plan_import``;
knows nothing of what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from khuyencong.text import without_control_characters

from ..core.models import Area, Figure, Indicator
from ..core.periods import FIRST_YEAR, LAST_YEAR
from .readers.base import column_letters
from .reading import SheetTable, header_key
from .row_values import ValuesMixin
from .words import (
    HEADERS,
    MEASURE_COLUMNS,
    SOURCE_WORDS,
    Lookups,
    fold,
    read_period,
    unit_of,
)

MISSING = object()
#: Rows listed by number in an error about many rows; the rest are counted.
LISTED_ROWS = 10


@dataclass
class RowError:
    row: int
    column: str
    value: object
    message: str
    cell: str = ""  # "H6", when the column is one of the sheet's

    def __str__(self) -> str:
        text = _(
            "Dòng %(row)s, cột “%(column)s” (giá trị “%(value)s”): %(message)s"
        ) % {
            "row": self.row,
            "column": self.column,
            "value": "" if self.value is None else self.value,
            "message": self.message,
        }
        if self.cell and self.cell not in self.column:
            return _("%(text)s (ô %(cell)s)") % {"cell": self.cell, "text": text}
        return text


class RowChecker(ValuesMixin):
    """The columns of a table, and the checks of each of its rows."""

    def __init__(self, table: SheetTable):
        self.table = table
        self.columns: dict[str, int] = {}
        self.units: dict[int, str] = {}
        for index, header in enumerate(table.headers):
            key = HEADERS.get(header_key(header))
            declined = column_letters(index) in table.ignored
            if key and key not in self.columns and not declined:
                self.columns[key] = index
                self.units[index] = unit_of(header)
        for index, mapped in table.measure_maps.items():  # "Cột ánh xạ"
            self.columns[mapped.measure] = index
            self.units[index] = (
                unit_of(table.headers[index]) if index < len(table.headers) else ""
            )
        self.measure_columns = [m for m in MEASURE_COLUMNS if m in self.columns]
        self.long_layout = "measure" in self.columns and "value" in self.columns
        self.header_of = dict(enumerate(table.headers))
        self.lookups = Lookups()
        self.areas_seen: dict[tuple, Area | None] = {}
        self.periods_seen: dict[tuple, tuple | None] = {}
        self.formula_cells: dict[int, list[int]] = {}
        #: Mapped column → the rows whose fund is not the mapping's.
        self.fund_mismatches: dict[int, list[tuple[int, str]]] = {}
        for row_number, col in table.formula_errors:
            self.formula_cells.setdefault(row_number, []).append(col)

    def missing(self) -> list[str]:
        """The required columns the table lacks, by their header."""
        missing = [
            label
            for key, label in (("area", "Tỉnh, thành phố"), ("year", "Năm"))
            if key not in self.columns and getattr(self.table, key) is None
        ]
        if not self.measure_columns and not self.long_layout:
            if "value" in self.columns:
                missing.append("Loại số liệu")
            else:
                missing.append("Kế hoạch / Thực hiện (hoặc Loại số liệu và Giá trị)")
        elif (
            self.long_layout
            and "unit" not in self.columns
            and not self.units.get(self.columns["value"])
        ):
            missing.append("Đơn vị")
        return missing

    def cell(self, row, key):
        index = self.columns.get(key)
        return (row[index] if index is not None and index < len(row) else None), index

    def column_name(self, position: int, index) -> str:
        places = self.table.places
        if places is not None and index is not None and index in places[position]:
            return places[position][index]
        return self.header_of.get(index, "")

    def check(self, position: int, number: int, row: list):
        """The row's figures as (measure, value, rounding, index, raw) and
        its resolved key parts, or its errors."""
        self.errors = []
        self.position, self.number = position, number
        for col in self.formula_cells.get(number, ()):
            self.error(
                col,
                "",
                _(
                    "ô công thức không có giá trị đã tính; hãy mở tệp bằng Excel/LibreOffice, lưu lại rồi nhập."
                ),
            )
        year = self._year(row)
        if year is None:
            return None, self.errors
        parts = self._dimensions(row, year)
        values = self._values(row, parts.get("indicator"))
        self._mapped_funds(values, parts.get("fund"))
        if self.errors:
            return None, self.errors
        return (parts, values), []

    def _mapped_funds(self, values, fund) -> None:
        """A column mapped to a fund holds the row's fund, or the row is
        noted for the file's one error about that column
        (``mapped_fund_errors``): a plain table states its fund per row."""
        for _measure, _value, _rounding, index, _raw in values:
            mapped = self.table.measure_maps.get(index)
            if mapped is None or mapped.fund in (None, fund) or fund is None:
                continue
            self.fund_mismatches.setdefault(index, []).append((self.number, fund))

    def mapped_fund_errors(self) -> list[RowError]:
        """One error per mapped column whose fund is not its rows', naming
        the column and the rows (the first few, and how many)."""
        errors = []
        for index, rows in sorted(self.fund_mismatches.items()):
            listed = ", ".join(str(number) for number, _fund in rows[:LISTED_ROWS])
            if len(rows) > LISTED_ROWS:
                listed += _(" và %(more)s dòng khác") % {
                    "more": len(rows) - LISTED_ROWS
                }
            why = _(
                "“Cột ánh xạ” ghi cột %(column)s là nguồn %(mapped)s nhưng %(count)s "
                "dòng ghi nguồn khác ở cột “Nguồn kinh phí” (dòng %(rows)s; dòng "
                "%(first)s là %(row)s); hãy sửa “Cột ánh xạ” hoặc cột “Nguồn kinh phí”."
            )
            first, fund = rows[0]
            words = {
                "column": column_letters(index),
                "mapped": Figure.Fund(self.table.measure_maps[index].fund).label,
                "count": len(rows),
                "rows": listed,
                "first": first,
                "row": Figure.Fund(fund).label,
            }
            errors.append(
                RowError(first, self.header_of.get(index, ""), None, why % words)
            )
        return errors

    def error(self, index, value, message):
        cell = "" if index is None else f"{column_letters(index)}{self.number}"
        self.errors.append(
            RowError(
                self.number,
                self.column_name(self.position, index),
                value,
                message,
                cell=cell if self.table.places is None else "",
            )
        )

    def _year(self, row) -> int | None:
        year_value, year_index = self.cell(row, "year")
        stated = self.table.year
        if year_index is None and stated is not None:
            return stated  # no "Năm" column: the year the officer set
        try:
            exact = Decimal(str(year_value).strip())
            if isinstance(year_value, bool) or exact != exact.to_integral_value():
                self.error(year_index, year_value, _("năm phải là số nguyên."))
                return None
            year = int(exact)
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise ValueError
        except (ValueError, ArithmeticError, TypeError):
            self.error(year_index, year_value, _("năm không hợp lệ."))
            return None
        if stated is not None and year != stated:
            self.error(
                year_index,
                year_value,
                _("tệp ghi năm %(file)s, khác năm đã chọn %(form)s.")
                % {"file": year, "form": stated},
            )
            return None
        return year

    def _dimensions(self, row, year: int) -> dict:
        parts = {"year": year}
        period_value, period_index = self.cell(row, "period")
        period = self.periods_seen.get((period_value, year), MISSING)
        if period is MISSING:
            period = self.periods_seen[(period_value, year)] = read_period(
                period_value, year
            )
        if period is None or period[1].year != year:
            self.error(
                period_index,
                period_value,
                _(
                    "kỳ phải là “Cả năm”, “N tháng”, “Quý I” hoặc một ngày trong năm %(year)s."
                )
                % {"year": year},
            )
        parts["period"] = period
        parts["area"] = self._area(row, year, period)
        parts["indicator"] = self._indicator(row)
        source_value, source_index = self.cell(row, "fund")
        fund = SOURCE_WORDS.get(fold(str(source_value or "")))
        if fund is None:
            self.error(
                source_index,
                source_value,
                _("nguồn kinh phí phải là KCQG, KCĐP hoặc để trống (tất cả nguồn)."),
            )
        parts["fund"] = fund
        content_value, content_index = self.cell(row, "content")
        content = self.lookups.content(content_value)
        if content is None:
            self.error(
                content_index, content_value, _("không có nội dung chương trình này.")
            )
        parts["content"] = content
        note, note_index = self.cell(row, "note")
        parts["note"] = "" if note is None else str(note).strip()
        if "\x00" in parts["note"]:
            # PostgreSQL stores no NUL in text: the write would fail.
            self.error(
                note_index,
                parts["note"].replace("\x00", "␀"),
                _(
                    "ghi chú có ký tự NUL (mã 0, hiện là ␀): không lưu được. Hãy xoá ký tự đó."
                ),
            )
        # Written by COPY, not ``save``: cleaned here as a save would.
        parts["note"] = without_control_characters(parts["note"])
        return parts

    def _area(self, row, year: int, period) -> Area | None:
        area_value, area_index = self.cell(row, "area")
        stated = self.table.area
        if area_index is None and stated is not None:
            area_value = stated.name  # no area column: the area the officer set
        day = period[1] if period else None
        # The same few names and periods recur on every row: resolve each once.
        key = (area_value, year, day)
        area = self.areas_seen.get(key, MISSING)
        if area is MISSING:
            area = self.areas_seen[key] = self.lookups.area(area_value, year, day)
        if area is None:
            suggestions = self.lookups.suggest_areas(area_value)
            hint = (
                _(" Có phải: %(names)s?") % {"names": ", ".join(suggestions)}
                if suggestions
                else ""
            )
            self.error(
                area_index,
                area_value,
                _("không có địa bàn này trong năm %(year)s.") % {"year": year} + hint,
            )
        elif stated is not None and not stated.same(area.short_name):
            self.error(
                area_index,
                area_value,
                _("tệp ghi địa bàn %(file)s, khác địa bàn đã chọn %(form)s.")
                % {"file": area.short_name, "form": stated.name},
            )
        return area

    def _indicator(self, row) -> Indicator | None:
        value, index = self.cell(row, "indicator")
        indicator = self.lookups.indicator(value)
        if indicator is None:
            self.error(index, value, _("không có chỉ tiêu này."))
        return indicator


def figure_key(parts: dict, measure: str) -> tuple:
    """A figure's identity (``Figure.KEY_FIELDS``) from a row's parts."""
    period = parts["period"]
    return (
        parts["indicator"].id,
        parts["area"].id,
        parts["fund"],
        parts["content"].id,
        parts["year"],
        period[0],
        period[1],
        measure,
    )


__all__ = ["Figure", "RowChecker", "RowError", "figure_key"]
