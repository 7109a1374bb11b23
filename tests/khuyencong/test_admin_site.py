"""The admin at a secret address stays secret and keeps out of search
engines."""

import pytest
from django.contrib import admin
from django.urls import path, reverse

from khuyencong import urls as portal_urls

SECRET = "quan-tri-7f3a9c/"

# The portal's URLs with the admin at a secret address, as ADMIN_URL does.
urlpatterns = [
    path(SECRET, admin.site.urls),
    *(p for p in portal_urls.urlpatterns if getattr(p, "app_name", "") != "admin"),
]


@pytest.fixture
def secret_admin(settings):
    settings.ADMIN_URL = SECRET
    settings.ROOT_URLCONF = __name__


@pytest.mark.django_db
def test_robots_txt_never_names_the_admin(client, secret_admin):
    text = client.get("/robots.txt").content.decode()
    assert "quan-tri" not in text and "admin" not in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["admin:login", "admin:index", "admin:jsi18n"])
def test_every_admin_response_says_noindex(client, secret_admin, url):
    response = client.get(reverse(url))
    assert response.request["PATH_INFO"].startswith(f"/{SECRET}")
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.django_db
def test_public_pages_may_be_indexed(client, secret_admin):
    assert "X-Robots-Tag" not in client.get("/tin-tuc/")
