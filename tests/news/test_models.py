from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from khuyencong.text import fold, vn_slugify
from news.models import Article
from news.sanitize import sanitize_html

SEED_TITLE = (
    "Hội nghị công tác khuyến công khu vực miền Trung - Tây Nguyên năm 2022 "
    "tại Ninh Thuận"
)


def test_slug_from_vietnamese_title():
    assert vn_slugify(SEED_TITLE) == (
        "hoi-nghi-cong-tac-khuyen-cong-khu-vuc-mien-trung-tay-nguyen-nam-2022"
        "-tai-ninh-thuan"
    )
    assert vn_slugify("Đồng Nai: ĐẠI HỘI đường phố") == "dong-nai-dai-hoi-duong-pho"


def test_long_slug_is_cut_at_a_word():
    slug = vn_slugify("khuyến công " * 40, max_length=50)
    assert len(slug) <= 50 and not slug.endswith("-")
    assert slug.endswith("cong")


def test_fold_ignores_case_and_diacritics():
    assert fold("  KHUYẾN   Công Đồng Nai ") == "khuyen cong dong nai"


@pytest.mark.django_db
def test_article_gets_unique_slug(make_article):
    first = make_article(title=SEED_TITLE, slug="")
    second = make_article(title=SEED_TITLE, slug="")
    assert first.slug == vn_slugify(SEED_TITLE)
    assert second.slug == f"{first.slug}-2"


@pytest.mark.django_db
def test_slug_cannot_change_once_published(make_article):
    article = make_article()
    article.slug = "dia-chi-moi"
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_slug_can_change_while_draft(make_article):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.slug = "dia-chi-moi"
    article.full_clean()
    article.save()
    assert Article.objects.get(pk=article.pk).slug == "dia-chi-moi"


@pytest.mark.django_db
def test_published_queryset_hides_drafts_scheduled_and_withdrawn(make_article):
    visible = make_article()
    make_article(status=Article.Status.DRAFT, published_at=None)
    make_article(status=Article.Status.REVIEW)
    make_article(status=Article.Status.WITHDRAWN)
    make_article(published_at=timezone.now() + timedelta(days=1))
    assert list(Article.objects.published()) == [visible]


@pytest.mark.django_db
def test_publishing_without_a_date_publishes_now(make_article):
    article = make_article(status=Article.Status.PUBLISHED, published_at=None)
    assert article.published_at is not None
    assert article.is_public


@pytest.mark.django_db
def test_database_refuses_published_article_without_date(make_article):
    article = make_article()
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(published_at=None)


@pytest.mark.django_db
def test_body_is_sanitised_on_every_save(make_article):
    article = make_article(body='<p onclick="x()">A<script>alert(1)</script></p>')
    assert article.body == "<p>A</p>"
    assert Article.objects.get(pk=article.pk).body == "<p>A</p>"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>ok<script>alert(1)</script></p>", "<p>ok</p>"),
        ('<iframe src="https://evil.example"></iframe><p>x</p>', "<p>x</p>"),
        ("<style>p{}</style><p>x</p>", "<p>x</p>"),
        ('<p onmouseover="steal()">x</p>', "<p>x</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="data:text/html,hi">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<img src="data:image/png;base64,AAAA" alt="a">', '<img alt="a">'),
        ('<img src="https://tracker.example/p.gif" alt="a">', '<img alt="a">'),
        (
            f'<img src="/media/news/images/2024/05/{"a" * 32}.png" alt="a">',
            f'<img src="/media/news/images/2024/05/{"a" * 32}.png" alt="a">',
        ),
        ('<p style="color:red" class="x">x</p>', "<p>x</p>"),
        ("<!-- note --><p>x</p>", "<p>x</p>"),
        ('<object data="x.swf"></object><p>x</p>', "<p>x</p>"),
    ],
)
def test_sanitiser_removes_attacks(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_sanitiser_keeps_editor_formatting():
    html = (
        "<h2>Tiêu đề</h2><p><strong>đậm</strong> <em>nghiêng</em> "
        '<a href="https://moit.gov.vn">link</a></p><ul><li>a</li></ul>'
        "<table><tbody><tr><th>Năm</th><td>2022</td></tr></tbody></table>"
        '<figure><img src="/media/a.png" alt="a"><figcaption>c</figcaption></figure>'
    )
    cleaned = sanitize_html(html)
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        'href="https://moit.gov.vn"',
        "<ul>",
        "<table>",
        "<figcaption>",
    ):
        assert kept in cleaned


def test_published_without_a_time_validates_as_published_now(make_article):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.status = Article.Status.PUBLISHED
    before = timezone.now()
    article.full_clean()  # the "published has a date" constraint holds
    assert before <= article.published_at <= timezone.now()
