"""Data staff import a large file through the admin in real Chromium, with
a real task worker (``manage.py db_worker``) running: the preview, the
confirmation and the undo each wait on a progress bar, then show their
outcome; the figures appear on /so-lieu/ and go again with the undo.

The file has a title row and amounts in triệu đồng in the wide layout the
reader understands on this branch (the report layouts' reader is another
branch's work); PostgreSQL only: the worker is another process, and the
SQLite test database lives in this one's memory.
"""

import io

import pytest
from openpyxl import Workbook

from funding.models import Figure, ImportRecord, SourceDocument
from tests.browser_session import sign_in

from .test_import_worker import worker_process

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = [
    "STT",
    "Tỉnh, thành phố",
    "Năm",
    "Nguồn kinh phí",
    "Kế hoạch (triệu đồng)",
    "Thực hiện (triệu đồng)",
]


def report_file(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO KINH PHÍ KHUYẾN CÔNG NĂM 2023"])
    sheet.append(HEADER)
    sheet.append([1, "Ninh Thuận", 2023, "KCĐP", "1.200", "1.150"])
    sheet.append([2, "Bình Thuận", 2023, "KCĐP", "900", "875,5"])
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def through_progress(page, action, outcome: str) -> list[dict]:
    """Do ``action``; its page shows the progress bar, which polls the job's
    status (only a page showing the bar does) until the job is done, then
    goes to the ``outcome`` (a selector). The statuses polled, in order,
    read as the page received them."""
    polled = []

    def record(route):
        response = route.fetch()
        polled.append(response.json())
        route.fulfill(response=response)

    page.route("**/trang-thai/", record)
    action()
    page.wait_for_selector(outcome, timeout=60_000)
    page.unroute("**/trang-thai/")
    assert polled, "the page showed no progress"
    assert (polled[-1]["state"], polled[-1]["percent"]) == ("done", 100)
    assert all(0 <= s["percent"] <= 100 for s in polled)
    return polled


def test_import_with_the_worker_then_see_it_and_undo_it(
    postgres_only, live_server, browser, reference_data, make_user, tmp_path, settings
):
    settings.IMPORT_INLINE_MAX_BYTES = 0  # every job on the worker
    settings.IMPORT_INLINE_MAX_FIGURES = 0
    make_user("solieu_nen", "Cán bộ số liệu")
    source = SourceDocument.objects.create(title="Báo cáo Sở Công Thương 2023")
    worker = worker_process()
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    try:
        sign_in(page, live_server, "solieu_nen")
        page.goto(live_server.url + "/admin/funding/figure/import/")
        page.set_input_files("#id_import_file", str(report_file(tmp_path / "bc.xlsx")))
        page.select_option("#id_source", str(source.pk))
        through_progress(
            page, lambda: page.click("input[name=preview]"), "#import-summary"
        )
        assert "4 mới, 0 thay đổi, 0 không đổi, 0 lỗi." in page.inner_text("#content")
        assert "1,2 tỷ đồng" in page.inner_text("#import-figures")
        assert not Figure.objects.exists()

        through_progress(
            page,
            lambda: page.click("input[name=confirm]"),
            "text=Đã nhập 4 số liệu mới",
        )
        assert "/admin/funding/importrecord/" in page.url
        assert "Đã nhập 4 số liệu mới" in page.inner_text("body")
        figure = Figure.objects.get(area__short_name="Ninh Thuận", measure="plan")
        page.goto(f"{live_server.url}/so-lieu/?area={figure.area.code}&year=2023")
        text = page.inner_text("main")
        assert "1,2 tỷ đồng" in text and "1,15 tỷ đồng" in text

        record = ImportRecord.objects.get()
        page.goto(live_server.url + "/admin/funding/importrecord/")
        page.check(f"input[name=_selected_action][value='{record.pk}']")
        page.select_option("select[name=action]", "undo")
        page.click("button[name=index]")
        assert "Sẽ xoá 4 số liệu do lần nhập này tạo" in page.inner_text("#content")
        through_progress(
            page,
            lambda: page.click("#undo-form input[type=submit]"),
            "text=Đã hoàn tác",
        )
        assert "Đã hoàn tác" in page.inner_text("body")
        assert not Figure.objects.exists()
        page.goto(f"{live_server.url}/so-lieu/?area={figure.area.code}&year=2023")
        assert "1,2 tỷ đồng" not in page.inner_text("main")
    finally:
        page.context.close()
        worker.kill()
        worker.wait(30)
