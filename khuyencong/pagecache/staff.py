"""Who may skip the page cache: a logged-in staff member, told apart from
anyone else without a database or cache lookup.

Any visitor can send a ``sessionid`` cookie, so its presence proves nothing,
and checking it would cost a database query on every request, before the
cache could answer. Instead, a staff member's responses carry a second
cookie: a value bound to their session key, signed with ``SECRET_KEY``
(Django's signed cookies, salted, dated, valid ``SESSION_COOKIE_AGE``). The
cache is skipped only when that cookie verifies and matches the session
cookie sent with it: checked with two HMACs, no lookup. Any other request
(no cookie, an invented session id, a forged or stale mark) is a reader's.

The mark is kept in step on every response that went through the
authentication layers: set when the request turned out to be a staff
member's (the login itself, a session made before this release, a session
key cycled on a password change) and removed when it did not (logout, an
expired session). A staff member without a valid mark is served as a
reader until their next uncached request (any admin page) sets it; what is
rendered for them is never stored (``middleware``).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from ..sessions import signed_out

COOKIE = "khuyencong_staff"
SALT = "khuyencong.pagecache.staff"


def _bound_to(session_key: str) -> str:
    return salted_hmac(SALT, session_key).hexdigest()[:32]


def marked(request) -> bool:
    """Whether ``request`` carries a valid staff mark for the session cookie
    it carries (no database or cache lookup)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    return (
        bool(session_key)
        and COOKIE in request.COOKIES
        and _carries_mark_for(request, session_key)
    )


def signed_in(request) -> bool:
    """Whether the request turned out to be a logged-in user's (read after
    the authentication layers ran; False if they did not)."""
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _is_staff(user) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if settings.OTP_REQUIRED:
        # The request's user (django-otp's middleware), or the one the OTP
        # login form just verified.
        is_verified = getattr(user, "is_verified", None)
        if is_verified is not None:
            return is_verified()
        return getattr(user, "otp_device", None) is not None
    return True


def keep_in_step(request, response) -> None:
    """Set, renew or remove the mark on ``response`` so that it matches
    what the request turned out to be."""
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None:
        return  # answered before authentication (a redirect): nothing known
    # The key the session middleware just saved (a login cycles it); none
    # for a session never used (khuyencong.sessions), left unmade.
    session_key = None if signed_out(request) else session.session_key
    if not session_key and COOKIE not in request.COOKIES:
        return  # a reader: nothing to load, nothing to remove
    if session_key and _is_staff(user):
        if not _carries_mark_for(request, session_key):
            response.set_signed_cookie(
                COOKIE,
                _bound_to(session_key),
                salt=SALT,
                max_age=None
                if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
                else settings.SESSION_COOKIE_AGE,
                domain=settings.SESSION_COOKIE_DOMAIN,
                path=settings.SESSION_COOKIE_PATH,
                secure=settings.SESSION_COOKIE_SECURE or None,
                httponly=True,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
    elif COOKIE in request.COOKIES:
        response.delete_cookie(
            COOKIE,
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )


def _carries_mark_for(request, session_key: str) -> bool:
    bound = request.get_signed_cookie(
        COOKIE, default=None, salt=SALT, max_age=settings.SESSION_COOKIE_AGE
    )
    return bound is not None and constant_time_compare(bound, _bound_to(session_key))
