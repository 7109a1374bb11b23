"""The site's settings and links on one admin page: the agency's details
above, the menu's, footer's and social links below, in the order given."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from khuyencong.admin_fields import StrictFieldsAdmin
from khuyencong.admin_guards import GuardedAdmin

from ..models import Article
from .models import SiteLink, SiteSettings


class SiteLinkInline(StrictFieldsAdmin, admin.TabularInline):
    model = SiteLink
    extra = 0
    fields = ["place", "position", "label", "kind", "category", "article", "url"]
    autocomplete_fields = ["category", "article"]
    verbose_name_plural = _(
        "Liên kết: trình đơn chính, chân trang và mạng xã hội (theo thứ tự)"
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "article":
            field.help_text = _("Chỉ hiện trên trang khi bài đang công khai.")
        return field


def warn_hidden_links(request, site) -> None:
    """Say which of ``site``'s links name an article the public cannot see:
    the pages leave them out (``news.site.chrome``) until it is public."""
    hidden = (
        site.links.filter(kind=SiteLink.Kind.ARTICLE)
        .exclude(article__in=Article.objects.published())
        .select_related("article")
    )
    for link in hidden:
        messages.warning(
            request,
            gettext(
                "Liên kết “%(label)s” trỏ tới bài “%(article)s” chưa công khai "
                "(bản nháp, chờ duyệt, hẹn giờ hoặc đã gỡ): trang công khai không "
                "hiện liên kết này cho tới khi bài được xuất bản."
            )
            % {"label": link.label, "article": link.article.title},
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        site = self.get_object(request, unquote(object_id))
        shown = request.method == "GET" and response.status_code == 200
        if site is not None and (shown or response.status_code == 302):
            warn_hidden_links(request, site)
        return response
