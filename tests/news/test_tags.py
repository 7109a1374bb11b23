"""Tags: chosen for an article in the admin, shown on it, each with a
public page of the published articles carrying it, paginated."""

import pytest
from django.test import Client
from django.urls import reverse

from news.models import Article, Tag
from news.views import PAGE_SIZE
from tests.admin_forms import browser_payload

pytestmark = pytest.mark.django_db


def test_a_tag_gets_a_vietnamese_slug_and_its_address():
    tag = Tag.objects.create(name="Tiết kiệm năng lượng")
    assert tag.slug == "tiet-kiem-nang-luong"
    assert tag.get_absolute_url() == "/the/tiet-kiem-nang-luong/"
    assert Tag.objects.create(name="Tiết kiệm năng lượng!").slug.endswith("-2")


def test_tag_page_lists_published_articles_only(client, make_article):
    tag = Tag.objects.create(name="Làng nghề")
    shown = make_article(title="Gốm Bàu Trúc")
    draft = make_article(title="Bản nháp gắn thẻ", status=Article.Status.DRAFT)
    untagged = make_article(title="Bài không gắn thẻ")
    for article in (shown, draft):
        article.tags.add(tag)
    html = client.get(tag.get_absolute_url()).content.decode()
    assert "<h1>Thẻ: Làng nghề</h1>" in html
    assert shown.title in html
    assert draft.title not in html and untagged.title not in html
    # The breadcrumb: home, then the tag, as a list a search engine reads.
    assert 'aria-label="Đường dẫn trang"' in html
    assert 'itemtype="https://schema.org/BreadcrumbList"' in html
    assert '<span itemprop="name" aria-current="page">Làng nghề</span>' in html


def test_tag_page_is_paginated_and_unknown_tags_are_404(client, make_article):
    tag = Tag.objects.create(name="Đào tạo nghề")
    for _ in range(PAGE_SIZE + 2):
        make_article().tags.add(tag)
    first = client.get(tag.get_absolute_url())
    second = client.get(tag.get_absolute_url() + "?page=2")
    assert first.context["page_obj"].paginator.count == PAGE_SIZE + 2
    assert len(second.context["articles"]) == 2
    assert client.get(tag.get_absolute_url() + "?page=9").status_code == 404
    assert client.get(tag.get_absolute_url() + "?page=abc").status_code == 400
    assert client.get("/the/khong-co/").status_code == 404


def test_article_shows_its_tags(client, make_article):
    article = make_article()
    article.tags.add(Tag.objects.create(name="Hội chợ triển lãm"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/the/hoi-cho-trien-lam/" rel="tag">Hội chợ triển lãm</a>' in html


def test_editor_chooses_tags_in_the_admin(editor_client, make_article):
    tags = [Tag.objects.create(name=name) for name in ("Cơ khí", "Dệt may")]
    article = make_article(status=Article.Status.DRAFT)
    url = reverse("admin:news_article_change", args=[article.pk])
    page = editor_client.get(url)
    assert 'name="tags"' in page.content.decode()
    data = browser_payload(page)
    data["tags"] = [str(tag.pk) for tag in tags]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(article.tags.all()) == set(tags)
    # The choice is searched as the editor types (the admin's autocomplete).
    found = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "cơ",
            "app_label": "news",
            "model_name": "article",
            "field_name": "tags",
        },
    ).json()
    assert [r["text"] for r in found["results"]] == ["Cơ khí"]


def test_only_the_secretary_renames_tags(editor, secretary):
    editor_client, secretary_client = Client(), Client()
    editor_client.force_login(editor)
    secretary_client.force_login(secretary)
    tag = Tag.objects.create(name="Cũ")
    url = reverse("admin:news_tag_change", args=[tag.pk])
    assert editor_client.post(url, {"name": "Mới", "slug": "moi"}).status_code == 403
    data = browser_payload(secretary_client.get(url))
    data.update(name="Mới", slug="moi")
    assert secretary_client.post(url, data).status_code == 302
    tag.refresh_from_db()
    assert tag.name == "Mới"


def test_sitemap_lists_tags_with_published_articles(client, make_article):
    shown, hidden = Tag.objects.create(name="Cơ khí"), Tag.objects.create(name="Nháp")
    make_article().tags.add(shown)
    make_article(status=Article.Status.DRAFT).tags.add(hidden)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/the/co-khi/</loc>" in xml
    assert "/the/nhap/" not in xml
