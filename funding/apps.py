from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "funding"
    verbose_name = _("Số liệu kinh phí")

    def ready(self):
        from khuyencong.pagecache import connect, register_next_change

        from . import models

        connect(
            models.Figure,
            models.Area,
            models.AreaName,
            models.RegionMembership,
            models.Indicator,
            models.ProgrammeContent,
            models.SourceDocument,
            models.DocumentFile,
        )
        # A document scheduled to go public changes pages with no save.
        register_next_change(models.SourceDocument.objects.next_publication)
