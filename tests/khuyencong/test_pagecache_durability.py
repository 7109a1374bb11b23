"""The cache never hides a change it could not be told of: the database's
stamp decides whether a generation found in the cache (Redis, or a
process's near copies) may still be served."""

from datetime import timedelta

import pytest
import redis
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from khuyencong import pagecache
from khuyencong.pagecache import generations, stamps
from khuyencong.pagecache.common import CHANNEL
from news import snapshots
from news.models import Article
from news.services import withdraw_articles
from news.site import shared

from .conftest import wait_for

pytestmark = pytest.mark.django_db


def _near_follows_redis():
    generation = pagecache.near.generation
    return generation is not None and generation == cache.get(pagecache.GENERATION_KEY)


def test_a_withdrawal_made_while_redis_is_down_survives_its_restart(
    redis_cached,
    redis_server,
    make_article,
    secretary,
    django_capture_on_commit_callbacks,
):
    # The check interval (an hour in these tests) never runs out here: only
    # what happens to Redis tells this process to read the database again.
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài sẽ bị gỡ")
        kept = make_article(title="Bài vẫn còn")
    url = article.get_absolute_url()
    reader = Client()
    for page in (url, "/tin-tuc/", kept.get_absolute_url()):
        reader.get(page)
    assert wait_for(_near_follows_redis), "the subscriber never started"
    for page in (url, "/tin-tuc/"):
        reader.get(page)  # kept near
        assert reader.get(page)["X-Page-Cache"] == "near"
    assert "Bài sẽ bị gỡ" in reader.get("/tin-tuc/").content.decode()
    before = cache.get(pagecache.GENERATION_KEY)
    # This process last read the stamp before the withdrawal, as any other
    # worker would have.
    stale_stamp = stamps.authority.stamp()

    redis_server.shutdown_saving()
    with django_capture_on_commit_callbacks(execute=True):
        assert withdraw_articles(
            articles=Article.objects.filter(pk=article.pk), user=secretary
        )
    stamps.authority.learn(stale_stamp)  # forget what the withdrawal taught it
    assert reader.get(url).status_code == 404
    assert "Bài sẽ bị gỡ" not in reader.get("/tin-tuc/").content.decode()

    redis_server.start()  # from its saved data
    assert cache.get(pagecache.GENERATION_KEY) == before, "not the old generation"
    assert reader.get(url).status_code == 404
    listing = reader.get("/tin-tuc/")
    assert "Bài sẽ bị gỡ" not in listing.content.decode()
    assert "Bài vẫn còn" in listing.content.decode()
    # Once the subscriber is back, the near copies follow the new generation.
    assert wait_for(_near_follows_redis, 30), "the subscriber never came back"
    # Caught up with the change made while Redis was away: the pages showing
    # the article are stale, the generation carries the database's stamp.
    assert cache.get(pagecache.GENERATION_KEY)[3] == stamps.read_stamp()
    for _ in range(3):
        assert reader.get(url).status_code == 404
        assert "Bài sẽ bị gỡ" not in reader.get("/tin-tuc/").content.decode()
    assert reader.get("/tin-tuc/")["X-Page-Cache"] == "near"


def test_a_change_never_told_to_the_cache_shows_within_the_check_interval(
    cached, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    """The process that made the change died between its commit and telling
    the cache: the database still has the change on record."""
    cached.PAGE_CACHE_CHECK_SECONDS = 5
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article(title="Bài sẽ bị gỡ")
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=False) as never_run:
        article.status = Article.Status.WITHDRAWN
        article.save()
    assert never_run  # the hooks that would have told the cache
    time_machine.shift(timedelta(seconds=cached.PAGE_CACHE_CHECK_SECONDS))
    assert client.get(url).status_code == 404
    assert "Bài sẽ bị gỡ" not in client.get("/tin-tuc/").content.decode()


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param(lambda stamp: (*stamp[:2], (stamp[2] or 0) + 1), id="newer"),
        pytest.param(lambda stamp: ("restored", 0, None), id="from another database"),
        pytest.param(lambda stamp: None, id="none"),
    ],
)
def test_a_generation_is_served_only_with_the_databases_stamp(
    cached, make_article, client, stored
):
    article = make_article(title="Bài đang đăng")
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # A page kept under a generation whose stamp is not the database's.
    old = cache.get(pagecache.GENERATION_KEY)
    page_key = f"pagecache:page:GET:http://testserver{url}"
    page = cache.get(page_key)
    forged = (old[0], old[1], old[2], stored(stamps.read_stamp()))
    cache.set(pagecache.GENERATION_KEY, forged, None)
    cache.set(page_key, (page[0], 200, page[2], "<p>Trang cũ</p>".encode()), 600)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Bài đang đăng" in response.content.decode()
    assert cache.get(pagecache.GENERATION_KEY)[3] == stamps.read_stamp()


def test_a_generation_of_an_older_release_is_not_served(cached, make_article, client):
    article = make_article(title="Bài đang đăng")
    url = article.get_absolute_url()
    client.get(url)
    page = cache.get(f"pagecache:page:GET:http://testserver{url}")
    cache.set(pagecache.GENERATION_KEY, (page[0], 0.0, None), None)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_the_database_is_asked_at_most_once_per_interval(
    cached,
    make_article,
    client,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
    time_machine,
):
    cached.PAGE_CACHE_CHECK_SECONDS = 5
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài đang đăng")
    url = article.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        for _ in range(20):
            assert client.get(url)["X-Page-Cache"] == "hit"
    time_machine.shift(timedelta(seconds=cached.PAGE_CACHE_CHECK_SECONDS))
    with django_assert_num_queries(1):
        for _ in range(20):
            assert client.get(url)["X-Page-Cache"] == "hit"


def test_one_save_with_several_changes_announces_one_generation(
    redis_cached, make_article, django_capture_on_commit_callbacks, category
):
    subscriber = redis.Redis.from_url(redis_cached.CACHES["default"]["LOCATION"])
    announcements = subscriber.pubsub()
    announcements.subscribe(cache.make_key(CHANNEL))
    assert announcements.get_message(timeout=10)["type"] == "subscribe"
    before = cache.get(pagecache.GENERATION_KEY)
    # An article with its correction and its category saved in one form.
    with django_capture_on_commit_callbacks(execute=True) as hooks:
        article = make_article(title="Bài có đính chính")
        article.corrections.create(text="Sửa số liệu.", published_at=timezone.now())
        category.save()
    # (news's rebuild of the article's stored page is one more hook, and
    # the site version's replacement one a save: news.site.shared.)
    theirs = (snapshots.rebuild, shared._replace)
    assert len([h for h in hooks if getattr(h, "func", h) not in theirs]) == 3
    after = cache.get(pagecache.GENERATION_KEY)
    assert after[0] != before[0]
    assert after[3] == stamps.read_stamp()
    assert stamps.read_stamp()[1] == 0  # every change covered by the new token
    heard = []
    while (message := announcements.get_message(timeout=1)) is not None:
        heard.append(message["type"])
    assert heard == ["message"]
    announcements.close()


def test_a_restore_starts_a_new_generation_even_with_redis_down(
    cached, settings, make_article
):
    """``manage.py restore`` calls ``invalidate()``: the database remembers
    it when the cache cannot be told."""
    before = stamps.read_stamp()
    settings.CACHES = {
        "default": {
            "BACKEND": "khuyencong.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    pagecache.invalidate()
    assert stamps.read_stamp() != before
    assert generations.valid(("old", 0.0, None, before)) is False
