"""Every path that makes an article public checks what will be public with
the same rule: only a confident mismatch blocks ("cần xác nhận" does not),
and what readers are shown of the quotes is recorded on the way. The form
and its inlines, restoring and the data-block admin: ``test_services``;
here the bulk actions, the publish service, scheduled publication when the
data changes before the time, and the records readers' links come from."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.api import UNSURE, Figure, figures_changed
from news.figure_check import check_article
from news.models import Article, CheckedQuote, DataBlock, FigureBinding
from news.services import publish_articles
from tests.admin_forms import browser_payload
from tests.conftest import SECRETARY

from .test_services import RIGHT, WRONG

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:news_article_changelist")


@pytest.fixture
def seed(reference_data):
    from news.demo.content import SEED_SLUG, load_demo_content

    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def desk(make_user):
    client = Client()
    client.force_login(make_user("thuky_xb", SECRETARY))
    return client


def story(seed, body, status=Article.Status.REVIEW, **fields) -> Article:
    """An article with ``body`` showing the seed's first block (KCQG 2021
    and the rest of the region's figures)."""
    article = Article.objects.create(
        title=f"Bài {Article.objects.count()}",
        lead="Sapo.",
        body=body,
        category=seed.category,
        status=status,
        **fields,
    )
    for block in seed.data_blocks.order_by("pk"):
        copy = DataBlock.objects.get(pk=block.pk)
        copy.pk, copy.article = None, article
        copy.save()
        for name in ("indicators", "areas", "sources"):
            getattr(copy, name).set(getattr(block, name).all())
    return article


def make_unsure(article) -> None:
    """Bind the article's first quote to a figure it does not show: the
    checker cannot compute it, and says so ("cần xác nhận")."""
    finding = check_article(article).findings[0]
    FigureBinding.objects.create(
        article=article, key=finding.key, quoted=finding.quote.text, reading="fig:0"
    )
    assert check_article(article).findings[0].verdict == UNSURE


def test_an_unsure_number_does_not_block_the_form(seed, desk):
    draft = story(seed, RIGHT, status=Article.Status.DRAFT)
    make_unsure(draft)
    url = reverse("admin:news_article_change", args=[draft.pk])
    page = desk.get(url)
    assert "cần xác nhận" in page.content.decode()
    when = timezone.localtime(timezone.now() - timedelta(minutes=1))
    data = {
        **browser_payload(page),
        "status": Article.Status.PUBLISHED,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
    }
    saved = desk.post(url, data, follow=True)
    assert saved.redirect_chain and saved.redirect_chain[-1][1] == 302
    assert "1 số cần xác nhận: mở bài, bấm vào số đó" in saved.content.decode()
    draft.refresh_from_db()
    assert draft.is_public


def test_the_bulk_action_holds_a_mismatch_and_publishes_an_unsure(seed, desk):
    wrong = story(seed, WRONG)
    unsure = story(seed, RIGHT)
    make_unsure(unsure)
    response = desk.post(
        CHANGELIST,
        {"action": "publish_selected", "_selected_action": [wrong.pk, unsure.pk]},
        follow=True,
    )
    assert f"Chưa xuất bản “{wrong.title}”" in response.content.decode()
    wrong.refresh_from_db()
    unsure.refresh_from_db()
    assert wrong.status == Article.Status.REVIEW
    assert unsure.is_public


def test_publishing_records_what_readers_are_shown(seed, secretary, client):
    review = story(seed, RIGHT)
    assert not CheckedQuote.objects.filter(article=review).exists()
    publication = publish_articles(
        articles=Article.objects.filter(pk=review.pk), user=secretary
    )
    assert publication.published == [review]
    quote = CheckedQuote.objects.get(article=review)
    assert quote.text == "11,07 tỷ đồng" and quote.figure is not None
    page = client.get(review.get_absolute_url()).content.decode()
    assert f'href="{quote.figure.get_absolute_url()}"' in page


def test_a_data_block_change_records_what_readers_are_shown(seed, desk):
    block = seed.data_blocks.order_by("pk").first()
    url = reverse("admin:news_datablock_change", args=[block.pk])
    before = CheckedQuote.objects.filter(article=seed, figure__isnull=False).count()
    data = {**browser_payload(desk.get(url)), "funds": ["kcdp"]}
    assert desk.post(url, {**data, "confirm_mismatch": "on"}).status_code == 302
    after = CheckedQuote.objects.filter(article=seed, figure__isnull=False).count()
    assert after < before


def test_bulk_deleting_a_block_a_published_article_needs_is_refused(seed, desk):
    # Without its first block, numbers of the others read differently.
    blocks = [seed.data_blocks.order_by("pk").first().pk]
    response = desk.post(
        reverse("admin:news_datablock_changelist"),
        {"action": "delete_selected", "_selected_action": blocks, "post": "yes"},
        follow=True,
    )
    assert DataBlock.objects.filter(pk__in=blocks).count() == len(blocks)
    assert "Chưa xóa" in response.content.decode()


def change_figure(figure, value, capture) -> None:
    """What the figure admin and the import do: save, then tell."""
    with capture(execute=True):
        Figure.objects.filter(pk=figure.pk).update(value=value)
        figures_changed.send(sender=Figure, figures=Figure.objects.filter(pk=figure.pk))


def quoted_figure(article, text):
    return next(
        f.reading.figures[0]
        for f in check_article(article).findings
        if f.quote.text == text
    )


def test_a_scheduled_article_is_held_back_when_its_data_comes_to_contradict_it(
    seed, django_capture_on_commit_callbacks
):
    later = timezone.now() + timedelta(days=1)
    scheduled = story(seed, RIGHT, status=Article.Status.PUBLISHED, published_at=later)
    public = story(seed, RIGHT, status=Article.Status.PUBLISHED)
    figure = quoted_figure(scheduled, "11,07 tỷ đồng")

    change_figure(figure, Decimal("12_070_000_000"), django_capture_on_commit_callbacks)

    scheduled.refresh_from_db()
    assert scheduled.status == Article.Status.REVIEW
    reason = scheduled.history.first().history_change_reason
    assert reason.startswith("Hoãn xuất bản: số liệu đã đổi")
    # A public one is not taken down: it is put on the review list.
    public.refresh_from_db()
    assert public.is_public and public.needs_figure_review


def test_a_scheduled_article_the_change_does_not_contradict_stays_scheduled(
    seed, django_capture_on_commit_callbacks
):
    later = timezone.now() + timedelta(days=1)
    scheduled = story(seed, RIGHT, status=Article.Status.PUBLISHED, published_at=later)
    figure = quoted_figure(scheduled, "11,07 tỷ đồng")

    change_figure(figure, Decimal("11_071_000_000"), django_capture_on_commit_callbacks)

    scheduled.refresh_from_db()
    assert scheduled.status == Article.Status.PUBLISHED
    assert scheduled.published_at == later
