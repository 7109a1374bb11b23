"""Turning a spreadsheet into figures: validate everything, then write once.

The rows of a table (``funding.reading``) are interpreted in the wide layout
(one row per area, source and content, one column per measure: "Kế hoạch",
"Thực hiện") or the long one (one figure per row, as exported). Lookups are
resolved once per file and every row is validated in memory; nothing is
written unless every row is valid, and then in one transaction with bulk
operations, each figure's history kept and the import recorded so it can be
undone.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_update_with_history

from khuyencong import pagecache
from khuyencong.text import fold as _fold_text

from .formatting import format_number
from .models import (
    Area,
    Figure,
    ImportChange,
    ImportRecord,
    Indicator,
    ProgrammeContent,
    SourceDocument,
)
from .numbers import NumberFormatError, parse_number
from .reading import SheetTable, header_key, read_table
from .services import flag_articles_for_review

# Folded header -> what the column holds.
HEADERS = {
    "chi tieu": "indicator",
    "tinh, thanh pho": "area",
    "tinh/thanh pho": "area",
    "tinh thanh pho": "area",
    "tinh": "area",
    "dia ban": "area",
    "khu vuc": "area",
    "nguon kinh phi": "source_fund",
    "nguon": "source_fund",
    "noi dung": "content",
    "noi dung chuong trinh": "content",
    "nam": "year",
    "ky": "period",
    "ky bao cao": "period",
    "don vi": "unit",
    "don vi tinh": "unit",
    "dvt": "unit",
    "ke hoach": Figure.Measure.PLAN,
    "thuc hien": Figure.Measure.EXECUTED,
    "uoc thuc hien": Figure.Measure.ESTIMATE,
    "loai so lieu": "measure",
    "gia tri": "value",
    "ghi chu": "note",
    "lam tron": "rounding",
}
MEASURE_COLUMNS = {
    Figure.Measure.PLAN,
    Figure.Measure.EXECUTED,
    Figure.Measure.ESTIMATE,
}
KNOWN = set(HEADERS)

SOURCE_WORDS = {
    "": Figure.Source.ALL,
    "tat ca": Figure.Source.ALL,
    "tat ca nguon": Figure.Source.ALL,
    "tong": Figure.Source.ALL,
    "kcqg": Figure.Source.KCQG,
    "quoc gia": Figure.Source.KCQG,
    "khuyen cong quoc gia": Figure.Source.KCQG,
    "kcdp": Figure.Source.KCDP,
    "dia phuong": Figure.Source.KCDP,
    "khuyen cong dia phuong": Figure.Source.KCDP,
}
MISSING = object()
#: A file with this many errors is not checked further: they are enough to
#: show what is wrong, and a file of 200,000 wrong rows would otherwise take
#: minutes and a page of megabytes.
MAX_ERRORS = 1000
#: Unknown area names that get suggestions, per file.
MAX_SUGGESTED = 100
# The same few names recur on every row of a file: fold each once.
fold = lru_cache(maxsize=65536)(_fold_text)

MEASURE_WORDS = {fold(str(label)): value for value, label in Figure.Measure.choices}
AREA_PREFIXES = ("thanh pho ", "tp. ", "tp.", "tp ", "tinh ")


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
        # Kept between preview and confirmation (funding.spool): plain
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


class _Lookups:
    """Reference data read once per file."""

    def __init__(self):
        self.indicators = {}
        for indicator in Indicator.objects.all():
            self.indicators[fold(indicator.name)] = indicator
            self.indicators[fold(indicator.code)] = indicator
        self.default_indicator = Indicator.objects.filter(
            code="kinh-phi-khuyen-cong"
        ).first()
        self.contents = {}
        for content in ProgrammeContent.objects.all():
            self.contents[fold(content.name)] = content
            self.contents[fold(content.code)] = content
        self.all_contents = self.contents.get(ProgrammeContent.ALL)
        self.areas: dict[str, list[Area]] = {}
        self.suggested: dict[str, list[str]] = {}
        for area in Area.objects.all():
            names = {area.name, area.short_name, area.code, *area.aliases.splitlines()}
            for name in names:
                key = _area_key(name)
                if key:
                    self.areas.setdefault(key, []).append(area)

    def by_id(self) -> dict[str, dict]:
        return {
            "indicator": {i.pk: i for i in self.indicators.values()},
            "content": {c.pk: c for c in self.contents.values()},
            "area": {a.pk: a for areas in self.areas.values() for a in areas},
        }

    def area(self, text: str, year: int) -> Area | None:
        candidates = self.areas.get(_area_key(text), [])
        valid = [
            a
            for a in candidates
            if (a.valid_from is None or a.valid_from.year <= year)
            and (a.valid_to is None or a.valid_to.year >= year)
        ]
        if not valid:
            return None
        # In the merger year both exist: the row means the older one unless
        # only the new one matches.
        return sorted(valid, key=lambda a: a.valid_to is None)[0]

    def suggest_areas(self, text: str) -> list[str]:
        """Known areas with a name like ``text``; each text is compared once,
        and only the first ``MAX_SUGGESTED`` unknown texts of a file are (a
        comparison with every name takes milliseconds)."""
        key = _area_key(text)
        if key not in self.suggested:
            if len(self.suggested) >= MAX_SUGGESTED:
                return []
            keys = difflib.get_close_matches(key, list(self.areas), n=3, cutoff=0.6)
            self.suggested[key] = [self.areas[k][0].short_name for k in keys]
        return self.suggested[key]


def _area_key(text: str) -> str:
    key = fold(str(text or ""))
    for prefix in AREA_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    return re.sub(r"[^a-z0-9]+", " ", key).strip()


def _period(text, year: int) -> tuple[str, date] | None:
    """ "Cả năm" / "" → the year; "7 tháng" → first 7 months; "30/06/2023" → to date."""
    if isinstance(text, datetime | date):
        day = text.date() if isinstance(text, datetime) else text
        return Figure.PeriodKind.TO_DATE, day
    key = fold(str(text or ""))
    if key in ("", "ca nam", "nam", "12 thang"):
        return Figure.PeriodKind.YEAR, Figure.period_end_for(
            Figure.PeriodKind.YEAR, year
        )
    if match := re.fullmatch(r"(\d{1,2}) thang( dau nam)?( \d{4})?", key):
        months = int(match.group(1))
        if 1 <= months <= 11:
            return Figure.PeriodKind.MONTHS, Figure.period_end_for(
                Figure.PeriodKind.MONTHS, year, months
            )
    if match := re.fullmatch(r"(den (ngay )?)?(\d{1,2})/(\d{1,2})/(\d{4})", key):
        try:
            return Figure.PeriodKind.TO_DATE, date(
                int(match.group(5)), int(match.group(4)), int(match.group(3))
            )
        except ValueError:
            return None
    return None


#: The rounding of a figure known exactly; one object for the many figures.
EXACT = Decimal(0)


@lru_cache(maxsize=256)
def _rounding(decimals: int, scale: Decimal) -> Decimal:
    """The step of a figure written with ``decimals`` decimals in a unit of
    ``scale`` đồng; the few steps a file uses are shared by its figures."""
    return Decimal(1).scaleb(-decimals) * scale


def _unit_of(header: str) -> str:
    match = re.search(r"\(([^)]*)\)", header)
    return match.group(1).strip().lower() if match else ""


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
            units[index] = _unit_of(header)
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

    lookups = _Lookups()
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
            if not 1990 <= year <= 2100:
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
        source_value, source_index = cell(row, "source_fund")
        source_fund = SOURCE_WORDS.get(fold(str(source_value or "")))
        if source_fund is None:
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
            period = periods_seen[period_key] = _period(period_value, year)
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
                    rounding = _rounding(parsed.decimals, parsed.scale)
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
                source_fund,
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
    by_id = _Lookups().by_id()
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
            str(Figure.Source(f.source_fund).label),
            by_id["content"][f.content_id].name,
            f.period_label,
            str(Figure.Measure(f.measure).label),
        ]
    )


#: How many rows the admin preview lists (all are validated and counted).
PREVIEW_ROWS = 500


KEY_FIELDS = (
    "indicator_id",
    "area_id",
    "source_fund",
    "content_id",
    "year",
    "period_kind",
    "period_end",
    "measure",
)


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


NEW_COLUMNS = (
    "created_at",
    "updated_at",
    *KEY_FIELDS,
    "value",
    "rounding",
    "source_id",
    "note",
    "last_import_id",
)


def _insert_new(new: list[PlannedFigure], record: ImportRecord) -> None:
    """Insert new figures: COPY on PostgreSQL, ``bulk_create`` elsewhere."""
    now = timezone.now()
    if connection.vendor == "postgresql":
        columns = ", ".join(
            Figure._meta.get_field(name.removesuffix("_id")).column
            for name in NEW_COLUMNS
        )
        # The raw psycopg cursor bypasses Django's translation of database
        # errors: restore it, so a unique violation is an IntegrityError.
        with (
            connection.wrap_database_errors,
            connection.cursor() as cursor,
            cursor.cursor.copy(
                f"COPY {Figure._meta.db_table} ({columns}) FROM STDIN"
            ) as copy,
        ):
            # COPY's text format written directly: psycopg's write_row adapts
            # each value on its own and was most of the time of this step.
            # Every value is a number, a date or one of our codes: nothing
            # to escape.
            stamp = now.isoformat()
            tail = f"\t\t{record.pk}\n"
            for start in range(0, len(new), 10000):
                copy.write(
                    "".join(
                        f"{stamp}\t{stamp}\t{k[0]}\t{k[1]}\t{k[2]}\t{k[3]}\t{k[4]}"
                        f"\t{k[5]}\t{k[6].isoformat()}\t{k[7]}\t{p.value}"
                        f"\t{p.rounding}\t{p.source_id}{tail}"
                        for p in new[start : start + 10000]
                        for k in (p.key,)
                    )
                )
        return
    figures = []
    for p in new:
        figure = p.figure
        figure.last_import = record
        figures.append(figure)
    Figure.objects.bulk_create(figures, batch_size=5000)


HISTORY_META = {
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user_id",
}


def _record_history(
    *, record, user, reason: str, history_type: str, only_unlogged: bool
) -> None:
    """History rows for the figures this import wrote, in one INSERT … SELECT.

    Building a historical object per figure in Python is what made bulk
    imports slow; the database copies the rows itself. The columns are read
    from django-simple-history's own model, so they follow its schema.
    """
    history = Figure.history.model
    columns = [
        f.column for f in history._meta.concrete_fields if f.column not in HISTORY_META
    ]
    figure_table = Figure._meta.db_table
    change_table = ImportChange._meta.db_table
    condition = f"{figure_table}.last_import_id = %s"
    params = [timezone.now(), reason, history_type, user.pk, record.pk]
    if only_unlogged:
        condition += (
            f" AND {figure_table}.id NOT IN "
            f"(SELECT figure_id FROM {change_table} WHERE record_id = %s AND figure_id IS NOT NULL)"
        )
        params.append(record.pk)
    select = ", ".join(f"{figure_table}.{c}" for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {history._meta.db_table} "
            f"({', '.join(columns)}, history_date, history_change_reason, history_type, history_user_id) "
            f"SELECT {select}, %s, %s, %s, %s FROM {figure_table} WHERE {condition}",
            params,
        )


#: Shown when reading or writing an import fails in a way no rule foresaw;
#: the traceback goes to the log.
UNEXPECTED_ERROR = gettext_lazy(
    "Có lỗi không lường trước khi xử lý tệp; không ghi gì. Lỗi đã được ghi lại "
    "cho quản trị viên; hãy kiểm tra tệp hoặc báo cho quản trị viên."
)


#: The database refused a write (another writer stored one of the figures,
#: or removed an area or a source, after the checks); all was rolled back.
WRITE_CONFLICT_ERROR = gettext_lazy(
    "Dữ liệu vừa bị thay đổi trong lúc ghi (có người ghi cùng số liệu hoặc xoá "
    "dữ liệu tham chiếu); không ghi gì. Hãy xem trước lại."
)
#: The database failed (busy, restarted); all was rolled back.
DATABASE_ERROR = gettext_lazy(
    "Cơ sở dữ liệu đang bận hoặc gặp lỗi; không ghi gì. Hãy thử lại sau ít phút."
)


class StalePlanError(ValueError):
    """The figures an import would write changed since its preview; the
    message says how many, with examples, in Vietnamese."""


#: The key of PostgreSQL's advisory lock held by import confirmations and
#: undos ("kcim"); any constant no other code uses.
IMPORT_LOCK_KEY = 0x6B63696D


def lock_import_writes() -> None:
    """Hold, until the transaction ends, the lock that lets one import
    confirmation or undo run at a time, so each reads what the previous one
    committed.

    PostgreSQL: a transaction-level advisory lock. SQLite lets one writer at
    a time but starts transactions as readers; a write (of no row) makes
    this one the writer now, before it reads anything.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
        else:
            cursor.execute(
                f"UPDATE {ImportRecord._meta.db_table} SET id = id WHERE 0 = 1"
            )


