"""The public pages and the editor in real Chromium (Debian's, via Playwright)."""

import pytest

from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article
from tests.browser_session import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="vi-VN"
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def roles(reference_data):
    return reference_data


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_public_pages_fit_a_360px_phone(live_server, phone, seed):
    for path in (
        "/",
        "/tin-tuc/",
        seed.get_absolute_url(),
        "/tim-kiem/?q=khuyen+cong",
        "/so-lieu/",
        "/so-lieu/khu-vuc/mien-trung-tay-nguyen/",
    ):
        response = phone.goto(live_server.url + path)
        assert response.status == 200, path
        assert no_horizontal_scroll(phone), path
        # the stylesheet really loaded (served by whitenoise from the package)
        assert (
            phone.evaluate(
                "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
            )
            == "rgb(11, 79, 138)"
        )


def test_skip_link_and_visible_focus(live_server, phone, seed):
    phone.goto(live_server.url + "/")
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = phone.locator(".skip-link").bounding_box()
    assert box["y"] >= 0  # moved on screen when focused
    outline = phone.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    phone.keyboard.press("Enter")
    assert phone.evaluate("location.hash") == "#main"


def test_search_without_diacritics_from_the_header(live_server, phone, seed):
    phone.goto(live_server.url + "/")
    phone.fill("#site-search", "khuyen cong ninh thuan")
    phone.press("#site-search", "Enter")
    phone.wait_for_url("**/tim-kiem/**")
    assert seed.title in phone.inner_text("main")


def test_editor_writes_a_draft_with_the_rich_text_editor(
    live_server, browser, seed, roles, make_user
):
    make_user("thuky_browser", "Thư ký tòa soạn")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "thuky_browser")
    page.goto(live_server.url + "/admin/news/article/add/")
    page.fill("#id_title", "Tập huấn khuyến công năm 2023")
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("Nội dung gõ trong trình soạn thảo.")
    page.fill("#id_lead", "Sapo thử.")
    # the category is an autocomplete field (select2)
    page.click(".field-category .select2-selection")
    page.keyboard.type("Tin")
    page.click(".select2-results__option:has-text('Tin tức')")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get(title="Tập huấn khuyến công năm 2023")
    assert "Nội dung gõ trong trình soạn thảo." in article.body
    assert article.body.startswith("<p>")
    assert article.slug == "tap-huan-khuyen-cong-nam-2023"
    assert article.status == Article.Status.DRAFT
    assert not errors
    context.close()


CONTRAST = """
() => {
  function rgb(text) { return text.match(/[\\d.]+/g).slice(0, 3).map(Number); }
  function luminance([r, g, b]) {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function background(el) {
    while (el) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && !bg.startsWith("rgba(0, 0, 0, 0)") && bg !== "transparent") return rgb(bg);
      el = el.parentElement;
    }
    return [255, 255, 255];
  }
  const results = [];
  for (const selector of arguments[0]) {
    for (const el of document.querySelectorAll(selector)) {
      const a = luminance(rgb(getComputedStyle(el).color)), b = luminance(background(el));
      results.push([selector, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
    }
  }
  return results;
}
"""


def test_text_has_sufficient_contrast(live_server, phone, seed):
    selectors = [
        "body",
        ".brand",
        ".site-nav a",
        ".meta",
        ".meta a",
        ".lead",
        ".card-title a",
        ".article-body p",
        "figcaption",
        ".site-footer a",
        ".share-link",
    ]
    for path in ("/", seed.get_absolute_url()):
        phone.goto(live_server.url + path)
        ratios = phone.evaluate(CONTRAST.replace("arguments[0]", str(selectors)))
        assert ratios
        for selector, ratio in ratios:
            assert ratio >= 4.5, (path, selector, ratio)  # WCAG AA for text
