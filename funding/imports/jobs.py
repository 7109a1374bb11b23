"""Import work as jobs: a preview, a confirmation or an undo, with its
progress and its outcome, for the admin page that waits for it.

A job's state is a small JSON file beside the kept plans
(``funding.imports.spool``'s folder, shared by the app servers and the
worker): written outside the database, so the progress of a confirmation
is seen while its one transaction is still open. Large work runs on the
task worker (django-tasks: ``manage.py db_worker``); small work runs at
once in the request, through the same task function, so there is one code
path (``funding.imports.tasks.start``, which imports this module, never
the other way). A job whose worker died stops
reporting; after ``STALLED_SECONDS`` without news it is shown as stopped,
and since every write is one transaction, nothing of it was kept.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from . import spool

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
#: A running job that has said nothing for this long lost its worker.
STALLED_SECONDS = 300
#: Below these sizes the work runs in the request (settings may lower them).
INLINE_MAX_BYTES = 300_000
INLINE_MAX_FIGURES = 5_000


@dataclass
class Job:
    id: str
    kind: str  # "preview", "confirm" or "undo"
    user_id: int
    payload: dict = field(default_factory=dict)
    state: str = QUEUED
    done: int = 0
    total: int = 0
    step: str = ""
    result: dict = field(default_factory=dict)
    message: str = ""
    updated: float = field(default_factory=time.time)

    @property
    def finished(self) -> bool:
        return self.state in (DONE, FAILED)

    @property
    def stalled(self) -> bool:
        return not self.finished and time.time() - self.updated > STALLED_SECONDS

    @property
    def percent(self) -> int:
        if self.state == DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    def status(self) -> dict:
        """What the admin page polls (``state``, ``percent``, ``step``…)."""
        state, message = self.state, self.message
        if self.stalled:
            state = FAILED
            message = (
                _(
                    "Không có máy xử lý nền nhận việc này (manage.py db_worker chưa "
                    "chạy?); không có gì được ghi. Hãy thử lại."
                )
                if self.state == QUEUED
                else _(
                    "Máy xử lý nền đã dừng giữa chừng; không có gì được ghi. Hãy thử lại."
                )
            )
        return {
            "state": state,
            "percent": self.percent,
            "done": self.done,
            "total": self.total,
            "step": self.step,
            "message": message,
        }


def _path(job_id: str):
    return spool.job_path(job_id)


def create(kind: str, *, user, **payload) -> Job:
    job = Job(id=secrets.token_hex(32), kind=kind, user_id=user.pk, payload=payload)
    save(job)
    return job


def save(job: Job) -> None:
    job.updated = time.time()
    path = _path(job.id)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(job)), encoding="utf-8")
    temporary.replace(path)  # readers never see half a file


def load(job_id: str) -> Job | None:
    path = _path(job_id)
    if path is None or not path.exists():
        return None
    return Job(**json.loads(path.read_text(encoding="utf-8")))


def reporter(job: Job, step: str):
    """A ``progress(done, total)`` callback that records the job's progress
    each time its percentage moves (a hundred small writes at most)."""
    job.state, job.step, job.done = RUNNING, step, 0
    save(job)

    def progress(done: int, total: int) -> None:
        moved = total and (100 * done // total != 100 * job.done // (job.total or 1))
        if moved or done == total or total != job.total:
            job.done, job.total = done, total
            save(job)

    return progress


def finish(job: Job, **result) -> None:
    job.state, job.result = DONE, result
    save(job)


def fail(job: Job, message) -> None:
    job.state, job.message = FAILED, str(message)
    save(job)


def runs_inline(*, size_bytes: int = 0, figures: int = 0) -> bool:
    """Whether work of this size runs in the request rather than on the worker."""
    max_bytes = getattr(settings, "IMPORT_INLINE_MAX_BYTES", INLINE_MAX_BYTES)
    max_figures = getattr(settings, "IMPORT_INLINE_MAX_FIGURES", INLINE_MAX_FIGURES)
    return size_bytes <= max_bytes and figures <= max_figures
