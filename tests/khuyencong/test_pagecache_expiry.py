"""A page cached is never served past what it may show: a publication or
withdrawal scheduled by a change, and the cache's lifetime, for the copies
in the shared cache and the near ones alike."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from khuyencong import pagecache
from khuyencong.pagecache import versions
from khuyencong.pagecache.common import GENERATION_KEY

from .conftest import wait_for

pytestmark = pytest.mark.django_db


def _near_is_current():
    from django.core.cache import cache

    generation = pagecache.near.generation
    stored = cache.get(pagecache.GENERATION_KEY)
    return generation is not None and stored is not None and generation == stored


@pytest.fixture(params=["cached", "redis_cached"])
def any_cache(request):
    """The page cache in this process's memory, and in a real Redis with
    the near copies."""
    return request.getfixturevalue(request.param)


def test_a_withdrawal_scheduled_by_an_edit_takes_effect_at_its_time(
    any_cache, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài sẽ gỡ")
    url = article.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish_at = timezone.now() + timedelta(seconds=4)
        article.save()
    wait_for(_near_is_current)
    for _ in range(3):  # rendered, then served from the cache
        assert client.get(url).status_code == 200
    time_machine.shift(timedelta(seconds=4))
    wait_for(_near_is_current, seconds=0.3)
    assert client.get(url).status_code == 404


def test_an_article_scheduled_after_a_generation_began_appears_at_its_time(
    any_cache, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài đã có")
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(
            title="Bài hẹn giờ", published_at=timezone.now() + timedelta(seconds=4)
        )
    wait_for(_near_is_current)
    for _ in range(3):
        assert "Bài hẹn giờ" not in client.get("/").content.decode()
    time_machine.shift(timedelta(seconds=4))
    wait_for(_near_is_current, seconds=0.3)
    assert "Bài hẹn giờ" in client.get("/").content.decode()


def test_near_copies_live_no_longer_than_the_shared_ones(
    redis_cached, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài được đọc")
    url = article.get_absolute_url()
    client.get(url)
    assert wait_for(_near_is_current) is not None
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "near"
    time_machine.shift(timedelta(seconds=redis_cached.PAGE_CACHE_SECONDS - 1))
    assert client.get(url)["X-Page-Cache"] == "near"
    time_machine.shift(timedelta(seconds=1))
    # Rendered again, as when the shared copy expired: never served older.
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] in ("hit", "near")


def test_a_page_stored_again_gives_its_keys_their_time_again_in_redis(
    redis_cached, redis_server, make_article, client, django_capture_on_commit_callbacks
):
    """What ``test_what_a_page_shows_lasts_as_long_as_its_copy`` checks in
    the memory cache, in Redis (whose clock no test moves): a key about to
    expire lives again for as long as a key lives, its value kept."""
    redis_cached.PAGE_NEAR_CACHE_BYTES = 0  # each read goes to Redis
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài đọc nhiều")
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    token = cache.get(GENERATION_KEY)[0]
    redis = redis_server.client()
    key = cache.make_and_validate_key(
        versions.key_of(token, f"gone:article:{article.pk}")
    )
    value = redis.get(key)
    redis.expire(key, 5)
    cache.delete(f"pagecache:page:GET:http://testserver{url}")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert redis.ttl(key) > 3000 and redis.get(key) == value
