"""Turning a spreadsheet into an import plan: validate every row in
memory and compare it with what is stored; nothing is written here.

The rows of a table (``funding.imports.reading``) are interpreted in the wide layout
(one row per area, source and content, one column per measure: "Kế hoạch",
"Thực hiện") or the long one (one figure per row, as exported), with the
words of ``funding.imports.words``. Lookups are resolved once per file. The
plan is written, or undone, by ``funding.imports.writes``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from ..core.models import Area, Figure, Indicator, SourceDocument
from ..core.numbers import NumberFormatError, parse_number
from ..core.periods import FIRST_YEAR, LAST_YEAR
from .reading import SheetTable, header_key, read_table
from .words import (
    EXACT,
    HEADERS,
    KNOWN,
    MEASURE_COLUMNS,
    MEASURE_WORDS,
    SOURCE_WORDS,
    Lookups,
    fold,
    read_period,
    rounding_step,
    unit_of,
)

MISSING = object()
#: A file with this many errors is not checked further: they are enough to
#: show what is wrong, and a file of 200,000 wrong rows would otherwise take
#: minutes and a page of megabytes.
MAX_ERRORS = 1000


@dataclass
class RowError:
    row: int
    column: str
    value: object
    message: str

    def __str__(self) -> str:
        return _(
            "Dòng %(row)s, cột “%(column)s” (giá trị “%(value)s”): %(message)s"
        ) % {
            "row": self.row,
            "column": self.column,
            "value": "" if self.value is None else self.value,
            "message": self.message,
        }


@dataclass(slots=True)
class PlannedFigure:
    """One figure of a file: its key (``KEY_FIELDS``), value and fate.

    Plain values rather than a model instance: a file can hold hundreds of
    thousands, and instances are built only where one is needed.
    """

    row: int
    key: tuple
    value: Decimal
    rounding: Decimal
    source_id: int
    status: str = "new"  # "new", "changed", "unchanged"
    old_value: Decimal | None = None
    pk: int | None = None
    label: str = ""  # what the preview shows; filled for the rows it shows
    old_rounding: Decimal | None = None

    @property
    def before(self) -> tuple | None:
        """What the comparison found stored: None (no figure), or its id,
        value and rounding; the confirmation holds the import to it."""
        if self.status == "new":
            return None
        return (self.pk, self.old_value, self.old_rounding)

    @property
    def figure(self) -> Figure:
        """The figure as a model instance (the stored row's id when it exists)."""
        return Figure(
            pk=self.pk,
            **dict(zip(KEY_FIELDS, self.key, strict=True)),
            value=self.value,
            rounding=self.rounding,
            source_id=self.source_id,
        )


@dataclass
class ImportPlan:
    file_name: str
    sha256: str
    sheet: str
    figures: list[PlannedFigure] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    #: The row where checking stopped after MAX_ERRORS errors, if it did.
    stopped_at: int | None = None

    def count(self, status: str) -> int:
        return sum(1 for p in self.figures if p.status == status)

    @property
    def count_new(self) -> int:
        return self.count("new")

    @property
    def count_changed(self) -> int:
        return self.count("changed")

    @property
    def count_unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def can_apply(self) -> bool:
        return not self.errors and bool(self.figures)

    def __getstate__(self):
        # Kept between preview and confirmation (funding.imports.spool): plain
        # tuples pickle several times faster than 200,000 dataclasses with
        # Decimals and dates. What the preview compared with is kept too:
        # the confirmation writes only if it still holds.
        figures = [
            (
                p.row,
                *p.key[:6],
                p.key[6].toordinal(),
                p.key[7],
                str(p.value),
                str(p.rounding),
                p.source_id,
                p.status,
                p.pk,
                None if p.old_value is None else str(p.old_value),
                None if p.old_rounding is None else str(p.old_rounding),
            )
            for p in self.figures
        ]
        return (self.file_name, self.sha256, self.sheet, figures, self.errors)

    def __setstate__(self, state):
        self.file_name, self.sha256, self.sheet, figures, self.errors = state
        self.stopped_at = None  # only valid plans are kept
        from_ordinal = date.fromordinal
        self.figures = [
            PlannedFigure(
                f[0],
                (*f[1:7], from_ordinal(f[7]), f[8]),
                Decimal(f[9]),
                Decimal(f[10]),
                f[11],
                status=f[12],
                pk=f[13],
                old_value=None if f[14] is None else Decimal(f[14]),
                old_rounding=None if f[15] is None else Decimal(f[15]),
            )
            for f in figures
        ]


def plan_import(
    table: SheetTable,
    *,
    file_name: str,
    sha256: str,
    source: SourceDocument,
    progress=None,
) -> ImportPlan:
    """Validate every row and compare it with what is stored; write nothing.

    ``progress(done, total)`` is called every thousand rows when given.
    """
    plan = ImportPlan(file_name=file_name, sha256=sha256, sheet=table.sheet)
    columns: dict[str, int] = {}
    units: dict[int, str] = {}
    for index, header in enumerate(table.headers):
        key = HEADERS.get(header_key(header))
        if key and key not in columns:
            columns[key] = index
            units[index] = unit_of(header)
    if not table.rows:
        plan.errors.append(
            RowError(
                table.header_row,
                "",
                None,
                _("tệp không có dòng dữ liệu nào dưới dòng tiêu đề."),
            )
        )
        return plan
    measure_columns = [m for m in MEASURE_COLUMNS if m in columns]
    long_layout = "measure" in columns and "value" in columns
    missing = [
        label
        for key, label in (("area", "Tỉnh, thành phố"), ("year", "Năm"))
        if key not in columns
    ]
    if not measure_columns and not long_layout:
        missing.append("Kế hoạch / Thực hiện (hoặc Loại số liệu và Giá trị)")
    if missing:
        plan.errors.append(
            RowError(
                table.header_row,
                ", ".join(missing),
                None,
                _("thiếu cột bắt buộc. Các cột tìm thấy: %(found)s.")
                % {"found": ", ".join(h for h in table.headers if h) or "—"},
            )
        )
        return plan

    lookups = Lookups()
    header_of = dict(enumerate(table.headers))
    formula_cells: dict[int, list[int]] = {}
    for row_number, col in table.formula_errors:
        formula_cells.setdefault(row_number, []).append(col)
    seen: dict[tuple, int] = {}
    candidates: list[PlannedFigure] = []

    def cell(row, key):
        index = columns.get(key)
        return (row[index] if index is not None and index < len(row) else None), index

    areas_seen: dict[tuple, Area | None] = {}
    periods_seen: dict[tuple, tuple | None] = {}
    total = len(table.rows)
    for done, (number, row) in enumerate(table.rows, start=1):
        if progress and (done % 1000 == 0 or done == total):
            progress(done, total)
        if len(plan.errors) >= MAX_ERRORS:
            plan.stopped_at = number
            break
        errors = []

        def error(index, value, message, number=number, errors=errors):
            errors.append(RowError(number, header_of.get(index, ""), value, message))

        for col in formula_cells.get(number, ()):
            error(
                col,
                "",
                _(
                    "ô công thức không có giá trị đã tính; hãy mở tệp bằng Excel/LibreOffice, lưu lại rồi nhập."
                ),
            )
        year_value, year_index = cell(row, "year")
        try:
            year = int(Decimal(str(year_value).strip()))
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise ValueError
        except (ValueError, ArithmeticError, TypeError):
            error(year_index, year_value, _("năm không hợp lệ."))
            plan.errors.extend(errors)
            continue
        area_value, area_index = cell(row, "area")
        # The same few names and periods recur on every row: resolve each once.
        area_key = (area_value, year)
        area = areas_seen.get(area_key, MISSING)
        if area is MISSING:
            area = areas_seen[area_key] = lookups.area(area_value, year)
        if area is None:
            suggestions = lookups.suggest_areas(area_value)
            hint = (
                _(" Có phải: %(names)s?") % {"names": ", ".join(suggestions)}
                if suggestions
                else ""
            )
            error(
                area_index,
                area_value,
                _("không có địa bàn này trong năm %(year)s.") % {"year": year} + hint,
            )
        indicator_value, indicator_index = cell(row, "indicator")
        indicator = (
            lookups.indicators.get(fold(str(indicator_value)))
            if indicator_value not in (None, "")
            else lookups.default_indicator
        )
        if indicator is None:
            error(indicator_index, indicator_value, _("không có chỉ tiêu này."))
        source_value, source_index = cell(row, "fund")
        fund = SOURCE_WORDS.get(fold(str(source_value or "")))
        if fund is None:
            error(
                source_index,
                source_value,
                _("nguồn kinh phí phải là KCQG, KCĐP hoặc để trống (tất cả nguồn)."),
            )
        content_value, content_index = cell(row, "content")
        content = (
            lookups.contents.get(fold(str(content_value)))
            if content_value not in (None, "")
            else lookups.all_contents
        )
        if content is None:
            error(
                content_index, content_value, _("không có nội dung chương trình này.")
            )
        period_value, period_index = cell(row, "period")
        period_key = (period_value, year)
        period = periods_seen.get(period_key, MISSING)
        if period is MISSING:
            period = periods_seen[period_key] = read_period(period_value, year)
        if period is None or period[1].year != year:
            error(
                period_index,
                period_value,
                _("kỳ phải là “Cả năm”, “N tháng” hoặc một ngày trong năm %(year)s.")
                % {"year": year},
            )
        unit_value, _unit_index = cell(row, "unit")
        row_unit = str(unit_value or "").strip().lower()
        stated_rounding = None
        rounding_value, rounding_index = cell(row, "rounding")
        if rounding_value not in (None, ""):
            try:
                parsed_rounding = parse_number(
                    rounding_value, unit=units.get(rounding_index) or row_unit
                )
                stated_rounding = parsed_rounding.value if parsed_rounding else None
            except NumberFormatError as exc:
                error(rounding_index, rounding_value, str(exc))

        values = []
        if long_layout:
            measure_value, measure_index = cell(row, "measure")
            measure = MEASURE_WORDS.get(fold(str(measure_value or "")))
            if measure is None:
                error(
                    measure_index,
                    measure_value,
                    _("loại số liệu phải là Kế hoạch, Thực hiện hoặc Ước thực hiện."),
                )
            else:
                value_cell, value_index = cell(row, "value")
                values.append((measure, value_cell, value_index))
        else:
            for measure in measure_columns:
                value_cell, value_index = cell(row, measure)
                values.append((measure, value_cell, value_index))

        parsed_values = []
        for measure, raw, index in values:
            unit = units.get(index) or row_unit
            if indicator is not None and indicator.unit == Indicator.Unit.COUNT:
                unit = ""
            try:
                parsed = parse_number(raw, unit=unit)
            except NumberFormatError as exc:
                error(index, raw, str(exc))
                continue
            if parsed is None:
                continue  # an empty cell or "-": no figure
            if parsed.unit == "%":
                error(index, raw, _("đây là tỷ lệ; hãy nhập số tiền hoặc số lượng."))
            elif parsed.value < 0:
                error(index, raw, _("giá trị không được âm."))
            elif (
                indicator
                and indicator.unit == Indicator.Unit.COUNT
                and parsed.value != parsed.value.to_integral_value()
            ):
                error(index, raw, _("chỉ tiêu đếm phải là số nguyên."))
            else:
                if stated_rounding is not None:
                    rounding = stated_rounding
                elif parsed.scale > 1 and parsed.decimals:
                    # "8,5 tỷ" is known to 0,1 tỷ: keep that for the bounds.
                    rounding = rounding_step(parsed.decimals, parsed.scale)
                else:
                    rounding = EXACT
                parsed_values.append((measure, parsed.value, rounding, index, raw))
        if errors:
            plan.errors.extend(errors)
            continue
        for measure, value, rounding, index, raw in parsed_values:
            key = (
                indicator.id,
                area.id,
                fund,
                content.id,
                year,
                period[0],
                period[1],
                measure,
            )
            if key in seen:
                plan.errors.append(
                    RowError(
                        number,
                        header_of.get(index, ""),
                        raw,
                        _(
                            "trùng với dòng %(row)s (cùng địa bàn, năm, kỳ, nguồn, nội dung và loại số liệu)."
                        )
                        % {"row": seen[key]},
                    )
                )
                continue
            seen[key] = number
            candidates.append(PlannedFigure(number, key, value, rounding, source.pk))

    if plan.errors:
        return plan
    plan.figures = candidates
    compare_with_stored(plan)
    return plan


def stored_state(figures: list[PlannedFigure]) -> dict[tuple, tuple]:
    """What is stored under the keys of ``figures``: key → (id, value,
    rounding), read as plain tuples (a file may touch areas and years that
    already hold hundreds of thousands of figures; model instances for all
    of them would be slow and large)."""
    stored = {}
    rows = Figure.objects.filter(
        indicator__in={c.key[0] for c in figures},
        area__in={c.key[1] for c in figures},
        content__in={c.key[3] for c in figures},
        year__in={c.key[4] for c in figures},
    ).values_list(*KEY_FIELDS, "pk", "value", "rounding")
    for row in rows.iterator(chunk_size=20000):
        stored[row[:8]] = row[8:]
    return stored


def compare_with_stored(plan: ImportPlan) -> None:
    """Mark each figure of a valid plan new, changed (with the stored value)
    or unchanged, from what the database holds now.

    Run at preview; what it found is each figure's ``before``, which the
    confirmation checks again under a lock (``apply_import``).
    """
    stored = stored_state(plan.figures)
    for planned in plan.figures:
        existing = stored.get(planned.key)
        if existing is None:
            planned.status, planned.pk = "new", None
            planned.old_value = planned.old_rounding = None
        else:
            planned.pk, planned.old_value, planned.old_rounding = existing
            same = (
                planned.old_value == planned.value
                and planned.old_rounding == planned.rounding
            )
            planned.status = "unchanged" if same else "changed"
    by_id = Lookups().by_id()
    for planned in plan.figures[:PREVIEW_ROWS]:
        planned.label = figure_label(planned, by_id)


def figure_label(planned: PlannedFigure, by_id: dict[str, dict]) -> str:
    """What a figure of the file is, in words: indicator – area – source –
    content – period – measure."""
    f = planned.figure
    return " – ".join(
        [
            by_id["indicator"][f.indicator_id].name,
            str(by_id["area"][f.area_id]),
            str(Figure.Fund(f.fund).label),
            by_id["content"][f.content_id].name,
            f.period_label,
            str(Figure.Measure(f.measure).label),
        ]
    )


#: How many rows the admin preview lists (all are validated and counted).
PREVIEW_ROWS = 500


#: A figure's identity as columns (``Figure.KEY_FIELDS``).
KEY_FIELDS = Figure.key_columns()


def plan_file(
    data: bytes,
    *,
    file_name: str,
    source: SourceDocument,
    sheet: str | None = None,
    header_row: int | None = None,
    progress=None,
) -> ImportPlan:
    """Read and validate a file; the plan lists per row what importing would do."""
    sha256 = hashlib.sha256(data).hexdigest()
    table = read_table(data, file_name, KNOWN, sheet=sheet, header_row=header_row)
    return plan_import(
        table, file_name=file_name, sha256=sha256, source=source, progress=progress
    )
