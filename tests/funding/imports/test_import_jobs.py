"""Import work as jobs: a large preview, confirmation or undo waits for the
task worker on a page with a progress bar (its buttons disabled), polls a
JSON status, and shows the outcome; the preview leads with a summary and
the changed figures, filtered and paginated over every row."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from funding.imports import jobs
from funding.models import Area, Figure, ImportRecord, SourceDocument
from news.figures import FigureQuote

from .test_import_admin import HEADER, confirm, preview, upload

pytestmark = pytest.mark.django_db

STATUS = "admin:funding_figure_import_job_status"


@pytest.fixture
def source(db):
    return SourceDocument.objects.create(title="Báo cáo Sở Công Thương")


def status(client, job):
    return json.loads(client.get(reverse(STATUS, args=[job.id])).content)


def work():
    """The worker (``manage.py db_worker``), until nothing is left."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False)


@pytest.fixture
def background(settings, monkeypatch):
    """Every job on the worker. The worker runs here in the test's
    transaction, so it must not close the connection between tasks as a
    worker process does (``test_import_worker`` runs a real one)."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.IMPORT_INLINE_MAX_BYTES = 0
    settings.IMPORT_INLINE_MAX_FIGURES = 0


def test_a_large_import_runs_on_the_worker_with_its_progress(
    data_client, source, background
):
    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "KCĐP", "10", "8,5"]]), source
    )
    html = previewed.content.decode()
    job = previewed.context["job"]
    assert 'id="job-progress"' in html and "<progress" in html
    assert f'data-status-url="{reverse(STATUS, args=[job.id])}"' in html
    assert "disabled data-job-button" in html  # no confirming before it is read
    assert "import-progress.js" in html and "<script>" not in html
    assert DBTaskResult.objects.get().status == "READY"
    assert status(data_client, job)["state"] == "queued"
    work()
    now = status(data_client, job)
    assert (now["state"], now["percent"]) == ("done", 100)
    page = data_client.get(now["next"])
    assert "2 mới, 0 thay đổi, 0 không đổi, 0 lỗi." in page.content.decode()
    confirming = confirm(data_client, page)
    assert 'id="job-progress"' in confirming.content.decode()
    assert not Figure.objects.exists()  # not before the worker writes it
    work()
    done = data_client.get(confirming.context["job_url"], follow=True)
    assert "Đã nhập 2 số liệu mới" in done.content.decode()
    assert Figure.objects.count() == 2
    record = ImportRecord.objects.get()
    changelist = reverse("admin:funding_importrecord_changelist")
    undoing = data_client.post(
        changelist, {"action": "undo", "_selected_action": [record.pk], "post": "yes"}
    )
    assert Figure.objects.count() == 2
    work()
    undone = data_client.get(undoing.url, follow=True)
    text = undone.content.decode()
    assert "Đã hoàn tác so-lieu.xlsx" in text and "(2 số liệu)." in text
    assert not Figure.objects.exists()


def test_a_job_is_its_owners_only_and_its_pages_take_no_post(
    data_client, source, background, client, make_user
):
    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "10", ""]]), source
    )
    job = previewed.context["job"]
    page = reverse("admin:funding_figure_import_job", args=[job.id])
    assert data_client.post(page).status_code == 405
    assert data_client.post(reverse(STATUS, args=[job.id])).status_code == 405
    client.force_login(make_user("solieu_khac", "Cán bộ số liệu"))
    assert client.get(page).status_code == 404
    assert client.get(reverse(STATUS, args=[job.id])).status_code == 404
    assert data_client.get(reverse(STATUS, args=["0" * 64])).status_code == 404


def test_the_preview_leads_with_the_changed_figures_and_pages_through_all(
    data_client, source, make_article
):
    provinces = list(
        Area.objects.filter(kind="province")
        .valid_in(2022)
        .order_by("code")
        .values_list("short_name", flat=True)[:30]
    )
    first = [[p, 2022, "", "1.200", ""] for p in provinces]
    header = [*HEADER[:3], "Kế hoạch (triệu đồng)", "Thực hiện (triệu đồng)"]
    confirm(data_client, preview(data_client, upload([header, *first]), source))
    changed_area = provinces[25]
    quoted = Figure.objects.get(area__short_name=changed_area, year=2022)
    article = make_article(title="Bài dùng số liệu cũ")
    FigureQuote.objects.create(article=article, figure=quoted, quoted="1,2 tỷ")
    again = [
        [p, y, "", "1.500" if p == changed_area and y == 2022 else "1.200", "900"]
        for y in (2021, 2022)
        for p in provinces
    ]
    previewed = preview(data_client, upload([header, *again]), source)
    html = previewed.content.decode()
    assert "90 mới, 1 thay đổi, 29 không đổi, 0 lỗi." in html
    figures = html[html.index('id="import-figures"') :]
    # The one overwrite comes first, old → new with units, and its article.
    body = figures.index("<tbody>")
    first_row = figures[body : figures.index("</tr>", body)]
    assert changed_area in first_row
    assert "1,2 tỷ đồng → 1,5 tỷ đồng" in first_row
    assert "Bài dùng số liệu cũ" in first_row
    assert "Trang 1/3" in html
    start = html.index('id="import-summary"')
    summary = html[start : html.index("</table>", start)]
    assert summary.index(changed_area) < summary.index(provinces[0])
    job_page = previewed.context["job_url"]
    last = data_client.get(job_page, {"page": 3}).content.decode()
    assert "Trang 3/3" in last and "status-unchanged" in last
    assert "status-new" not in last and "status-changed" not in last
    news = data_client.get(job_page, {"status": "new"}).context["preview"]
    assert news.page.paginator.count == 90
    assert {row.status for row in news.rows} == {"new"}
    area = Figure.objects.filter(area__short_name=provinces[3]).first().area
    one_area = data_client.get(job_page, {"area": area.pk}).context["preview"]
    assert one_area.page.paginator.count == 4


def test_a_job_no_worker_takes_is_shown_as_stopped_and_never_runs_later(
    data_client, source, background, time_machine
):
    time_machine.move_to(timezone.now(), tick=True)
    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "10", ""]]), source
    )
    job = previewed.context["job"]
    assert status(data_client, job)["state"] == "queued"  # no worker yet
    time_machine.shift(jobs.STALLED_SECONDS + 1)
    now = status(data_client, job)
    assert now["state"] == "failed"
    assert "Không có máy xử lý nền nhận việc này" in now["message"]
    page = data_client.get(now["next"])
    assert "Không có máy xử lý nền nhận việc này" in page.content.decode()
    work()  # a worker starting late finds the job given up
    assert jobs.load(job.id).state == jobs.FAILED
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"  # it ran, did nothing
