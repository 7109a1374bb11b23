import time
from decimal import Decimal

import pytest

from funding.imports import apply_import, plan_file
from funding.models import Figure
from khuyencong import pagecache
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, Correction

from .redis_server import RedisServer


def wait_for(condition, seconds=10.0):
    """Poll ``condition`` until it holds; how long it took, or None. For
    what another thread does (the invalidation subscriber): a busy machine
    may take a while, so callers that measure speed bound it themselves."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(0.005)
    return None


@pytest.fixture
def cached(settings):
    """The page cache on, in this process's memory, from a new generation.

    Content a test makes outside ``django_capture_on_commit_callbacks`` is
    never told to the cache (its transaction never commits), only recorded
    in the database: left at its default, the stamp check would start a new
    generation a second later, at a moment a busy machine chooses. The
    tests of that check set the interval themselves."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    pagecache.invalidate()
    return settings


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    """A redis-server of this test module's own (see ``redis_server``)."""
    if not RedisServer.available():
        pytest.skip("needs redis-server (apt-get install redis-server)")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cached(cached, redis_server):
    """The page cache in a real Redis of its own, with the near copies and
    their invalidation subscriber."""
    if redis_server.process.poll() is not None:
        redis_server.start()  # stopped by an earlier test that failed
    redis_server.client().flushall()
    cached.CACHES = {
        "default": {
            "BACKEND": "khuyencong.cache.RedisCache",
            "LOCATION": redis_server.url(),
            "KEY_PREFIX": f"test-near-{time.time_ns()}",
        }
    }
    cached.PAGE_NEAR_CACHE_BYTES = 8 * 1024 * 1024
    pagecache.invalidate()
    return cached


@pytest.fixture
def data(reference_data, make_user):
    """The demo content, a correction and an import: a row for most admins."""
    load_demo_content()
    article = Article.objects.get(slug=SEED_SLUG)
    Correction.objects.create(article=article, text="Đính chính mẫu.")
    source = Figure.objects.first().source
    template = "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;12,61\n"
    plan = plan_file(template.encode(), file_name="mau.csv", source=source)
    apply_import(plan=plan, user=make_user("importer"))
    return article


def _demo_figure() -> Figure:
    return Figure.objects.get(
        area__code="mien-trung-tay-nguyen",
        year=2021,
        fund="all",
        measure="executed",
        indicator__code="kinh-phi-khuyen-cong",
    )


@pytest.fixture
def demo_figure(db):
    """A function returning, as stored now, the demo's executed funding of
    Miền Trung - Tây Nguyên in 2021 (48,79 tỷ đồng as loaded), which the
    figure pages and the demo article show."""
    return _demo_figure


@pytest.fixture
def correct_demo_figure(demo_figure, django_capture_on_commit_callbacks):
    """A function correcting that figure to 49 tỷ đồng, committed (the page
    cache is told); it returns the figure."""

    def correct() -> Figure:
        figure = demo_figure()
        with django_capture_on_commit_callbacks(execute=True):
            figure.value = Decimal("49_000_000_000")
            figure.save()
        return figure

    return correct


@pytest.fixture
def figure_page_refreshes(
    cached,
    reference_data,
    client,
    correct_demo_figure,
    django_capture_on_commit_callbacks,
):
    """A function asserting that the page at ``url``, cached with the demo's
    figure (48,79 tỷ đồng), shows it corrected (49 tỷ đồng) at once."""

    def check(url: str) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            load_demo_content()
        assert "48,79 tỷ đồng" in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"
        correct_demo_figure()
        assert "49 tỷ đồng" in client.get(url).content.decode()

    return check
