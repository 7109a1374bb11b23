"""The anonymous page cache: hits, invalidation, scheduled articles,
conditional requests, a cache that is down, near copies, and immutable
static files. Staff: test_pagecache_staff.py; durability:
test_pagecache_durability.py."""

import json
import logging
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt

import khuyencong.urls
from khuyencong import pagecache
from khuyencong.pagecache import common, generations

from .conftest import wait_for
from .test_settings import run_with_env

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_cached_with_validators(cached, make_article, client):
    make_article(title="Bài đầu tiên")
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    control = second["Cache-Control"]
    assert "public" in control and "max-age=0" in control
    assert "must-revalidate" in control
    assert "Cookie" in second["Vary"]
    assert second["ETag"] and second["Last-Modified"]
    # A browser revalidating gets "not modified".
    assert client.get("/", HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304
    assert (
        client.get("/", HTTP_IF_MODIFIED_SINCE=second["Last-Modified"]).status_code
        == 304
    )


def test_publishing_appears_at_once(
    cached, make_article, client, django_capture_on_commit_callbacks
):
    make_article(title="Bài cũ")
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài mới xuất bản")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Bài mới xuất bản" in response.content.decode()


def test_a_figure_change_refreshes_the_pages_showing_it(figure_page_refreshes):
    figure_page_refreshes("/so-lieu/?area=mien-trung-tay-nguyen&year=2021")


def test_a_scheduled_article_appears_when_its_time_comes(
    cached, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài đã có")
        make_article(
            title="Bài hẹn giờ",
            published_at=timezone.now() + timedelta(minutes=30),
        )
    assert "Bài hẹn giờ" not in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    time_machine.shift(timedelta(minutes=29, seconds=59))
    assert "Bài hẹn giờ" not in client.get("/").content.decode()
    time_machine.shift(timedelta(seconds=1))
    response = client.get("/")
    assert "Bài hẹn giờ" in response.content.decode()


def test_the_site_keeps_serving_when_the_cache_is_down(
    cached, make_article, client, caplog
):
    make_article(title="Vẫn đọc được")
    cached.CACHES = {
        "default": {
            "BACKEND": "khuyencong.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    common._last_warned.clear()
    with caplog.at_level(logging.WARNING, logger="khuyencong.pagecache"):
        response = client.get("/")
    assert response.status_code == 200
    assert "Vẫn đọc được" in response.content.decode()
    assert "Page cache unavailable" in caplog.text


def test_hashed_static_files_are_immutable(tmp_path):
    static_root = tmp_path / "static"
    env = {
        "SECRET_KEY": "k" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    collected = run_with_env(
        "import django; django.setup(); from django.core.management import "
        "call_command; call_command('collectstatic', '--noinput', verbosity=0)",
        **env,
    )
    assert collected.returncode == 0, collected.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    fetched = run_with_env(
        "import django; django.setup(); from django.test import Client;"
        f"r = Client().get('/static/{hashed}');"
        "print(r.status_code, r['Cache-Control'])",
        **env,
    )
    status, control = fetched.stdout.split(" ", 1)
    assert status == "200", fetched.stderr
    assert "immutable" in control and "max-age=315360000" in control


def _current_token():
    from django.core.cache import cache

    return cache.get(pagecache.GENERATION_KEY)[0]


def _near_is_current():
    generation = pagecache.near.generation
    return generation is not None and generation[0] == _current_token()


def test_near_copies_skip_the_round_trip_and_follow_every_change(
    redis_cached, make_article, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài đầu tiên")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert wait_for(_near_is_current) is not None, "the subscriber never started"
    client.get("/")  # stored near, from Redis or rendered again
    near = client.get("/")
    assert near["X-Page-Cache"] == "near"
    assert "Bài đầu tiên" in near.content.decode()
    assert near["ETag"] and "public" in near["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài mới xuất bản")
    # The change reaches the subscriber over Redis within moments...
    learned = wait_for(_near_is_current)
    assert learned is not None and learned < 0.5
    # ...and the near copy of the old generation is never served again.
    fresh = client.get("/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Bài mới xuất bản" in fresh.content.decode()


def test_near_copies_are_not_trusted_across_a_lost_subscription(
    redis_cached, make_article, client, django_capture_on_commit_callbacks
):
    import redis

    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Bài trước")
    client.get("/")
    assert wait_for(_near_is_current) is not None
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "near"
    # A change whose announcement is lost: the generation moves on in Redis
    # without a message, then the subscription is cut (as by a restart).
    from django.core.cache import cache

    stamp = generations.authority.stamp()
    cache.set(pagecache.GENERATION_KEY, generations.new_generation(stamp), None)
    assert not _near_is_current()
    client_url = redis_cached.CACHES["default"]["LOCATION"]
    killed = redis.Redis.from_url(client_url).client_kill_filter(_type="pubsub")
    assert killed >= 1
    # Re-subscribed, the process reads the generation instead of trusting
    # what it had: the old copy is not served.
    assert wait_for(_near_is_current) is not None
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_near_copies_are_capped_in_bytes(
    redis_cached, make_article, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Một bài")
    size = len(client.get("/tim-kiem/?q=tu-0").content)
    redis_cached.PAGE_NEAR_CACHE_BYTES = cap = 10 * size
    assert wait_for(_near_is_current) is not None
    for page in range(40):
        client.get(f"/tim-kiem/?q=tu-{page}")
        client.get(f"/tim-kiem/?q=tu-{page}")
    # The most recent pages are kept, up to the cap.
    assert 0 < pagecache.near._bytes <= cap
    assert 5 <= len(pagecache.near._pages) <= 10
    assert client.get("/tim-kiem/?q=tu-39")["X-Page-Cache"] == "near"
    assert client.get("/tim-kiem/?q=tu-0")["X-Page-Cache"] == "hit"


def _view_using_the_nonce(request):
    template = engines["django"].from_string(
        "<script nonce='{{ request.csp_nonce }}'>1</script>"
    )
    return HttpResponse(template.render({}, request))


@xframe_options_exempt
def _view_for_frames(request):
    return HttpResponse("<p>Nhúng được</p>")


urlpatterns = [
    path("trang-co-script/", _view_using_the_nonce),
    path("trang-nhung/", _view_for_frames),
    *khuyencong.urls.urlpatterns,
]


@pytest.mark.urls(__name__)
def test_a_page_using_a_csp_nonce_is_never_stored(cached, client):
    # Through the whole stack: the CSP layer, above the page cache, writes
    # its header only after the cache has decided.
    nonces = []
    for _ in range(2):
        response = client.get("/trang-co-script/")
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")
        nonce = response.content.decode().split("nonce='")[1].split("'")[0]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    # Each reader has a nonce of its own.
    assert nonces[0] != nonces[1]


@pytest.mark.urls(__name__)
def test_a_page_exempt_from_x_frame_options_stays_exempt_when_cached(cached, client):
    pages = [client.get("/trang-nhung/") for _ in range(2)]
    assert [page["X-Page-Cache"] for page in pages] == ["miss", "hit"]
    assert [page.has_header("X-Frame-Options") for page in pages] == [False, False]
    # Any other page still has it, cached or not.
    assert client.get("/")["X-Frame-Options"] == "DENY"
    assert client.get("/")["X-Frame-Options"] == "DENY"


def test_a_story_shared_widely_is_one_cached_page(cached, make_article, client):
    # Facebook and Zalo add a different click id to every reader's link.
    article = make_article(title="Bài được chia sẻ")
    url = article.get_absolute_url()
    first = client.get(f"{url}?fbclid=IwAR0abc&utm_source=facebook")
    assert first["X-Page-Cache"] == "miss"
    second = client.get(f"{url}?zarsrc=30&utm_medium=zalo&utm_campaign=zchat")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    page = first.content.decode()
    assert "fbclid" not in page and "utm_" not in page
    # The same for any page, and what a page does read is kept.
    list_page = client.get("/tin-tuc/?page=1&gclid=xyz").content.decode()
    assert 'href="http://testserver/tin-tuc/?page=1"' in list_page
    assert "gclid" not in list_page
    found = client.get("/tim-kiem/?q=chia+s%E1%BA%BB&fbclid=1")
    assert "Bài được chia sẻ" in found.content.decode()


def test_the_access_log_keeps_the_campaign_tags(cached, make_article, client, caplog):
    article = make_article(title="Bài có chiến dịch")
    with caplog.at_level(logging.INFO, logger="khuyencong.requests"):
        client.get(f"{article.get_absolute_url()}?utm_campaign=hoi-nghi-2022")
    assert "utm_campaign=hoi-nghi-2022" in caplog.text


def test_a_generation_ends_at_the_earliest_change_any_app_foresees():
    soon = timezone.now() + timedelta(minutes=5)
    later = soon + timedelta(hours=1)
    sources = [lambda: later, lambda: None, lambda: soon]
    for source in sources:
        pagecache.register_next_change(source)
    try:
        _token, _began, ends, _stamp = generations.new_generation(None)
    finally:
        for source in sources:
            generations._next_change_sources.remove(source)
    assert ends == soon.timestamp()
