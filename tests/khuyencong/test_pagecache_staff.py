"""Who may skip the page cache: only a logged-in staff member, proven by the
signed mark bound to their session; anything a visitor can invent is a
reader's request, and nothing rendered for staff ever reaches a reader."""

import secrets
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core import signing
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from khuyencong import pagecache
from khuyencong.pagecache import staff
from news.models import Article

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-rat-dai-2022"
SESSION = django_settings.SESSION_COOKIE_NAME


def log_in(client, user, **extra):
    """Through the admin's own login page, as a person does."""
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, **extra},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response


@pytest.fixture
def public_article(cached, make_article):
    """A published article, cached as readers see it."""
    article = make_article(title="Bài công khai")
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    return article


def reader_with(cookies: dict) -> Client:
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def test_an_invented_session_cookie_is_served_from_the_cache(public_article):
    # The case: any sessionid made every request render afresh.
    url = public_article.get_absolute_url()
    for _ in range(3):
        response = reader_with({SESSION: secrets.token_hex(16)}).get(url)
        assert response["X-Page-Cache"] == "hit"
        assert "private" not in response["Cache-Control"]


def test_a_page_first_asked_for_with_an_invented_session_is_stored(
    cached, make_article
):
    # Django answers an unknown session cookie by deleting it: that must not
    # keep the page out of the cache, or a visitor sending a new invented
    # cookie each time renders every page afresh until a plain reader comes.
    url = make_article(title="Bài chưa ai đọc").get_absolute_url()
    first = reader_with({SESSION: secrets.token_hex(16)}).get(url)
    assert first["X-Page-Cache"] == "miss"
    assert first.cookies[SESSION].value == ""  # its jar is still cleaned
    again = reader_with({SESSION: secrets.token_hex(16)}).get(url)
    assert again["X-Page-Cache"] == "hit"
    assert SESSION not in again.cookies  # a stored page sets no cookie
    assert Client().get(url)["X-Page-Cache"] == "hit"


def _mark_signed_with_another_key(session_key: str) -> str:
    salt = signing.get_cookie_signer(salt=staff.COOKIE + staff.SALT).salt
    signer = signing.TimestampSigner(key="not-this-site's-key", salt=salt)
    return signer.sign(staff._bound_to(session_key))


