"""Autosave of drafts: a staff-only, CSRF-checked endpoint keeps each
editor's copy of the text without touching the article; the form offers it
back; a copy from a page opened before someone else saved is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from news.models import Article, DraftAutosave
from news.review.autosave import version_token

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
        "based_on": version_token(article),
        **fields,
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


def test_a_copy_from_a_page_older_than_a_save_is_refused(
    editor_client, draft, secretary
):
    opened = version_token(draft)
    draft.title = "Thư ký đã sửa"
    draft._history_user = secretary
    draft.save()
    response = editor_client.post(autosave_url(draft), typed(draft, based_on=opened))
    assert response.status_code == 409
    assert "Bài vừa được thuky lưu lúc" in response.json()["error"]
    assert not DraftAutosave.objects.exists()
    draft.refresh_from_db()
    assert draft.title == "Thư ký đã sửa"


def test_an_older_copy_is_not_offered(editor_client, draft):
    editor_client.post(autosave_url(draft), typed(draft))
    draft.title = "Đã lưu sau"
    draft.save()
    page = editor_client.get(change_url(draft)).content.decode()
    assert "Có bản lưu tự động" not in page


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


def test_bad_input_is_a_clear_refusal(editor_client, draft):
    response = editor_client.post(autosave_url(draft), {"based_on": "hôm qua"})
    assert response.status_code == 400
    assert response.json()["error"] == "Dữ liệu lưu tự động không hợp lệ."
