"""The admin of import records: each import's file, who made it, what it
changed, and the action that undoes it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from khuyencong.admin_guards import GuardedAdmin

from ..core.models import ImportRecord
from .admin_views import undo_action


@admin.register(ImportRecord)
class ImportRecordAdmin(GuardedAdmin):
    list_display = [
        "file_name",
        "sheet",
        "user",
        "created_at",
        "created_count",
        "changed_count",
        "unchanged_count",
        "undone_at",
    ]
    list_filter = ["created_at", "undone_at", "user"]
    list_select_related = ["user", "undone_by"]
    search_fields = ["file_name", "sha256"]
    date_hierarchy = "created_at"
    actions = ["undo"]
    readonly_fields = [f.name for f in ImportRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_undo_permission(self, request):
        return request.user.has_perm("funding.import_figure")

    @admin.action(description=_("Hoàn tác các lần nhập đã chọn"), permissions=["undo"])
    def undo(self, request, queryset):
        return undo_action(self, request, queryset)
