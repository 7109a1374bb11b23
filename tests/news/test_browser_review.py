"""Review in real Chromium: an author sends an article for review, a
publisher finds it in the queue on the admin home and sends it back with a
note, the author sees the note; the form autosaves what is typed."""

import pytest

from news.models import Article, DraftAutosave
from tests.browser_session import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def signed_in(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    sign_in(page, live_server, username)
    page.wait_for_url(live_server.url + "/admin/")
    return context, page


@pytest.fixture
def draft(reference_data, make_user, make_article):
    author = make_user("phongvien", "Biên tập viên", first_name="Lan")
    make_user("thuky", "Thư ký tòa soạn", first_name="Minh")
    return make_article(
        title="Hội chợ hàng công nghiệp nông thôn",
        status=Article.Status.DRAFT,
        published_at=None,
        author=author,
    )


def test_send_for_review_send_back_with_a_note_author_sees_it(
    browser, live_server, draft
):
    change = f"{live_server.url}/admin/news/article/{draft.pk}/change/"
    author_context, author = signed_in(browser, live_server, "phongvien")
    author.goto(change)
    author.fill("#review-submit-note", "Nhờ anh xem giúp")
    author.click("#review-panel button:has-text('Gửi duyệt')")
    author.wait_for_url(change)
    assert "Đã gửi bài để duyệt" in author.inner_text(".messagelist")
    assert "Chờ duyệt" in author.inner_text("#review-panel-title")

    desk_context, desk = signed_in(browser, live_server, "thuky")
    queue = desk.locator("#review-queue")
    assert "Chờ duyệt (1)" in queue.inner_text()
    assert "Lan" in queue.inner_text()
    queue.get_by_role("link", name=draft.title).click()
    desk.wait_for_url(change)
    # The note is required: the browser will not send the form without it.
    desk.click("#review-panel button:has-text('Trả lại')")
    assert desk.evaluate(
        "document.querySelector('#review-back-note').validity.valueMissing"
    )
    desk.fill("#review-back-note", "Thiếu số liệu kinh phí năm 2024")
    desk.click("#review-panel button:has-text('Trả lại')")
    desk.wait_for_url(change)
    assert "Đã trả lại bài" in desk.inner_text(".messagelist")

    author.goto(live_server.url + "/admin/")
    assert "Thiếu số liệu kinh phí năm 2024" in author.inner_text("#review-queue")
    author.goto(change)
    note = author.inner_text("#review-panel .review-sent-back")
    assert "Bài bị trả lại bởi Minh" in note
    assert "Thiếu số liệu kinh phí năm 2024" in note
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert author.errors == [] and desk.errors == []
    author_context.close()
    desk_context.close()


def test_the_form_autosaves_what_is_typed(browser, live_server, draft):
    change = f"{live_server.url}/admin/news/article/{draft.pk}/change/"
    context, page = signed_in(browser, live_server, "phongvien")
    page.clock.install()
    page.goto(change)
    page.fill("#id_title", "Tiêu đề đang viết dở")
    page.fill("#id_byline", "Nhóm phóng viên")
    page.fill("#id_published_at_0", "15/01/2027")
    page.clock.run_for(21_000)
    page.locator("#autosave-status", has_text="Đã lưu tự động lúc").wait_for()
    copy = DraftAutosave.objects.get(article=draft)
    assert copy.title == "Tiêu đề đang viết dở"
    assert copy.fields["byline"] == "Nhóm phóng viên"
    assert copy.fields["published_at"][0] == "15/01/2027"
    draft.refresh_from_db()
    assert draft.title == "Hội chợ hàng công nghiệp nông thôn"
    assert draft.byline == "" and draft.published_at is None
    page.goto(change)
    page.click("text=Khôi phục vào biểu mẫu")
    assert page.input_value("#id_title") == "Tiêu đề đang viết dở"
    assert page.input_value("#id_byline") == "Nhóm phóng viên"
    assert page.input_value("#id_published_at_0") == "15/01/2027"
    assert page.errors == []
    context.close()
