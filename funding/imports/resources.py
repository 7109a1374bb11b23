"""Figures in django-import-export: its admin views, forms, temporary
storage and permission codes, with this portal's reading and import engine.

django-import-export's default resource imports row by row through model
instances (a few hundred figures a second) and decodes files with tablib,
which knows neither the encodings of Vietnamese CSV files nor formulas
without cached values or merged headers. So the import format here hands the
raw bytes to the resource, and the resource's ``import_data`` reads them with
``funding.imports.reading`` and validates and writes with ``funding.imports`` (one
pass in memory, bulk writes, an ``ImportRecord``). Export goes through the
resource too, in the long layout that imports back unchanged.
"""

from __future__ import annotations

import hashlib
import logging

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources
from import_export.formats import base_formats
from import_export.results import Error, Result, RowResult

from ..core import exports
from ..core.models import Figure, ImportRecord, SourceDocument
from . import jobs, spool, tasks
from .engine import apply_or_explain, plan_upload
from .plan import ImportPlan
from .reading import ReadError
from .spreadsheets import LONG_HEADERS, long_rows
from .writes import (
    UNEXPECTED_ERROR,
)

logger = logging.getLogger(__name__)


class UploadedFile(tablib.Dataset):
    """The bytes of an upload, read later with the options of the import form.

    A ``tablib.Dataset`` because that is what django-import-export passes
    from the format to the resource; it is truthy when the file is not empty.
    """

    def __init__(self, data: bytes):
        super().__init__()
        self.raw = data

    def __len__(self) -> int:
        return 1 if self.raw else 0


class SpreadsheetFormat(base_formats.Format):
    """XLSX, ODS or CSV, told apart by the file's name and content when read."""

    def __init__(self, encoding=None):
        self.encoding = encoding

    def get_title(self):
        return gettext_lazy("Bảng tính (XLSX, ODS, CSV)")

    def create_dataset(self, in_stream):
        if isinstance(in_stream, str):  # never for a binary format, but be safe
            in_stream = in_stream.encode("utf-8")
        return UploadedFile(in_stream)

    def get_extension(self):
        return "xlsx"

    def can_import(self):
        return True


class ODS(base_formats.ODS):
    """ODS export. django-import-export 4.4 declares ODS a text format, so with
    an export encoding set (ours: UTF-8 with BOM, for CSV) it tries to encode
    the bytes tablib already produced."""

    def is_binary(self):
        return True


class FigureImportResult(Result):
    """django-import-export's result, carrying the whole plan for the preview
    and the import record after the confirmation."""

    def __init__(self, plan=None, record=None):
        super().__init__()
        self.plan = plan
        self.record = record
        #: The job that made it (``funding.imports.jobs``), when one did.
        self.job = None
        if plan is not None:
            self.total_rows = plan.count_new + plan.count_changed + plan.count_unchanged
            self.totals[RowResult.IMPORT_TYPE_NEW] = plan.count_new
            self.totals[RowResult.IMPORT_TYPE_UPDATE] = plan.count_changed
            self.totals[RowResult.IMPORT_TYPE_SKIP] = plan.count_unchanged
            self.totals[RowResult.IMPORT_TYPE_INVALID] = len(plan.errors)

    def has_validation_errors(self) -> bool:
        # Warnings not yet confirmed stop the import like errors.
        return bool(
            self.plan
            and (self.plan.errors or (self.plan.warnings and not self.plan.confirmed))
        )


