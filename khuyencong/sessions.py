"""Django's session, authentication and OTP layers, lighter for a request
that no one can be signed in on.

Only the session signs anyone in (there is no other authentication layer),
and the session is found by its cookie. A request without a session cookie
outside the admin (most public readers) therefore has an empty session and
an anonymous, unverified user: what Django's layers would find lazily, at
the cost of a session store, two lazy objects and their wrappers on every
request. Here each layer gives that answer directly:

- the session is still Django's store, made on first use (a view that
  writes to it, e.g. a login, saves it and sets the cookie as Django does);
- the user is ``AnonymousUser`` with django-otp's fields (no device, not
  verified), unless something used the session first (then Django's own
  lazy lookup runs).

Any request with a session cookie (a signed-in editor on the public site, a
preview, an invented cookie) and every admin address (its login, OTP form,
pages) goes through Django's and django-otp's code unchanged. The classes
are subclasses, so the admin's and django-axes' system checks still find
them in ``MIDDLEWARE``.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib.auth.middleware import (
    AuthenticationMiddleware as BaseAuthenticationMiddleware,
)
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import (
    SessionMiddleware as BaseSessionMiddleware,
)
from django.utils.functional import SimpleLazyObject, empty
from django_otp.middleware import OTPMiddleware as BaseOTPMiddleware


class UnusedSession(SimpleLazyObject):
    """The session of a request without a session cookie: Django's store,
    made when something first reads or writes it."""


def signed_out(request) -> bool:
    """Whether no one can be signed in on ``request``: it came without a
    session cookie (outside the admin) and nothing has used its session."""
    session = getattr(request, "session", None)
    return type(session) is UnusedSession and session._wrapped is empty


async def _same_user(request):
    return request.user


class SessionMiddleware(BaseSessionMiddleware):
    """Django's; without a session cookie, outside the admin, the store is
    made only when used, and its response handling runs only then."""

    # The light paths below are synchronous (Django adapts them under ASGI).
    async_capable = False

    def __init__(self, get_response):
        super().__init__(get_response)
        self.cookie = settings.SESSION_COOKIE_NAME
        self.admin = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if self.cookie in request.COOKIES or request.path_info.startswith(self.admin):
            return super().__call__(request)
        request.session = session = UnusedSession(self.SessionStore)
        response = self.get_response(request)
        if session._wrapped is empty:
            return response  # never used: nothing to save, nothing to vary on
        return self.process_response(request, response)


class AuthenticationMiddleware(BaseAuthenticationMiddleware):
    """Django's, then django-otp's (``OTPMiddleware``, run from this layer:
    one call fewer on every request); on a signed-out request the user is
    known: anonymous, with django-otp's fields (no device, not verified) as
    django-otp gives them."""

    async_capable = False

    def __init__(self, get_response):
        super().__init__(get_response)
        self.otp = OTPMiddleware(get_response)

    def __call__(self, request):
        if not signed_out(request):
            # MiddlewareMixin's __call__ with Django's one hook.
            self.process_request(request)
            return self.otp(request)
        request.user = user = AnonymousUser()
        request.auser = partial(_same_user, request)
        BaseOTPMiddleware._init_user_fields(user)
        return self.get_response(request)


class OTPMiddleware(BaseOTPMiddleware):
    """django-otp's, run by ``AuthenticationMiddleware`` (not listed in
    ``MIDDLEWARE`` itself)."""

    async_capable = False
