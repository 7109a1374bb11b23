"""The image library in real Chromium: photos dropped on the library's
list, each with its words; a photo uploaded from the editor's image
dialog, published, and read on a 360 px phone as a small rendition (never
the original); typing after a captioned photo goes on below it; the page
weight of an article on a phone, measured (the demo's under 300 KB)."""

import base64
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from news.demo.content import SEED_SLUG
from news.images.models import LibraryImage
from news.models import Article
from tests.browser_session import sign_in
from tests.conftest import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent.parent / "assets" / "axe.min.js"
ALT = "Công nhân vận hành máy dệt mới"
CAPTION = "Máy dệt được hỗ trợ từ kinh phí khuyến công"


def heavy_photo(path):
    """A 2400 × 1600 JPEG of noise: an original far heavier than any
    rendition a phone should get."""
    noise = [Image.effect_noise((2400, 1600), 60 + 10 * band) for band in range(3)]
    buffer = io.BytesIO()
    Image.merge("RGB", noise).save(buffer, format="JPEG", quality=92)
    path.write_bytes(buffer.getvalue())
    return path


def read_on_a_phone(browser, url):
    """Open ``url`` at 360 × 740, scroll to each image, and return the
    transferred bytes per address and the page's shown image addresses."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    fetched = {}
    page.on(
        "requestfinished",
        lambda request: fetched.__setitem__(
            request.url,
            (sizes := request.sizes())["responseBodySize"]
            + sizes["responseHeadersSize"],
        ),
    )
    page.goto(url, wait_until="networkidle")
    # Lazy images load when near the screen: bring each there.
    for image in page.locator("main img").all():
        image.scroll_into_view_if_needed()
        page.wait_for_function("i => i.complete", arg=image.element_handle())
    page.wait_for_load_state("networkidle")
    shown = page.evaluate(
        "[...document.querySelectorAll('main img')].map(i => i.currentSrc)"
    )
    pictures = page.evaluate(PICTURES)
    context.close()
    return fetched, shown, pictures


#: What each picture of the page offers: its sources' types and srcset, and
#: its img's srcset, sizes, width and height.
PICTURES = """
[...document.querySelectorAll('main picture')].map(p => ({
  sources: [...p.querySelectorAll('source')].map(s => [s.type, s.srcset]),
  img: (i => ({srcset: i.srcset, sizes: i.sizes, width: i.getAttribute('width'),
               height: i.getAttribute('height'), loading: i.loading}))(
        p.querySelector('img')),
}))
"""


def test_photo_from_the_editor_dialog_reaches_a_phone_as_a_small_rendition(
    live_server, browser, reference_data, make_user, category, tmp_path
):
    make_user("thuky_anh", "Thư ký tòa soạn")
    photo = heavy_photo(tmp_path / "may-det.jpg")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "thuky_anh")
    page.goto(live_server.url + "/admin/news/article/add/")
    page.fill("#id_title", "Xưởng dệt nhận máy mới")
    page.fill("#id_lead", "Sapo về xưởng dệt.")
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("Đoạn mở đầu.")
    page.keyboard.press("Enter")

    page.get_by_role("button", name="Ảnh có chú thích").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    assert "Chèn ảnh" in dialog.inner_text()
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Chọn từ thư viện ảnh…").click()
    picker = opened.value
    picker.wait_for_load_state()
    picker.set_input_files("#library-files-pick", str(photo))
    picker.fill(".library-item input[name=alt_text]", ALT)
    picker.fill(".library-item input[name=caption]", CAPTION)
    with picker.expect_event("close"):
        picker.click(".library-send")
    assert dialog.locator("input[name=altText]").input_value() == ALT
    assert dialog.locator("input[name=caption]").input_value() == CAPTION
    dialog.get_by_role("button", name="Chèn", exact=True).click()
    # Typing after the captioned photo goes on below it.
    page.keyboard.type("Đoạn sau ảnh.")

    page.click(".field-category .select2-selection")
    page.keyboard.type("Tin")
    page.click(".select2-results__option:has-text('Tin tức')")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    assert not errors
    context.close()

    article = Article.objects.get(title="Xưởng dệt nhận máy mới")
    assert article.is_public
    assert f"<figcaption>{CAPTION}</figcaption></figure><p>Đoạn sau ảnh.</p>" in (
        article.body
    )
    assert 'data-file="' in article.body

    fetched, shown, pictures = read_on_a_phone(
        browser, live_server.url + article.get_absolute_url()
    )
    media = {url: size for url, size in fetched.items() if "/media/" in url}
    assert media, fetched
    assert all("/media/news/renditions/" in url for url in media), media
    (image,) = shown
    assert image.endswith("/360.webp"), image
    assert media[image] < photo.stat().st_size / 20
    # Offered as several widths in WebP, with a JPEG fallback, its size set.
    (picture,) = pictures
    (webp,) = [srcset for kind, srcset in picture["sources"] if kind == "image/webp"]
    assert "360.webp 360w" in webp and webp.count("w,") >= 2, webp
    fallback = picture["img"]
    assert ".jpg 360w" in fallback["srcset"] and fallback["sizes"], fallback
    assert (fallback["width"], fallback["height"]) != (None, None), fallback
    print(f"\nArticle with an uploaded photo at 360 px: {sum(fetched.values())} B")


def test_demo_article_weighs_under_300_kb_on_a_phone(
    live_server, browser, reference_data, record_property
):
    call_command("load_demo", verbosity=0)
    seed = Article.objects.get(slug=SEED_SLUG)
    fetched, shown, _pictures = read_on_a_phone(
        browser, live_server.url + seed.get_absolute_url()
    )
    total = sum(fetched.values())
    record_property("demo_article_bytes_at_360px", total)
    print(f"\nDemo article at 360 px: {total} B in {len(fetched)} responses")
    for url, size in sorted(fetched.items(), key=lambda item: -item[1]):
        print(f"  {size:>8} {url.removeprefix(live_server.url)}")
    # The cover, the body's photo and the cards of related articles: each
    # the phone's rendition, never an original.
    assert len(shown) >= 2 and all("/360" in src for src in shown), shown
    assert total < 300_000


def test_pages_with_pictures_pass_axe(live_server, browser, reference_data):
    call_command("load_demo", verbosity=0)
    seed = Article.objects.get(slug=SEED_SLUG)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    found = {}
    for path in ("/", "/tin-tuc/", seed.get_absolute_url()):
        page.goto(live_server.url + path)
        assert page.locator("picture").count() >= 1, path
        # Evaluated by the debugger, so the page's CSP does not refuse it.
        page.evaluate(AXE.read_text())
        result = page.evaluate(
            "async () => (await axe.run(document, {runOnly: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
            ".violations.map(v => ({id: v.id, impact: v.impact, "
            "nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
        )
        if result:
            found[path] = result
    assert found == {}
    context.close()


#: Drop files on the drop zone as a person dragging them from their desktop
#: does: a ``drop`` event carrying them (Playwright cannot drag from
#: outside the page). ``files``: [name, base64 of the bytes].
DROP = """
(zone, files) => {
  const data = new DataTransfer();
  for (const [name, b64] of files) {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    data.items.add(new File([bytes], name, {type: "image/jpeg"}));
  }
  zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
}
"""


def test_photos_dropped_on_the_library_are_uploaded_with_their_words(
    live_server, browser, reference_data, make_user
):
    make_user("thuky_keo", "Thư ký tòa soạn")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "thuky_keo")
    page.goto(live_server.url + "/admin/news/libraryimage/")
    files = [
        [name, base64.b64encode(png_bytes(size=(900, 600), fmt="JPEG")).decode()]
        for name in ("lop-hoc.jpg", "hoi-cho.jpg")
    ]
    page.locator(".library-drop").first.evaluate(DROP, files)
    rows = page.locator(".library-queue .library-item")
    assert rows.count() == 2
    rows.nth(0).locator("input[name=alt_text]").fill("Lớp học nghề mây tre đan")
    rows.nth(0).locator("input[name=credit]").fill("Trung tâm Khuyến công")
    page.click(".library-send")
    rows.nth(0).locator(".library-item-status", has_text="Đã tải lên").wait_for()
    # Without its alt text the second is held back, saying why.
    rows.nth(1).locator(".library-item-status", has_text="mô tả ảnh").wait_for()
    assert LibraryImage.objects.count() == 1
    rows.nth(1).locator("input[name=alt_text]").fill("Gian hàng hội chợ")
    with page.expect_navigation():
        page.click(".library-send")
    alts = sorted(LibraryImage.objects.values_list("alt_text", flat=True))
    assert alts == ["Gian hàng hội chợ", "Lớp học nghề mây tre đan"]
    dropped = LibraryImage.objects.get(alt_text="Lớp học nghề mây tre đan")
    assert dropped.credit == "Trung tâm Khuyến công" and dropped.width == 900
    assert "Gian hàng hội chợ" in page.inner_text("#result_list")
    assert errors == []
    context.close()
