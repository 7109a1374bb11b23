"""The article add form sent twice (a double click without JavaScript, a
resend) creates one article: the form carries a one-time token, and a
repeat is sent to the article the first sending created, with a message.
Two sendings at the same moment meet at the database's unique index."""

import re
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from news.models import Article, ArticleSubmission

from .test_admin import ADD_URL, form_data

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
    assert again.redirect_chain[0][0] == reverse(
        "admin:news_article_change", args=[article.pk]
    )
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
    postgres_only, category, make_user
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
