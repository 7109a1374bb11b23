"""The breadcrumb on article, category, tag and figures pages: a visible,
labelled navigation that is also a schema.org BreadcrumbList."""

import lxml.html
import pytest
from django.urls import reverse

from news.models import Tag

pytestmark = pytest.mark.django_db


def breadcrumb(client, url) -> list[tuple[str, str, str]]:
    """(name, address, position) of each step, read as a search engine
    reads the microdata."""
    page = lxml.html.fromstring(client.get(url).content.decode())
    (nav,) = page.xpath('//nav[@aria-label="Đường dẫn trang"]')
    (trail,) = nav.xpath('.//*[@itemtype="https://schema.org/BreadcrumbList"]')
    steps = []
    for item in trail.xpath('./*[@itemprop="itemListElement"]'):
        (name,) = item.xpath('.//*[@itemprop="name"]')
        (address,) = item.xpath('.//*[@itemprop="item"]')
        (position,) = item.xpath('.//*[@itemprop="position"]')
        steps.append(
            (name.text_content(), address.get("href"), position.get("content"))
        )
    assert nav.xpath('.//*[@aria-current="page"]')[0].text_content() == steps[-1][0]
    return steps


def test_article_breadcrumb(client, make_article, category):
    article = make_article(title="Hội nghị khuyến công")
    assert breadcrumb(client, article.get_absolute_url()) == [
        ("Trang chủ", "/", "1"),
        ("Tin tức", category.get_absolute_url(), "2"),
        ("Hội nghị khuyến công", article.get_absolute_url(), "3"),
    ]


def test_category_and_tag_breadcrumbs(client, category):
    assert breadcrumb(client, category.get_absolute_url()) == [
        ("Trang chủ", "/", "1"),
        ("Tin tức", category.get_absolute_url(), "2"),
    ]
    tag = Tag.objects.create(name="Làng nghề")
    assert breadcrumb(client, tag.get_absolute_url())[-1] == (
        "Làng nghề",
        "/the/lang-nghe/",
        "2",
    )


def test_figures_breadcrumb(client, demo):
    assert breadcrumb(client, reverse("funding:overview")) == [
        ("Trang chủ", "/", "1"),
        ("Số liệu", "/so-lieu/", "2"),
    ]
