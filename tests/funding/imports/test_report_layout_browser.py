"""A data officer imports a report in the layout provincial centres send
(fund column groups KCQG | KCĐP | Tổng cộng, a "Đơn vị tính: triệu đồng"
line, a formula total row, notes and a signature block; made by
LibreOffice: tests/corpus/reports/01) through the admin in real Chromium,
with the task worker: the preview, the confirmation and the undo each wait
on a progress bar; the figures appear on /so-lieu/ and go with the undo."""

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from funding.models import Figure, ImportRecord, SourceDocument
from tests.browser_session import sign_in

from .test_import_jobs_browser import through_progress
from .test_import_worker import worker_process

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
REPORT = REPORTS / "01-cot-nhom-nguon-2024.xlsx"


def test_a_report_layout_file_imports_shows_and_undoes(
    postgres_only, live_server, browser, reference_data, make_user, settings
):
    settings.IMPORT_INLINE_MAX_BYTES = 0  # every job on the worker
    settings.IMPORT_INLINE_MAX_FIGURES = 0
    spec = yaml.safe_load(REPORT.with_suffix(".yaml").read_text(encoding="utf-8"))
    thanh_hoa_plan = next(
        f
        for f in spec["figures"]
        if (f["area"], f["fund"], f["measure"]) == ("Thanh Hóa", "kcqg", "plan")
    )
    make_user("solieu_bc", "Cán bộ số liệu")
    source = SourceDocument.objects.create(title="Báo cáo vùng 2024")
    worker = worker_process()
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    try:
        sign_in(page, live_server, "solieu_bc")
        page.goto(live_server.url + "/admin/funding/figure/import/")
        page.set_input_files("#id_import_file", str(REPORT))
        page.select_option("#id_source", str(source.pk))
        through_progress(
            page, lambda: page.click("input[name=preview]"), "#import-summary"
        )
        summary = page.inner_text("#content")
        assert f"{spec['figures_count']} mới, 0 thay đổi" in summary
        assert " 0 lỗi" in summary
        # Read in its unit: 2.076,3 triệu đồng is 2,08 tỷ, never 2.076 đồng.
        assert "tỷ đồng" in page.inner_text("#import-figures")
        assert not Figure.objects.exists()

        through_progress(
            page,
            lambda: page.click("input[name=confirm]"),
            f"text=Đã nhập {spec['figures_count']} số liệu mới",
        )
        assert Figure.objects.count() == spec["figures_count"]
        figure = Figure.objects.get(
            area__short_name="Thanh Hóa", fund="kcqg", measure="plan", year=2024
        )
        assert figure.value == Decimal(thanh_hoa_plan["value"])
        page.goto(f"{live_server.url}/so-lieu/?area={figure.area.code}&year=2024")
        assert "2,08 tỷ đồng" in page.inner_text("main")

        record = ImportRecord.objects.get()
        page.goto(live_server.url + "/admin/funding/importrecord/")
        page.check(f"input[name=_selected_action][value='{record.pk}']")
        page.select_option("select[name=action]", "undo")
        page.click("button[name=index]")
        through_progress(
            page,
            lambda: page.click("#undo-form input[type=submit]"),
            "text=Đã hoàn tác",
        )
        assert not Figure.objects.exists()
    finally:
        page.context.close()
        worker.kill()
        worker.wait(30)
