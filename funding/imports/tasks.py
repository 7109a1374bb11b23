"""The import work the task worker runs (django-tasks; ``manage.py
db_worker``): a preview, a confirmation or an undo, each reporting its
progress and outcome in its job (``funding.imports.jobs``). A job run in
the request goes through the same function (``Task.call``); ``start``
chooses which.

Whatever fails is the job's Vietnamese message; a write either commits
whole or not at all (one transaction), also when the worker is killed.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django_tasks import task

from ..core.models import ImportRecord, SourceDocument
from . import jobs, spool
from .engine import apply_or_explain, plan_upload
from .preview import PreviewIndex
from .reading import ReadError
from .undo import refused_text, undo_import
from .writes import UNEXPECTED_ERROR

logger = logging.getLogger(__name__)


@task()
def run_import_job(job_id: str) -> str:
    """Run the job ``job_id``; returns its final state."""
    job = jobs.load(job_id)
    if job is None or job.finished:
        return "missing" if job is None else job.state
    try:
        {"preview": _preview, "confirm": _confirm, "undo": _undo}[job.kind](job)
    except Exception:
        logger.exception("Import job %s (%s) failed", job.id, job.kind)
        jobs.fail(job, UNEXPECTED_ERROR)
    return job.state


def start(job: jobs.Job, *, inline: bool) -> jobs.Job:
    """Run the job now (``inline``) or hand it to the worker; the job as it
    stands after that."""
    if inline:
        run_import_job.call(job.id)
    else:
        run_import_job.enqueue(job.id)
    return jobs.load(job.id)


def _preview(job: jobs.Job) -> None:
    payload = job.payload
    progress = jobs.reporter(job, _("Đang đọc và kiểm tra từng dòng"))
    try:
        plan = plan_upload(
            spool.read_upload(payload["upload"]),
            file_name=payload["file_name"],
            source=SourceDocument.objects.get(pk=payload["source"]),
            sheet=payload["sheet"],
            header_row=payload["header_row"],
            year=payload.get("year"),
            area=payload.get("area"),
            confirmed=bool(payload.get("confirmed")),
            ignore_columns=payload.get("ignore_columns") or "",
            map_columns=payload.get("map_columns") or "",
            progress=progress,
        )
    except ReadError as exc:
        jobs.fail(job, exc)
        return
    except FileNotFoundError:
        jobs.fail(job, _("Tệp tải lên đã hết hạn; hãy tải lên lại."))
        return
    spool.save(payload["plan_key"], plan)
    # What the preview shows, kept apart: a page reads it, not the plan.
    index_key = spool.plan_key(payload["plan_key"], "preview")
    spool.save(index_key, PreviewIndex(plan))
    jobs.finish(
        job,
        plan_key=payload["plan_key"],
        index_key=index_key,
        can_apply=plan.can_apply,
    )


def _confirm(job: jobs.Job) -> None:
    key = job.payload["plan_key"]
    plan = spool.load(key)
    if plan is None:
        jobs.fail(job, _("Không còn bản xem trước của tệp này; hãy xem trước lại."))
        return
    user = get_user_model().objects.get(pk=job.user_id)
    progress = jobs.reporter(job, _("Đang ghi số liệu (một giao dịch)"))
    record, error = apply_or_explain(plan, user, progress=progress)
    if record is None:
        jobs.fail(job, error)
        return
    spool.discard(key)
    jobs.finish(job, record=record.pk)


def _undo(job: jobs.Job) -> None:
    user = get_user_model().objects.get(pk=job.user_id)
    outcomes = []
    for pk in job.payload["records"]:
        record = ImportRecord.objects.get(pk=pk)
        progress = jobs.reporter(
            job, _("Đang hoàn tác %(record)s") % {"record": record}
        )
        try:
            count = undo_import(record=record, user=user, progress=progress)
        except ValueError as exc:
            outcomes.append({"ok": False, "text": refused_text(record, exc)})
        else:
            outcomes.append(
                {
                    "ok": True,
                    "text": _("Đã hoàn tác %(record)s (%(count)s số liệu).")
                    % {"record": record, "count": count},
                }
            )
    jobs.finish(job, outcomes=outcomes)
