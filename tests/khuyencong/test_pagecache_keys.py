"""The page cache invalidates only what changed: each page is stored with
what it shows (dependency keys), and a change re-renders the pages showing
it and no others, at once."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from funding.api import load_demo_figures
from funding.imports import apply_import, plan_file
from funding.models import Figure
from khuyencong import pagecache
from khuyencong.pagecache import versions
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article

from .conftest import wait_for

pytestmark = pytest.mark.django_db

OVERVIEW = "/so-lieu/?area={}&year={}"


@pytest.fixture
def demo(cached, reference_data, make_article, django_capture_on_commit_callbacks):
    """The demo's content and figures, and an article with no figures."""
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_content()
        load_demo_figures()
        make_article(title="Bài không có số liệu")
    return Article.objects.get(slug=SEED_SLUG)


def _fill(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Page-Cache"] in ("hit", "near"), url


def _rerendered(client, urls) -> set[str]:
    return {url for url in urls if client.get(url)["X-Page-Cache"] == "miss"}


def test_a_corrected_figure_re_renders_only_the_pages_showing_it(
    demo, client, correct_demo_figure
):
    other = Article.objects.published().exclude(pk=demo.pk).first()
    showing = {
        demo.get_absolute_url(),
        OVERVIEW.format("mien-trung-tay-nguyen", 2021),
        # A year's page compares it with the year before.
        OVERVIEW.format("mien-trung-tay-nguyen", 2022),
        "/so-lieu/xep-hang/?year=2021",
        "/so-lieu/",
    }
    not_showing = {
        "/",
        "/tin-tuc/",
        other.get_absolute_url(),
        OVERVIEW.format("mien-trung-tay-nguyen", 2024),
        "/so-lieu/xep-hang/?year=2024",
    }
    _fill(client, showing | not_showing)
    correct_demo_figure()

    assert _rerendered(client, showing | not_showing) == showing
    assert (
        "49 tỷ đồng"
        in client.get(OVERVIEW.format("mien-trung-tay-nguyen", 2021)).content.decode()
    )
    assert "49 tỷ đồng" in client.get(demo.get_absolute_url()).content.decode()


def test_an_import_re_renders_only_the_pages_showing_its_figures(
    demo, client, make_user, django_capture_on_commit_callbacks
):
    showing = {OVERVIEW.format("58-truoc-2025", 2022), "/so-lieu/xep-hang/?year=2022"}
    not_showing = {
        "/",
        OVERVIEW.format("mien-trung-tay-nguyen", 2020),
        OVERVIEW.format("58-truoc-2025", 2020),
        "/so-lieu/xep-hang/?year=2020",
    }
    _fill(client, showing | not_showing)
    source = Figure.objects.first().source
    template = "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;12,61\n"
    plan = plan_file(template.encode(), file_name="mau.csv", source=source)
    with django_capture_on_commit_callbacks(execute=True):
        apply_import(plan=plan, user=make_user("importer"))
    assert _rerendered(client, showing | not_showing) == showing


def test_an_article_edit_re_renders_its_page_and_the_lists(
    cached, make_article, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        edited = make_article(title="Bài sẽ sửa")
        kept = make_article(title="Bài khác chuyên mục")
        kept.category = type(kept.category).objects.create(name="Khác", slug="khac")
        kept.save()
    urls = {"/", "/tin-tuc/", edited.get_absolute_url(), kept.get_absolute_url()}
    _fill(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        edited.title = "Bài đã sửa"
        edited.save()
    assert _rerendered(client, urls) == {"/", "/tin-tuc/", edited.get_absolute_url()}
    assert "Bài đã sửa" in client.get("/").content.decode()


def test_a_page_rendered_while_a_change_commits_is_never_current(cached):
    """The clock is read before the page renders: a change made meanwhile
    makes the stored page stale, whichever ends first."""
    token = cache.get(pagecache.GENERATION_KEY)[0]
    versions.ensure(token, {"article:1"})
    rendered_at = versions.clock(token)
    assert versions.fresh(token, rendered_at, {"article:1"})
    versions.bump(token, {"article:1"})  # committed during the render
    assert not versions.fresh(token, rendered_at, {"article:1"})
    assert versions.fresh(token, versions.clock(token), {"article:1"})
    # A key the cache lost is not trusted.
    assert not versions.fresh(token, versions.clock(token), {"article:2"})


def test_a_change_the_cache_was_never_told_of_is_applied_by_the_next_reader(
    cached, make_article, client, django_capture_on_commit_callbacks, time_machine
):
    """The process that made the change died between its commit and telling
    the cache: the next reader to read the stamp applies it, and only the
    pages showing it re-render."""
    cached.PAGE_CACHE_CHECK_SECONDS = 5
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Bài sẽ bị gỡ")
        # Of another category: not among the withdrawn one's related articles.
        other = make_article(
            title="Bài vẫn còn",
            category=type(article.category).objects.create(name="Khác", slug="khac"),
        )
    _fill(client, {article.get_absolute_url(), other.get_absolute_url()})
    with django_capture_on_commit_callbacks(execute=False) as never_run:
        article.status = Article.Status.WITHDRAWN
        article.save()
    assert never_run
    time_machine.shift(timedelta(seconds=6))
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_near_copies_drop_only_the_pages_a_change_touches(
    redis_cached, make_article, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        edited = make_article(title="Bài sẽ sửa")
        kept = make_article(title="Bài giữ nguyên")
    urls = [edited.get_absolute_url(), kept.get_absolute_url()]
    for url in urls:
        client.get(url)
    assert wait_for(lambda: pagecache.near.generation is not None)
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "near"
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.get(pk=edited.pk).corrections.create(text="Đính chính.")
    # The change is announced to the near copies over Redis.
    assert wait_for(
        lambda: (
            pagecache.near.get(
                f"pagecache:page:GET:http://testserver{urls[0]}",
                pagecache.near.generation[0],
            )
            is None
        )
    )
    assert client.get(urls[0])["X-Page-Cache"] == "miss"
    assert client.get(urls[1])["X-Page-Cache"] == "near"


def test_a_figure_moved_to_another_year_re_renders_the_pages_showing_it_before(
    demo, client, demo_figure, django_capture_on_commit_callbacks
):
    """Its year (or area) edited in the admin: the pages that showed it where
    it was no longer show it, as much as the new ones now do."""
    before = {
        demo.get_absolute_url(),
        OVERVIEW.format("mien-trung-tay-nguyen", 2021),
        "/so-lieu/xep-hang/?year=2021",
    }
    _fill(client, before)
    figure = demo_figure()
    shown = client.get(OVERVIEW.format("mien-trung-tay-nguyen", 2021)).content
    with django_capture_on_commit_callbacks(execute=True):
        figure.year, figure.period_end = 2019, figure.period_end.replace(year=2019)
        figure.save()

    assert _rerendered(client, before) == before
    assert client.get(OVERVIEW.format("mien-trung-tay-nguyen", 2021)).content != shown


def test_deleting_every_figure_of_an_area_and_year_at_once_changes_the_pickers(
    demo, client, django_capture_on_commit_callbacks
):
    """A bulk deletion (the admin's "delete selected") sends every pre_delete
    before any row goes: the pages whose year and area pickers list that
    pair re-render all the same; deleting one of several does not."""
    area, year = (
        Figure.objects.exclude(area__code="mien-trung-tay-nguyen")
        .values_list("area__code", "year")
        .annotate(n=Count("pk"))
        .filter(n__gte=3)
        .order_by("n", "area__code", "year")
        .first()[:2]
    )
    # a page none of whose figures is of that year or the next
    pickers = OVERVIEW.format("mien-trung-tay-nguyen", year - 3)
    _fill(client, {pickers})
    pair = Figure.objects.filter(area__code=area, year=year)
    with django_capture_on_commit_callbacks(execute=True):
        pair.first().delete()
    assert _rerendered(client, {pickers}) == set()
    with django_capture_on_commit_callbacks(execute=True):
        pair.delete()
    assert _rerendered(client, {pickers}) == {pickers}


@pytest.mark.parametrize(
    "query",
    [
        "area=mien-trung-tay-nguyen%20&year=2021",
        "area=mien-trung-tay-nguyen&year=02021",
    ],
)
def test_a_figure_page_is_keyed_by_its_parameters_as_read(figure_page_refreshes, query):
    figure_page_refreshes(f"/so-lieu/?{query}")
