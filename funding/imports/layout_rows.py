"""Reading the rows of a report sheet whose layout is known
(``funding.imports.layouts``): data rows become figures in words (one
``Record`` per value cell), every other row is recognised and listed with
the reason it is not read, and every total is checked against its parts.

Kinds of rows: data (an area, a content or a line of "Chỉ tiêu"); a fund
section ("I. Khuyến công quốc gia"), whose numbers, when it has any, are the
total of the contents under it; a group heading ("A. Vùng Đồng bằng sông
Hồng"); a total ("Cộng", "Cộng A", "Tổng cộng", "Tổng số (A+B+C)"); a
"Trong đó" breakdown; a detail line ("- Cơ sở …") under a content, summed
into it; and from the first note, place-and-date line or signature on, the
footer. Totals are never figures: the portal computes sums.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from khuyencong.text import fold

from ..core.formatting import MONEY_UNITS
from ..core.units import unit_word
from .context import (
    estimate_marker_note,
    footer_kind,
    fund_named,
    is_breakdown_label,
    is_detail_label,
    is_roman,
    is_total_label,
    strip_numbering,
)
from .layout_columns import ColumnsMixin
from .layout_totals import Problem, TotalsMixin, _Group, number_in
from .layouts import Column, Layout, text_of

_FUND_TEXT = {"kcqg": "KCQG", "kcdp": "KCĐP", "all": "", None: ""}


@dataclass
class Record:
    """One value cell of a data row, in the words of the long layout."""

    row: int
    column: Column
    indicator: str
    area: str
    fund: str
    content: str
    period: str
    measure: str
    value: object
    unit: str
    note: str
    year: int | None
    #: Where the area came from: "row", "title", "sheet" or "" (none).
    area_from: str = ""


@dataclass
class Reading:
    records: list[Record] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


class SheetReader(ColumnsMixin, TotalsMixin):
    def __init__(self, layout: Layout, rows: list[tuple[int, list]], *, csv: bool):
        self.layout, self.csv = layout, csv
        self.rows = dict(rows)
        self.body = [(n, c) for n, c in rows if n > layout.header_end]
        self.reading = Reading()
        self.label = next(
            (
                layout.role(r)
                for r in ("area", "content", "indicator", "fund")
                if layout.role(r)
            ),
            None,
        )
        self.totals: list[tuple[int, list[int], str]] = []  # (row, parts, label)
        self.region_totals: list[tuple[int, str, str]] = []  # (row, whose, label)
        self.section_fund: str | None = None
        self.group, self.all_rows = _Group(), _Group()
        self.content_row: int | None = None
        self.details: dict[int, list[int]] = {}
        self.section_total: tuple[int, list[int]] | None = None
        self.year_conflict = False

    # -------------------------------------------------------------- helpers
    def cell(self, row: int, column: Column | None):
        if column is None:
            return None
        cells = self.rows.get(row, [])
        return cells[column.index] if column.index < len(cells) else None

    def error(self, row, column, value, message):
        self.reading.errors.append(Problem(row, column, value, message))

    def warn(self, row, column, value, message):
        self.reading.warnings.append(Problem(row, column, value, message))

    def unused(self, row: int, why: str):
        self.reading.unused.append(
            _("Trang “%(sheet)s”, dòng %(row)s: không dùng (%(why)s).")
            % {"sheet": self.layout.sheet, "row": row, "why": why}
        )

    def numbers(self, row: int, columns: list[Column]) -> dict[int, Decimal]:
        found = {}
        for column in columns:
            raw = self.cell(row, column)
            try:
                value = number_in(raw, csv=self.csv)
            except InvalidOperation:
                continue
            if value is not None:
                found[column.index] = value
        return found

    # -------------------------------------------------------------- rows
    def read(self) -> Reading:
        layout = self.layout
        if self.label is None:
            self.error(
                layout.header_start,
                "",
                None,
                _(
                    "thiếu cột “Tỉnh, thành phố” (hoặc “Nội dung”, “Chỉ tiêu”): "
                    "không biết số liệu của mỗi dòng thuộc địa bàn hay nội dung nào."
                ),
            )
            return self.reading
        self._check_columns()
        footer = False
        notes = [t for _n, t in layout.above]
        footer_rows = []
        for number, cells in self.body:
            texts = [text_of(c) for c in cells if text_of(c)]
            if not texts:
                continue
            note = layout.role("note")
            # A "(*) …" in the Ghi chú column is the row's note, not a footer.
            own = [
                c.strip()
                for i, c in enumerate(cells)
                if isinstance(c, str)
                and c.strip()
                and (note is None or i != note.index)
            ]
            if footer or any(footer_kind(t) for t in own):
                footer = True
                footer_rows.append((number, texts))
                continue
            self._row(number, cells)
        for number, texts in footer_rows:
            kind = footer_kind(texts[0]) or "signature"
            notes.extend(texts)
            self.unused(
                number,
                {"note": _("ghi chú"), "place_date": _("địa danh, ngày tháng")}.get(
                    kind, _("chữ ký")
                ),
            )
        if estimate_marker_note(notes):
            for record in self.reading.records:
                if (
                    record.measure == "executed"
                    and "(*)" in record.area + record.content
                ):
                    record.measure = "estimate"
        for record in self.reading.records:
            record.area = record.area.replace("(*)", "").strip()
            record.content = record.content.replace("(*)", "").strip()
        self._check_totals()
        return self.reading

    def _row(self, number: int, cells: list) -> None:
        layout = self.layout
        stt = text_of(self.cell(number, layout.role("stt")))
        label = text_of(self.cell(number, self.label))
        values = self.numbers(
            number, layout.values + [c for c in layout.columns if c.role == "total"]
        )
        mark, text = strip_numbering(label)
        roman = is_roman(stt) or is_roman(mark)
        if not label:
            if values:
                self.error(
                    number,
                    self.label.letter,
                    None,
                    _("dòng có số nhưng không ghi %(what)s.")
                    % {"what": self.label.header},
                )
            else:
                self.unused(number, _("dòng không có số liệu"))
            return
        if is_total_label(text):
            self._total(number, text)
            return
        if is_breakdown_label(text):
            self.unused(
                number,
                _("dòng “Trong đó”: một phần của dòng trên, không phải số liệu riêng"),
            )
            return
        if is_detail_label(label):
            if self.content_row is not None:
                self.details.setdefault(self.content_row, []).append(number)
            self.unused(
                number, _("dòng chi tiết của nội dung ở trên (được cộng kiểm tra)")
            )
            return
        fund = fund_named(text)
        if fund and (roman or (self.label.role == "area" and not values)):
            self._close_section()
            self.section_fund = fund
            self.group = _Group()
            if values:
                self.section_total = (number, [])
            else:
                self.unused(number, _("tiêu đề mục nguồn kinh phí"))
            return
        if not values and (
            re.fullmatch(r"[A-Z]", stt or mark) or fold(text).startswith("vung ")
        ):
            self.group = _Group()
            self.unused(number, _("tiêu đề nhóm"))
            return
        self._data(number, text if self.label.role != "area" else label, fund)

    def _data(self, number: int, label: str, label_fund: str | None) -> None:
        layout = self.layout
        self.group.rows.append(number)
        self.all_rows.rows.append(number)
        if self.section_total:
            self.section_total[1].append(number)
        self.content_row = number
        area = layout.area_text
        area_from = "title" if area else ""
        content = indicator = ""
        if self.label.role == "area":
            area, area_from = label, "row"
        elif self.label.role == "content":
            content = label
        elif self.label.role == "indicator":
            indicator = label
        if self.label.role != "fund" and not area and not layout.area_text:
            area, area_from = layout.sheet, "sheet"
        self._records(
            number,
            area=area,
            area_from=area_from,
            content=content,
            indicator=indicator,
            label_fund=label_fund,
        )

    def _records(self, number: int, *, area, area_from, content, indicator, label_fund):
        """A figure for each value cell of row ``number``."""
        layout = self.layout
        fund_cell = self.cell(number, layout.role("fund"))
        year = self._year(number)
        note = text_of(self.cell(number, layout.role("note")))
        printed_unit = text_of(self.cell(number, layout.role("unit")))
        row_unit = unit_word(printed_unit) or printed_unit
        for column in layout.values:
            raw = self.cell(number, column)
            if raw is None or text_of(raw) == "":
                continue
            if not self._units_agree(number, column, row_unit, printed_unit):
                continue
            fund = (
                text_of(fund_cell)
                if fund_cell not in (None, "")
                else _FUND_TEXT[
                    column.fund or label_fund or self.section_fund or layout.fund
                ]
            )
            self.reading.records.append(
                Record(
                    row=number,
                    column=column,
                    indicator=indicator,
                    area=area,
                    fund=fund,
                    content=content,
                    period=text_of(self.cell(number, layout.role("period")))
                    or self._period(column),
                    measure=column.measure,
                    value=self._value(number, column, raw),
                    unit=_record_unit(column.unit, row_unit) or layout.unit or "",
                    note=note,
                    year=year,
                    area_from=area_from,
                )
            )

    def _units_agree(self, number, column: Column, row_unit: str, printed: str) -> bool:
        """A header's unit of money and the row's "Đơn vị" of money must
        agree: which one is meant cannot be guessed (a thousandfold error).
        A row counting things ("Đề án") under a money header is no conflict:
        it keeps its own unit."""
        header_scale = MONEY_UNITS.get((column.unit or "").lower())
        row_scale = MONEY_UNITS.get(row_unit.lower())
        if header_scale is None or row_scale is None or header_scale == row_scale:
            return True
        unit_column = self.layout.role("unit")
        self.error(
            number,
            unit_column.letter,
            row_unit,
            _(
                "cột %(unit_column)s “%(unit_header)s” ghi “%(unit)s” nhưng tiêu đề cột "
                "%(column)s “%(header)s” ghi “%(header_unit)s”: không biết dùng đơn vị nào. "
                "Hãy sửa một trong hai cho khớp."
            )
            % {
                "unit_column": unit_column.letter,
                "unit_header": unit_column.header,
                "unit": printed,
                "column": column.letter,
                "header": column.header,
                "header_unit": column.unit,
            },
        )
        return False

    def _year(self, number: int) -> int | None:
        """The row's year: its "Năm" cell, which must agree with the title."""
        layout, column = self.layout, self.layout.role("year")
        stated = layout.period.year if layout.period else None
        raw = self.cell(number, column)
        if raw in (None, ""):
            return stated
        try:
            year = int(Decimal(str(raw).strip()))
        except (InvalidOperation, ValueError):
            return None  # the row validator names the cell
        if stated is not None and year != stated and not self.year_conflict:
            self.year_conflict = True
            self.error(
                number,
                column.letter,
                raw,
                _(
                    "năm mâu thuẫn: cột %(column)s “%(header)s” ghi năm %(year)s nhưng dòng "
                    "%(row)s (tiêu đề) ghi năm %(title)s."
                )
                % {
                    "column": column.letter,
                    "header": column.header,
                    "year": year,
                    "row": layout.period_row or layout.sheet,
                    "title": stated,
                },
            )
        return year

    def _value(self, number: int, column: Column, raw):
        """The cell as the row validator reads it: a typed number, or the
        text of a number after checking it is written the Vietnamese way."""
        if isinstance(raw, int | float | Decimal) or text_of(raw) in ("-", "–", "—"):
            return raw
        try:
            value = number_in(raw, csv=self.csv)
        except InvalidOperation:
            self.error(
                number,
                column.letter,
                raw,
                _(
                    "ô %(cell)s: “%(text)s” không phải một số viết theo kiểu Việt Nam (1.250,5)."
                )
                % {"cell": f"{column.letter}{number}", "text": raw},
            )
            return None
        return value

    def _period(self, column: Column) -> str:
        if column.measure == "plan":
            return "Cả năm"
        if column.period is not None:
            return column.period.text()
        return self.layout.period.text() if self.layout.period else ""


def _record_unit(header_unit: str, row_unit: str) -> str:
    """The unit a row's figure is read in: the header's, unless the row
    counts things under a money header (then the row's own count unit)."""
    if row_unit and row_unit.lower() not in MONEY_UNITS:
        return row_unit
    return header_unit or row_unit
