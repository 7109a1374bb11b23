"""The lighter request path: the CSP header built once is the one
django-csp builds, and a nonce still reaches the policy when a page uses
one; the admin-only layers run on the admin's addresses."""

import pytest
from csp.utils import build_policy

pytestmark = pytest.mark.django_db


def test_a_page_without_a_nonce_gets_django_csps_policy(client, make_article):
    article = make_article(title="Bài đang đăng")
    headers = {
        client.get(url)["Content-Security-Policy"]
        for url in ("/", "/tin-tuc/", article.get_absolute_url(), "/robots.txt")
    }
    assert headers == {build_policy()}
    assert "nonce-" not in build_policy()


def test_a_page_using_the_nonce_gets_it_in_its_policy(admin_client):
    # The article form's editor has an import map (an admin-only layer
    # gives it the nonce); the policy names the same nonce.
    response = admin_client.get("/admin/news/article/add/")
    policy = response["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script type="importmap" nonce="{nonce}"'.encode() in response.content
    # The next page without a nonce is back to the plain policy.
    assert "nonce-" not in admin_client.get("/robots.txt")["Content-Security-Policy"]
