"""The project's own system checks."""

from django.conf import settings
from django.core.checks import Warning, register
from django.shortcuts import resolve_url

AXES = "axes.middleware.AxesMiddleware"
ADMIN_ONLY = "khuyencong.middleware.AdminOnlyMiddleware"


@register()
def axes_on_the_sign_in(app_configs=None, **kwargs) -> list[Warning]:
    """django-axes' layer (its lockout page) runs where staff sign in: in
    ``MIDDLEWARE``, or last in ``ADMIN_ONLY_MIDDLEWARE`` with the sign-in
    (``LOGIN_URL``) under the admin's address. It stands for django-axes'
    own check (``axes.W002``, silenced, a warning too), which knows only
    ``MIDDLEWARE``."""
    if AXES in settings.MIDDLEWARE:
        return []
    admin_only = list(getattr(settings, "ADMIN_ONLY_MIDDLEWARE", []))
    if ADMIN_ONLY not in settings.MIDDLEWARE or admin_only[-1:] != [AXES]:
        return [
            Warning(
                f"{AXES} is neither in MIDDLEWARE nor last in ADMIN_ONLY_MIDDLEWARE "
                f"with {ADMIN_ONLY} in MIDDLEWARE: a lockout would not get its page.",
                id="khuyencong.W001",
            )
        ]
    if not resolve_url(settings.LOGIN_URL).startswith("/" + settings.ADMIN_URL):
        return [
            Warning(
                "LOGIN_URL is outside ADMIN_URL, where django-axes' layer runs.",
                hint=f"Put {AXES} back in MIDDLEWARE.",
                id="khuyencong.W002",
            )
        ]
    return []
