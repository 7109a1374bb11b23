"""The article add form sent twice (a double click without JavaScript, a
resend) creates one article: the form carries a one-time token, and a
repeat is sent to the article the first sending created, with a message.
Two sendings at the same moment meet at the database's unique index."""

import re
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleSubmission
from news.submissions import KEEP_DAYS
from tests.admin_forms import browser_payload

from .test_admin import ADD_URL, form_data
from .test_services import WRONG, desk, mismatch_error, publishing, seed

__all__ = ["desk", "seed"]

TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')


def served_token(client) -> str:
    page = client.get(ADD_URL).content.decode()
    return TOKEN.search(page).group(1)


@pytest.mark.django_db
def test_the_same_add_form_sent_twice_creates_one_article(editor_client, category):
    data = {**form_data(category), "submission_token": served_token(editor_client)}
    first = editor_client.post(ADD_URL, data)
    assert first.status_code == 302
    article = Article.objects.get()
    again = editor_client.post(ADD_URL, data, follow=True)
    assert Article.objects.count() == 1
    # Answered as the first sending was (its "Lưu" button: to the list).
    assert again.redirect_chain[0][0] == first["Location"]
    page = again.content.decode()
    assert "Biểu mẫu này đã được gửi rồi" in page and article.title in page
    # A new form (a new token) adds another article.
    other = {**data, "submission_token": served_token(editor_client)}
    assert editor_client.post(ADD_URL, other).status_code == 302
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_token(editor_client, category):
    token = served_token(editor_client)
    shown = editor_client.post(
        ADD_URL, {**form_data(category, title=""), "submission_token": token}
    )
    assert shown.status_code == 200 and TOKEN.search(shown.content.decode())[1] == token


@pytest.mark.django_db
def test_a_token_served_to_another_user_protects_nothing_it_claims(
    editor_client, category, make_user
):
    """A token is the user's own: another user's is ignored, not claimed."""
    other = Client()
    other.force_login(make_user("bientap2", "Biên tập viên"))
    token = served_token(other)
    data = {**form_data(category), "submission_token": token}
    assert editor_client.post(ADD_URL, data).status_code == 302
    assert not ArticleSubmission.objects.exists()
    assert other.post(ADD_URL, data).status_code == 302
    assert Article.objects.count() == 2


def waiting_on_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_two_sendings_at_the_same_moment_create_one_article(
    postgres_only, reference_data, category, make_user
):
    """Both pass the first look (no sending saved yet) and meet when they
    claim the token: this connection holds the table against writes until
    both wait on it."""
    client = Client()
    client.force_login(make_user("bientap", "Biên tập viên"))
    data = {**form_data(category), "submission_token": served_token(client)}
    responses, errors = [], []

    def send():
        try:
            responses.append(client.post(ADD_URL, data, follow=True))
        except Exception as exc:  # an error page, as the test client raises it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    with transaction.atomic(), connection.cursor() as cursor:
        table = ArticleSubmission._meta.db_table
        cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while waiting_on_locks() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        together = waiting_on_locks() == 2
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert together, "the two sendings did not meet"
    assert Article.objects.count() == 1
    pages = [response.content.decode() for response in responses]
    assert sum("Biểu mẫu này đã được gửi rồi" in page for page in pages) == 1


@pytest.mark.django_db
def test_a_repeated_popup_add_form_closes_the_popup(editor_client, category):
    """A repeat from a popup answers as Django's popup does (the script that
    closes it and picks the article), not with a page in the popup."""
    token = served_token(editor_client)
    data = {**form_data(category), "submission_token": token, "_popup": "1"}
    assert editor_client.post(f"{ADD_URL}?_popup=1", data).status_code == 200
    article = Article.objects.get()
    again = editor_client.post(f"{ADD_URL}?_popup=1", data)
    assert Article.objects.count() == 1
    assert "admin/popup_response.html" in [t.name for t in again.templates]
    assert f'"value": "{article.pk}"' in again.context["popup_response_data"]


@pytest.mark.django_db
def test_a_repeated_save_and_add_another_opens_a_new_add_form(editor_client, category):
    data = {
        **form_data(category),
        "submission_token": served_token(editor_client),
        "_addanother": "1",
    }
    assert editor_client.post(ADD_URL, data)["Location"] == ADD_URL
    again = editor_client.post(ADD_URL, data, follow=True)
    assert Article.objects.count() == 1
    assert again.redirect_chain[0][0] == ADD_URL
    assert "Biểu mẫu này đã được gửi rồi" in again.content.decode()


@pytest.mark.django_db
def test_deleting_an_article_lists_no_token_and_a_repeat_goes_to_the_list(
    editor_client, category, admin_client
):
    token = served_token(editor_client)
    data = {**form_data(category), "submission_token": token}
    editor_client.post(ADD_URL, data)
    article = Article.objects.get()
    claimed = ArticleSubmission.objects.get().token
    delete_url = reverse("admin:news_article_delete", args=[article.pk])
    page = admin_client.get(delete_url).content.decode()
    assert claimed not in page and token not in page
    admin_client.post(delete_url, {"post": "yes"})
    assert not Article.objects.exists()
    assert ArticleSubmission.objects.get().article is None
    again = editor_client.post(ADD_URL, data, follow=True)
    assert not Article.objects.exists()
    assert again.redirect_chain[0][0] == reverse("admin:news_article_changelist")


@pytest.mark.django_db
def test_old_submissions_are_pruned_when_a_form_is_claimed(
    editor_client, category, django_capture_on_commit_callbacks
):
    old = ArticleSubmission.objects.create(token="cu", user=None)
    ArticleSubmission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=KEEP_DAYS + 1)
    )
    data = {**form_data(category), "submission_token": served_token(editor_client)}
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(ADD_URL, data)
    assert list(ArticleSubmission.objects.values_list("article", flat=True)) == [
        Article.objects.get().pk
    ]
    assert "cu" not in str(ArticleSubmission.objects.get())


@pytest.mark.django_db
def test_a_refused_mismatch_keeps_the_token_and_its_confirmation_adds_once(seed, desk):
    """A published article whose figure does not match: refused, the form
    comes back with its token; sent again confirmed, it creates one article,
    and the same confirmed form sent once more creates none."""
    token = served_token(desk)
    data = {
        **publishing(browser_payload(desk.get(ADD_URL)), WRONG),
        "submission_token": token,
    }
    refused = desk.post(ADD_URL, data)
    assert "12,07 tỷ đồng" in mismatch_error(refused)
    assert TOKEN.search(refused.content.decode())[1] == token
    assert not ArticleSubmission.objects.exists()
    confirmed = {**data, "confirm_mismatch": "on"}
    assert desk.post(ADD_URL, confirmed).status_code == 302
    again = desk.post(ADD_URL, confirmed, follow=True)
    assert "Biểu mẫu này đã được gửi rồi" in again.content.decode()
    assert Article.objects.filter(title=data["title"]).count() == 1
