from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import pre_save

from .text import clean_text_fields


class KhuyencongConfig(AppConfig):
    """The project itself, as an app: its management commands (backup,
    restore, add_totp_device)."""

    default = True
    name = "khuyencong"
    verbose_name = "Khuyến công"

    def ready(self):
        # Every save of a project model: its text without control characters.
        pre_save.connect(clean_text_fields, dispatch_uid="khuyencong.clean_text")


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "khuyencong.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401  (registers the sign-in's check)
        from .admin_text import install

        install()
