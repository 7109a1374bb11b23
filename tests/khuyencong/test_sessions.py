"""The session, authentication and OTP layers on a request no one can be
signed in on (no session cookie, outside the admin): no session store, no
user lookup; and everything else as Django does it: a signed-in editor on
the public site, a session written on such a request, CSRF on a public
POST."""

import pytest
from django.contrib.auth import login
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from khuyencong.sessions import AuthenticationMiddleware, SessionMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def stores_made(monkeypatch):
    """How many session stores the request made."""
    made = []
    original = SessionStore.__init__

    def counted(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(SessionStore, "__init__", counted)
    return made


def _session_or_user_queries(queries) -> list[str]:
    # An article's author is joined to it: only the lookups by session.
    return [
        query["sql"]
        for query in queries
        if 'FROM "django_session"' in query["sql"]
        or 'FROM "auth_user"' in query["sql"]
        or "otp_" in query["sql"]
    ]


def test_an_anonymous_reader_costs_no_session_and_no_user_lookup(
    client, make_article, stores_made
):
    article = make_article(title="Bài cho người đọc")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert not _session_or_user_queries(queries.captured_queries)
    # No store was made, and the user is known without a lazy lookup.
    assert stores_made == []
    user = response.wsgi_request.user
    assert type(user) is AnonymousUser
    assert user.is_verified() is False and user.otp_device is None


def test_a_signed_in_editor_is_recognised_on_the_public_site(
    client, editor, make_article
):
    article = make_article(title="Bài biên tập viên xem")
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.wsgi_request.user == editor
    assert response.wsgi_request.user.is_verified() is False  # django-otp's
    # Rendered for them, never shared.
    assert "private" in response["Cache-Control"]


def test_an_invented_session_cookie_is_an_anonymous_reader(client, make_article):
    article = make_article(title="Bài với cookie bịa")
    client.cookies["sessionid"] = "khong-co-phien-nao-nhu-vay"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    # Django removes a cookie naming no session.
    assert response.cookies["sessionid"].value == ""


def _stack(view):
    # django-otp's layer runs from the authentication one.
    return SessionMiddleware(AuthenticationMiddleware(view))


def test_a_session_written_on_a_signed_out_request_is_saved(stores_made):
    def view(request):
        assert not request.user.is_authenticated
        request.session["da_xem"] = 1
        return HttpResponse()

    response = _stack(view)(RequestFactory().get("/tin-tuc/"))
    key = response.cookies["sessionid"].value
    assert SessionStore(key).load() == {"da_xem": 1}
    assert "Cookie" in response["Vary"]


def test_a_session_read_on_a_signed_out_request_varies_on_the_cookie():
    def reads(request):
        request.session.get("da_xem")
        return HttpResponse()

    def ignores(request):
        return HttpResponse()

    assert "Cookie" in _stack(reads)(RequestFactory().get("/"))["Vary"]
    assert not _stack(ignores)(RequestFactory().get("/")).has_header("Vary")


def test_a_login_on_a_signed_out_request_signs_in(editor):
    # No public view signs anyone in; if one did, Django's login works on
    # the session made when it is first used.
    def view(request):
        login(request, editor, backend="django.contrib.auth.backends.ModelBackend")
        return HttpResponse()

    response = _stack(view)(RequestFactory().get("/"))
    client = Client()
    client.cookies["sessionid"] = response.cookies["sessionid"].value
    assert client.get("/").wsgi_request.user == editor


def test_the_admin_keeps_the_full_layers(client, stores_made):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert stores_made  # Django's session layer, as ever


def test_csrf_guards_a_public_post_without_a_session():
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/tin-tuc/", {"q": "x"})
    assert refused.status_code == 403
    # A token (from any page that shows a form) lets the request through to
    # the view, which reads only GET.
    client.get(reverse("admin:login"))
    token = client.cookies["csrftoken"].value
    allowed = client.post("/tin-tuc/", {"q": "x"}, HTTP_X_CSRFTOKEN=token)
    assert allowed.status_code == 405
    assert "sessionid" not in allowed.cookies