class FigureResource(resources.Resource):
    """Figures as django-import-export sees them; every column is read and
    written by ``funding.imports`` and ``funding.imports.spreadsheets``."""

    @classmethod
    def get_display_name(cls):
        return _("Số liệu khuyến công")

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=False,
        *,
        file_name: str = "",
        user=None,
        source: SourceDocument | None = None,
        sheet: str | None = None,
        header_row: int | None = None,
        preview: str | None = None,
        **kwargs,
    ) -> FigureImportResult:
        """Read, validate and compare every row; unless ``dry_run``, write them
        all in one transaction, or nothing when any row is in error.

        ``preview`` names the upload kept between the admin's preview and
        its confirmation: the confirmation writes the plan that preview
        showed, held to what it compared with, or nothing. Whatever goes
        wrong is a Vietnamese message on the page, never an error page.
        """
        data = dataset.raw if isinstance(dataset, UploadedFile) else None
        if data is None:
            raise TypeError("FigureResource imports files read by SpreadsheetFormat")
        sha256 = hashlib.sha256(data).hexdigest()
        options = _report_options(kwargs)
        key = spool.plan_key(
            sha256, sheet, header_row, source.pk, file_name, preview, *options.values()
        )
        if preview and user is not None:
            # Through the admin: a job, in the request or on the worker.
            if dry_run:
                return _start_preview(
                    data,
                    user=user,
                    upload=preview,
                    file_name=file_name,
                    source=source,
                    sheet=sheet,
                    header_row=header_row,
                    plan_key=key,
                    **options,
                )
            return _start_confirm(key, user=user)
        return _plan_and_apply(
            data,
            dry_run=dry_run,
            user=user,
            file_name=file_name,
            source=source,
            sheet=sheet,
            header_row=header_row,
            **options,
        )

    def export(self, queryset=None, **kwargs) -> tablib.Dataset:
        """The long layout, one figure per row, as ``funding.imports`` reads it."""
        if queryset is None:
            queryset = Figure.objects.all()
        figures = queryset.with_dimensions().order_by(
            "area__code", "year", "period_end", "pk"
        )
        return exports.dataset(LONG_HEADERS, long_rows(figures), _("Số liệu"))


def _report_options(kwargs) -> dict:
    """What the officer set for a report (year, confirmation of warnings,
    columns declined), in a fixed order and form for the spool key and a
    job's payload."""
    return {
        "year": kwargs.get("year"),
        "area": area.pk if (area := kwargs.get("area")) is not None else None,
        "confirmed": bool(kwargs.get("confirmed")),
        "ignore_columns": ",".join(sorted(kwargs.get("ignore_columns") or ())),
        "map_columns": (kwargs.get("map_columns") or "").strip(),
    }


def _plan_and_apply(data: bytes, *, dry_run: bool, user, **options):
    """Plan, and unless ``dry_run`` write, in one go (not through the admin)."""
    try:
        plan = plan_upload(data, **options)
    except ReadError as exc:
        return _failed(str(exc))
    except Exception:
        logger.exception("Reading the import file %r failed", options["file_name"])
        return _failed(UNEXPECTED_ERROR)
    if dry_run or not plan.can_apply:
        return FigureImportResult(plan)
    record, error = apply_or_explain(plan, user)
    return _failed(error) if record is None else FigureImportResult(plan, record)


def _start_preview(data: bytes, *, user, plan_key: str, **payload):
    """Plan the upload as a job; the preview once it is done."""
    job = jobs.create(
        "preview",
        user=user,
        plan_key=plan_key,
        **{**payload, "source": payload["source"].pk},
    )
    job = tasks.start(job, inline=jobs.runs_inline(size_bytes=len(data)))
    return result_of(job)


def _start_confirm(plan_key: str, *, user):
    """Write the previewed plan as a job; its record once it is done."""
    plan = spool.load(plan_key)
    if plan is None:
        return _failed(
            _(
                "Không còn bản xem trước của tệp này (đã hết hạn hoặc đổi tuỳ "
                "chọn); không ghi gì. Hãy tải tệp lên và xem trước lại."
            )
        )
    if not plan.can_apply:
        return FigureImportResult(plan)
    job = jobs.create("confirm", user=user, plan_key=plan_key)
    job = tasks.start(job, inline=jobs.runs_inline(figures=len(plan.figures)))
    return result_of(job, plan)


def result_of(job, plan: ImportPlan | None = None) -> FigureImportResult:
    """A job as django-import-export's result: still running (``job`` set),
    failed (the message), or done (the preview's plan, the confirmation's
    record)."""
    if job.state == jobs.FAILED:
        result = _failed(job.message)
    elif not job.finished:
        result = FigureImportResult(plan)
    elif job.kind == "preview":
        # What the preview shows (``preview.PreviewIndex``), not the plan.
        index = spool.load(job.result["index_key"])
        if index is None:
            result = _failed(_("Bản xem trước đã hết hạn; hãy tải tệp lên lại."))
        else:
            result = FigureImportResult(index)
    else:
        result = FigureImportResult(
            plan, ImportRecord.objects.get(pk=job.result["record"])
        )
    result.job = job
    return result


def _failed(message) -> FigureImportResult:
    """A result that writes nothing and says why."""
    result = FigureImportResult()
    result.append_base_error(Error(ReadError(str(message))))
    return result
