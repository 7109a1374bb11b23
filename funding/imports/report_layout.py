"""The report layout provinces send, written: a title, the unit in
"Đơn vị tính", a two-row header with the funds as column groups of
measures, a row per area and a totals row of formulas (``write_fund_columns``);
used by the templates (``funding.imports.spreadsheets``) and the export of
figures in that layout (``report_workbook``)."""

import io
from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..core import exports
from ..core.models import Figure

#: Column groups of the report layout, in the order provinces write them.
FUND_GROUPS = [
    (Figure.Fund.KCQG, "Khuyến công quốc gia"),
    (Figure.Fund.KCDP, "Khuyến công địa phương"),
    (Figure.Fund.ALL, "Tổng cộng"),
]
#: Measures the report layout has columns for, in order.
REPORT_MEASURES = [
    (Figure.Measure.PLAN, "Kế hoạch"),
    (Figure.Measure.EXECUTED, "Thực hiện"),
    (Figure.Measure.ESTIMATE, "Ước thực hiện"),
]
MILLION = Decimal(1_000_000)
BOLD = Font(bold=True)


def heading(sheet, title: str, unit: str) -> None:
    """The title, the "Đơn vị tính" line and a blank line, as reports begin."""
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Đơn vị tính: {unit}"])
    sheet.append([])


def totals_row(sheet, label_column: int, first: int, last: int, columns) -> None:
    """A "Tổng cộng" row adding up ``columns`` (1-based) over rows first…last."""
    row = [""] * (max(columns) if columns else label_column)
    row[label_column - 1] = "Tổng cộng"
    for column in columns:
        letter = get_column_letter(column)
        row[column - 1] = f"=SUM({letter}{first}:{letter}{last})"
    sheet.append(row)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def write_fund_columns(sheet, *, title, unit, measures, rows) -> None:
    """The report layout: STT, area, then per fund a group of ``measures``
    columns (two header rows, the group merged over its columns), a row
    per (area name, {(fund, measure): value}) and a totals row."""
    heading(sheet, title, unit)
    top = ["STT", "Tỉnh, thành phố"]
    below = ["", ""]
    for _fund, label in FUND_GROUPS:
        top += [label] + [""] * (len(measures) - 1)
        below += [name for _measure, name in measures]
    sheet.append(top)
    sheet.append(below)
    header = sheet.max_row - 1
    for column in (1, 2):
        sheet.merge_cells(
            start_row=header, end_row=header + 1, start_column=column, end_column=column
        )
    for group in range(len(FUND_GROUPS)):
        start = 3 + group * len(measures)
        sheet.merge_cells(
            start_row=header,
            end_row=header,
            start_column=start,
            end_column=start + len(measures) - 1,
        )
    for row in sheet.iter_rows(min_row=header, max_row=header + 1):
        for cell in row:
            cell.font, cell.alignment = (
                BOLD,
                Alignment(horizontal="center", wrap_text=True),
            )
    first = sheet.max_row + 1
    for number, (area, values) in enumerate(rows, start=1):
        sheet.append(
            [number, area]
            + [
                values.get((fund, m))
                for fund, _label in FUND_GROUPS
                for m, _n in measures
            ]
        )
    value_columns = range(3, 3 + len(FUND_GROUPS) * len(measures))
    totals_row(sheet, 2, first, sheet.max_row, list(value_columns))
    sheet.column_dimensions["B"].width = 24
    for column in value_columns:
        sheet.column_dimensions[get_column_letter(column)].width = 14


def save_workbook(book: Workbook) -> bytes:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type != "f" and isinstance(cell.value, str):
                    cell.value = exports.neutralise(cell.value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_workbook(figures) -> bytes:
    """``figures`` in the report layout: a sheet per indicator, content and
    period, a row per area, funds as column groups of the measures present,
    amounts in triệu đồng stated in "Đơn vị tính", a totals row of formulas."""
    groups = defaultdict(lambda: defaultdict(dict))
    for f in figures.with_dimensions().order_by("area__position", "area__short_name"):
        sheet_key = (f.indicator, f.content, f.year, f.period_kind, f.period_end)
        groups[sheet_key][f.area.short_name or f.area.name][(f.fund, f.measure)] = f
    book = Workbook()
    book.remove(book.active)
    for number, (key, by_area) in enumerate(
        sorted(groups.items(), key=_sheet_order), 1
    ):
        indicator, content, year, _kind, _end = key
        money = indicator.unit == "vnd"
        present = {m for values in by_area.values() for _fund, m in values}
        measures = [m for m in REPORT_MEASURES if m[0] in present] or REPORT_MEASURES[
            :2
        ]
        sheet = book.create_sheet(f"{number} - {year}"[:31])
        some = next(iter(next(iter(by_area.values())).values()))
        title = f"{indicator.name} – {content.name} – {some.period_label}"
        rows = [
            (
                area,
                {
                    k: (f.value / MILLION if money else f.value)
                    for k, f in values.items()
                },
            )
            for area, values in by_area.items()
        ]
        unit = "triệu đồng" if money else (indicator.count_noun or "số lượng")
        write_fund_columns(sheet, title=title, unit=unit, measures=measures, rows=rows)
    if not book.worksheets:
        book.create_sheet("Số liệu").append([_("Không có số liệu.")])
    return save_workbook(book)


def _sheet_order(item):
    indicator, content, year, kind, end = item[0]
    return (indicator.position, indicator.name, content.position, year, end, kind)