def _lock_figures(pks: list[int]) -> None:
    """Lock stored figures against other writers (an edit in the admin)
    until the transaction ends; a no-op on SQLite, which has one writer."""
    for start in range(0, len(pks), 10000):
        list(
            Figure.objects.select_for_update()
            .filter(pk__in=pks[start : start + 10000])
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def check_still_current(plan: ImportPlan) -> None:
    """Refuse (StalePlanError) a plan whose figures are no longer stored as
    its preview found them: absent, or with the same id, value and rounding.

    Called with the import lock held and the rows to change locked, so
    nothing changes between this check and the writes.
    """
    stored = stored_state(plan.figures)
    moved = [p for p in plan.figures if stored.get(p.key) != p.before]
    if not moved:
        return
    by_id = _Lookups().by_id()
    examples = []
    for planned in moved[:3]:
        now = stored.get(planned.key)
        examples.append(
            _("dòng %(row)s, %(figure)s: lúc xem trước %(before)s, nay %(now)s")
            % {
                "row": planned.row,
                "figure": figure_label(planned, by_id),
                "before": _stored_text(planned.before),
                "now": _stored_text(now),
            }
        )
    raise StalePlanError(
        _(
            "%(count)s số liệu đã thay đổi từ lúc xem trước (ví dụ: %(examples)s); "
            "không ghi gì. Hãy xem trước lại."
        )
        % {"count": len(moved), "examples": "; ".join(examples)}
    )


def _stored_text(state: tuple | None) -> str:
    if state is None:
        return _("chưa có")
    return format_number(state[1], 2)


@transaction.atomic
def apply_import(*, plan: ImportPlan, user) -> ImportRecord:
    """Write a valid plan in one transaction and record it.

    Under the import lock, and with the stored figures it changes locked,
    the plan is first held to what its preview compared with
    (``check_still_current``): a plan overtaken by another import or an
    edit writes nothing. New figures are bulk-created and changed ones
    bulk-updated; their history rows and the import's change log are
    written by the database from the rows themselves. Unchanged rows write
    nothing.
    """
    if plan.errors:
        raise ValueError("an import with errors cannot be applied")
    lock_import_writes()
    _lock_figures([p.pk for p in plan.figures if p.status == "changed"])
    check_still_current(plan)
    record = ImportRecord.objects.create(
        file_name=plan.file_name,
        sha256=plan.sha256,
        sheet=plan.sheet,
        user=user,
        created_count=plan.count("new"),
        changed_count=plan.count("changed"),
        unchanged_count=plan.count("unchanged"),
    )
    reason = _("Nhập từ tệp %(name)s") % {"name": plan.file_name}
    new = [p for p in plan.figures if p.status == "new"]
    changed = [p for p in plan.figures if p.status == "changed"]
    if new:
        _insert_new(new, record)
        _record_history(
            record=record,
            user=user,
            reason=reason,
            history_type="+",
            only_unlogged=False,
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {ImportChange._meta.db_table} (record_id, figure_id, old_value, new_value) "
                f"SELECT %s, id, NULL, value FROM {Figure._meta.db_table} WHERE last_import_id = %s",
                [record.pk, record.pk],
            )
    if changed:
        now = timezone.now()
        figures = []
        for planned in changed:
            # Only the written fields matter to bulk_update: a partial
            # instance with the stored id stands for the row.
            figure = planned.figure
            figure.last_import, figure.updated_at = record, now
            figures.append(figure)
        Figure.objects.bulk_update(
            figures,
            ["value", "rounding", "source", "last_import", "updated_at"],
            batch_size=2000,
        )
        _record_history(
            record=record,
            user=user,
            reason=reason,
            history_type="~",
            only_unlogged=True,
        )
        ImportChange.objects.bulk_create(
            [
                ImportChange(
                    record=record,
                    figure=p.figure,
                    old_value=p.old_value,
                    new_value=p.figure.value,
                )
                for p in changed
            ],
            batch_size=5000,
        )
    flag_articles_for_review(figures=Figure.objects.filter(last_import=record))
    # Bulk writes send no signals: the public pages showing figures change.
    pagecache.changed()
    return record


@transaction.atomic
def undo_import(*, record: ImportRecord, user) -> int:
    """Put every figure an import touched back as it was, and record that.

    Figures it created are deleted; figures it changed get their old value.
    Refused if a later import or edit changed them since (their value is no
    longer the one this import wrote). Holds the import lock, so no
    confirmation runs between the check and the writes.
    """
    lock_import_writes()
    record = ImportRecord.objects.select_for_update().get(pk=record.pk)
    if record.undone_at:
        raise ValueError(_("Lần nhập này đã được hoàn tác."))
    _lock_figures(
        list(
            record.changes.filter(figure__isnull=False).values_list(
                "figure_id", flat=True
            )
        )
    )
    changes = list(record.changes.select_related("figure"))
    moved = [
        c for c in changes if c.figure is not None and c.figure.value != c.new_value
    ]
    if moved:
        raise ValueError(
            _("Không thể hoàn tác: %(count)s số liệu đã được sửa sau lần nhập này.")
            % {"count": len(moved)}
        )
    reason = _("Hoàn tác lần nhập %(name)s") % {"name": record.file_name}
    # Before anything is deleted: the articles showing these figures.
    flag_articles_for_review(
        figures=Figure.objects.filter(pk__in=[c.figure_id for c in changes])
    )
    restored = []
    for change in changes:
        figure = change.figure
        if figure is None:
            continue
        if change.old_value is None:
            figure._history_user = user
            figure._change_reason = reason
            figure.delete()
        else:
            figure.value = change.old_value
            figure.last_import = None
            restored.append(figure)
    if restored:
        bulk_update_with_history(
            restored,
            Figure,
            ["value", "last_import", "updated_at"],
            default_user=user,
            default_change_reason=reason,
        )
    pagecache.changed()
    record.undone_at = timezone.now()
    record.undone_by = user
    record.save(update_fields=["undone_at", "undone_by"])
    return len(changes)
