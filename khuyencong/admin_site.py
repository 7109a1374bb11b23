"""The admin site, with optional two-factor login (django-otp)."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from .admin_guards import check_history_admins


class PortalAdminSite(OTPAdminSite):
    """The admin. With ``OTP_REQUIRED`` on, only users verified by a
    confirmed TOTP device get in (``manage.py add_totp_device`` sets one up);
    with it off, the admin behaves as Django's own. Read per request, so the
    setting can be changed without touching the URLs."""

    def __init__(self, name="admin"):
        AdminSite.__init__(self, name)

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.OTP_REQUIRED else None

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.OTP_REQUIRED else None

    def check(self, app_configs):
        return [*super().check(app_configs), *check_history_admins(self)]

    def has_permission(self, request):
        if settings.OTP_REQUIRED:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)
