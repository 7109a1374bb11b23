from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .formatting import format_value
from .forms import FigureForm
from .models import (
    Area,
    Figure,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)
from .services import missing_plan_warning


class UsageCountMixin:
    """Shows how many figures use a reference row (it cannot be deleted then)."""

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(figure_count=Count("figures"))
            .order_by(*self.model._meta.ordering)
        )

    @admin.display(description=_("số liệu dùng"), ordering="figure_count")
    def figure_count(self, obj):
        return obj.figure_count


@admin.register(Indicator)
class IndicatorAdmin(UsageCountMixin, admin.ModelAdmin):
    list_display = ["name", "code", "unit", "count_noun", "figure_count"]
    list_filter = ["unit"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(ProgrammeContent)
class ProgrammeContentAdmin(UsageCountMixin, admin.ModelAdmin):
    list_display = ["name", "code", "position", "figure_count"]
    list_filter = ["created_at"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


class MembershipInline(admin.TabularInline):
    model = RegionMembership
    fk_name = "region"
    extra = 0
    autocomplete_fields = ["province"]


@admin.register(Area)
class AreaAdmin(UsageCountMixin, admin.ModelAdmin):
    list_display = [
        "short_name",
        "name",
        "code",
        "kind",
        "valid_from",
        "valid_to",
        "successor",
        "figure_count",
    ]
    list_filter = ["kind", "valid_to"]
    list_select_related = ["successor"]
    search_fields = ["name", "short_name", "code", "aliases"]
    autocomplete_fields = ["successor"]
    inlines = [MembershipInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj and obj.kind == Area.Kind.REGION else []


@admin.register(SourceDocument)
class SourceDocumentAdmin(UsageCountMixin, admin.ModelAdmin):
    list_display = ["title", "number", "issuer", "issued_on", "figure_count"]
    list_filter = ["issued_on", "issuer"]
    search_fields = ["title", "number", "issuer", "note"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["article"]


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    form = FigureForm
    list_display = [
        "indicator",
        "area",
        "source_fund",
        "year",
        "period_label",
        "measure",
        "shown_value",
        "source",
    ]
    list_filter = [
        "indicator",
        "source_fund",
        "measure",
        "period_kind",
        "year",
        "area__kind",
        ("area", admin.RelatedOnlyFieldListFilter),
        ("content", admin.RelatedOnlyFieldListFilter),
        ("source", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["indicator", "area", "content", "source"]
    search_fields = [
        "area__name",
        "area__short_name",
        "indicator__name",
        "source__title",
        "note",
    ]
    autocomplete_fields = ["indicator", "area", "source", "content"]
    date_hierarchy = "period_end"
    history_list_display = ["value"]

    @admin.display(description=_("kỳ"), ordering="period_end")
    def period_label(self, obj):
        return obj.period_label

    @admin.display(description=_("giá trị"), ordering="value")
    def shown_value(self, obj):
        return format_value(obj.value, obj.indicator)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if warning := missing_plan_warning(figure=obj):
            self.message_user(request, warning, messages.WARNING)
