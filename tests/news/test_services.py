"""The figure rule for what goes public (``news.services.check_publication``),
whatever path publishes and whatever is saved first."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.models import Area, Indicator, ProgrammeContent
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, DataBlock
from news.services import publish_articles
from tests.admin_forms import browser_payload
from tests.conftest import SECRETARY

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:news_article_add")
WRONG = "<p>Năm 2021, kinh phí khuyến công quốc gia thực hiện 12,07 tỷ đồng.</p>"
RIGHT = "<p>Năm 2021, kinh phí khuyến công quốc gia thực hiện 11,07 tỷ đồng.</p>"


@pytest.fixture
def seed(reference_data):
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def desk(make_user):
    client = Client()
    client.force_login(make_user("thuky_xb", SECRETARY))
    return client


def kcqg_2021_block(prefix="data_blocks", n=0) -> dict:
    """An inline data block showing the region's KCQG figures of 2021."""
    return {
        f"{prefix}-TOTAL_FORMS": str(n + 1),
        f"{prefix}-{n}-title": "Kinh phí KCQG năm 2021",
        f"{prefix}-{n}-position": "0",
        f"{prefix}-{n}-indicators": [
            Indicator.objects.get(code="kinh-phi-khuyen-cong").pk
        ],
        f"{prefix}-{n}-areas": [Area.objects.get(code="mien-trung-tay-nguyen").pk],
        f"{prefix}-{n}-year_from": "2021",
        f"{prefix}-{n}-year_to": "2021",
        f"{prefix}-{n}-period_kind": "",
        f"{prefix}-{n}-funds": ["kcqg"],
        f"{prefix}-{n}-measures": ["executed"],
        f"{prefix}-{n}-content": ProgrammeContent.objects.get(
            code=ProgrammeContent.ALL
        ).pk,
        f"{prefix}-{n}-display": "table",
        f"{prefix}-{n}-note": "",
    }


def publishing(payload: dict, body: str, when=None) -> dict:
    when = timezone.localtime(when or timezone.now() - timedelta(minutes=1))
    return {
        **payload,
        "category": Article.objects.get(slug=SEED_SLUG).category_id,
        "title": "Kinh phí khuyến công quốc gia 2021",
        "lead": "Sapo.",
        "body": body,
        "status": Article.Status.PUBLISHED,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        **kcqg_2021_block(),
    }


def mismatch_error(response) -> str:
    assert response.status_code == 200
    return " ".join(response.context["adminform"].form.errors["confirm_mismatch"])


@pytest.mark.parametrize("later", [False, True], ids=["now", "scheduled"])
def test_a_new_article_and_its_block_are_checked_together(seed, desk, later):
    when = timezone.now() + timedelta(days=2) if later else None
    data = publishing(browser_payload(desk.get(ADD_URL)), WRONG, when)
    articles, blocks = Article.objects.count(), DataBlock.objects.count()

    response = desk.post(ADD_URL, data)

    assert "12,07 tỷ đồng" in mismatch_error(response)
    assert (Article.objects.count(), DataBlock.objects.count()) == (articles, blocks)
    # The form keeps what was typed, block included.
    assert browser_payload(response)["data_blocks-0-title"] == "Kinh phí KCQG năm 2021"

    assert desk.post(ADD_URL, {**data, "confirm_mismatch": "on"}).status_code == 302
    article = Article.objects.get(title="Kinh phí khuyến công quốc gia 2021")
    assert article.status == Article.Status.PUBLISHED and article.data_blocks.count()
    reason = article.history.first().history_change_reason
    assert reason.startswith("Xuất bản dù số liệu không khớp (đã xác nhận)")


def test_a_new_article_that_agrees_with_its_new_block_publishes(seed, desk):
    data = publishing(browser_payload(desk.get(ADD_URL)), RIGHT)
    assert desk.post(ADD_URL, data).status_code == 302
    assert Article.objects.get(title="Kinh phí khuyến công quốc gia 2021").is_public


