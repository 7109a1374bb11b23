"""A real task worker (``manage.py db_worker``) killed in the middle of
writing an import: the write is one transaction, so nothing of it is kept."""

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from funding.imports import apply_import, jobs, plan_file, spool
from funding.imports.tasks import run_import_job
from funding.models import Figure, ImportChange, ImportRecord, SourceDocument
from news.figures import FigureQuote
from news.models import Article

from .test_imports import WIDE, xlsx

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[3]


def backends(query_start: str, *, waiting: bool) -> int:
    """How many other sessions run a statement starting so (waiting on a lock)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND query LIKE %s"
            + (" AND wait_event_type = 'Lock'" if waiting else ""),
            [query_start + "%"],
        )
        return cursor.fetchone()[0]


def until(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)  # waiting on another process, not on time


def worker_process():
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
            f"/{database['NAME']}"
        ),
        "DJANGO_SETTINGS_MODULE": "khuyencong.test_settings",
        "IMPORT_SPOOL_DIR": settings.IMPORT_SPOOL_DIR,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_worker_killed_mid_import_leaves_nothing_written(
    postgres_only, reference_data, make_user, make_article
):
    user = make_user("solieu_worker", "Cán bộ số liệu")
    source = SourceDocument.objects.create(title="Báo cáo tỉnh gửi")
    base = plan_file(
        xlsx([WIDE, ["Ninh Thuận", 2022, "", "", "", "10", ""]]),
        file_name="truoc.xlsx",
        source=source,
    )
    apply_import(plan=base, user=user)
    quoted = Figure.objects.get()
    article = make_article(title="Bài trích số liệu")
    FigureQuote.objects.create(article=article, figure=quoted, quoted="10 tỷ")
    before = (
        Figure.objects.count(),
        Figure.history.count(),
        ImportRecord.objects.count(),
        ImportChange.objects.count(),
    )
    rows = [["Ninh Thuận", 2022, "", "", "", "12", "9"]] + [
        ["Ninh Thuận", year, "", "", "", "3", "2"] for year in range(2000, 2022)
    ]
    big = plan_file(xlsx([WIDE, *rows]), file_name="sau.xlsx", source=source)
    assert (big.count("new"), big.count("changed")) == (45, 1)
    spool.save("a" * 64, big)
    job = jobs.create("confirm", user=user, plan_key="a" * 64)
    run_import_job.enqueue(job.id)

    # The article the import flags for review is locked elsewhere: the
    # worker's transaction stops there, with every figure written in it.
    dsn = connection.get_connection_params()
    with psycopg.connect(
        **{k: v for k, v in dsn.items() if k in ("dbname", "user", "host", "port")}
    ) as other:
        other.execute(
            f"SELECT id FROM {Article._meta.db_table} WHERE id = %s FOR UPDATE",
            [article.pk],
        )
        worker = worker_process()
        try:
            until(lambda: backends(f"UPDATE {_q(Article)}", waiting=True) == 1)
            assert jobs.load(job.id).done == 4 - 1  # figures written, not committed
            worker.kill()
            worker.wait(30)
        finally:
            if worker.poll() is None:
                worker.kill()
        other.rollback()
    until(lambda: backends(f"UPDATE {_q(Article)}", waiting=False) == 0)

    after = (
        Figure.objects.count(),
        Figure.history.count(),
        ImportRecord.objects.count(),
        ImportChange.objects.count(),
    )
    assert after == before
    quoted.refresh_from_db()
    assert quoted.value == 10 * 10**9
    article.refresh_from_db()
    assert not article.needs_figure_review
    assert jobs.load(job.id).state == jobs.RUNNING  # it never finished


def _q(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)
