from django.apps import AppConfig
from django.db.models.signals import post_delete, pre_save
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "funding"
    verbose_name = _("Số liệu kinh phí")

    def ready(self):
        from khuyencong.pagecache import (
            connect,
            register_next_change,
            register_page_keys,
        )

        from . import models
        from .core.page_keys import figure_keys, place_emptied, remember_place
        from .pages.page_keys import PAGES

        # A figure re-renders only the pages showing it (``page_keys``);
        # reference data, every page.
        connect(models.Figure, keys=figure_keys)
        pre_save.connect(
            remember_place, sender=models.Figure, dispatch_uid="funding-figure-place"
        )
        post_delete.connect(
            place_emptied, sender=models.Figure, dispatch_uid="funding-figure-emptied"
        )
        for view_name, function in PAGES.items():
            register_page_keys(view_name, function)
        connect(
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
