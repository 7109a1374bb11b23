"""Preview, confirmation and undo of 10,000 and 100,000-row files on
PostgreSQL, as the task worker runs them: time and peak memory of each.

Each phase runs in its own process, as a job of the worker would
(``funding.imports.tasks.run_import_job``, the function ``manage.py
db_worker`` calls): the preview reads, checks and compares every row and
keeps the plan; the confirmation writes it in one transaction (committed);
the undo puts everything back (committed), so the database ends as it
began. Files are the wide layout of the import template, two figures a row
(Kế hoạch, Thực hiện), synthetic (labelled so), XLSX; with ``--report``,
the report layout instead (``bench/report_files.py``: a unit line, fund
column groups, a total row; two figures a row). Targets (issue 15):
preview + confirmation under 30 s at 100,000 rows, undo under 30 s, peak
memory under 400 MB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kc_jobs \\
        .venv/bin/python bench/import_scale.py [--report] [ROWS ...]
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.test_settings")

import django

django.setup()

from django.contrib.auth import get_user_model
from django.db import connection

from bench.import_figures import write_files
from bench.report_files import write_report
from funding.imports import jobs, spool
from funding.imports.preview import build_preview
from funding.imports.tasks import run_import_job
from funding.imports.undo import undo_import
from funding.models import Figure, ImportRecord, SourceDocument

PREFIX = "bench-scale-"
CPU: list[float] = []
SOURCE = "DỮ LIỆU GIẢ LẬP cho benchmark nhập (quy mô)"


def bench_user():
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username="bench_scale", defaults={"is_staff": True}
    )
    return user


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_job(kind, **payload):
    """Run a job as the worker does; (the job, wall seconds). The CPU
    seconds of this process are kept in ``CPU`` (less sensitive than the
    wall time to other work on a shared machine; PostgreSQL's not counted)."""
    job = jobs.create(kind, user=bench_user(), **payload)
    started, cpu = time.perf_counter(), cpu_seconds()
    run_import_job.call(job.id)
    elapsed = time.perf_counter() - started
    CPU.append(cpu_seconds() - cpu)
    job = jobs.load(job.id)
    assert job.state == jobs.DONE, job.message
    return job, elapsed


def phase(kind, argument):
    """One phase, in this process; prints its figures as JSON."""
    if kind == "preview":
        path = Path(argument)
        upload = f"{PREFIX}{path.name}"
        shutil.copyfile(path, spool.job_path("0" * 64).parent / upload)
        source, _ = SourceDocument.objects.get_or_create(title=SOURCE)
        key = spool.plan_key(PREFIX, path.name, time.time_ns())
        job, elapsed = run_job(
            "preview",
            upload=upload,
            file_name=upload,
            source=source.pk,
            sheet=None,
            header_row=None,
            plan_key=key,
            # Synthetic amounts are flagged as implausible: confirmed, as
            # an officer would after reading the warnings.
            confirmed=True,
        )
        assert job.result["can_apply"], "the bench file has errors"
        # The preview page: what it shows of the plan loaded, its first page
        # labelled (what each visit of the job page does).
        started = time.perf_counter()
        shown = build_preview(spool.load(job.result["index_key"]), {})
        page = time.perf_counter() - started
        result = {"plan_key": key, "figures": len(shown.plan.figures), "page_s": page}
    elif kind == "confirm":
        job, elapsed = run_job("confirm", plan_key=argument)
        result = {"record": job.result["record"]}
    else:
        job, elapsed = run_job("undo", records=[int(argument)])
        assert all(o["ok"] for o in job.result["outcomes"]), job.result
        result = {}
    result["seconds"] = elapsed
    result["cpu"] = CPU[-1]
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def child(kind, argument):
    out = subprocess.run(
        [sys.executable, __file__, kind, str(argument)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if out.returncode:
        print(out.stderr[-3000:])
        raise SystemExit(1)
    return json.loads(out.stdout.strip().splitlines()[-1])


def clean():
    """Undo what an interrupted run left, and vacuum, so each case starts alike."""
    for record in ImportRecord.objects.filter(
        file_name__startswith=PREFIX, undone_at__isnull=True
    ):
        undo_import(record=record, user=bench_user())
    tables = [Figure._meta.db_table, Figure.history.model._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")


def main(counts, report=False):
    assert connection.vendor == "postgresql", "set DATABASE_URL to PostgreSQL"
    rows = []
    for count in counts:
        xlsx = write_report(count) if report else write_files(count)[1]
        clean()
        previewed = child("preview", xlsx)
        confirmed = child("confirm", previewed["plan_key"])
        undone = child("undo", confirmed["record"])
        rows.append((count, previewed, confirmed, undone))
        print(json.dumps([count, previewed, confirmed, undone]), flush=True)
    command = "DATABASE_URL=… .venv/bin/python bench/import_scale.py " + " ".join(
        ["--report"] * report + [str(c) for c in counts]
    )
    load = os.getloadavg()[0]
    layout = "report layout" if report else "wide layout"
    print(
        f"\n{command}  (PostgreSQL, XLSX, {layout}, two figures a row; "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the end)"
    )
    print(
        f"{'rows':>8}{'figures':>9}{'preview s':>11}{'confirm s':>11}{'p+c s':>8}"
        f"{'undo s':>8}{'page s':>8}{'peak MB p/c/u':>16}{'CPU s p/c/u':>16}"
    )
    for count, p, c, u in rows:
        peaks = f"{p['peak_mb']:.0f}/{c['peak_mb']:.0f}/{u['peak_mb']:.0f}"
        cpu = f"{p['cpu']:.1f}/{c['cpu']:.1f}/{u['cpu']:.1f}"
        print(
            f"{count:>8}{p['figures']:>9}{p['seconds']:>11.1f}{c['seconds']:>11.1f}"
            f"{p['seconds'] + c['seconds']:>8.1f}{u['seconds']:>8.1f}{p['page_s']:>8.1f}"
            f"{peaks:>16}{cpu:>16}"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("preview", "confirm", "undo"):
        phase(sys.argv[1], sys.argv[2])
    else:
        arguments = [a for a in sys.argv[1:] if a != "--report"]
        main(
            [int(a) for a in arguments] or [10_000, 100_000],
            report="--report" in sys.argv[1:],
        )
