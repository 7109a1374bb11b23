import uuid
from pathlib import Path

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

from .formatting import format_value
from .forms import FigureForm
from .imports import PREVIEW_ROWS, apply_import, plan_file, undo_import
from .models import (
    Area,
    Figure,
    ImportRecord,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)
from .reading import ReadError
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
            path("nhap/", view(self.import_view), name="funding_figure_import"),
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
                stored = _stored_upload(token)
                if stored is None:
                    messages.error(
                        request, _("Tệp xem trước đã hết hạn; hãy tải lên lại.")
                    )
                    return redirect("admin:funding_figure_import")
                data, name = stored
            else:
                upload = form.cleaned_data["file"]
                data, name = upload.read(), upload.name
                token = _store_upload(data, name)
            try:
                plan = plan_file(
                    data,
                    file_name=name,
                    source=form.cleaned_data["source"],
                    sheet=form.cleaned_data["sheet"] or None,
                    header_row=form.cleaned_data["header_row"],
                )
            except ReadError as exc:
                form.add_error("file", str(exc))
                return TemplateResponse(
                    request, "admin/funding/figure/import.html", context
                )
            if "confirm" in request.POST and request.POST.get("sha256") == plan.sha256:
                if not plan.can_apply:
                    messages.error(request, _("Tệp có lỗi: không nhập gì."))
                else:
                    record = apply_import(plan=plan, user=request.user)
                    _discard_upload(token)
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


def _upload_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _store_upload(data: bytes, name: str) -> str:
    """Keep an uploaded file between preview and confirm, under a generated name."""
    token = uuid.uuid4().hex
    (_upload_dir() / f"{token}.bin").write_bytes(data)
    (_upload_dir() / f"{token}.name").write_text(name, encoding="utf-8")
    return token


def _stored_upload(token: str):
    if not token.isalnum() or len(token) != 32:
        return None
    data_path = _upload_dir() / f"{token}.bin"
    if not data_path.exists():
        return None
    return data_path.read_bytes(), (_upload_dir() / f"{token}.name").read_text(
        encoding="utf-8"
    )


def _discard_upload(token: str) -> None:
    for suffix in (".bin", ".name"):
        (_upload_dir() / f"{token}{suffix}").unlink(missing_ok=True)


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
