"""Two publishers acting on one article at the same moment (PostgreSQL,
two connections): the row lock makes one step win and the other a clear
refusal, never both."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from news.models import Article, ReviewNote


def waiting_on_locks() -> int:
    with connection.cursor() as cursor:
        # pg_locks, not pg_stat_activity: the latter is read once per
        # transaction.
        cursor.execute("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0]


def post_together(article, posts):
    """Send the POSTs from threads while this connection holds the article's
    row; let go once every one waits for it."""
    responses = [None] * len(posts)
    errors = []

    def send(index, client, url, data):
        try:
            responses[index] = client.post(url, data, follow=True)
        except Exception as exc:  # an error page, as the test client raises it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(i, *post)) for i, post in enumerate(posts)
    ]
    with transaction.atomic():
        Article.objects.select_for_update().get(pk=article.pk)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while waiting_on_locks() < len(posts) and time.monotonic() < deadline:
            time.sleep(0.05)  # waiting on other connections, not on time
        together = waiting_on_locks() == len(posts)
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert together, "the two steps did not meet at the lock"
    return [response.content.decode() for response in responses]


@pytest.mark.django_db(transaction=True)
def test_publish_and_send_back_at_once_one_wins(
    postgres_only, reference_data, make_user, make_article
):
    author = make_user("phongvien", "Biên tập viên")
    article = make_article(
        status=Article.Status.REVIEW, published_at=None, author=author
    )
    clients = []
    for name in ("thuky1", "thuky2"):
        client = Client()
        client.force_login(make_user(name, "Thư ký tòa soạn"))
        clients.append(client)

    url = reverse("admin:news_article_review", args=[article.pk])

    pages = post_together(
        article,
        [
            (clients[0], url, {"step": "xuat-ban", "expected": "review"}),
            (
                clients[1],
                url,
                {"step": "tra-lai", "expected": "review", "note": "Sửa tiêu đề"},
            ),
        ],
    )

    done = [p for p in pages if "Đã xuất bản bài." in p or "Đã trả lại bài" in p]
    refused = [p for p in pages if "nên không làm được việc này" in p]
    assert len(done) == 1 and len(refused) == 1
    assert ReviewNote.objects.filter(article=article).count() == 1
    article.refresh_from_db()
    won = ReviewNote.objects.get(article=article).kind
    assert article.status == {"published": "published", "sent_back": "draft"}[won]
