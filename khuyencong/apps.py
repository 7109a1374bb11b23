from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class KhuyencongConfig(AppConfig):
    """The project itself, as an app: its management commands (backup,
    restore, add_totp_device)."""

    default = True
    name = "khuyencong"
    verbose_name = "Khuyến công"


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "khuyencong.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401  (registers the sign-in's check)
        from .admin_text import install

        install()
