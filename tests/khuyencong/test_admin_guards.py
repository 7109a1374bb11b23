"""The guards every portal admin has (``khuyencong.admin_guards``): the
history form saves only for who may change the object as it is now, and a
change form opened before someone else saved is not saved over their change.
Articles are the objects here (figures in ``tests/funding/test_admin.py``);
the admin walks check every other admin."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from news.models import Article
from tests.admin_forms import browser_payload
from tests.conftest import DATA_STAFF, EDITOR
from tests.news.test_admin import change_url, form_data

pytestmark = pytest.mark.django_db


def test_second_save_of_an_article_opened_before_is_refused_and_loses_nothing(
    make_user, make_article
):
    draft = make_article(
        status=Article.Status.DRAFT, published_at=None, title="Tiêu đề cũ"
    )
    url = change_url(draft)
    first, second = Client(), Client()
    first.force_login(make_user("an", EDITOR, first_name="Lan", last_name="Nguyễn"))
    second.force_login(make_user("binh", EDITOR))
    form_a = browser_payload(first.get(url))
    form_b = browser_payload(second.get(url))  # B opened it before A saved

    assert first.post(url, {**form_a, "title": "Tiêu đề của A"}).status_code == 302
    response = second.post(url, {**form_b, "lead": "Sapo của B."})

    assert response.status_code == 200
    draft.refresh_from_db()
    assert (draft.title, draft.lead) == ("Tiêu đề của A", "Sapo của bài số 1.")
    error = str(response.context["adminform"].form.non_field_errors())
    assert "Nguyễn Lan" in error or "Lan Nguyễn" in error
    assert "tiêu đề" in error and "Tiêu đề của A" in error
    history = reverse("admin:news_article_history", args=[draft.pk])
    assert f'href="{history}"' in error
    # B's input is still in the form, A's title put in beside it: saving it
    # as it stands keeps both changes.
    shown = browser_payload(response)
    assert shown["lead"] == "Sapo của B." and shown["title"] == "Tiêu đề của A"
    assert second.post(url, shown).status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.lead) == ("Tiêu đề của A", "Sapo của B.")


# --- the history form ("revert") ------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (DATA_STAFF, Article.Status.DRAFT),  # may only view articles
        (EDITOR, Article.Status.PUBLISHED),  # may not touch a published one
        (EDITOR, Article.Status.WITHDRAWN),
    ],
)
def test_history_form_saves_nothing_for_who_may_not_change_the_article(
    make_user, make_article, category, role, status
):
    article = make_article(status=status, title="Tiêu đề gốc")
    Article.objects.filter(pk=article.pk).update(status=status)
    record = article.history.earliest()
    url = reverse(
        "admin:news_article_simple_history", args=[article.pk, record.history_id]
    )
    staff = Client()
    staff.force_login(make_user("xem", role))
    page = staff.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tiêu đề gốc" in html  # the old version, read-only
    assert 'name="title"' not in html and 'name="_save"' not in html
    versions = article.history.count()

    data = form_data(category, title="Sửa lén", slug=article.slug, status=status)
    assert staff.post(url, data).status_code == 403

    article.refresh_from_db()
    assert article.title == "Tiêu đề gốc"
    assert article.history.count() == versions


def test_history_form_of_a_draft_restores_for_its_editor(
    editor_client, make_article, category
):
    draft = make_article(status=Article.Status.DRAFT, published_at=None, title="Một")
    draft.title = "Hai"
    draft.save()
    first = draft.history.earliest()
    url = reverse(
        "admin:news_article_simple_history", args=[draft.pk, first.history_id]
    )
    form = browser_payload(editor_client.get(url))
    assert form["title"] == "Một"
    assert editor_client.post(url, form).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Một"


def test_the_form_says_who_else_has_it_open(make_user, make_article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "editing-notice",
        }
    }
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    first, second = Client(), Client()
    first.force_login(make_user("an", EDITOR, first_name="Lan", last_name="Nguyễn"))
    second.force_login(make_user("binh", EDITOR))
    assert "đang mở trang sửa" not in first.get(change_url(draft)).content.decode()
    page = second.get(change_url(draft)).content.decode()
    assert "Lan Nguyễn đang mở trang sửa bài viết này" in page
    # Since when, as every time is shown: local, day first, to the minute.
    assert re.search(r"\(từ \d\d/\d\d/\d{4} \d\d:\d\d\)", page)


def test_a_save_that_does_not_say_what_it_opened_is_refused(
    editor_client, make_article, category
):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    data = form_data(category, title="Không rõ bản", slug=draft.slug)

    response = editor_client.post(change_url(draft), data)

    assert response.status_code == 200
    assert "Không rõ bạn đã mở bản nào" in str(
        response.context["adminform"].form.non_field_errors()
    )
    draft.refresh_from_db()
    assert draft.title != "Không rõ bản"
    shown = browser_payload(response)
    assert editor_client.post(change_url(draft), shown).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Không rõ bản"


def test_who_may_only_view_is_not_said_to_edit(make_user, make_article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "viewing-notice",
        }
    }
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    viewer, editor = Client(), Client()
    viewer.force_login(make_user("xem", DATA_STAFF))
    editor.force_login(make_user("sua", EDITOR))
    assert viewer.get(change_url(draft)).status_code == 200
    assert "đang mở trang sửa" not in editor.get(change_url(draft)).content.decode()


def test_a_deleted_article_restored_by_an_editor_keeps_its_author(
    editor_client, secretary, make_article
):
    """The editor may not change whose article it is (the field is read-only
    for them), so the restored article is the version's: its author too."""
    draft = make_article(
        status=Article.Status.DRAFT, published_at=None, title="Bài đã xóa"
    )
    Article.objects.filter(pk=draft.pk).update(author=secretary)
    draft.refresh_from_db()
    draft.save()  # a version with the author
    pk = draft.pk
    draft.delete()
    version = Article.history.filter(id=pk, history_type="~").latest("history_date")
    url = reverse("admin:news_article_simple_history", args=[pk, version.history_id])
    form = browser_payload(editor_client.get(url))
    assert form["title"] == "Bài đã xóa" and "author" not in form
    assert editor_client.post(url, form).status_code == 302
    restored = Article.objects.get(pk=pk)
    assert restored.author == secretary
