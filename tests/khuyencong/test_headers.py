"""The security and frame headers written by the CSP layer are the ones
Django's layers give, and only where they would give them."""

import pytest
from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
from django.views.decorators.clickjacking import xframe_options_exempt

from khuyencong.middleware import CSPMiddleware

NAMES = [
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Strict-Transport-Security",
]


def djangos(secure: bool) -> dict:
    request = RequestFactory().get("/", secure=secure)
    response = HttpResponse()
    SecurityMiddleware(lambda r: response)(request)
    XFrameOptionsMiddleware(lambda r: response)(request)
    return {name: response.get(name) for name in NAMES}


@pytest.mark.django_db
@pytest.mark.parametrize("secure", [True, False])
@pytest.mark.parametrize(
    "path", ["/robots.txt", "/khong-co-trang-nay/", "/admin/login/", "/tin-tuc/?q=%00"]
)
def test_each_response_gets_djangos_headers(client, path, secure):
    response = client.get(path, secure=secure)
    assert {name: response.get(name) for name in NAMES} == djangos(secure)
    assert djangos(True)["Strict-Transport-Security"]  # not vacuous
    assert djangos(False)["Strict-Transport-Security"] is None


def test_a_views_own_headers_and_exemption_are_kept():
    @xframe_options_exempt
    def page(request):
        response = HttpResponse()
        response["Referrer-Policy"] = "no-referrer"
        return response

    response = CSPMiddleware(page)(RequestFactory().get("/", secure=True))
    assert response["Referrer-Policy"] == "no-referrer"
    assert "X-Frame-Options" not in response
    assert response["X-Content-Type-Options"] == "nosniff"
