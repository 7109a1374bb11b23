"""An article's page is computed when what it shows changes, not when it is
read (``news.snapshots``): the stored page is the live computation's, a
change to a figure (in the admin, by a service, an import or its undo)
shows at once and stales the stored parts in its own transaction, a
rollback leaves them, and a fresh page costs at most three queries."""

import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.api import figures_changed
from funding.imports import apply_import, undo_import
from funding.models import Area, Figure
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import (
    Article,
    ArticleSnapshot,
    Correction,
    DataBlock,
)
from news.snapshots import build_parts, parts_of
from tests.admin_forms import opened_version
from tests.funding.imports.test_imports import WIDE, plan, xlsx

from .test_blocks import seed_figure

pytestmark = pytest.mark.django_db

NONCE = re.compile(r' nonce="[^"]*"')


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


def page(url: str) -> str:
    """The page as an anonymous reader gets it (its CSP nonce left out:
    it differs on every response)."""
    response = Client().get(url)
    assert response.status_code == 200
    return NONCE.sub("", response.content.decode())


def tables(html: str) -> str:
    """The data blocks of a page."""
    return "".join(re.findall(r'<section class="data-block".*?</section>', html, re.S))


def snapshot(article) -> ArticleSnapshot:
    return ArticleSnapshot.objects.get(article=article)


def is_fresh(article) -> bool:
    return snapshot(article).is_fresh


def copy_with_display(article, display: str) -> Article:
    """Another article showing the article's blocks, each as ``display``."""
    copy = Article.objects.create(
        title=f"{article.title} ({display})",
        lead=article.lead,
        body=article.body,
        category=article.category,
        status=Article.Status.PUBLISHED,
        published_at=article.published_at,
    )
    for block in article.data_blocks.all():
        relations = {
            name: list(getattr(block, name).all())
            for name in ("indicators", "areas", "sources")
        }
        block.pk, block.article, block.display = None, copy, display
        block.save()
        for name, values in relations.items():
            getattr(block, name).set(values)
    return copy


def test_the_stored_page_is_the_live_computation_for_every_demo_article(seed):
    for display in DataBlock.Display.values:
        copy_with_display(seed, display)
    articles = list(Article.objects.published())
    # The seed, a copy of it in each display, and the demo's other articles.
    copies = [a for a in articles if a.slug.startswith(seed.slug)]
    assert len(copies) == 1 + len(DataBlock.Display.values)
    for article in articles:
        url = article.get_absolute_url()
        live = page(url)  # stale (just loaded): computed now, then stored
        assert is_fresh(article), article.slug
        assert page(url) == live, article.slug
        stored = Article.objects.select_related("snapshot").get(pk=article.pk)
        assert stored.snapshot.parts == build_parts(stored)
    seed_page = page(seed.get_absolute_url())
    assert seed_page.count('class="data-block"') >= 3
    assert seed_page.count("quoted-figure") >= 25


def test_a_fresh_article_page_costs_at_most_three_queries(
    seed, png_upload, django_assert_max_num_queries
):
    seed.cover_image, seed.cover_alt = png_upload(), "Hội nghị"
    seed.save()
    Correction.objects.create(article=seed, text="Sửa số liệu năm 2022.")
    Correction.objects.create(
        article=seed,
        text="Đính chính hẹn giờ.",
        published_at=timezone.now() + timezone.timedelta(days=1),
    )
    live = page(seed.get_absolute_url())
    # The article with its snapshot (its tags and related documents in
    # it); the menu, the most-read list and the related articles' cards
    # are kept by each process (news.site.shared) since the page above.
    with django_assert_max_num_queries(1):
        stored = page(seed.get_absolute_url())
    assert stored == live
    assert "Sửa số liệu năm 2022." in stored
    assert "Đính chính hẹn giờ." not in stored  # not yet due
    assert stored.count('class="data-block"') >= 3


def change_value(figure: Figure, value: Decimal) -> None:
    figure.value = value
    figure.save()


def test_a_figure_saved_shows_at_once_and_stales_the_page_in_its_transaction(seed):
    url = seed.get_absolute_url()
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    assert "29,21" in page(url) and "31,37" not in page(url)
    assert is_fresh(seed)
    with transaction.atomic():
        change_value(figure, Decimal("31370000000"))
        # Stale in the same transaction, before it commits.
        assert not is_fresh(seed)
    shown = page(url)
    # The text still quotes the old 29,21 (an editor reviews it); the
    # table shows the new value.
    assert "31,37" in shown
    assert is_fresh(seed)
    assert page(url) == shown


def test_a_rolled_back_change_leaves_the_stored_page(seed):
    url = seed.get_absolute_url()
    before = page(url)
    generation = snapshot(seed).generation
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    with pytest.raises(RuntimeError), transaction.atomic():
        change_value(figure, Decimal("31370000000"))
        raise RuntimeError("refused")
    assert snapshot(seed).generation == generation and is_fresh(seed)
    assert page(url) == before


