"""A report, as provinces lay them out, turned into the portal's long
table: one row per figure, in words, each keeping the cell it came from.

The sheets of a workbook are read in turn (``sheet_per_province`` and
``sheet_per_year`` reports; a sheet without a table, such as instructions,
is listed as not used). Each sheet's layout (``funding.imports.layouts``)
and rows (``funding.imports.layout_rows``) give the figures, the rows and
columns not used with their reasons, the problems that stop the import and
those the officer must see before confirming (totals that do not add up).
The long table is then validated like any other
(``funding.imports.plan.plan_import``), so a figure is checked the same way
whatever the layout it came in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .context import unit_in_header
from .layout_context import read_context
from .layout_rows import Problem, Reading, SheetReader
from .layouts import Layout, read_layout, text_of
from .mapping import ColumnMap
from .words import area_match_key

LONG_HEADERS = [
    "Chỉ tiêu",
    "Tỉnh, thành phố",
    "Nguồn kinh phí",
    "Nội dung",
    "Năm",
    "Kỳ",
    "Loại số liệu",
    "Giá trị",
    "Đơn vị",
    "Ghi chú",
]
VALUE_INDEX = LONG_HEADERS.index("Giá trị")
MEASURE_TEXT = {
    "plan": "Kế hoạch",
    "executed": "Thực hiện",
    "estimate": "Ước thực hiện",
}


@dataclass(frozen=True)
class StatedArea:
    """The area the officer chose on the form: the name written into the
    long table, and every name of it a file may use (its full and short
    names and aliases, compared as ``area_match_key`` does)."""

    name: str
    keys: frozenset[str]
    #: The keys of every area: a sheet named after one names an area.
    known: frozenset[str] = frozenset()

    @classmethod
    def of(cls, area, every=()) -> StatedArea:
        return cls(
            area.short_name,
            _keys([area]),
            _keys(every),
        )

    def same(self, text: str) -> bool:
        return area_match_key(text) in self.keys

    def names_an_area(self, text: str) -> bool:
        return area_match_key(text) in self.known


def _keys(areas) -> frozenset[str]:
    return frozenset(
        area_match_key(name)
        for area in areas
        for name in (area.name, area.short_name, *area.aliases.splitlines())
        if name
    )


def is_report(rows: list[tuple[int, list]], *, several: bool = False) -> bool:
    """Whether a sheet is a report rather than the plain table the portal
    reads row by row (``funding.imports.plan``): a header of more than one
    row, or no "Năm" column (the year is then in the words around the
    table). The long layout ("Loại số
    liệu", "Giá trị") is always read row by row."""
    layout = read_layout("", rows)
    if layout is None:
        # Instructions first, the tables on the sheets after them.
        return several and not any(
            isinstance(c, int | float) for _n, cells in rows for c in cells
        )
    if _long_layout(layout):
        return False
    return layout.header_end > layout.header_start or layout.role("year") is None


def _long_layout(layout: Layout) -> bool:
    headers = {h.lower() for c in layout.columns for h in c.path}
    return any(h.startswith(("giá trị", "loại số liệu")) for h in headers)


class ReportSheets:
    """The figures of every sheet of a report, as long-table rows."""

    def __init__(
        self,
        *,
        csv: bool,
        many: bool,
        area: StatedArea | None = None,
        year: int | None = None,
        ignored: frozenset[str] = frozenset(),
        mapped: dict[str, ColumnMap] | None = None,
    ):
        self.csv, self.many, self.ignored = csv, many, ignored
        self.mapped, self.mapped_used = mapped or {}, set()
        self.rows: list[tuple[int, list]] = []
        self.places: list[dict[int, str]] = []
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.unused: list[str] = []
        self.layouts: list[Layout] = []
        self.form_area, self.form_year = area, year
        self.conflicts: set[tuple[str, int, str]] = set()  # already named

    def add(self, name: str, rows: list[tuple[int, list]]) -> None:
        layout = read_layout(name, rows)
        if layout is None:
            if any(isinstance(c, int | float) for _n, cells in rows for c in cells):
                self.errors.append(
                    Problem(
                        rows[0][0] if rows else 1,
                        "",
                        None,
                        _(
                            "trang “%(sheet)s” có số nhưng không tìm thấy dòng tiêu đề của bảng "
                            "(STT, Tỉnh/thành phố, Nội dung…): không hiểu bố cục, không nhập trang này."
                        )
                        % {"sheet": name},
                    )
                )
            else:
                self.unused.append(
                    _("Trang “%(sheet)s”: không dùng (không có bảng số liệu).")
                    % {"sheet": name}
                )
            return
        self.layouts.append(layout)
        self._map(layout)
        read_context(layout)
        for column in layout.columns:
            if column.letter in self.ignored:
                column.role = "declined"  # the officer said it is not wanted
        self._context(layout)
        for row, column, message in layout.errors:
            self.errors.append(Problem(row, column, None, message))
        reading = SheetReader(layout, rows, csv=self.csv).read()
        self._take(layout, reading)

    def _map(self, layout: Layout) -> None:
        """The columns the officer mapped are read as if their header said
        so; only a column the importer does not understand can be mapped."""
        for column in layout.columns:
            mapped = self.mapped.get(column.letter)
            if mapped is None:
                continue
            self.mapped_used.add(column.letter)
            if column.letter in self.ignored:
                self.errors.append(
                    Problem(
                        column.header_row,
                        column.letter,
                        column.header,
                        _(
                            "cột %(column)s vừa được ánh xạ vừa được ghi là không dùng: "
                            "hãy chọn một."
                        )
                        % {"column": column.letter},
                    )
                )
                continue
            if column.role not in ("unknown", "empty"):
                self.errors.append(
                    Problem(
                        column.header_row,
                        column.letter,
                        column.header,
                        _(
                            "cột %(column)s (“%(header)s”) đã được hiểu, không cần ghi ở "
                            "“Cột ánh xạ”."
                        )
                        % {"column": column.letter, "header": column.header},
                    )
                )
                continue
            column.role, column.measure, column.fund = (
                "value",
                mapped.measure,
                mapped.fund,
            )
            column.unit = next(filter(None, map(unit_in_header, column.path)), None)

    def finish(self) -> None:
        """A mapped column that no sheet has is an error: the officer meant
        another column."""
        for letter in sorted(set(self.mapped) - self.mapped_used):
            self.errors.append(
                Problem(
                    self.layouts[0].header_start if self.layouts else 1,
                    letter,
                    None,
                    _("“Cột ánh xạ”: tệp không có cột %(column)s.")
                    % {"column": letter},
                )
            )

    def _context(self, layout: Layout) -> None:
        if layout.period is None and self.form_year is None and not layout.role("year"):
            self.errors.append(
                Problem(
                    layout.header_start,
                    "",
                    None,
                    _(
                        "trang “%(sheet)s”: không tìm thấy năm của báo cáo (trong tiêu đề, "
                        "tên trang hoặc ô “Năm” của biểu mẫu)."
                    )
                    % {"sheet": layout.sheet},
                )
            )
        elif layout.period and self.form_year and layout.period.year != self.form_year:
            self.errors.append(
                Problem(
                    layout.period_row or layout.header_start,
                    "",
                    None,
                    _(
                        "năm đã chọn (%(form)s) khác năm tệp ghi (%(file)s, dòng %(row)s)."
                    )
                    % {
                        "form": self.form_year,
                        "file": layout.period.year,
                        "row": layout.period_row or layout.sheet,
                    },
                )
            )
        missing = [c.letter for c in layout.values if not c.unit and not layout.unit]
        if missing and layout.role("unit") is None:
            self.errors.append(
                Problem(
                    layout.header_start,
                    ", ".join(missing),
                    None,
                    _(
                        "không tìm thấy đơn vị tính của các cột số liệu %(columns)s (không có dòng "
                        "“Đơn vị tính: …”, cột “Đơn vị tính” hay đơn vị trong tiêu đề cột)."
                    )
                    % {"columns": ", ".join(missing)},
                )
            )

    def _take(self, layout: Layout, reading: Reading) -> None:
        self.errors.extend(reading.errors)
        self.warnings.extend(reading.warnings)
        self.unused.extend(reading.unused)
        for record in reading.records:
            year = self._year(layout, record)
            area = self._area(layout, record)
            cells = [
                record.indicator,
                area,
                record.fund,
                record.content,
                year,
                record.period,
                MEASURE_TEXT[record.measure],
                record.value,
                record.unit,
                record.note,
            ]
            cell = f"{record.column.letter}{record.row}"
            if self.many:
                cell = _("%(cell)s (trang “%(sheet)s”)") % {
                    "cell": cell,
                    "sheet": layout.sheet,
                }
            self.rows.append((record.row, cells))
            self.places.append(
                {
                    VALUE_INDEX: f"{cell} – {record.column.header}",
                    1: cell if not area else f"{cell} – {text_of(area)}",
                }
            )

    def _year(self, layout: Layout, record) -> int | None:
        """The form's year, which a row's "Năm" cell must agree with (the
        title's year is checked once, in ``_context``)."""
        if self.form_year is None:
            return record.year
        titled = layout.period.year if layout.period else None
        if record.year not in (None, self.form_year, titled):
            self._conflict(
                layout,
                record.row,
                _("năm đã chọn (%(form)s) khác năm dòng %(row)s ghi (%(file)s).")
                % {"form": self.form_year, "row": record.row, "file": record.year},
            )
        return self.form_year

    def _area(self, layout: Layout, record) -> str:
        """The form's area fills in a sheet that names none; one the rows, the
        title or the sheet's name ("Quảng Nam", not "Biểu 01") name must be
        the same."""
        stated = self.form_area
        if stated is None or record.area_from == "total":
            return record.area
        named = record.area if record.area_from in ("row", "title") else ""
        if record.area_from == "sheet" and stated.names_an_area(record.area):
            named = record.area
        if named and not stated.same(named):
            if record.area_from == "title":
                named = named.title() if named.islower() else named
                row, where = layout.area_row, _("tiêu đề")
            elif record.area_from == "sheet":
                row, where = (
                    layout.header_start,
                    _("tên trang “%(sheet)s”") % {"sheet": layout.sheet},
                )
            else:
                row, where = record.row, _("dòng này")
            self._conflict(
                layout,
                row,
                _("địa bàn đã chọn (%(form)s) khác địa bàn %(where)s ghi (%(file)s).")
                % {"form": stated.name, "where": where, "file": named},
            )
        return stated.name

    def _conflict(self, layout: Layout, row: int, message: str) -> None:
        """Each conflict once: a row of eight values, or a title over
        twenty rows, is one."""
        key = (layout.sheet, row, message)
        if key not in self.conflicts:
            self.conflicts.add(key)
            self.errors.append(Problem(row, "", None, message))
