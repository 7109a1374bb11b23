"""The news pages' parameters (the rule: ``khuyencong.params``)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"<[^>]+>", "", response.content.decode())


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1e9", "2.0", "99999999999"])
@pytest.mark.parametrize("route", ["news:list", "news:search"])
def test_a_malformed_page_number_is_400(client, make_article, route, page):
    make_article()
    response = client.get(reverse(route), {"page": page, "q": "bai"}, follow=True)
    assert response.status_code == 400
    assert "Trang (page = “" in text(response)


def test_a_category_page_number_too(client, make_article, category):
    make_article()
    assert client.get(category.get_absolute_url(), {"page": "x"}).status_code == 400


def test_a_page_past_the_last_is_404(client, make_article):
    make_article()
    assert client.get(reverse("news:list"), {"page": 2}).status_code == 404
    assert client.get(reverse("news:list"), {"page": 1}).status_code == 200


def test_an_overlong_search_is_400_and_the_box_says_the_limit(client, make_article):
    make_article(title="Khuyến công")
    response = client.get(reverse("news:search"), {"q": "khuyen cong " * 20})
    assert response.status_code == 400
    assert "Từ khóa tìm kiếm (q = “khuyen cong" in text(response)
    assert "tối đa 200 ký tự" in text(response)
    page = client.get(reverse("news:search"), {"q": "khuyen cong"})
    assert page.status_code == 200 and "Khuyến công" in page.content.decode()
    assert page.content.decode().count('maxlength="200"') == 2


def test_a_sitemap_page_number_is_validated(client, make_article):
    make_article()
    assert client.get("/sitemap.xml", {"p": "abc"}).status_code == 400
    assert client.get("/sitemap.xml", {"p": "1"}).status_code == 200
