"""Review that moves: sending for review, sending back with a note,
publishing and scheduling through permission-checked POSTs; the queue on
the admin home; the e-mails each step sends once committed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ReviewNote

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def step_url(article):
    return reverse("admin:news_article_review", args=[article.pk])


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


@pytest.fixture
def people(make_user):
    """An author (Biên tập viên) and two publishers (Thư ký), with e-mails."""
    return {
        "author": make_user(
            "phongvien", "Biên tập viên", email="pv@example.vn", first_name="Lan"
        ),
        "publisher": make_user(
            "thuky1", "Thư ký tòa soạn", email="tk1@example.vn", first_name="Minh"
        ),
        "other": make_user("thuky2", "Thư ký tòa soạn", email="tk2@example.vn"),
        "silent": make_user("thuky3", "Thư ký tòa soạn"),  # no e-mail
        "data": make_user("solieu", "Cán bộ số liệu", email="sl@example.vn"),
    }


@pytest.fixture
def draft(make_article, people):
    return make_article(
        status=Article.Status.DRAFT, published_at=None, author=people["author"]
    )


def act(client, user, article, step, **data):
    client.force_login(user)
    return client.post(step_url(article), {"step": step, **data})


def test_author_sends_for_review_and_publishers_are_mailed(
    client, people, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, people["author"], draft, "gui-duyet", note="Nhờ xem")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    note = ReviewNote.objects.get(article=draft)
    assert (note.kind, note.user, note.text) == (
        "submitted",
        people["author"],
        "Nhờ xem",
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["tk1@example.vn", "tk2@example.vn"]
    message = mail.outbox[0]
    assert message.subject == f"[Chờ duyệt] {draft.title}"
    assert "Lan đã gửi bài" in message.body
    assert "Nhờ xem" in message.body
    assert f"http://testserver{change_url(draft)}" in message.body


def test_nothing_is_mailed_for_a_step_rolled_back(
    client, people, make_article, django_capture_on_commit_callbacks
):
    published = make_article(author=people["author"])
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, people["author"], published, "gui-duyet")
    assert response.status_code == 302
    assert mail.outbox == []
    assert not ReviewNote.objects.exists()


def test_send_back_needs_a_note_and_the_author_sees_it(
    client, people, draft, django_capture_on_commit_callbacks
):
    act(client, people["author"], draft, "gui-duyet")
    response = act(client, people["publisher"], draft, "tra-lai", note="  ")
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    shown = client.get(response.url).content.decode()
    assert "Hãy ghi rõ lý do trả lại" in shown

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, people["publisher"], draft, "tra-lai", note="Thiếu nguồn số liệu")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert [m.to for m in mail.outbox] == [["pv@example.vn"]]
    assert mail.outbox[0].subject == f"[Trả lại] {draft.title}"
    assert "Thiếu nguồn số liệu" in mail.outbox[0].body

    client.force_login(people["author"])
    page = client.get(change_url(draft)).content.decode()
    assert "Bài bị trả lại bởi Minh" in page
    assert "Thiếu nguồn số liệu" in page
    home = client.get(INDEX).content.decode()
    assert "Bài của bạn bị trả lại" in home
    assert "Thiếu nguồn số liệu" in home
    # Another writer does not see it.
    client.force_login(people["publisher"])
    assert "Thiếu nguồn số liệu" not in client.get(INDEX).content.decode()


def test_publish_mails_the_author_and_schedule_sets_the_time(
    client, people, make_article, django_capture_on_commit_callbacks
):
    first = make_article(
        status=Article.Status.REVIEW, published_at=None, author=people["author"]
    )
    second = make_article(
        status=Article.Status.REVIEW, published_at=None, author=people["author"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        act(client, people["publisher"], first, "xuat-ban")
    first.refresh_from_db()
    assert first.is_public
    assert [m.subject for m in mail.outbox] == [f"[Đã xuất bản] {first.title}"]

    later = timezone.localtime() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        act(
            client,
            people["publisher"],
            second,
            "len-lich",
            at=later.strftime("%Y-%m-%dT%H:%M"),
        )
    second.refresh_from_db()
    assert second.status == Article.Status.PUBLISHED and not second.is_public
    assert timezone.localtime(second.published_at).strftime(
        "%d/%m/%Y %H:%M"
    ) == later.strftime("%d/%m/%Y %H:%M")
    assert mail.outbox[-1].subject == f"[Đã lên lịch] {second.title}"
    assert later.strftime("%d/%m/%Y %H:%M") in mail.outbox[-1].body


def test_scheduling_in_the_past_is_refused(client, people, draft):
    past = timezone.localtime() - timedelta(hours=1)
    response = act(
        client,
        people["publisher"],
        draft,
        "len-lich",
        at=past.strftime("%Y-%m-%dT%H:%M"),
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert "phải ở trong tương lai" in client.get(response.url).content.decode()


@pytest.mark.parametrize("step", ["tra-lai", "xuat-ban", "len-lich"])
@pytest.mark.parametrize("who", ["author", "data"])
def test_publisher_steps_are_refused_to_others(client, people, draft, step, who):
    draft.status = Article.Status.REVIEW
    draft.save()
    at = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = act(client, people[who], draft, step, note="x", at=at)
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    assert not ReviewNote.objects.exists()


def test_data_staff_cannot_send_for_review(client, people, draft):
    assert act(client, people["data"], draft, "gui-duyet").status_code == 403
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


@pytest.mark.parametrize("step", ["gui-duyet", "tra-lai", "xuat-ban"])
def test_anonymous_is_sent_to_login(client, draft, step):
    response = client.post(step_url(draft), {"step": step, "note": "x"})
    assert response.status_code == 302
    assert reverse("admin:login") in response.url
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_steps_need_csrf_and_post(people, draft):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["author"])
    assert client.post(step_url(draft), {"step": "gui-duyet"}).status_code == 403
    assert client.get(step_url(draft)).status_code == 405
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_second_publisher_on_a_stale_page_is_told_who_acted(client, people, draft):
    act(client, people["author"], draft, "gui-duyet")
    act(client, people["publisher"], draft, "tra-lai", note="Viết lại sapo")
    # The other publisher's page still showed the article under review.
    response = act(client, people["other"], draft, "xuat-ban", expected="review")
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    page = client.get(response.url).content.decode()
    assert "Bài đang ở trạng thái “Bản nháp” nên không làm được việc này" in page
    assert "trả lại bởi Minh" in page


def test_queue_lists_waiting_articles_oldest_first_with_counts(
    client, people, make_article, category, django_assert_max_num_queries
):
    from news.models import Category

    other = Category.objects.create(name="Thông báo", slug="thong-bao")
    articles = [
        make_article(
            status=Article.Status.DRAFT,
            published_at=None,
            author=people["author"],
            category=c,
        )
        for c in (category, other, category)
    ]
    client.force_login(people["author"])
    for article in reversed(articles):
        client.post(step_url(article), {"step": "gui-duyet"})
    client.force_login(people["publisher"])
    with django_assert_max_num_queries(12):
        page = client.get(INDEX).content.decode()
    assert "Chờ duyệt (3)" in page
    assert "Tin tức: <strong>2</strong>" in page
    assert "Thông báo: <strong>1</strong>" in page
    positions = [page.index(a.title) for a in reversed(articles)]
    assert positions == sorted(positions)
    assert "Lan" in page  # the author


def test_writers_without_sent_back_articles_see_no_queue(client, people):
    client.force_login(people["author"])
    assert "review-queue" not in client.get(INDEX).content.decode()


def test_a_status_set_in_the_form_is_a_step_too(
    client, people, draft, django_capture_on_commit_callbacks
):
    from tests.admin_forms import browser_payload, stored_version

    client.force_login(people["author"])
    autosave = reverse("admin:news_article_autosave", args=[draft.pk])
    typed = {
        "title": "x",
        "lead": "",
        "body": "",
        "opened_version": stored_version(draft),
    }
    assert client.post(autosave, typed).status_code == 200
    data = browser_payload(client.get(change_url(draft)))
    data["status"] = "review"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(draft), data)
    assert response.status_code == 302
    assert ReviewNote.objects.get(article=draft).kind == "submitted"
    assert sorted(m.to[0] for m in mail.outbox) == ["tk1@example.vn", "tk2@example.vn"]
    # Saving the form drops the editor's autosave, now behind the article.
    assert not draft.autosaves.exists()


def test_mail_is_plain_text_not_escaped(
    client, people, make_article, django_capture_on_commit_callbacks
):
    article = make_article(
        title='Hội nghị "Khuyến công" & đổi mới',
        status=Article.Status.DRAFT,
        published_at=None,
        author=people["author"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        act(client, people["author"], article, "gui-duyet", note="<b>gấp</b>")
    message = mail.outbox[0]
    assert message.subject == '[Chờ duyệt] Hội nghị "Khuyến công" & đổi mới'
    assert "<b>gấp</b>" in message.body and "&amp;" not in message.body


def test_the_bulk_publish_action_tells_the_authors(
    client, people, make_article, django_capture_on_commit_callbacks
):
    article = make_article(
        status=Article.Status.REVIEW, published_at=None, author=people["author"]
    )
    client.force_login(people["publisher"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:news_article_changelist"),
            {"action": "publish_selected", "_selected_action": [article.pk]},
        )
    article.refresh_from_db()
    assert article.is_public
    assert ReviewNote.objects.get(article=article).kind == "published"
    assert [m.to for m in mail.outbox] == [["pv@example.vn"]]


@pytest.fixture
def under_review(make_article, people):
    return make_article(
        status=Article.Status.REVIEW, published_at=None, author=people["author"]
    )


def form_post(client, user, article, **changes):
    """The article's change form as ``user``'s browser shows it, with
    ``changes``, POSTed as a hand-made request would be."""
    from tests.admin_forms import browser_payload

    client.force_login(user)
    data = browser_payload(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def test_the_status_dropdown_cannot_send_back_without_a_note(
    client, people, under_review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = form_post(client, people["publisher"], under_review, status="draft")
    assert response.status_code == 200
    assert "Lý do trả lại: bắt buộc khi chuyển bài đang chờ duyệt" in (
        response.content.decode()
    )
    # A note of spaces is no note either.
    with django_capture_on_commit_callbacks(execute=True):
        response = form_post(
            client,
            people["publisher"],
            under_review,
            status="draft",
            send_back_note="   ",
        )
    assert response.status_code == 200
    under_review.refresh_from_db()
    assert under_review.status == Article.Status.REVIEW
    assert not ReviewNote.objects.exists()
    assert mail.outbox == []


def test_the_status_dropdown_sends_back_with_the_note_the_author_sees(
    client, people, under_review, django_capture_on_commit_callbacks
):
    client.force_login(people["publisher"])
    page = client.get(change_url(under_review)).content.decode()
    assert 'name="send_back_note"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = form_post(
            client,
            people["publisher"],
            under_review,
            status="draft",
            send_back_note="Thiếu ảnh và nguồn",
        )
    assert response.status_code == 302
    under_review.refresh_from_db()
    assert under_review.status == Article.Status.DRAFT
    note = ReviewNote.objects.get(article=under_review)
    assert (note.kind, note.user, note.text) == (
        "sent_back",
        people["publisher"],
        "Thiếu ảnh và nguồn",
    )
    assert [m.to for m in mail.outbox] == [["pv@example.vn"]]
    assert mail.outbox[0].subject == f"[Trả lại] {under_review.title}"
    client.force_login(people["author"])
    page = client.get(change_url(under_review)).content.decode()
    assert "Bài bị trả lại bởi Minh" in page and "Thiếu ảnh và nguồn" in page
    # The note is asked only where it can apply: not on a draft.
    assert 'name="send_back_note"' not in page


def test_writers_cannot_send_back_through_the_dropdown(
    client, people, make_user, under_review, django_capture_on_commit_callbacks
):
    for writer in (people["author"], make_user("bientap2", "Biên tập viên")):
        with django_capture_on_commit_callbacks(execute=True):
            response = form_post(
                client, writer, under_review, status="draft", send_back_note="Tự rút"
            )
        assert response.status_code == 200
        assert "chỉ người duyệt bài mới trả lại được" in response.content.decode()
    under_review.refresh_from_db()
    assert under_review.status == Article.Status.REVIEW
    assert not ReviewNote.objects.exists()
    assert mail.outbox == []
