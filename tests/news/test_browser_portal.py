"""The portal's chrome in real Chromium: the phone menu by keyboard, the
whole menu on screen at 1280 px, the video placeholder, the read beacon,
and axe-core finding nothing at all on every public page issue 17 added
(home, tag, category, article with a video, documents list and page)."""

from pathlib import Path

import pytest
from django.urls import reverse

from funding.models import SourceDocument
from news.demo.content import load_demo_content
from news.demo.documents import load_demo_documents_for_articles
from news.demo.portal import VIDEO_ARTICLE
from news.models import Article, ReadCount, SiteLink, Tag

AXE = Path(__file__).resolve().parents[1] / "assets" / "axe.min.js"
DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def portal(reference_data):
    load_demo_content()
    load_demo_documents_for_articles()


def open_page(browser, width, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="vi-VN", **options
    )
    return context, context.new_page()


def focused(page, selector) -> bool:
    return page.evaluate(
        "s => document.activeElement === document.querySelector(s)", selector
    )


def test_phone_menu_by_keyboard(live_server, browser, portal):
    context, page = open_page(browser, 360)
    page.goto(live_server.url + "/")
    toggle, menu = page.locator(".nav-toggle"), page.locator("#site-menu")
    assert toggle.is_visible() and not menu.is_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if focused(page, ".nav-toggle"):
            break
    assert focused(page, ".nav-toggle"), "Tab never reached the menu button"
    assert toggle.get_attribute("aria-controls") == "site-menu"
    assert toggle.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    links = menu.locator("a")
    for n in range(links.count()):
        page.keyboard.press("Tab")
        assert (
            page.evaluate("document.activeElement.textContent")
            == links.nth(n).inner_text()
        )
        assert links.nth(n).is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    assert focused(page, ".nav-toggle")
    # And by click, as on a touch screen.
    toggle.click()
    assert menu.is_visible()
    toggle.click()
    assert not menu.is_visible()
    context.close()


def every_item_on_screen(page) -> list[str]:
    """The menu's items not wholly within the viewport."""
    return page.evaluate(
        """() => [...document.querySelectorAll('#site-menu a')].filter(a => {
             const box = a.getBoundingClientRect();
             return box.width === 0 || box.left < 0 || box.right > innerWidth;
           }).map(a => a.textContent)"""
    )


@pytest.mark.parametrize("menu", ["demo", "default"])
def test_the_whole_menu_fits_at_1280px(live_server, browser, portal, menu):
    if menu == "default":
        # No menu set: home, every category by its full name, figures, documents.
        SiteLink.objects.filter(place="menu").delete()
    context, page = open_page(browser, 1280)
    page.goto(live_server.url + "/")
    labels = page.locator("#site-menu a").all_inner_texts()
    assert {"Thông báo", "Văn bản"} <= set(labels)
    assert not page.locator(".nav-toggle").is_visible()
    assert every_item_on_screen(page) == []
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    context.close()


def test_video_loads_only_when_asked_and_the_read_is_counted(
    live_server, browser, portal
):
    article = Article.objects.get(title=VIDEO_ARTICLE)
    context, page = open_page(browser, 360, user_agent=DESKTOP_CHROME)
    frames = []
    page.on(
        "request",
        lambda request: (
            frames.append(request.url) if "youtube" in request.url else None
        ),
    )
    with page.expect_response("**/doc/*/") as beacon:
        page.goto(live_server.url + article.get_absolute_url())
    assert beacon.value.status == 204
    assert page.locator("iframe").count() == 0 and frames == []
    page.get_by_role("button", name=f"Phát video: {VIDEO_ARTICLE}").click()
    iframe = page.locator(".video iframe")
    assert iframe.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    )
    assert iframe.get_attribute("title") == VIDEO_ARTICLE
    context.close()
    assert ReadCount.objects.get(article=article).count == 1


def axe_violations(page) -> list:
    """Every violation axe-core finds on the page (WCAG 2.1 A and AA and
    best practices), whatever its impact."""
    # Evaluated by the debugger, so the page's CSP does not refuse it.
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, "
        "nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
    )


def new_public_pages() -> list[str]:
    """The portal's pages issue 17 added or changed: the home (most read,
    footer, menu), a tag's page, a category's and an article's (with the
    breadcrumb), an article with a video, the documents library and a
    document's page."""
    tag = Tag.objects.get(name="Làng nghề")
    video = Article.objects.get(title=VIDEO_ARTICLE)
    document = SourceDocument.objects.published().order_by("pk").first()
    return [
        "/",
        tag.get_absolute_url(),
        video.category.get_absolute_url(),
        video.get_absolute_url(),
        reverse("documents:list"),
        reverse("documents:list") + "?q=ke+hoach",
        document.get_absolute_url(),
    ]


def test_axe_finds_nothing_on_the_new_pages(live_server, browser, portal):
    found = {}
    for width in (360, 1280):
        context, page = open_page(browser, width)
        for path in new_public_pages():
            page.goto(live_server.url + path)
            if violations := axe_violations(page):
                found[f"{path}@{width}"] = violations
        if width == 360:
            # axe really reads the page: an image without words is caught.
            page.evaluate(
                "document.querySelector('main').append("
                "Object.assign(document.createElement('img'), {src: '/x.png'}))"
            )
            assert "image-alt" in {v["id"] for v in axe_violations(page)}
        context.close()
    assert found == {}
