"""Every error of the JSON API is JSON in Vietnamese, shaped like its own
400 (``detail`` and ``problems``), even when it is not the API that
refuses: a control character (NUL…) refused before any view reads the
request, an absurdly long query string, an address under /api/ that names
no endpoint, a method it does not answer, a server error."""

import pytest
from django.urls import path, reverse

from funding.models import Area
from funding.pages.api.endpoints import api

pytestmark = pytest.mark.django_db

FIGURES = reverse("api:figures")


def list_endpoints() -> dict[str, list[str]]:
    """Each listing of the API (an operation reading ``page_size``), its
    path with ``{code}`` for a path parameter, and its query parameters."""
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    found = {}
    for address, operations in schema["paths"].items():
        params = [p["name"] for p in operations["get"].get("parameters", [])]
        if "page_size" in params:
            found[address] = [name for name in params if name not in ("code", "pk")]
    return found


LISTINGS = list_endpoints()


def test_the_listings_are_found():
    assert {"/api/v1/figures", "/api/v1/areas", "/api/v1/areas/{code}/figures",
            "/api/v1/indicators", "/api/v1/sources"} <= set(LISTINGS)  # fmt: skip


def get(client, url):
    client.raise_request_exception = False
    if "{code}" in url:
        code = Area.objects.filter(kind=Area.Kind.PROVINCE).first().code
        url = url.replace("{code}", code)
    return client.get(url)


def assert_json_400(response, name: str, words: str):
    assert response.status_code == 400, response.content[:200]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"] == "Yêu cầu không hợp lệ"
    assert [p["name"] for p in body["problems"]] == [name]
    assert words in body["problems"][0]["message"]
    # Readable by the other sites the API serves, as its other answers.
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", sorted(LISTINGS))
def test_a_nul_in_any_parameter_of_any_listing_is_a_json_400(client, path):
    for name in LISTINGS[path]:
        for value in ("%00", "a%00b", "%0A"):
            response = get(client, f"{path}?{name}={value}")
            assert_json_400(response, name, "ký tự điều khiển")


def test_a_nul_cursor_is_a_json_400(client):
    assert_json_400(get(client, f"{FIGURES}?cursor=%00"), "cursor", "ký tự điều khiển")


def test_a_nul_in_the_path_is_a_json_400(client):
    response = get(client, "/api/v1/areas/ha%00noi/figures")
    assert response.status_code == 400 and response.json()["problems"][0]["name"] == ""
    assert "ký tự điều khiển" in response.json()["problems"][0]["message"]


def test_an_absurdly_long_query_string_is_a_json_400(client):
    response = get(client, f"{FIGURES}?area=" + "x" * 3000)
    assert (
        response.status_code == 400 and response["Content-Type"] == "application/json"
    )
    assert "tối đa 2048" in response.json()["problems"][0]["message"]


def test_an_address_naming_no_endpoint_is_a_json_404(client):
    for url in ("/api/v1/khong-co", "/api/v2/figures", "/api/"):
        response = get(client, url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Không tìm thấy."}


def test_a_page_outside_the_api_stays_html(client):
    response = get(client, "/so-lieu/?area=%00")
    assert (
        response.status_code == 400 and '<html lang="vi">' in response.content.decode()
    )


def boom(request):
    raise RuntimeError("lỗi thử")


# The URLconf of the server-error test: an API address that fails.
urlpatterns = [path("api/v1/boom/", boom), path("boom/", boom)]
handler500 = "khuyencong.views.server_error"


def test_a_server_error_under_the_api_is_json(client, settings):
    settings.ROOT_URLCONF = __name__
    response = get(client, "/api/v1/boom/")
    assert response.status_code == 500
    assert response.json() == {
        "detail": "Hệ thống đang gặp sự cố; hãy thử lại sau ít phút."
    }
    assert "RuntimeError" not in response.content.decode()
    assert "Hệ thống đang gặp sự cố" in get(client, "/boom/").content.decode()


def test_a_method_the_api_does_not_answer_is_a_json_405(client):
    client.raise_request_exception = False
    response = client.post(FIGURES)
    assert response.status_code == 405
    assert "GET" in response["Allow"] and response.json()["detail"]


@pytest.mark.parametrize("address", ["/api/v1/figures", "/api/v1/areas"])
def test_head_is_answered_as_the_preflight_promises(client, address):
    got = client.get(address)
    head = client.head(address)
    assert "HEAD" in client.options(address)["Allow"]
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"]
    assert head["Content-Length"] == str(len(got.content))
    assert head["Access-Control-Allow-Origin"] == "*"