def test_the_figure_admin_changes_the_page_at_once(seed, make_user):
    url = seed.get_absolute_url()
    page(url)
    staff = Client()
    staff.force_login(make_user("solieu_snap", "Cán bộ số liệu"))
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    change = reverse("admin:funding_figure_change", args=[figure.pk])
    data = {
        "opened_version": opened_version(staff, change),
        "indicator": figure.indicator_id,
        "area": figure.area_id,
        "fund": figure.fund,
        "content": figure.content_id,
        "year": figure.year,
        "period_kind": figure.period_kind,
        "period_end": figure.period_end.strftime("%d/%m/%Y"),
        "measure": figure.measure,
        "value": "31,37 tỷ",
        "rounding": "0",
        "source": figure.source_id,
        "note": "",
    }
    assert staff.post(change, data).status_code == 302
    assert "31,37" in page(url)


def test_a_service_writing_figures_in_bulk_stales_only_the_pages_showing_them(seed):
    copy_with_display(seed, "table").data_blocks.all().delete()  # no block
    earlier = copy_with_display(seed, "table")  # the same tables, 2019-2020
    for block in earlier.data_blocks.all():
        block.year_from, block.year_to = 2019, 2020
        block.save()
    for article in Article.objects.published():
        page(article.get_absolute_url())
    figures = Figure.objects.filter(pk=seed_figure(year=2022, measure="plan").pk)
    figures.update(value=Decimal("61000000000"))
    # What funding's services send after a bulk write.
    figures_changed.send(sender=Figure, figures=figures)
    stale = {a.slug for a in Article.objects.published() if not is_fresh(a)}
    assert stale == {SEED_SLUG}
    shown = page(seed.get_absolute_url())
    assert ">61</data>" in shown and "61 − 29,21" in shown


@pytest.fixture
def province_article(category, django_user_model):
    user = django_user_model.objects.create_user("nhap_snap", password="x" * 14)
    first = apply_import(plan=plan(rows("10")), user=user)
    figure = Figure.objects.get(last_import=first)
    article = Article.objects.create(
        title="Kinh phí Ninh Thuận",
        lead="Kế hoạch năm 2022.",
        body="<p>Bảng:</p>",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    block = DataBlock.objects.create(
        article=article,
        title="Kinh phí Ninh Thuận",
        year_from=2022,
        year_to=2022,
        content=figure.content,
    )
    block.indicators.set([figure.indicator])
    block.areas.set([figure.area])
    return article, user


TEN, TWELVE_HALF = 'value="10000000000.', 'value="12500000000.'


def rows(plan_value):
    return xlsx([WIDE, ["Ninh Thuận", 2022, "", "", "", plan_value, ""]])


def test_an_import_and_its_undo_show_at_once(province_article):
    article, user = province_article
    url = article.get_absolute_url()
    assert TEN in page(url) and is_fresh(article)
    second = apply_import(plan=plan(rows("12,5")), user=user)
    assert not is_fresh(article)
    assert TWELVE_HALF in page(url) and TEN not in page(url)
    assert is_fresh(article)
    undo_import(record=second, user=user)
    assert not is_fresh(article)
    assert TEN in page(url) and TWELVE_HALF not in page(url)


def test_a_figure_moved_to_another_year_leaves_the_page_at_once(province_article):
    article, _user = province_article
    url = article.get_absolute_url()
    assert TEN in tables(page(url))
    figure = Figure.objects.get(area__short_name="Ninh Thuận", year=2022)
    figure.year, figure.period_end = 2012, figure.period_end.replace(year=2012)
    figure.save()
    assert not is_fresh(article)
    assert TEN not in tables(page(url))


def test_a_renamed_area_stales_every_page(province_article):
    article, _user = province_article
    page(article.get_absolute_url())
    area = Area.objects.get(short_name="Ninh Thuận")
    area.short_name = "Ninh Thuận (cũ)"
    area.save()
    assert not is_fresh(article)
    assert "Ninh Thuận (cũ)" in page(article.get_absolute_url())


def test_a_build_that_raced_a_change_stores_nothing(seed):
    article = Article.objects.select_related("snapshot").get(pk=seed.pk)
    seen = article.snapshot.generation
    # A change commits while this reader computes: its result is not kept.
    ArticleSnapshot.objects.filter(pk=seed.pk).update(generation=seen + 1)
    parts_of(article)
    assert snapshot(seed).built != snapshot(seed).generation


def test_the_pages_a_change_touched_are_rebuilt_once_it_commits(
    seed, django_capture_on_commit_callbacks
):
    page(seed.get_absolute_url())
    figure = seed_figure(year=2022, measure="plan", fund="kcqg")
    with django_capture_on_commit_callbacks(execute=True):
        change_value(figure, Decimal("31370000000"))
    # No reader came: the stored page already shows the new value.
    assert is_fresh(seed)
    stored = snapshot(seed).parts
    assert any("31,37" in html for kind, html in stored["body"] if kind == "block")


def test_demo_figures_loaded_in_bulk_stale_the_stored_pages(seed):
    page(seed.get_absolute_url())
    call_command("load_demo", stdout=io.StringIO())
    assert not is_fresh(seed)
