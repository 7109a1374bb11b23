"""The admin site, with optional two-factor login (django-otp)."""

from django.conf import settings
from django.contrib.admin import AdminSite, ModelAdmin
from django.http import HttpResponsePermanentRedirect
from django.urls import re_path, reverse
from django.utils.encoding import iri_to_uri
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from .admin_guards import check_history_admins
from .admin_ids import CheckedActionIdsMixin


class PortalAdminSite(OTPAdminSite):
    """The admin. With ``OTP_REQUIRED`` on, only users verified by a
    confirmed TOTP device get in (``manage.py add_totp_device`` sets one up);
    with it off, the admin behaves as Django's own. Read per request, so the
    setting can be changed without touching the URLs."""

    def __init__(self, name="admin"):
        AdminSite.__init__(self, name)
        self._moved_models = {}

    def register(self, model_or_iterable, admin_class=None, **options):
        # Every admin, the libraries' too, refuses a bulk action on ids
        # that are no keys (Django's own would raise a 500).
        admin_class = admin_class or ModelAdmin
        if not issubclass(admin_class, CheckedActionIdsMixin):
            admin_class = type(
                admin_class.__name__,
                (CheckedActionIdsMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)

    def redirect_moved_model(self, app_label: str, model_name: str, model) -> None:
        """Send the addresses a model had in the admin before it moved to
        another app (``app_label``/``model_name``/…) to the same page of its
        admin now, for good: bookmarks and links keep working."""
        self._moved_models[(app_label, model_name)] = model

    def get_urls(self):
        moved = [
            re_path(
                rf"^{app_label}/{model_name}/(?P<rest>.*)$",
                self._moved_view(model),
                name=f"{app_label}_{model_name}_moved",
            )
            for (app_label, model_name), model in self._moved_models.items()
        ]
        return [*moved, *super().get_urls()]

    def _moved_view(self, model):
        opts = model._meta

        def moved(request, rest):
            target = reverse(
                f"{self.name}:{opts.app_label}_{opts.model_name}_changelist"
            ) + iri_to_uri(rest)
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                f"{target}?{query}" if query else target
            )

        return moved

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