def test_a_draft_published_with_its_first_block_in_one_save_is_checked(seed, desk):
    draft = Article.objects.create(
        title="Nháp", lead="Sapo.", body=WRONG, category=seed.category
    )
    url = reverse("admin:news_article_change", args=[draft.pk])
    data = publishing(browser_payload(desk.get(url)), WRONG)

    assert "12,07 tỷ đồng" in mismatch_error(desk.post(url, data))

    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert not draft.data_blocks.exists()


def test_publish_service_holds_a_mismatch_unless_confirmed(seed, secretary):
    review = Article.objects.create(
        title="Chờ duyệt",
        lead="Sapo.",
        body=WRONG,
        category=seed.category,
        status=Article.Status.REVIEW,
    )
    block = seed.data_blocks.order_by("pk").first()
    block.pk, block.article = None, review
    block.save()
    block.indicators.set(seed.data_blocks.order_by("pk").first().indicators.all())
    block.areas.set(Area.objects.filter(code="mien-trung-tay-nguyen"))
    chosen = Article.objects.filter(pk=review.pk)

    publication = publish_articles(articles=chosen, user=secretary)

    assert publication.published == []
    assert [article.pk for article, _refusal in publication.held] == [review.pk]
    assert "12,07 tỷ đồng" in publication.held[0][1].messages[0]
    review.refresh_from_db()
    assert review.status == Article.Status.REVIEW

    publication = publish_articles(
        articles=chosen, user=secretary, confirm_mismatches=True
    )
    assert [article.pk for article in publication.published] == [review.pk]
    review.refresh_from_db()
    assert review.is_public
    assert review.history.first().history_change_reason.startswith(
        "Xuất bản dù số liệu không khớp"
    )


def test_a_block_changed_under_a_published_article_is_checked(seed, desk):
    block = seed.data_blocks.order_by("pk").first()
    url = reverse("admin:news_datablock_change", args=[block.pk])
    data = {**browser_payload(desk.get(url)), "funds": ["kcdp"]}

    # Numbers of the text now read against other figures: refused.
    assert "không khớp" in mismatch_error(desk.post(url, data))
    block.refresh_from_db()
    assert block.funds == ""

    assert desk.post(url, {**data, "confirm_mismatch": "on"}).status_code == 302
    block.refresh_from_db()
    assert block.funds == "kcdp"
    seed.refresh_from_db()
    assert seed.history.first().history_change_reason.startswith(
        "Xuất bản dù số liệu không khớp"
    )


def test_restoring_a_published_article_to_a_wrong_number_is_checked(seed, desk):
    right = seed.body
    seed.body = right.replace("95,24%", "59,24%")
    seed._change_reason = "Bản sai"
    seed.save()
    seed.body = right
    seed._change_reason = "Bản đúng"
    seed.save()
    wrong_version = seed.history.get(history_change_reason="Bản sai")
    url = reverse(
        "admin:news_article_simple_history", args=[seed.pk, wrong_version.history_id]
    )
    data = browser_payload(desk.get(url))

    assert "59,24%" in mismatch_error(desk.post(url, data))
    seed.refresh_from_db()
    assert seed.body == right


def test_a_refused_save_shows_the_upload_unharmed(seed, desk, png_upload):
    data = publishing(browser_payload(desk.get(ADD_URL)), WRONG)
    data.update(cover_image=png_upload(), cover_alt="Ảnh hội nghị")

    response = desk.post(ADD_URL, data)

    assert "12,07 tỷ đồng" in mismatch_error(response)
    assert set(response.context["adminform"].form.errors) == {"confirm_mismatch"}


def test_deleting_a_block_a_published_article_needs_is_refused(seed, desk):
    block = seed.data_blocks.order_by("pk").first()
    url = reverse("admin:news_datablock_delete", args=[block.pk])

    response = desk.post(url, {"post": "yes"}, follow=True)

    assert DataBlock.objects.filter(pk=block.pk).exists()
    page = response.content.decode()
    assert "Chưa xóa: Có" in page and "không khớp" in page
    assert "hãy xóa bảng trong trang sửa bài" in page
