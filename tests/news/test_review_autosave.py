"""Autosave of drafts: a staff-only, CSRF-checked endpoint keeps each
editor's copy of the whole form (text, category, tags, cover, times…)
without touching the article or its status; the form offers it back; a
copy from a page opened before someone else saved anything the form shows
is refused, never stored over their work."""

from datetime import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Category, Correction, DraftAutosave, ReviewNote, Tag
from tests.admin_forms import browser_payload, stored_version

pytestmark = pytest.mark.django_db


def autosave_url(article):
    return reverse("admin:news_article_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


@pytest.fixture
def draft(make_article, editor):
    return make_article(
        title="Bản nháp", status=Article.Status.DRAFT, published_at=None, author=editor
    )


def typed(article, **fields):
    return {
        "title": "Tiêu đề đang gõ",
        "lead": "Sapo đang gõ",
        "body": "<p>Đoạn mới</p><script>alert(1)</script>",
        "opened_version": stored_version(article),
        **fields,
    }


def filled_form(client, article, category, tags, cover):
    """What the editor's browser sends after filling in every field of the
    article's form (the autosave script sends the whole form)."""
    data = browser_payload(client.get(change_url(article)))
    data.update(
        title="Tiêu đề đang gõ",
        lead="Sapo đang gõ",
        category=str(category.pk),
        tags=[str(tag.pk) for tag in tags],
        cover=str(cover.pk),
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        published_at_0="15/01/2027",
        published_at_1="08:30",
        unpublish_at_0="15/02/2027",
        unpublish_at_1="17:00",
        is_featured="on",
        byline="Nhóm phóng viên",
    )
    return data


@pytest.fixture
def chosen(make_library_image):
    return {
        "category": Category.objects.create(name="Thông báo", slug="thong-bao"),
        "tags": [
            Tag.objects.create(name="Làng nghề", slug="lang-nghe"),
            Tag.objects.create(name="Khuyến công", slug="khuyen-cong"),
        ],
        "cover": make_library_image(),
    }


def test_autosave_keeps_a_copy_and_leaves_the_article(editor_client, draft):
    response = editor_client.post(autosave_url(draft), typed(draft))
    assert response.status_code == 200
    assert response.json()["saved"].startswith("Đã lưu tự động lúc ")
    draft.refresh_from_db()
    assert draft.title == "Bản nháp"
    copy = DraftAutosave.objects.get(article=draft)
    assert copy.title == "Tiêu đề đang gõ"
    assert "<script" not in copy.body and "Đoạn mới" in copy.body
    # Saving again replaces this editor's copy.
    editor_client.post(autosave_url(draft), typed(draft, title="Lần hai"))
    assert DraftAutosave.objects.get(article=draft).title == "Lần hai"


def test_autosave_keeps_every_field_and_restores_it(editor_client, draft, chosen):
    data = filled_form(editor_client, draft, **chosen)
    assert editor_client.post(autosave_url(draft), data).status_code == 200
    draft.refresh_from_db()
    # Nothing of the article changed.
    assert (draft.title, draft.category.slug, draft.cover, draft.byline) == (
        "Bản nháp",
        "tin-tuc",
        None,
        "",
    )
    assert not draft.tags.exists() and draft.published_at is None

    restored = editor_client.get(change_url(draft) + "?khoi-phuc=1")
    again = browser_payload(restored)
    for name in ("title", "lead", "category", "cover", "byline", "video_url"):
        assert again[name] == data[name], name
    assert sorted(again["tags"]) == sorted(data["tags"])
    for name in ("published_at_0", "published_at_1", "unpublish_at_0"):
        assert again[name] == data[name], name
    assert again["is_featured"] == "on"
    # Saved from the restored form: the article has what was typed.
    assert editor_client.post(change_url(draft), again).status_code == 302
    draft.refresh_from_db()
    assert draft.category == chosen["category"] and draft.cover == chosen["cover"]
    assert set(draft.tags.all()) == set(chosen["tags"])
    assert timezone.localtime(draft.published_at).replace(tzinfo=None) == datetime(
        2027, 1, 15, 8, 30
    )
    assert draft.byline == "Nhóm phóng viên" and draft.is_featured
    assert draft.status == Article.Status.DRAFT
    assert not DraftAutosave.objects.exists()


def test_autosave_never_publishes_nor_changes_the_status(
    client, secretary, make_article, chosen, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.REVIEW, published_at=None)
    client.force_login(secretary)
    data = filled_form(client, article, **chosen)
    data.update(status="published", confirm_mismatch="on", send_back_note="Ghi chú")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(autosave_url(article), data).status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW and not article.is_public
    assert not ReviewNote.objects.exists() and mail.outbox == []
    copy = DraftAutosave.objects.get(article=article)
    assert not {"status", "confirm_mismatch", "send_back_note"} & set(copy.fields)
    restored = browser_payload(client.get(change_url(article) + "?khoi-phuc=1"))
    assert restored["status"] == "review"
    assert "confirm_mismatch" not in restored and restored["send_back_note"] == ""


def test_two_editors_keep_their_own_copies(client, editor, secretary, draft, chosen):
    mine = filled_form(client_as(client, editor), draft, **chosen)
    client.post(autosave_url(draft), mine)
    theirs = browser_payload(client_as(client, secretary).get(change_url(draft)))
    client.post(autosave_url(draft), {**theirs, "byline": "Thư ký"})
    copies = {c.user: c for c in DraftAutosave.objects.all()}
    assert copies[editor].fields["byline"] == "Nhóm phóng viên"
    assert copies[secretary].fields["byline"] == "Thư ký"
    offered = browser_payload(client.get(change_url(draft) + "?khoi-phuc=1"))
    assert offered["byline"] == "Thư ký"


def client_as(client, user):
    client.force_login(user)
    return client


def test_a_copy_from_a_page_older_than_a_save_is_refused(
    client, editor, secretary, draft, chosen
):
    opened = filled_form(client_as(client, editor), draft, **chosen)
    # Meanwhile the Thư ký saves the form, changing only the tags.
    theirs = browser_payload(client_as(client, secretary).get(change_url(draft)))
    theirs["tags"] = [str(chosen["tags"][0].pk)]
    assert client.post(change_url(draft), theirs).status_code == 302
    response = client_as(client, editor).post(autosave_url(draft), opened)
    assert response.status_code == 409
    assert "Bài vừa được thuky lưu lúc" in response.json()["error"]
    assert not DraftAutosave.objects.exists()
    draft.refresh_from_db()
    assert list(draft.tags.all()) == [chosen["tags"][0]]


def test_a_change_outside_the_article_row_makes_a_copy_stale(editor_client, draft):
    """A correction added elsewhere leaves the article's row (and its
    ``updated_at``) as it was: the form's version still sees it."""
    opened = typed(draft)
    Correction.objects.create(article=draft, text="Sửa số liệu năm 2024")
    response = editor_client.post(autosave_url(draft), opened)
    assert response.status_code == 409
    assert not DraftAutosave.objects.exists()


def test_the_form_offers_the_copy_and_restores_it(editor_client, draft):
    editor_client.post(autosave_url(draft), typed(draft))
    page = editor_client.get(change_url(draft)).content.decode()
    assert "Có bản lưu tự động của bạn lúc" in page
    restored = editor_client.get(change_url(draft) + "?khoi-phuc=1")
    form = restored.context["adminform"].form
    assert form.initial["title"] == "Tiêu đề đang gõ"
    assert 'value="Tiêu đề đang gõ"' in restored.content.decode()
    # Turned down: gone.
    editor_client.post(autosave_url(draft), {"bo": "1"})
    assert not DraftAutosave.objects.exists()


def test_an_older_copy_is_not_offered(editor_client, draft):
    editor_client.post(autosave_url(draft), typed(draft))
    draft.title = "Đã lưu sau"
    draft.save()
    page = editor_client.get(change_url(draft)).content.decode()
    assert "Có bản lưu tự động" not in page
    restored = editor_client.get(change_url(draft) + "?khoi-phuc=1")
    assert restored.context["adminform"].form.initial["title"] == "Đã lưu sau"


def test_who_may_autosave(client, make_user, draft, make_article):
    assert client.post(autosave_url(draft), typed(draft)).status_code == 302
    client.force_login(make_user("khongquyen"))
    assert client.post(autosave_url(draft), typed(draft)).status_code == 403
    client.force_login(make_user("solieu", "Cán bộ số liệu"))  # views only
    assert client.post(autosave_url(draft), typed(draft)).status_code == 403
    # A published article is locked to writers.
    published = make_article()
    client.force_login(make_user("bientap2", "Biên tập viên"))
    assert client.post(autosave_url(published), typed(published)).status_code == 403
    assert client.get(autosave_url(draft)).status_code == 405
    assert not DraftAutosave.objects.exists()


def test_autosave_needs_csrf(editor, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(autosave_url(draft), typed(draft)).status_code == 403


def test_rows_that_do_not_exist_are_not_kept(editor_client, draft, chosen):
    data = filled_form(editor_client, draft, **chosen)
    data.update(category="abc", cover="999999", tags=[str(chosen["tags"][0].pk), "x"])
    assert editor_client.post(autosave_url(draft), data).status_code == 200
    copy = DraftAutosave.objects.get()
    assert (copy.fields["category"], copy.fields["cover"], copy.fields["tags"]) == (
        "",
        "",
        [],
    )
    assert copy.fields["byline"] == "Nhóm phóng viên"
    restored = editor_client.get(change_url(draft) + "?khoi-phuc=1")
    assert restored.status_code == 200
    assert browser_payload(restored)["byline"] == "Nhóm phóng viên"


def test_bad_input_is_a_clear_refusal(editor_client, draft):
    response = editor_client.post(autosave_url(draft), typed(draft, title="x" * 300))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("Không lưu tự động được: “Tiêu đề”: ")
    assert "255" in error
    # A hidden field is named in Vietnamese too.
    response = editor_client.post(autosave_url(draft), {"title": "Tiêu đề"})
    assert response.json()["error"] == (
        "Không lưu tự động được: “Phiên bản của trang đang mở”: Trường này là bắt buộc."
    )
    # A made-up version is a page of no known version: refused, not stored.
    response = editor_client.post(
        autosave_url(draft), typed(draft, opened_version="hôm qua")
    )
    assert response.status_code == 409
    assert not DraftAutosave.objects.exists()


def test_control_characters_pasted_into_the_text_do_not_stop_the_autosave(
    editor_client, draft
):
    response = editor_client.post(
        autosave_url(draft),
        typed(draft, title="Tiêu\x00đề", lead="Sapo\x0bmới", body="<p>A\x01B</p>"),
    )
    assert response.status_code == 200, response.content
    copy = DraftAutosave.objects.get(article=draft)
    assert (copy.title, copy.lead) == ("Tiêu đề", "Sapo mới")
    assert "A B" in copy.body


def test_control_characters_typed_beside_the_text_are_not_kept(editor_client, draft):
    """A NUL pasted into a one-line field is refused by PostgreSQL's JSON:
    the copy keeps the field as any save would, and the autosave works."""
    response = editor_client.post(
        autosave_url(draft), typed(draft, byline="Nhóm\x00 phóng\x0bviên")
    )
    assert response.status_code == 200
    copy = DraftAutosave.objects.get(article=draft)
    assert copy.fields["byline"] == "Nhóm  phóng viên"
