"""The editor in the loop in real Chromium: a number the checker is not
sure of, or finds wrong, is settled in the article form with one click,
saved without a reload (under the site's CSP), and still there after one."""

import pytest

from funding.api import NOT_A_FIGURE
from news.demo.content import SEED_SLUG, load_demo_content
from news.figure_check import check_article
from news.models import Article, FigureBinding
from tests.browser_session import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

VAGUE = "<p>Tổng kinh phí đạt 45,5 tỷ đồng.</p>"


@pytest.fixture
def draft(reference_data):
    load_demo_content()
    article = Article.objects.get(slug=SEED_SLUG)
    article.status = Article.Status.DRAFT
    article.body = VAGUE + article.body
    article.save()
    return article


def test_an_editor_binds_another_reading_without_a_reload(
    live_server, browser, draft, make_user
):
    (finding,) = [
        f for f in check_article(draft).findings if f.quote.text == "45,5 tỷ đồng"
    ]
    assert finding.verdict in ("unsure", "mismatch") and len(finding.readings) > 1
    other = finding.readings[1]
    make_user("bientap_browser", "Biên tập viên")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type == "error" else None
        ),
    )
    sign_in(page, live_server, "bientap_browser")
    change = f"{live_server.url}/admin/news/article/{draft.pk}/change/"
    page.goto(change)

    number = page.locator(".fc-number", has_text="45,5 tỷ đồng")
    assert f"fc-{finding.verdict}" in number.get_attribute("class")
    page.evaluate("window.notReloaded = true")
    number.click()
    detail = page.locator(".fc-detail:not([hidden])")
    assert "45,5 tỷ đồng" in detail.inner_text()
    assert other.expected in detail.inner_text()
    detail.locator(f'.fc-bind[data-reading="{other.ident}"]').click()

    page.locator(".fc-status", has_text="Đã lưu").wait_for()
    assert page.evaluate("window.notReloaded") is True
    binding = FigureBinding.objects.get(article=draft, key=finding.key)
    assert binding.reading == other.ident
    assert binding.bound_by.username == "bientap_browser"
    # The panel came back with the binding: the number shows it at once...
    bound = page.locator(".fc-number.fc-bound", has_text="45,5 tỷ đồng")
    assert bound.count() == 1
    # ... and after a reload, with who bound it.
    page.reload()
    page.locator(".fc-number.fc-bound", has_text="45,5 tỷ đồng").click()
    shown = page.locator(".fc-detail:not([hidden])").inner_text()
    assert "đã xác nhận bởi bientap_browser" in shown
    chosen = page.locator(".fc-detail:not([hidden]) .fc-best")
    assert chosen.get_attribute("data-reading") == other.ident
    assert not problems, problems
    context.close()


def test_a_refused_binding_says_why_in_vietnamese(
    live_server, browser, reference_data, make_user
):
    load_demo_content()
    seed = Article.objects.get(slug=SEED_SLUG)  # published
    finding, wrong = next(
        (f, r)
        for f in check_article(seed).findings
        for r in f.readings[1:3]
        if r.verdict == "mismatch"
    )
    make_user("thuky_browser2", "Thư ký tòa soạn")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "thuky_browser2")
    page.goto(f"{live_server.url}/admin/news/article/{seed.pk}/change/")
    page.locator(f'.fc-number[data-key="{finding.key}"]').click()
    page.locator(
        f'.fc-detail:not([hidden]) .fc-bind[data-reading="{wrong.ident}"]'
    ).click()
    page.locator(".fc-status", has_text="Bài đã xuất bản").wait_for()
    assert "không khớp với số liệu" in page.locator(".fc-status").inner_text()
    assert not FigureBinding.objects.exists()
    context.close()


