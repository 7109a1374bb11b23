"""In real Chromium: a secretary publishes a document with its PDF in the
admin; a reader on a phone finds it at /van-ban/ by typing without
diacritics, opens it and its file; the pages are axe-core clean and fit a
360 px screen."""

from pathlib import Path

import pytest

from funding.models import SourceDocument
from tests.browser_session import sign_in

from .conftest import FIXTURES

AXE = Path(__file__).resolve().parents[2] / "assets" / "axe.min.js"
#: Where the screenshots are kept for a person to look at (not in git).
SHOTS = Path(__file__).resolve().parents[3] / "screenshots"
TITLE = "Quyết định hỗ trợ kinh phí khuyến công cho cơ sở công nghiệp nông thôn"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def axe_violations(page) -> list:
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, "
        "nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
    )


def publish_in_the_admin(browser, live_server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "thuky_vanban")
    page.goto(live_server.url + "/admin/funding/sourcedocument/add/")
    page.fill("#id_number", "215/QĐ-SCT")
    page.select_option("#id_kind", "quyet-dinh")
    page.fill("#id_title", TITLE)
    page.fill("#id_issuer", "Sở Công Thương tỉnh Thử")
    page.fill("#id_signer", "Nguyễn Văn Ký")
    page.fill("#id_issued_on", "10/11/2026")
    page.check("#id_is_published")
    page.click(".add-row a")
    page.set_input_files("#id_files-0-file", str(FIXTURES / "bang-ke.pdf"))
    page.fill("#id_files-0-label", "Toàn văn")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/funding/sourcedocument/")
    assert not errors
    context.close()


def test_a_published_document_is_found_without_diacritics(
    live_server, browser, reference_data, make_user
):
    make_user("thuky_vanban", "Thư ký tòa soạn")
    publish_in_the_admin(browser, live_server)
    document = SourceDocument.objects.get(number="215/QĐ-SCT")
    assert document.is_public and document.files.get().kind == "pdf"

    found = {}
    for width in (360, 1280):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, locale="vi-VN"
        )
        page = context.new_page()
        page.goto(live_server.url + "/van-ban/")
        page.fill("#doc-q", "quyet dinh khuyen cong")
        page.click(".doc-filters button[type=submit]")
        page.wait_for_url("**/van-ban/?q=quyet+dinh+khuyen+cong**")
        assert TITLE in page.inner_text("main")
        found[f"list@{width}"] = axe_violations(page)
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / f"van-ban-{width}.png", full_page=True)
        assert page.evaluate(
            "document.documentElement.scrollWidth <= "
            "document.documentElement.clientWidth"
        )
        page.click(f"text={TITLE}")
        page.wait_for_url(f"**{document.get_absolute_url()}")
        text = page.inner_text("main")
        assert "215/QĐ-SCT" in text and "Nguyễn Văn Ký" in text
        assert "10/11/2026" in text and "Toàn văn" in text
        found[f"page@{width}"] = axe_violations(page)
        page.screenshot(path=SHOTS / f"van-ban-trang-{width}.png", full_page=True)
        with page.expect_response("**/tep/**") as download:
            page.evaluate("fetch(document.querySelector('.doc-files a').href)")
        response = download.value
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        context.close()
    assert all(not violations for violations in found.values()), found
