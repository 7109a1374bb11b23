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

from django.utils.translation import gettext as _

from .layout_context import read_context
from .layout_rows import Problem, Reading, SheetReader
from .layouts import Layout, read_layout, text_of

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
        area: str = "",
        year: int | None = None,
        ignored: frozenset[str] = frozenset(),
    ):
        self.csv, self.many, self.ignored = csv, many, ignored
        self.rows: list[tuple[int, list]] = []
        self.places: list[dict[int, str]] = []
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.unused: list[str] = []
        self.layouts: list[Layout] = []
        self.form_area, self.form_year = area, year

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
        read_context(layout)
        for column in layout.columns:
            if column.letter in self.ignored:
                column.role = "declined"  # the officer said it is not wanted
        self._context(layout)
        for row, column, message in layout.errors:
            self.errors.append(Problem(row, column, None, message))
        reading = SheetReader(layout, rows, csv=self.csv).read()
        self._take(layout, reading)

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
            year = self.form_year or record.year
            area = self.form_area or record.area
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
