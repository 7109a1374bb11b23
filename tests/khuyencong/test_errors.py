"""Health check and the branded error pages, including with the database gone."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import path, reverse

from news.models import Article, Category

ROOT = Path(__file__).resolve().parents[2]


def boom(request):
    raise RuntimeError("lỗi thử")


urlpatterns = [path("boom/", boom)]


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_head_as_load_balancers_ask(client):
    assert client.head("/healthz").status_code == 200
    response = client.post("/healthz")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


# No django_db mark: pytest-django makes any database access in these two
# tests raise, so they prove the error pages need no database.
def test_404_is_branded_vietnamese_and_needs_no_database(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Không tìm thấy trang" in html


@pytest.mark.django_db
def test_a_get_of_a_post_only_address_is_a_branded_405(client, editor_client):
    """The read beacon (public) and the article's figures check (admin)
    take only a POST: a GET gets the 405 with a page saying why."""
    category = Category.objects.create(name="Tin", slug="tin")
    article = Article.objects.create(
        title="Bài", lead="Sapo.", body="<p>Nội dung.</p>", category=category
    )
    for sender, url in [
        (client, f"/doc/{article.pk}/"),
        (editor_client, f"/admin/news/article/{article.pk}/so-lieu/"),
    ]:
        response = sender.get(url)
        assert response.status_code == 405, url
        html = response.content.decode()
        assert '<html lang="vi">' in html
        assert "lỗi 405" in html
        assert "POST" in response["Allow"]
        # What gunicorn sends: no more than Content-Length says.
        assert response["Content-Length"] == str(len(response.content)), url


def test_500_is_branded_vietnamese_and_needs_no_database(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html
    assert "Traceback" not in html and "RuntimeError" not in html


DATABASE_DOWN = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
health = client.get("/healthz")
home = client.get("/")
print(json.dumps({
    "health_status": health.status_code,
    "health_body": json.loads(health.content),
    "home_status": home.status_code,
    "home_html": home.content.decode(),
}))
"""


@pytest.mark.parametrize(
    "database_url",
    [
        # Nothing listens on port 1: a real refused connection.
        "postgres://postgres@127.0.0.1:1/khuyencong",
        "sqlite:////nonexistent-folder/khuyencong.sqlite3",
    ],
)
def test_database_down_gives_503_health_and_branded_500(database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "ALLOWED_HOSTS": "testserver"}
    env["DJANGO_SETTINGS_MODULE"] = "khuyencong.test_settings"
    result = subprocess.run(
        [sys.executable, "-c", DATABASE_DOWN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["health_status"] == 503
    assert values["health_body"]["status"] == "error"
    assert values["home_status"] == 500
    assert "Hệ thống đang gặp sự cố" in values["home_html"]
    assert "Traceback" not in values["home_html"]


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_gets_a_branded_vietnamese_403():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("admin:login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<title>Không gửi được biểu mẫu – Cổng thông tin Khuyến công</title>" in html
    assert "tải lại trang rồi gửi lại" in html
    assert "cho phép cookie" in html
    assert "Forbidden" not in html and 'lang="en"' not in html
    assert "/static/css/site.css" in html
