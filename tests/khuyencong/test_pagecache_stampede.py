"""No stampede: when a page is invalidated under load, one request renders
it; the others get the copy it replaces, or, with none, wait for the one
render. Real concurrency: threads against the live server, a real Redis."""

from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from django.core.handlers.wsgi import WSGIHandler

from khuyencong import pagecache

from . import stampede_gate

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 12


def _reload_middleware(live_server) -> None:
    """The live server is started once for the session, with the settings
    of that moment: its handler is told of this test's MIDDLEWARE."""
    handler = live_server.thread.httpd.get_app()
    while isinstance(getattr(handler, "application", None), WSGIHandler):
        handler = handler.application
    handler.load_middleware()


@pytest.fixture
def gated(redis_cached, live_server):
    """The page cache with its renders held until every reader arrived."""
    before = redis_cached.MIDDLEWARE
    middleware = list(before)
    at = middleware.index("khuyencong.pagecache.AnonymousPageCacheMiddleware")
    middleware.insert(at + 1, "tests.khuyencong.stampede_gate.Gate")
    middleware.insert(at, "tests.khuyencong.stampede_gate.Arrivals")
    redis_cached.MIDDLEWARE = middleware
    _reload_middleware(live_server)
    # Waiting readers give up only well after the gate opens.
    redis_cached.PAGE_RENDER_WAIT_SECONDS = 30
    redis_cached.PAGE_RENDER_LOCK_SECONDS = 30
    stampede_gate.reset(0)
    stampede_gate.everyone.set()
    yield redis_cached
    redis_cached.MIDDLEWARE = before
    _reload_middleware(live_server)


def _read(url: str) -> tuple[str, str]:
    with urlopen(url, timeout=60) as response:
        return response.headers["X-Page-Cache"], response.read().decode()


def _all_at_once(url: str, *, stale: int = 0) -> list[tuple[str, str]]:
    """Every reader's answer; with ``stale``, the render is held until that
    many readers were answered with the previous copy."""
    stampede_gate.reset(READERS, stale=stale)
    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(_read, [url] * READERS))


def test_readers_of_an_invalidated_page_get_its_previous_copy_during_one_render(
    gated, live_server, make_article
):
    article = make_article(title="Bài được đọc nhiều")
    url = live_server.url + article.get_absolute_url()
    assert _read(url)[0] == "miss"
    article.corrections.create(text="Đính chính số liệu năm 2021.")

    answers = _all_at_once(url, stale=READERS - 1)

    kinds = [kind for kind, _page in answers]
    # One render; every reader that came while it ran got the previous copy
    # (had they rendered too, they would have waited at the gate in vain).
    assert kinds.count("miss") == 1, " ".join(kinds)
    assert kinds.count("stale") == READERS - 1, " ".join(kinds)
    for kind, page in answers:
        assert ("Đính chính số liệu năm 2021." in page) == (kind != "stale")
    # The previous copy only while the one render runs: after it, the new.
    for kind, page in (_read(url), _read(url)):
        assert kind in ("hit", "near")
        assert "Đính chính số liệu năm 2021." in page


def test_readers_of_a_page_with_no_copy_wait_for_the_one_render(
    gated, live_server, make_article
):
    article = make_article(title="Bài mới đăng")
    pagecache.invalidate()  # a new generation: no copy of anything
    url = live_server.url + article.get_absolute_url()

    answers = _all_at_once(url)

    kinds = [kind for kind, _page in answers]
    # One render, the others waited for it (the last to arrive may come
    # after it ended, and find this process's near copy).
    assert kinds.count("miss") == 1, " ".join(kinds)
    assert set(kinds) <= {"miss", "hit", "near"}, " ".join(kinds)
    assert all("Bài mới đăng" in page for _kind, page in answers)


def _status(url: str) -> int:
    try:
        with urlopen(url, timeout=60) as response:
            return response.status
    except HTTPError as error:
        return error.code


def test_readers_of_a_withdrawn_article_never_get_its_previous_copy(
    gated, live_server, make_article
):
    article = make_article(title="Bài sẽ gỡ")
    url = live_server.url + article.get_absolute_url()
    assert _read(url)[0] == "miss"
    article.status = article.Status.WITHDRAWN
    article.save()

    stampede_gate.reset(READERS)
    with ThreadPoolExecutor(READERS) as pool:
        statuses = list(pool.map(_status, [url] * READERS))

    assert statuses == [404] * READERS
    assert _status(url) == 404
