"""Scheduled withdrawal ("gỡ lúc"): after ``unpublish_at`` an article is
gone from every public path, at once and with no job, the page cache
included; it must come after the publication time."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.khuyencong.conftest import cached  # noqa: F401 - a fixture

from .test_views import public_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def expiring(make_article, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    make_article(title="Bài công khai bimat", slug="cong-khai")
    return make_article(
        title="Bài hết hạn bimat",
        slug="bai-het-han",
        unpublish_at=timezone.now() + timedelta(hours=1),
    )


def test_the_article_leaves_every_public_path_at_its_time(
    client, expiring, time_machine
):
    pages = [expiring.get_absolute_url(), *public_pages(expiring)]
    for url in pages:
        assert "bai-het-han" in client.get(url).content.decode(), url
    time_machine.shift(timedelta(minutes=59, seconds=59))
    assert client.get(expiring.get_absolute_url()).status_code == 200
    time_machine.shift(timedelta(seconds=1))
    assert client.get(expiring.get_absolute_url()).status_code == 404
    for url in public_pages(expiring):
        body = client.get(url).content.decode()
        assert "bai-het-han" not in body, url
        assert "cong-khai" in body, url


def test_the_page_cache_drops_it_at_its_time(
    cached,  # noqa: F811
    make_article,
    client,
    django_capture_on_commit_callbacks,
    time_machine,
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài ở lại")
        make_article(
            title="Bài hết hạn", unpublish_at=timezone.now() + timedelta(minutes=30)
        )
    assert "Bài hết hạn" in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    time_machine.shift(timedelta(minutes=29, seconds=59))
    assert "Bài hết hạn" in client.get("/").content.decode()
    time_machine.shift(timedelta(seconds=1))
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Bài hết hạn" not in response.content.decode()
    assert "Bài ở lại" in response.content.decode()


def test_the_next_change_is_the_nearest_of_publication_and_withdrawal(
    make_article, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    now = timezone.now()
    make_article(published_at=now + timedelta(hours=3))
    make_article(unpublish_at=now + timedelta(hours=2))
    assert Article.objects.next_publication() == now + timedelta(hours=2)


def test_withdrawal_before_publication_is_refused(make_article, category):
    now = timezone.now()
    article = Article(
        title="Sai thứ tự",
        lead="Sapo.",
        body="<p>x</p>",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=now,
        unpublish_at=now - timedelta(minutes=1),
    )
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert refused.value.message_dict["unpublish_at"] == [
        "Thời điểm gỡ phải sau thời điểm xuất bản."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()


def test_the_admin_form_says_why(client, make_user, make_article):
    from .test_admin import form_data

    client.force_login(make_user("thuky", "Thư ký tòa soạn"))
    article = make_article()
    when = timezone.localtime(article.published_at - timedelta(days=1))
    response = client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        form_data(
            article.category,
            title=article.title,
            slug=article.slug,
            status="published",
            unpublish_at_0=when.strftime("%d/%m/%Y"),
            unpublish_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 200
    assert "Thời điểm gỡ phải sau thời điểm xuất bản." in response.content.decode()
