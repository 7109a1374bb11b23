"""Turning a spreadsheet into an import plan: validate every row in
memory and compare it with what is stored; nothing is written here.

The rows of a table (``funding.imports.reading``) are interpreted in the wide layout
(one row per area, source and content, one column per measure: "Kế hoạch",
"Thực hiện") or the long one (one figure per row, as exported), with the
words of ``funding.imports.words``. Lookups are resolved once per file. The
plan is compared with what is stored by ``funding.imports.stored`` and
written, or undone, by ``funding.imports.writes``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from ..core.models import Area, Figure, SourceDocument
from .plan_rows import RowChecker, RowError, figure_key
from .plausible import implausible
from .reading import SheetTable, read_table
from .report_options import report_context
from .stored import KEY_FIELDS, compare_with_stored
from .table_columns import check_table_columns, sheet_named
from .table_maps import map_table_columns
from .words import KNOWN

#: A file with this many errors is not checked further: they are enough to
#: show what is wrong, and a file of 200,000 wrong rows would otherwise take
#: minutes and a page of megabytes.
MAX_ERRORS = 1000


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
    note: str = ""  # the row's "Ghi chú"
    old_note: str | None = None
    column: str = ""  # where the value was read, for the preview's warnings

    @property
    def before(self) -> tuple | None:
        """What the comparison found stored: None (no figure), or its id,
        value and rounding; the confirmation holds the import to it."""
        if self.status == "new":
            return None
        return (self.pk, self.old_value, self.old_rounding, self.old_note)

    @property
    def figure(self) -> Figure:
        """The figure as a model instance (the stored row's id when it exists)."""
        return Figure(
            pk=self.pk,
            **dict(zip(KEY_FIELDS, self.key, strict=True)),
            value=self.value,
            rounding=self.rounding,
            source_id=self.source_id,
            note=self.note,
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
    #: Problems the officer must see and confirm before anything is
    #: written (a total that does not add up, an implausible value).
    warnings: list[RowError] = field(default_factory=list)
    #: Every row and column of the file not read, with the reason.
    unused: list[str] = field(default_factory=list)
    #: "table" (one row per area or figure) or "report" (a report layout).
    layout: str = "table"
    #: The officer confirmed the warnings (the import form's check box).
    confirmed: bool = False

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
        return (
            not self.errors
            and bool(self.figures)
            and (self.confirmed or not self.warnings)
        )

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
                p.note,
                p.old_note,
            )
            for p in self.figures
        ]
        extra = (self.warnings, self.unused, self.layout, self.confirmed)
        return (self.file_name, self.sha256, self.sheet, figures, self.errors, extra)

    def __setstate__(self, state):
        self.file_name, self.sha256, self.sheet, figures, self.errors = state[:5]
        self.warnings, self.unused, self.layout, self.confirmed = (
            state[5] if len(state) > 5 else ([], [], "table", False)
        )
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
                note=f[16] if len(f) > 16 else "",
                old_note=f[17] if len(f) > 17 else None,
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
    confirmed: bool = False,
) -> ImportPlan:
    """Validate every row and compare it with what is stored; write nothing.

    ``progress(done, total)`` is called every thousand rows when given.
    ``confirmed``: the officer has seen the warnings and imports anyway.
    """
    plan = ImportPlan(
        file_name=file_name,
        sha256=sha256,
        sheet=table.sheet,
        warnings=[
            RowError(p.row, p.column, p.value, p.message) for p in table.warnings
        ],
        unused=list(table.unused),
        layout=table.layout,
        confirmed=confirmed,
    )
    plan.errors.extend(
        RowError(p.row, p.column, p.value, p.message) for p in table.errors
    )
    if table.layout == "table":
        plan.errors.extend(map_table_columns(table))
        if plan.errors:
            return plan
    checker = RowChecker(table)
    if _refused_as_a_whole(plan, checker, table):
        return plan
    candidates = _check_rows(plan, checker, table, source, progress)
    plan.errors.extend(checker.mapped_fund_errors())
    if plan.errors:
        return plan
    plan.figures = candidates
    plan.warnings.extend(implausible(candidates, table))
    compare_with_stored(plan)
    return plan


