"""A page whose article left the public (withdrawn, deleted, a new
address) is never served from its previous copy, not even to the readers
arriving while it renders again; and a previous copy never outlives a
render that stored nothing."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, DataBlock

pytestmark = pytest.mark.django_db


def _page_key(url: str) -> str:
    return f"pagecache:page:GET:http://testserver{url}"


@pytest.fixture
def rendering(cached):
    """Another request is rendering the page (it holds the render lock)."""
    cached.PAGE_RENDER_WAIT_SECONDS = 0.1

    held = []

    def hold(url: str) -> None:
        held.append(f"pagecache:render:{_page_key(url)}")
        cache.set(held[-1], 1, 30)

    yield hold
    cache.delete_many(held)


@pytest.mark.parametrize(
    "leave",
    [
        lambda article: (
            setattr(article, "status", Article.Status.WITHDRAWN) or article.save()
        ),
        lambda article: setattr(article, "slug", "dia-chi-moi") or article.save(),
        lambda article: article.delete(),
    ],
    ids=["withdrawn", "new-address", "deleted"],
)
def test_a_page_gone_is_never_served_from_its_previous_copy(
    rendering, make_article, client, django_capture_on_commit_callbacks, leave
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài sẽ gỡ")
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        leave(article)
    rendering(url)
    response = client.get(url)
    assert response.status_code == 404
    assert "Bài sẽ gỡ" not in response.content.decode()
    # The render stored nothing: the previous copy went with it.
    assert cache.get(_page_key(url)) is None


def test_an_edited_page_is_served_from_its_previous_copy_while_it_renders(
    rendering, make_article, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài cũ")
    url = article.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Bài đã sửa"
        article.save()
    rendering(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "stale"
    assert "Bài cũ" in response.content.decode()


def test_a_withdrawn_articles_block_download_goes_with_it(
    cached, reference_data, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_content()
    article = Article.objects.get(slug=SEED_SLUG)
    url = reverse(
        "news:block_csv", args=[DataBlock.objects.filter(article=article).first().pk]
    )
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.WITHDRAWN
        article.save()
    assert client.get(url).status_code == 404


def test_a_failed_render_stops_the_out_of_date_copy_standing_in(
    rendering, make_article, client, django_capture_on_commit_callbacks, monkeypatch
):
    """The previous copy of a changed page is out of date: it stands in
    only while a render runs. A render that fails (a bug, the database away)
    ends it, so that readers who come while renders keep failing are not
    shown the old text for the copy's whole life."""
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài cũ")
    url = article.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Bài đã sửa"
        article.save()
    rendering(url)
    response = client.get(url)
    assert (response.status_code, response["X-Page-Cache"]) == (200, "stale")
    cache.delete_many([f"pagecache:render:{_page_key(url)}"])

    def broken(article):
        raise RuntimeError("render failed")

    monkeypatch.setattr("news.views.page_context", broken)
    client.raise_request_exception = False
    assert client.get(url).status_code == 500
    rendering(url)
    response = client.get(url)
    assert response.status_code == 500
    assert "Bài cũ" not in response.content.decode()


def test_what_a_page_shows_lasts_as_long_as_its_copy(
    cached, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    """The keys a stored page depends on (its article's, ``gone:article``)
    outlive it, however long ago they were first set: a page read for
    hours is not rendered again, nor its readers kept from its previous
    copy, only because a key set hours ago expired."""
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài đọc nhiều")
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    # The copy (600 s) expired; the keys set with it (3,600 s) not yet.
    time_machine.shift(3500)
    assert client.get(url)["X-Page-Cache"] == "miss"
    time_machine.shift(200)
    assert client.get(url)["X-Page-Cache"] == "hit"
