"""A data-staff user imports the template through the admin in real Chromium."""

import pytest

from funding.models import Figure, ImportRecord, SourceDocument
from tests.browser_session import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_upload_preview_confirm_and_see_it_on_the_public_page(
    live_server, browser, reference_data, make_user, tmp_path
):
    make_user("solieu_browser", "Cán bộ số liệu")
    source = SourceDocument.objects.create(
        title="Báo cáo Sở Công Thương Ninh Thuận 2022"
    )
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, live_server, "solieu_browser")
    page.goto(live_server.url + "/admin/funding/figure/")
    page.click("text=Nhập từ tệp")
    with page.expect_download() as download:
        page.click("text=tệp mẫu")
    template = tmp_path / "mau.xlsx"
    download.value.save_as(template)
    page.set_input_files("#id_import_file", str(template))
    page.select_option("#id_source", str(source.pk))
    page.click("input[name=preview]")
    assert "2 mới, 0 thay đổi, 0 không đổi, 0 lỗi." in page.inner_text("#content")
    assert not Figure.objects.exists()
    page.click("input[name=confirm]")
    page.wait_for_url("**/admin/funding/importrecord/**")
    assert "Đã nhập 2 số liệu mới" in page.inner_text("body")
    assert ImportRecord.objects.get().created_count == 2
    figure = Figure.objects.get(measure="plan")
    page.goto(f"{live_server.url}/so-lieu/?area={figure.area.code}&year=2022")
    text = page.inner_text("main")
    assert "12,61 tỷ đồng" in text and "11,07 tỷ đồng" in text
    assert "87,79%" in text  # 11,07 / 12,61
    page.context.close()
