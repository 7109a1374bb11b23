"""The lighter request path: the CSP header built once is the one
django-csp builds, and a nonce still reaches the policy when a page uses
one; the admin-only layers run on the admin's addresses; the one language
is set without reading the request."""

import pytest
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.utils import build_policy
from django.contrib import messages
from django.contrib.messages.storage import default_storage
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import trans_real

from khuyencong.checks import axes_on_the_sign_in
from khuyencong.middleware import CSPMiddleware

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


def test_the_nonce_is_made_once_and_refused_after_the_header():
    request = RequestFactory().get("/")
    middleware = CSPMiddleware(lambda request: HttpResponse())
    middleware.process_request(request)
    assert not request.csp_nonce  # not made until used
    nonce = str(request.csp_nonce)
    assert request.csp_nonce and str(request.csp_nonce) == nonce
    response = middleware.process_response(request, HttpResponse())
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    unused = RequestFactory().get("/")
    middleware.process_request(unused)
    middleware.process_response(unused, HttpResponse())
    with pytest.raises(CSPNonceError):
        str(unused.csp_nonce)


def test_a_public_page_is_in_vietnamese_whatever_the_thread_had(client):
    translation.activate("en")
    try:
        response = client.get("/tin-tuc/", headers={"accept-language": "en"})
    finally:
        translation.deactivate()
    assert response["Content-Language"] == "vi"
    # One language: the page does not vary with the reader's.
    assert "Accept-Language" not in response.get("Vary", "")
    assert "Trang chủ" in response.content.decode()


def test_the_language_is_set_not_left_to_the_fallback(client):
    # With none set, get_language() still answers LANGUAGE_CODE, but each
    # gettext and get_language() of the request takes the slow path of a
    # missing attribute.
    translation.deactivate()
    client.get("/robots.txt")
    active = getattr(trans_real._active, "value", None)
    assert active is not None and active.to_language() == "vi"


def test_a_message_for_the_admin_waits_for_the_admin(admin_client):
    # Left by an admin action (its redirect not followed), then a public
    # page opened: the public page neither reads nor uses it up.
    request = RequestFactory().get("/admin/")
    request.session = admin_client.session
    request._messages = default_storage(request)
    messages.success(request, "Đã lưu bài viết.")
    response = HttpResponse()
    request._messages.update(response)
    admin_client.cookies.update(response.cookies)
    public = admin_client.get("/tin-tuc/")
    assert not hasattr(public.wsgi_request, "_messages")  # the layer did not run
    assert "messages" not in public.cookies
    assert "Đã lưu bài viết." in admin_client.get("/admin/").content.decode()


def test_only_public_pages_get_an_etag_and_their_304(client, editor):
    public = client.get("/tin-tuc/")
    assert public["ETag"]
    assert client.get("/tin-tuc/", HTTP_IF_NONE_MATCH=public["ETag"]).status_code == 304
    # Pages for one reader, or none, are not hashed on every request.
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and not missing.has_header("ETag")
    client.force_login(editor)
    private = client.get("/tin-tuc/")
    assert "private" in private["Cache-Control"] and not private.has_header("ETag")


def test_axes_runs_where_staff_sign_in_and_nowhere_else(settings):
    # Its layer is the admin's alone; the check that stands for django-axes'
    # own one (axes.W002, silenced) wants it there, with the sign-in
    # (LOGIN_URL, the portal's only one) under the admin's address.
    assert "axes.middleware.AxesMiddleware" not in settings.MIDDLEWARE
    assert settings.ADMIN_ONLY_MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert axes_on_the_sign_in() == []
    settings.ADMIN_ONLY_MIDDLEWARE = settings.ADMIN_ONLY_MIDDLEWARE[:-1]
    assert [error.id for error in axes_on_the_sign_in()] == ["khuyencong.W001"]
    settings.ADMIN_ONLY_MIDDLEWARE = [
        *settings.ADMIN_ONLY_MIDDLEWARE,
        "axes.middleware.AxesMiddleware",
    ]
    settings.LOGIN_URL = "/dang-nhap/"
    assert [error.id for error in axes_on_the_sign_in()] == ["khuyencong.W002"]


def test_a_lockout_on_the_admin_login_gets_axes_page(settings, make_user, client):
    # The lockout is django-axes' backend's; its page is its layer's, run
    # by the admin-only layer on the login address.
    settings.AXES_ENABLED = True
    make_user("thuky_khoa", "Thư ký tòa soạn")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            "/admin/login/", {"username": "thuky_khoa", "password": "sai-mat-khau"}
        )
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    # A public page from the same address is not touched by it.
    assert client.get("/robots.txt").status_code == 200


def test_each_response_using_the_nonce_gets_its_own_in_django_csps_policy():
    def page(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    middleware = CSPMiddleware(page)
    nonces = set()
    for _ in range(2):
        response = middleware(RequestFactory().get("/"))
        nonce = response.content.decode().split('nonce="')[1].split('"')[0]
        assert response["Content-Security-Policy"] == build_policy(nonce=nonce)
        nonces.add(nonce)
    assert len(nonces) == 2


def test_a_view_changing_its_policy_gets_django_csps_code():
    @csp_update({"img-src": ["https://anh.example.vn"]})
    def page(request):
        return HttpResponse("")

    response = CSPMiddleware(page)(RequestFactory().get("/"))
    assert "https://anh.example.vn" in response["Content-Security-Policy"]
    exempt = CSPMiddleware(csp_exempt()(page))(RequestFactory().get("/"))
    assert "Content-Security-Policy" not in exempt