@pytest.mark.parametrize(
    "cookies",
    [
        pytest.param(lambda real: {SESSION: "x" * 32}, id="invented session"),
        pytest.param(
            lambda real: {SESSION: "x" * 32, staff.COOKIE: "1"}, id="invented mark"
        ),
        pytest.param(
            lambda real: {
                SESSION: "x" * 32,
                staff.COOKIE: _mark_signed_with_another_key("x" * 32),
            },
            id="mark signed with another key",
        ),
        pytest.param(
            lambda real: {SESSION: "x" * 32, staff.COOKIE: real[staff.COOKIE]},
            id="a staff member's mark with another session",
        ),
        pytest.param(
            lambda real: {staff.COOKIE: real[staff.COOKIE]}, id="mark without session"
        ),
        pytest.param(lambda real: {SESSION: real[SESSION]}, id="session without mark"),
        pytest.param(
            lambda real: {"csrftoken": "a" * 32, "django_language": "vi"},
            id="csrf and language cookies",
        ),
    ],
)
def test_nothing_a_visitor_can_send_skips_the_cache(public_article, editor, cookies):
    staff_client = Client()
    log_in(staff_client, editor)
    real = {name: morsel.value for name, morsel in staff_client.cookies.items()}
    response = reader_with(cookies(real)).get(public_article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"


def test_a_mark_expires_with_the_session_age(public_article, editor, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client = Client()
    log_in(client, editor)
    url = public_article.get_absolute_url()
    assert not client.get(url).has_header("X-Page-Cache")
    stolen = {name: morsel.value for name, morsel in client.cookies.items()}
    time_machine.shift(timedelta(seconds=django_settings.SESSION_COOKIE_AGE + 1))
    assert Client().get(url)["X-Page-Cache"] == "miss"  # the page, cached again
    # An old mark (its session expired too) is a reader's, served cached.
    assert reader_with(stolen).get(url)["X-Page-Cache"] == "hit"


def test_only_a_valid_mark_for_the_session_sent_skips_the_cache(
    public_article, editor, secretary
):
    """The rule, over any mix of cookies: real sessions and marks of two
    staff members crossed, invented values, other cookies."""
    url = public_article.get_absolute_url()
    logged_in = [Client(), Client()]
    log_in(logged_in[0], editor)
    log_in(logged_in[1], secretary)
    pairs = [
        (c.cookies[SESSION].value, c.cookies[staff.COOKIE].value) for c in logged_in
    ]
    for client in logged_in:
        assert not client.get(url).has_header("X-Page-Cache")  # live for staff
    known = [value for pair in pairs for value in pair]
    values = st.one_of(
        st.sampled_from(known),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:-_", max_size=80),
    )
    names = st.sampled_from(
        [SESSION, staff.COOKIE, "csrftoken", "django_language", "messages", "x"]
    )

    @hypothesis_settings(max_examples=60, deadline=None)
    @given(cookies=st.dictionaries(names, values, max_size=4))
    def check(cookies):
        sent = (cookies.get(SESSION), cookies.get(staff.COOKIE))
        response = reader_with(cookies).get(url)
        if sent in pairs:
            assert not response.has_header("X-Page-Cache")
            assert "private" in response["Cache-Control"]
        else:
            assert response["X-Page-Cache"] == "hit", cookies

    check()


def test_staff_see_drafts_and_pages_live_and_readers_never_see_them(
    public_article, make_article, editor
):
    draft = make_article(title="Bản nháp chưa duyệt", status=Article.Status.DRAFT)
    client = Client()
    log_in(client, editor)
    assert client.cookies[staff.COOKIE].value
    live = client.get(public_article.get_absolute_url())
    assert not live.has_header("X-Page-Cache")
    assert "private" in live["Cache-Control"]
    preview = client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and "XEM TRƯỚC" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    # Readers: the draft does not exist, the article is the cached one.
    assert Client().get(draft.get_absolute_url()).status_code == 404
    page = Client().get(public_article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit" and "XEM TRƯỚC" not in page.content.decode()


def test_a_signed_in_users_page_is_never_stored_even_without_a_mark(
    cached, make_article, editor
):
    """A staff member without a valid mark (a session from before this
    release, a password change) is served as a reader; what the view then
    renders for them stays theirs, and gets them the mark."""
    article = make_article(title="Bài mới")
    draft = make_article(title="Bản nháp bí mật", status=Article.Status.DRAFT)
    unmarked = Client()
    unmarked.force_login(editor)
    assert staff.COOKIE not in unmarked.cookies
    preview = unmarked.get(draft.get_absolute_url())
    assert preview.status_code == 200 and "XEM TRƯỚC" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    assert not preview.has_header("X-Page-Cache")
    assert unmarked.cookies[staff.COOKIE].value  # marked for next time
    assert Client().get(draft.get_absolute_url()).status_code == 404

    other = Client()
    other.force_login(editor)
    page = other.get(article.get_absolute_url())
    assert "private" in page["Cache-Control"] and not page.has_header("X-Page-Cache")
    # The first reader renders the page afresh: nothing was stored for staff.
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert not other.get(article.get_absolute_url()).has_header("X-Page-Cache")


def test_logging_out_removes_the_mark(public_article, editor):
    client = Client()
    log_in(client, editor)
    url = public_article.get_absolute_url()
    assert not client.get(url).has_header("X-Page-Cache")
    client.post(reverse("admin:logout"))
    assert client.cookies[staff.COOKIE].value == ""
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_password_change_renews_the_mark_for_the_new_session(public_article, editor):
    client = Client()
    log_in(client, editor)
    old = (client.cookies[SESSION].value, client.cookies[staff.COOKIE].value)
    changed = client.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mat-khau-moi-rat-dai-2023",
            "new_password2": "mat-khau-moi-rat-dai-2023",
        },
    )
    assert changed.status_code == 302
    new = (client.cookies[SESSION].value, client.cookies[staff.COOKIE].value)
    assert new[0] != old[0] and new[1] != old[1]
    assert not client.get(public_article.get_absolute_url()).has_header("X-Page-Cache")
    # The old pair names a session that no longer exists: the page is a
    # reader's, and the mark is taken back.
    stale = reader_with({SESSION: old[0], staff.COOKIE: old[1]})
    response = stale.get(public_article.get_absolute_url())
    assert response.status_code == 200 and "Bài công khai" in response.content.decode()
    assert stale.cookies[staff.COOKIE].value == ""
    assert stale.get(public_article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_two_factor_login_gets_the_mark(public_article, make_user, settings):
    settings.OTP_REQUIRED = True
    user = make_user("thuky_otp", "Thư ký tòa soạn")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    client = Client()
    log_in(client, user, otp_device=device.persistent_id, otp_token=f"{code:06d}")
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.cookies[staff.COOKIE].value
    assert not client.get(public_article.get_absolute_url()).has_header("X-Page-Cache")
    # Logged in by password only, unverified: not staff to the cache.
    unverified = Client()
    unverified.force_login(user)
    assert unverified.get(reverse("admin:index")).status_code == 302
    assert staff.COOKIE not in unverified.cookies


def _middleware(view):
    return pagecache.AnonymousPageCacheMiddleware(view)


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(None, id="never_cache"),
        pytest.param({"Cache-Control": "private, max-age=60"}, id="private"),
        pytest.param({"Vary": "Authorization"}, id="varies on a private header"),
    ],
)
def test_a_page_the_view_keeps_private_is_never_stored(cached, rf, headers):
    rendered = []

    def view(request):
        rendered.append(1)
        response = HttpResponse(f"<p>Trang {len(rendered)}</p>")
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    middleware = _middleware(view if headers else never_cache(view))
    for _ in range(2):
        response = middleware(rf.get("/trang-rieng/"))
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")
    assert len(rendered) == 2
