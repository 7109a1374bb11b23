"""After login, staff land on the admin's index (at its secret address)
whatever an unsafe ``next`` says."""

import pytest
from django.urls import reverse

from .test_admin_site import SECRET

UNSAFE_NEXT = [
    "",
    "//evil.example/",
    "https://evil.example/",
    "http://testserver.evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "javascript:alert(document.cookie)",
    "https://testserver@evil.example/",
]


@pytest.fixture
def secret_admin(settings):
    settings.ADMIN_URL = SECRET
    settings.ROOT_URLCONF = "tests.khuyencong.test_admin_site"


def log_in(client, next_value, *, in_query):
    url = reverse("admin:login")
    data = {"username": "thuky", "password": "mat-khau-rat-dai-2022"}
    if in_query:
        return client.post(f"{url}?next={next_value}", data)
    return client.post(url, {**data, "next": next_value})


@pytest.mark.django_db
@pytest.mark.parametrize("in_query", [False, True])
@pytest.mark.parametrize("next_value", UNSAFE_NEXT)
def test_an_unsafe_next_sends_staff_to_the_admin_index(
    client, secretary, secret_admin, next_value, in_query
):
    response = log_in(client, next_value, in_query=in_query)
    assert response.status_code == 302
    assert response["Location"] == f"/{SECRET}"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_safe_next_is_still_followed(client, secretary, secret_admin):
    wanted = reverse("admin:news_article_changelist")
    response = log_in(client, wanted, in_query=False)
    assert response["Location"] == wanted
