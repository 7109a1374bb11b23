"""The site's settings and links on one admin page: the agency's details
above, the menu's, footer's and social links below, in the order given."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from khuyencong.admin_fields import StrictFieldsAdmin
from khuyencong.admin_guards import GuardedAdmin

from .models import SiteLink, SiteSettings


class SiteLinkInline(StrictFieldsAdmin, admin.TabularInline):
    model = SiteLink
    extra = 0
    fields = ["place", "position", "label", "kind", "category", "article", "url"]
    autocomplete_fields = ["category", "article"]
    verbose_name_plural = _(
        "Liên kết: trình đơn chính, chân trang và mạng xã hội (theo thứ tự)"
    )


@admin.register(SiteSettings)
class SiteSettingsAdmin(GuardedAdmin):
    """One row, made by the migrations: never added again nor deleted."""

    inlines = [SiteLinkInline]
    list_display = ["agency_name", "phone", "email", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["agency_name"]
    fieldsets = [
        (None, {"fields": ["agency_name", "governing_body", "address"]}),
        (_("Liên hệ"), {"fields": ["phone", "email"]}),
        (_("Pháp lý"), {"fields": ["responsible_person", "licence"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
