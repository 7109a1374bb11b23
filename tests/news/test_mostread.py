""" "Tin đọc nhiều": a beacon counts reads (into Redis when the cache is
Redis, else into the database) without making the article page uncacheable;
the home and article pages list the most read of the last seven days."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from khuyencong import pagecache
from news.beacon import BEACON_RATE
from news.models import Article, Category, ReadCount
from news.mostread import most_read, record_read
from tests.khuyencong.redis_server import RedisServer

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the beacon's per-reader marks of earlier tests


def beacon(client, article, *, ip="203.0.113.5", agent=BROWSER, **headers):
    return client.post(
        reverse("news:read", args=[article.pk]),
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **headers,
    )


def counted(article) -> int:
    return sum(
        ReadCount.objects.filter(article=article).values_list("count", flat=True)
    )


def test_a_read_is_counted_once_per_reader(client, make_article):
    article = make_article()
    response = beacon(client, article, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 204
    assert "no-cache" in response["Cache-Control"]
    beacon(client, article)  # the same reader again, soon after
    beacon(client, article, ip="203.0.113.6")
    assert counted(article) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "curl/8.5.0",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
    ],
)
def test_robots_are_not_counted(client, make_article, agent):
    article = make_article()
    assert beacon(client, article, agent=agent).status_code == 204
    assert counted(article) == 0


def test_what_is_refused(client, make_article):
    public = make_article()
    draft = make_article(status=Article.Status.DRAFT)
    url = reverse("news:read", args=[public.pk])
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 405
    other_site = beacon(client, public, HTTP_ORIGIN="https://evil.example")
    assert other_site.status_code == 403
    assert beacon(client, draft).status_code == 404
    missing = client.post("/doc/999999/", HTTP_USER_AGENT=BROWSER)
    assert missing.status_code == 404
    assert client.post("/doc/abc/", HTTP_USER_AGENT=BROWSER).status_code == 404
    assert counted(public) == 0 and counted(draft) == 0


def test_one_address_is_rate_limited(client, make_article, time_machine):
    time_machine.move_to(timezone.now().replace(second=0), tick=False)
    article = make_article()
    statuses = [beacon(client, article).status_code for _ in range(BEACON_RATE + 1)]
    assert statuses[:BEACON_RATE] == [204] * BEACON_RATE
    assert statuses[-1] == 429
    assert beacon(client, article, ip="198.51.100.7").status_code == 204


def test_most_read_over_the_last_seven_days(
    client, make_article, django_assert_num_queries
):
    today = timezone.localdate()
    top, second, stale, draft = (
        make_article(title="Đọc nhiều nhất"),
        make_article(title="Đọc nhiều nhì"),
        make_article(title="Đọc nhiều tuần trước nữa"),
        make_article(title="Bản nháp được đọc", status=Article.Status.DRAFT),
    )
    for article, day, reads in (
        (top, today, 5),
        (top, today - timedelta(days=6), 4),
        (second, today - timedelta(days=1), 7),
        (stale, today - timedelta(days=7), 50),
        (draft, today, 90),
    ):
        for _ in range(reads):
            record_read(article_id=article.pk, day=day)
    with django_assert_num_queries(1):
        ranked = most_read(Article.objects.published().for_listing())
    assert [(a.title, a.read_total) for a in ranked] == [
        ("Đọc nhiều nhất", 9),
        ("Đọc nhiều nhì", 7),
    ]
    html = client.get(reverse("news:home")).content.decode()
    block = html.split('id="most-read-heading"', 1)[1].split("</aside>", 1)[0]
    assert block.index("Đọc nhiều nhất") < block.index("Đọc nhiều nhì")
    assert "tuần trước nữa" not in block and "Bản nháp" not in block
    article_page = client.get(second.get_absolute_url()).content.decode()
    assert "Tin đọc nhiều" in article_page


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    pagecache.invalidate()
    return settings


def test_the_article_page_stays_cacheable(page_cache, client, make_article):
    article = make_article()
    first = client.get(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    html = first.content.decode()
    assert f'data-read-beacon="/doc/{article.pk}/"' in html
    assert "js/reads.js" in html and "nonce-" not in first["Content-Security-Policy"]
    assert beacon(client, article).status_code == 204
    again = client.get(article.get_absolute_url())
    assert again["X-Page-Cache"] in ("hit", "near")
    assert counted(article) == 1


def test_a_preview_sends_no_beacon(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    html = editor_client.get(draft.get_absolute_url()).content.decode()
    assert "data-read-beacon" not in html


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    if not RedisServer.available():
        pytest.skip("needs redis-server (apt-get install redis-server)")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "khuyencong.cache.RedisCache",
            "LOCATION": redis_server.url(),
            "KEY_PREFIX": f"test-reads-{time.time_ns()}",
        }
    }
    return redis_server


def test_with_redis_reads_are_counted_in_redis(redis_cache, client, make_article):
    article, other = make_article(title="Bài trên Redis"), make_article()
    for ip in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        assert beacon(client, article, ip=ip).status_code == 204
    assert beacon(client, other).status_code == 204
    assert not ReadCount.objects.exists()  # nothing written to the database
    day = timezone.localdate().strftime("%Y%m%d")
    key = cache.make_key(f"mostread:{day}")
    stored = redis_cache.client().hgetall(key)
    assert stored == {str(article.pk).encode(): b"3", str(other.pk).encode(): b"1"}
    assert redis_cache.client().ttl(key) > 7 * 86400
    ranked = most_read(Article.objects.published().for_listing())
    assert [(a.pk, a.read_total) for a in ranked] == [(article.pk, 3), (other.pk, 1)]
    html = client.get(reverse("news:home")).content.decode()
    assert "Bài trên Redis" in html.split('id="most-read-heading"', 1)[1]


def test_the_cache_down_loses_a_read_not_the_page(settings, client, make_article):
    article = make_article()
    settings.CACHES = {
        "default": {
            "BACKEND": "khuyencong.cache.RedisCache",
            # Nothing listens there.
            "LOCATION": "redis://127.0.0.1:9/0",
            "KEY_PREFIX": "down",
        }
    }
    assert beacon(client, article).status_code == 204
    assert counted(article) == 0


def test_an_article_withdrawn_at_its_time_leaves_the_list_then(
    page_cache, client, make_article, time_machine, django_capture_on_commit_callbacks
):
    """A timed withdrawal ("gỡ lúc") makes no save: the list each process
    keeps ends at that time, so the page rendered then does not show it."""
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        leaving = make_article(
            title="Bài gỡ lúc", unpublish_at=timezone.now() + timedelta(hours=1)
        )
        staying = make_article(title="Bài ở lại")
    for article in (leaving, staying):
        record_read(article_id=article.pk, day=timezone.localdate())

    def listed() -> bool:
        html = client.get(reverse("news:home")).content.decode()
        block = html.split('id="most-read-heading"', 1)[1].split("</aside>", 1)[0]
        assert "Bài ở lại" in block
        return "Bài gỡ lúc" in block

    assert listed()
    time_machine.shift(timedelta(minutes=59, seconds=59))
    assert listed()
    time_machine.shift(timedelta(seconds=1))
    assert not listed()


def _most_read_block(html: str) -> str:
    return html.split('id="most-read-heading"', 1)[1].split("</aside>", 1)[0]


def test_other_pages_drop_a_withdrawn_or_renamed_article_from_the_most_read(
    page_cache, client, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        popular = make_article(title="Bài được đọc nhiều")
        quiet = make_article(title="Bài ít người đọc")
        # In a category of its own: neither is among its related articles.
        elsewhere = Category.objects.create(name="Chuyên mục khác", slug="khac")
        other = make_article(title="Bài khác", category=elsewhere)
    for _ in range(3):
        record_read(article_id=popular.pk, day=timezone.localdate())
    url = other.get_absolute_url()
    assert "Bài được đọc nhiều" in _most_read_block(client.get(url).content.decode())
    # A save of an article the list does not show keeps the page cached.
    with django_capture_on_commit_callbacks(execute=True):
        quiet.lead = "Sapo mới."
        quiet.save()
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        popular.title = "Bài đổi tên"
        popular.save()
    assert "Bài đổi tên" in _most_read_block(client.get(url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        popular.status = Article.Status.WITHDRAWN
        popular.save()
    assert "Bài đổi tên" not in client.get(url).content.decode()


def test_editing_an_article_public_neither_before_nor_after_keeps_other_pages(
    page_cache, client, make_article, django_capture_on_commit_callbacks
):
    # Read much while it was public, withdrawn since: the list shows it
    # neither before nor after an edit of its text.
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = make_article(title="Bài đã gỡ", status=Article.Status.WITHDRAWN)
        elsewhere = Category.objects.create(name="Chuyên mục khác", slug="khac")
        other = make_article(title="Bài khác", category=elsewhere)
    for _ in range(3):
        record_read(article_id=withdrawn.pk, day=timezone.localdate())
    url = other.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.lead = "Sapo sửa sau khi gỡ."
        withdrawn.save()
    assert client.get(url)["X-Page-Cache"] == "hit"