def _refused_as_a_whole(plan: ImportPlan, checker: RowChecker, table) -> bool:
    """Whether the file is refused before any row is read (no row, a
    required column missing, columns the table cannot take), with why."""
    if not table.rows and not plan.errors:
        empty = _("tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
        plan.errors.append(RowError(table.header_row, "", None, empty))
        return True
    missing = checker.missing()
    if missing and table.rows:
        found = ", ".join(h for h in table.headers if h) or "—"
        message = _("thiếu cột bắt buộc. Các cột tìm thấy: %(found)s.") % {
            "found": found
        }
        plan.errors.append(
            RowError(table.header_row, ", ".join(missing), None, message)
        )
        return True
    if table.layout == "table":
        column_errors, unused = check_table_columns(table)
        plan.unused.extend(unused)
        if column_errors:
            plan.errors.extend(column_errors)
            return True
    return False


def _row_without_values(table, number) -> str:
    """A row not used as it holds no value: in a workbook's table named with
    its sheet, as a report layout names its rows (a CSV has no sheet)."""
    why = _("không có giá trị nào; số liệu đã lưu, nếu có, giữ nguyên")
    if table.layout == "table" and (sheet := sheet_named(table)):
        return _("Trang “%(sheet)s”, dòng %(row)s: không dùng (%(why)s).") % {
            "sheet": sheet,
            "row": number,
            "why": why,
        }
    return _("Dòng %(row)s: không dùng (%(why)s).") % {"row": number, "why": why}


def _check_rows(plan, checker, table, source, progress) -> list[PlannedFigure]:
    seen: dict[tuple, tuple[int, int]] = {}
    candidates: list[PlannedFigure] = []
    total = len(table.rows)
    for position, (number, row) in enumerate(table.rows):
        done = position + 1
        if progress and (done % 1000 == 0 or done == total):
            progress(done, total)
        if len(plan.errors) >= MAX_ERRORS:
            plan.stopped_at = number
            break
        checked, errors = checker.check(position, number, row)
        if errors:
            plan.errors.extend(errors)
            continue
        parts, values = checked
        if not values:
            plan.unused.append(_row_without_values(table, number))
        for measure, value, rounding, index, raw in values:
            key = figure_key(parts, measure)
            if key in seen:
                first, first_position = seen[key]
                plan.errors.append(
                    RowError(
                        number,
                        checker.column_name(position, index),
                        raw,
                        _(
                            "trùng với dòng %(row)s (cùng địa bàn, năm, kỳ, nguồn, nội dung và loại số liệu)."
                        )
                        % {"row": _where(checker, first, first_position, index)},
                    )
                )
                continue
            seen[key] = (number, position)
            candidates.append(
                PlannedFigure(
                    number,
                    key,
                    value,
                    rounding,
                    source.pk,
                    note=parts["note"],
                    column=checker.column_name(position, index),
                )
            )
    return candidates


def _where(checker, number: int, position: int, index) -> str:
    if checker.table.places is None:
        return str(number)
    return f"{number} ({checker.column_name(position, index).split(' – ')[0]})"


def plan_file(
    data: bytes,
    *,
    file_name: str,
    source: SourceDocument,
    sheet: str | None = None,
    header_row: int | None = None,
    progress=None,
    year: int | None = None,
    area: Area | None = None,
    confirmed: bool = False,
    ignore_columns: frozenset[str] = frozenset(),
    map_columns: str = "",
) -> ImportPlan:
    """Read and validate a file; the plan lists per row what importing would do.

    ``year`` and ``area`` are what the officer set (a row must agree with
    them; they stand in for a missing column); ``confirmed`` that
    the warnings were seen; ``ignore_columns`` the columns (letters) of a
    report the officer does not want read, ``map_columns`` those mapped by
    hand ("H=Thực hiện/KCQG", ``funding.imports.mapping``).
    """
    sha256 = hashlib.sha256(data).hexdigest()
    table = read_table(
        data,
        file_name,
        KNOWN,
        sheet=sheet,
        header_row=header_row,
        context=report_context(
            year=year, area=area, ignore_columns=ignore_columns, map_columns=map_columns
        ),
    )
    return plan_import(
        table,
        file_name=file_name,
        sha256=sha256,
        source=source,
        progress=progress,
        confirmed=confirmed,
    )
