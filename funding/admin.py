import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import spool
from .formatting import format_value
from .forms import FigureForm
from .imports import KNOWN, PREVIEW_ROWS, apply_import, plan_import, undo_import
from .models import (
    Area,
    Figure,
    ImportRecord,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)
from .reading import ReadError, read_table
from .services import missing_plan_warning
from .spreadsheets import export_figures, template_workbook


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
    actions = ["export_xlsx", "export_ods", "export_csv"]
    change_list_template = "admin/funding/figure/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="funding_figure_import"),
            path(
                "nhap/mau.xlsx",
                view(self.template_view),
                name="funding_figure_template",
            ),
            *super().get_urls(),
        ]

    def _check_import(self, request):
        if not request.user.has_perm("funding.import_figure"):
            raise PermissionDenied

    def template_view(self, request):
        self._check_import(request)
        response = HttpResponse(
            template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-so-lieu.xlsx"'
        return response

    def import_view(self, request):
        """Upload, preview every row, then confirm; nothing is written before."""
        self._check_import(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Nhập số liệu từ tệp"),
            "form": form,
            "template_url": reverse("admin:funding_figure_template"),
        }
        if request.method == "POST" and form.is_valid():
            token = request.POST.get("token")
            if token:
                stored = spool.load(token)
                if stored is None:
                    messages.error(
                        request, _("Tệp xem trước đã hết hạn; hãy tải lên lại.")
                    )
                    return redirect("admin:funding_figure_import")
                data, name = stored
            else:
                upload = form.cleaned_data["file"]
                data, name = upload.read(), upload.name
                token = spool.store(data, name)
            sha256 = hashlib.sha256(data).hexdigest()
            confirming = (
                "confirm" in request.POST and request.POST.get("sha256") == sha256
            )
            table = spool.load_table(token, sha256) if confirming else None
            try:
                if table is None:
                    table = read_table(
                        data,
                        name,
                        KNOWN,
                        sheet=form.cleaned_data["sheet"] or None,
                        header_row=form.cleaned_data["header_row"],
                    )
                    spool.save_table(token, sha256, table)
            except ReadError as exc:
                form.add_error("file", str(exc))
                return TemplateResponse(
                    request, "admin/funding/figure/import.html", context
                )
            # The comparison with the database is always made afresh.
            plan = plan_import(
                table, file_name=name, sha256=sha256, source=form.cleaned_data["source"]
            )
            if confirming:
                if not plan.can_apply:
                    messages.error(request, _("Tệp có lỗi: không nhập gì."))
                else:
                    record = apply_import(plan=plan, user=request.user)
                    spool.discard(token)
                    messages.success(
                        request,
                        _(
                            "Đã nhập %(new)s số liệu mới, %(changed)s thay đổi, %(same)s không đổi."
                        )
                        % {
                            "new": record.created_count,
                            "changed": record.changed_count,
                            "same": record.unchanged_count,
                        },
                    )
                    return redirect("admin:funding_importrecord_change", record.pk)
            context.update(plan=plan, token=token, preview=plan.figures[:PREVIEW_ROWS])
        return TemplateResponse(request, "admin/funding/figure/import.html", context)

    @admin.action(description=_("Xuất số liệu đã chọn (XLSX)"))
    def export_xlsx(self, request, queryset):
        return export_figures(queryset, "xlsx")

    @admin.action(description=_("Xuất số liệu đã chọn (ODS)"))
    def export_ods(self, request, queryset):
        return export_figures(queryset, "ods")

    @admin.action(description=_("Xuất số liệu đã chọn (CSV)"))
    def export_csv(self, request, queryset):
        return export_figures(queryset, "csv")

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


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp XLSX, ODS hoặc CSV"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.ods,.csv,.txt"}),
    )
    source = forms.ModelChoiceField(
        queryset=SourceDocument.objects.all(),
        label=_("Nguồn số liệu (văn bản, báo cáo)"),
    )
    sheet = forms.CharField(label=_("Trang (để trống: trang đầu)"), required=False)
    header_row = forms.IntegerField(
        label=_("Dòng tiêu đề (để trống: tự tìm)"), required=False, min_value=1
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not self.data.get("token"):
            self.add_error("file", _("Hãy chọn tệp."))
        upload = cleaned.get("file")
        if upload and upload.size > settings.IMPORT_MAX_BYTES:
            self.add_error("file", _("Tệp quá lớn."))
        return cleaned


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
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
        for record in queryset:
            try:
                count = undo_import(record=record, user=request.user)
            except ValueError as exc:
                self.message_user(request, f"{record}: {exc}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Đã hoàn tác %(record)s (%(count)s số liệu).")
                    % {"record": record, "count": count},
                    messages.SUCCESS,
                )