def test_who_may_no_longer_change_the_article_is_told_so(
    live_server, browser, draft, make_user
):
    make_user("bientap_browser3", "Biên tập viên")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "bientap_browser3")
    page.goto(f"{live_server.url}/admin/news/article/{draft.pk}/change/")
    # Published by someone else while the form is open: view only now.
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.PUBLISHED)
    page.locator(".fc-number", has_text="45,5 tỷ đồng").click()
    page.locator(".fc-detail:not([hidden]) .fc-bind").first.click()
    page.locator(".fc-status", has_text="không có quyền sửa bài này").wait_for()
    assert not FigureBinding.objects.exists()
    # Opened again: the readings are shown, without the buttons.
    page.reload()
    page.locator(".fc-number", has_text="45,5 tỷ đồng").click()
    detail = page.locator(".fc-detail:not([hidden])")
    assert detail.locator(".fc-reading").count() > 1
    assert page.locator(".fc-bind").count() == 0
    context.close()


def test_a_confirmation_on_no_number_is_forgotten_without_a_reload(
    live_server, browser, draft, make_user
):
    (finding,) = [
        f for f in check_article(draft).findings if f.quote.text == "45,5 tỷ đồng"
    ]
    editor = make_user("bientap_browser3", "Biên tập viên")
    FigureBinding.objects.create(
        article=draft,
        key=finding.key,
        quoted=finding.quote.text,
        reading=finding.reading.ident,
        bound_by=editor,
    )
    # The number was edited since (without the form: nothing placed it again).
    Article.objects.filter(pk=draft.pk).update(
        body=draft.body.replace("45,5 tỷ", "45,6 tỷ")
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    sign_in(page, live_server, "bientap_browser3")
    page.goto(f"{live_server.url}/admin/news/article/{draft.pk}/change/")
    lost = page.locator(".fc-lost")
    assert "45,5 tỷ đồng" in lost.inner_text()
    page.evaluate("window.notReloaded = true")
    lost.locator(".fc-bind").click()
    page.locator(".fc-status", has_text="Đã xóa xác nhận").wait_for()
    assert page.evaluate("window.notReloaded") is True
    assert page.locator(".fc-lost").count() == 0
    assert not FigureBinding.objects.filter(article=draft).exists()
    assert not problems, problems
    context.close()


def test_a_second_tab_is_told_another_changed_the_number(
    live_server, browser, draft, make_user
):
    """Two tabs on the same article: a choice saved in the first makes the
    second's (made on what it showed before) a conflict, said in its panel;
    nothing it chose is saved."""
    (finding,) = [
        f for f in check_article(draft).findings if f.quote.text == "45,5 tỷ đồng"
    ]
    other = finding.readings[1]
    make_user("bientap_browser3", "Biên tập viên")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first, second = context.new_page(), context.new_page()
    sign_in(first, live_server, "bientap_browser3")
    change = f"{live_server.url}/admin/news/article/{draft.pk}/change/"
    for page in (first, second):
        page.goto(change)
        page.locator(".fc-number", has_text="45,5 tỷ đồng").click()
    first.locator(
        f'.fc-detail:not([hidden]) .fc-bind[data-reading="{other.ident}"]'
    ).click()
    first.locator(".fc-status", has_text="Đã lưu").wait_for()
    # An edit not saved yet in the second tab survives the conflict.
    second.fill("#id_lead", "Sapo đang sửa, chưa lưu.")
    second.evaluate("window.notReloaded = true")
    second.locator(
        f'.fc-detail:not([hidden]) .fc-bind[data-reading="{NOT_A_FIGURE}"]'
    ).click()
    second.locator(".fc-status", has_text="Số “45,5 tỷ đồng”").wait_for()
    said = second.locator(".fc-status").inner_text()
    assert "tải lại" not in said and "chưa được lưu" in said
    binding = FigureBinding.objects.get(article=draft, key=finding.key)
    assert binding.reading == other.ident
    # Its panel is the one as it is now (the first tab's choice shown), the
    # page not reloaded: a choice made from it is saved.
    assert second.evaluate("window.notReloaded") is True
    assert second.input_value("#id_lead") == "Sapo đang sửa, chưa lưu."
    second.locator(
        f'.fc-detail:not([hidden]) .fc-bind[data-reading="{NOT_A_FIGURE}"]'
    ).click()
    second.locator(".fc-status", has_text="Đã lưu").wait_for()
    binding.refresh_from_db()
    assert binding.reading == NOT_A_FIGURE
    context.close()
