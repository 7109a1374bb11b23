import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Category

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"status": Article.Status.DRAFT, "published_at": None},
    "review": {"status": Article.Status.REVIEW, "published_at": None},
    "withdrawn": {"status": Article.Status.WITHDRAWN},
    "scheduled": {
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() + timedelta(days=3),
    },
}


def public_pages(article):
    """Every public address that lists or shows articles."""
    return [
        reverse("news:home"),
        reverse("news:list"),
        article.category.get_absolute_url(),
        reverse("news:feed"),
        reverse("news:category_feed", args=[article.category.slug]),
        "/sitemap.xml",
        reverse("news:search") + "?q=bimat",
    ]


@pytest.mark.parametrize("state", HIDDEN)
def test_hidden_articles_are_404_and_listed_nowhere(client, make_article, state):
    make_article(title="Bài công khai bimat", slug="cong-khai")
    hidden = make_article(title="Bài ẩn bimat", slug="bai-an", **HIDDEN[state])
    assert client.get(hidden.get_absolute_url()).status_code == 404
    for url in public_pages(hidden):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "bai-an" not in body, url
        assert "Bài ẩn" not in body, url
        assert "cong-khai" in body, url


def test_staff_without_change_permission_cannot_preview(
    client, make_user, make_article
):
    viewer = make_user("xem")  # staff, no permissions
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(viewer)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_previews_draft_marked_as_draft(editor_client, make_article):
    draft = make_article(
        title="Bản nháp xem trước", status=Article.Status.DRAFT, published_at=None
    )
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "XEM TRƯỚC" in html and "Bản nháp" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_published_article_has_no_preview_banner(editor_client, make_article):
    article = make_article()
    html = editor_client.get(article.get_absolute_url()).content.decode()
    assert "XEM TRƯỚC" not in html


def test_scheduled_article_appears_on_its_own(client, make_article, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.slug not in client.get(reverse("news:list")).content.decode()
    time_machine.shift(timedelta(hours=2, seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.slug in client.get(reverse("news:list")).content.decode()


@pytest.fixture
def full_article(make_article, make_library_image, make_user):
    writer = make_user("pv", first_name="Lan", last_name="Nguyễn")
    article = make_article(
        title="Hội nghị khuyến công <miền Trung>",
        lead="Sapo về kinh phí khuyến công.",
        body="<p>Thân bài.</p>",
        author=writer,
        published_at=datetime(2022, 8, 18, 17, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        cover=make_library_image(
            alt_text="Đại biểu dự hội nghị", caption="Ông A phát biểu tại Hội nghị."
        ),
    )
    return article


def test_article_page_shows_everything_a_reader_needs(
    client, full_article, make_article
):
    related = make_article(title="Tin liên quan cùng mục")
    other = Category.objects.create(name="Thông báo", slug="thong-bao")
    unrelated = make_article(title="Tin mục khác", category=other)
    response = client.get(full_article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Hội nghị khuyến công &lt;miền Trung&gt;" in html
    assert "Sapo về kinh phí khuyến công." in html
    assert "Thân bài." in html
    assert ">Tin tức</a>" in html
    assert "Nguyễn Lan" in html or "Lan Nguyễn" in html
    assert ">18/08/2022</time>" in html
    assert 'alt="Đại biểu dự hội nghị"' in html
    assert "<figcaption>Ông A phát biểu tại Hội nghị.</figcaption>" in html
    assert related.title in html and unrelated.title not in html
    canonical = f"http://testserver{full_article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta name="description" content="Sapo về kinh phí khuyến công.">' in html
    assert '<meta property="og:title"' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert (
        '<meta property="og:image" content="http://testserver/media/news/renditions/'
        in html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in html
    assert "zalo.me" in html
    assert 'class="share-link copy-link"' in html
    assert 'media="print"' in html


def test_a_long_lead_is_cut_for_search_engines_and_social_cards(client, make_article):
    lead = "Kinh phí khuyến công năm 2024 " + "được giải ngân đúng tiến độ, " * 20
    article = make_article(title="Sapo dài", lead=lead)
    html = client.get(article.get_absolute_url()).content.decode()
    description = re.search(r'<meta name="description" content="([^"]*)">', html)[1]
    og = re.search(r'<meta property="og:description" content="([^"]*)">', html)[1]
    card = re.search(r'<meta name="twitter:description" content="([^"]*)">', html)[1]
    assert description == og and len(description) == 300
    assert description.endswith("…") and description.startswith("Kinh phí khuyến công")
    assert len(card) == 200 and card.endswith("…") and card[:199] == description[:199]
    breadcrumb = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S)[0]
    assert f'href="{article.category.get_absolute_url()}"' in breadcrumb
    assert f'href="{article.get_absolute_url()}"' in breadcrumb


def test_article_jsonld_is_a_news_article(client, full_article):
    html = client.get(full_article.get_absolute_url()).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == full_article.title
    assert data["datePublished"].startswith("2022-08-18T17:00:00")
    assert data["image"][0].startswith("http://testserver/media/news/renditions/")
    # "<" from the title must not be able to close the script element.
    assert "<miền" not in match.group(1)


def test_cover_image_is_stored_under_a_generated_name(full_article):
    name = full_article.cover.file.name
    assert name.startswith("news/library/") and "anh" not in name
    assert re.fullmatch(r"news/library/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", name)


def test_home_shows_featured_and_latest(client, make_article):
    featured = make_article(title="Tin nổi bật nhất", is_featured=True)
    latest = make_article(title="Tin mới thường")
    html = client.get(reverse("news:home")).content.decode()
    assert html.index(featured.title) < html.index(latest.title)
    assert "Tin nổi bật" in html


def test_news_list_is_paginated(client, make_article):
    for _ in range(13):
        make_article()
    first = client.get(reverse("news:list"))
    assert len(first.context["articles"]) == 12
    assert "Trang 1 / 2" in first.content.decode()
    second = client.get(reverse("news:list") + "?page=2")
    assert len(second.context["articles"]) == 1
    assert client.get(reverse("news:list") + "?page=99").status_code == 404


def test_category_page_and_unknown_category(client, make_article, category):
    article = make_article()
    html = client.get(category.get_absolute_url()).content.decode()
    assert article.title in html
    assert client.get("/chuyen-muc/khong-co/").status_code == 404
    assert client.get("/chuyen-muc/khong-co/rss/").status_code == 404


def test_feeds_are_rss(client, make_article, category):
    article = make_article(title="Tin RSS")
    for url in (
        reverse("news:feed"),
        reverse("news:category_feed", args=[category.slug]),
    ):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/rss+xml")
        body = response.content.decode()
        assert "<title>Tin RSS</title>" in body
        assert f"http://testserver{article.get_absolute_url()}" in body


def test_sitemap_and_robots(client, make_article, category):
    article = make_article()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{article.get_absolute_url()}" in sitemap
    assert f"http://testserver{category.get_absolute_url()}" in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    text = robots.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /tim-kiem/" in text


def test_pages_are_accessible_skeletons(client, make_article):
    make_article()
    for url in (reverse("news:home"), reverse("news:list"), reverse("news:search")):
        html = client.get(url).content.decode()
        assert 'class="skip-link" href="#main"' in html
        assert '<main id="main"' in html
        assert 'name="viewport"' in html
        assert "<h1" in html
        # every <img> has an alt attribute
        for tag in re.findall(r"<img\b[^>]*>", html):
            assert " alt=" in tag, tag


def test_no_external_assets(client, full_article):
    html = client.get(full_article.get_absolute_url()).content.decode()
    for src in re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"', html):
        if src.startswith("http"):
            assert src.startswith("http://testserver/"), src
