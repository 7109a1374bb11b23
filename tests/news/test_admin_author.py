"""Who an article's writer is (its ``author``) is changed only by those who
manage others' articles (who may publish: the secretary, a superuser); an
editor sees it read-only, and a forged value is ignored on every route
that saves an article (add, change, restoring a version)."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.admin_forms import opened_version
from tests.news.test_admin import ADD_URL, change_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(make_user):
    return make_user("phongvien", "Biên tập viên")


def test_editor_sees_the_author_read_only(editor_client, writer, make_article):
    draft = make_article(status="draft", published_at=None, author=writer)
    page = editor_client.get(change_url(draft)).content.decode()
    assert 'name="author"' not in page
    assert "phongvien" in page  # shown, not editable


def test_editor_cannot_reassign_a_draft_by_forged_post(
    editor_client, editor, writer, category, make_article
):
    draft = make_article(status="draft", published_at=None, author=writer)
    data = form_data(category, title="Sửa chữ", slug=draft.slug, author=editor.pk)
    data["opened_version"] = opened_version(editor_client, change_url(draft))
    assert editor_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Sửa chữ"  # the edit is saved...
    assert draft.author == writer  # ...the writer is not changed


def test_editor_adding_an_article_is_its_author_whatever_is_posted(
    editor_client, editor, writer, category
):
    assert (
        editor_client.post(ADD_URL, form_data(category, author=writer.pk)).status_code
        == 302
    )
    assert Article.objects.get().author == editor


def test_editor_restoring_a_version_keeps_the_current_author(
    editor_client, editor, writer, category, make_article
):
    draft = make_article(status="draft", published_at=None, author=writer)
    first = draft.history.get()
    draft.author = editor  # a secretary handed the draft over
    draft.title = "Bản hai"
    draft.save()
    revert_url = reverse(
        "admin:news_article_simple_history", args=[draft.pk, first.history_id]
    )
    data = form_data(category, title=first.title, slug=draft.slug, author=writer.pk)
    data["opened_version"] = opened_version(editor_client, revert_url)
    assert editor_client.post(revert_url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == first.title
    assert draft.author == editor


def test_secretary_may_reassign_the_author(
    secretary_client, editor, writer, category, make_article
):
    draft = make_article(status="draft", published_at=None, author=writer)
    data = form_data(category, title=draft.title, slug=draft.slug, author=editor.pk)
    data["opened_version"] = opened_version(secretary_client, change_url(draft))
    assert secretary_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.author == editor
