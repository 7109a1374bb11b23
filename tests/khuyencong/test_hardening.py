"""Addresses with control characters are refused before anything reads
them, on every route, with a short Vietnamese page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/so-lieu/?area=%00",
        "/tim-kiem/?q=khuyen%00cong",
        "/tin-tuc/?page=1%0A",
        "/tin-tuc/%00/",
        "/so-lieu/khu-vuc/mien%00/",
        "/?%00=1",
        "/robots.txt?x=%7F",
        "/healthz?%01",
    ],
)
def test_control_characters_are_refused_before_any_query(
    client, django_assert_num_queries, url
):
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Yêu cầu không hợp lệ" in html and "ký tự điều khiển" in html
    # The refusal is a page like the others: same security headers.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_is_protected_too(admin_client):
    # The admin's search on PostgreSQL fails on a NUL as a public page would.
    url = reverse("admin:news_article_changelist") + "?q=%00"
    assert admin_client.get(url).status_code == 400
    long_search = reverse("admin:news_article_changelist") + "?q=" + "a" * 3000
    assert admin_client.get(long_search).status_code == 200


def test_an_absurdly_long_public_query_string_is_refused(client):
    response = client.get("/so-lieu/?khong-ai-doc=" + "9" * 3000)
    assert response.status_code == 400
    assert "dài 3013 ký tự, tối đa 2048" in response.content.decode()


def test_ordinary_addresses_pass(client):
    assert client.get("/tim-kiem/?q=khuy%E1%BA%BFn+c%C3%B4ng").status_code == 200
    assert client.get("/tin-tuc/?page=1&utm_source=zalo").status_code == 200
