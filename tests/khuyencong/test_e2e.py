"""End to end in real Chromium (Debian's, through Playwright): public pages
at phone and desktop widths under the production CSP, accessibility with
axe-core, and an editor publishing a story with a data block."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from news.demo.content import SEED_SLUG, load_demo_content
from news.images.models import LibraryImage
from news.images.services import save_library_image
from news.models import Article
from tests.browser_session import sign_in

AXE = Path(__file__).resolve().parent.parent / "assets" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def public_paths(seed):
    return [
        "/",
        "/tin-tuc/",
        seed.get_absolute_url(),
        "/tim-kiem/?q=khuyen+cong",
        seed.category.get_absolute_url(),
        "/so-lieu/",
    ]


class Watch:
    """Console errors, page errors, failed requests and error responses."""

    def failed(self, request):
        # ERR_ABORTED is the browser cancelling a request itself: select2
        # dropping its pending search as the user types on, or an icon still
        # loading when a form submit navigates away. Not a failure of the
        # site; a missing file is an error response, caught below.
        if request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"failed: {request.url} {request.failure}")

    def __init__(self, page):
        self.problems = []
        page.on(
            "console",
            lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"),
        )
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("requestfailed", self.failed)
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"),
        )


@pytest.mark.parametrize("width", [360, 1280])
def test_public_pages_load_cleanly(live_server, browser, seed, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    watch = Watch(page)
    for path in public_paths(seed):
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        assert response.headers["content-security-policy"], path
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), (path, width)
    assert watch.problems == []
    context.close()


def test_axe_finds_no_serious_violation(live_server, browser, seed):
    source = AXE.read_text()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in public_paths(seed):
        page.goto(live_server.url + path)
        # Evaluated by the browser's debugger, so the page's CSP (which would
        # refuse an injected script) does not apply.
        page.evaluate(source)
        result = page.evaluate(
            "async () => (await axe.run(document, {runOnly: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
            ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
    assert found == {}
    context.close()


def select2(page, field_selector: str, text: str, option: str):
    """Pick an option in one of the admin's autocomplete (select2) widgets."""
    page.click(f"{field_selector} + .select2 .select2-selection")
    page.keyboard.type(text)
    page.click(f".select2-results__option:has-text('{option}')")


def test_editor_publishes_a_story_with_figures_and_a_visitor_reads_it(
    live_server, browser, seed, make_user, tmp_path
):
    from io import BytesIO

    from PIL import Image

    make_user("thuky_e2e", "Thư ký tòa soạn")
    photo = tmp_path / "hoi-nghi.png"
    image = Image.new("RGB", (640, 360), (11, 79, 138))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())

    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    watch = Watch(page)
    sign_in(page, live_server, "thuky_e2e")

    # First save: the text, with a bold word and a link.
    page.goto(live_server.url + "/admin/news/article/add/")
    page.fill("#id_title", "Kinh phí khuyến công quốc gia năm 2021")
    page.fill(
        "#id_lead", "Khu vực miền Trung - Tây Nguyên đã thực hiện gần hết kế hoạch."
    )
    select2(page, "#id_category", "Tin", "Tin tức")
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.click()
    page.keyboard.type(
        "Năm 2021, kinh phí khuyến công quốc gia thực hiện 11,07 tỷ đồng, đạt 99,37% kế hoạch. "
    )
    page.keyboard.press("Control+b")
    page.keyboard.type("Rất đáng ghi nhận")
    page.keyboard.press("Control+b")
    page.keyboard.type(". Xem Bộ Công Thương")
    page.keyboard.down("Shift")
    for _ in range(len("Bộ Công Thương")):
        page.keyboard.press("ArrowLeft")
    page.keyboard.up("Shift")
    # the link button is disabled until the editor holds the selection
    link_button = page.locator(".prose-menubar button[data-name='link']")
    expect(link_button).not_to_have_class(re.compile(r"\bdisabled\b"))
    link_button.click()
    page.fill("dialog[open] input[name=href]", "https://moit.gov.vn/")
    page.click("dialog[open] button[type=submit]")
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")
    article = Article.objects.get(title="Kinh phí khuyến công quốc gia năm 2021")
    # A photo of the image library (uploading from the dialog: the image
    # library's own browser test), its address typed into the dialog.
    library_photo = save_library_image(
        image=LibraryImage(
            file=SimpleUploadedFile(photo.name, photo.read_bytes()),
            alt_text="Quang cảnh hội nghị khuyến công",
        )
    )
    image_url = library_photo.file.url

    # Second save: the photo in the text, a data block, published.
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.click(".prose-menubar button[data-name='figure']")
    page.fill("dialog[open] input[name=imageUrl]", image_url)
    page.fill("dialog[open] input[name=altText]", "Quang cảnh hội nghị khuyến công")
    page.fill("dialog[open] input[name=caption]", "Hội nghị tại Ninh Thuận")
    page.click("dialog[open] button[type=submit]")
    page.click("text=Thêm một Bảng số liệu")
    page.fill("#id_data_blocks-0-title", "Kinh phí khuyến công quốc gia năm 2021")
    select2(page, "#id_data_blocks-0-indicators", "Kinh", "Kinh phí khuyến công")
    select2(page, "#id_data_blocks-0-areas", "Trung", "Miền Trung - Tây Nguyên")
    page.fill("#id_data_blocks-0-year_from", "2021")
    page.fill("#id_data_blocks-0-year_to", "2021")
    page.check("#id_data_blocks-0-funds input[value=kcqg]")
    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    assert "Kiểm tra số liệu" in page.inner_text("body")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED, page.inner_text(".errorlist")
    assert "<strong>Rất đáng ghi nhận</strong>" in article.body
    assert 'href="https://moit.gov.vn/"' in article.body
    assert f'src="{image_url}"' in article.body
    assert watch.problems == []
    context.close()

    # A visitor reads it.
    visitor = browser.new_context(viewport={"width": 360, "height": 800})
    page = visitor.new_page()
    watch = Watch(page)
    page.goto(live_server.url + article.get_absolute_url())
    page.wait_for_load_state("networkidle")
    body = page.locator(".article-body").first
    assert body.locator("strong").inner_text() == "Rất đáng ghi nhận"
    assert (
        body.locator("a[href='https://moit.gov.vn/']").inner_text() == "Bộ Công Thương"
    )
    assert page.evaluate(
        "[...document.querySelectorAll('.article-body img')].every(i => i.naturalWidth > 0)"
    )
    # Through its renditions, not the original.
    assert "/media/news/renditions/" in page.evaluate(
        "document.querySelector('.article-body img').currentSrc"
    )
    table = page.locator(".data-block table")
    # The unit said once, in the caption; the cells are numbers in it.
    assert "(đơn vị: tỷ đồng)" in table.inner_text()
    # (a cell's first line: the formula of a derived one is under it)
    cells = [c.strip().split("\n")[0] for c in table.locator("td").all_inner_texts()]
    assert "11,07" in cells and "99,37%" in cells
    assert watch.problems == []
    visitor.close()
