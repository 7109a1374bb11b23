"""Under a SCRIPT_NAME prefix (the portal mounted at /kc), the admin's
addresses are still the admin's: its messages, django-axes' lockout page
and its other admin-only layers run there."""

import pytest
from django.test import Client

from news.models import Tag

pytestmark = pytest.mark.django_db

PREFIX = "/kc"


def test_the_lockout_page_shows_under_a_script_name(settings, make_user):
    settings.AXES_ENABLED = True
    make_user("thuky_kc", "Thư ký tòa soạn")
    client = Client()

    def login(password):
        return client.post(
            "/admin/login/",
            {"username": "thuky_kc", "password": password, "next": "/kc/admin/"},
            REMOTE_ADDR="198.51.100.9",
            SCRIPT_NAME=PREFIX,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login("sai-mat-khau-roi").status_code == 200
    assert login("sai-mat-khau-roi").status_code == 429
    locked = login("mat-khau-rat-dai-2022")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()


def test_an_admin_message_shows_under_a_script_name(admin_client):
    response = admin_client.post(
        "/admin/news/tag/add/",
        {"name": "Khởi nghiệp", "slug": "khoi-nghiep"},
        SCRIPT_NAME=PREFIX,
    )
    assert response.status_code == 302
    assert Tag.objects.filter(slug="khoi-nghiep").exists()
    listing = admin_client.get("/admin/news/tag/", SCRIPT_NAME=PREFIX)
    assert listing.status_code == 200
    assert "Khởi nghiệp" in listing.content.decode()
    assert 'class="success"' in listing.content.decode()
    # The admin's pages are still marked for robots under the prefix.
    assert listing["X-Robots-Tag"] == "noindex, nofollow"
