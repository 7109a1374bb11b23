from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import SimpleTemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ExportForm

from khuyencong.admin_fields import SharedLookupAutocompleteSelect, StrictFieldsAdmin
from khuyencong.admin_guards import GuardedAdmin, GuardedHistoryAdmin
from khuyencong.admin_selection import refuse_if_all_gone
from khuyencong.admin_text import VietnameseOrderListFilter

from .core.formatting import format_value
from .core.forms import FigureForm
from .core.models import (
    Area,
    Figure,
    Indicator,
    ProgrammeContent,
    RegionMembership,
    SourceDocument,
)
from .core.services import announce_change, missing_plan_warning
from .documents.admin import DocumentFileInline, DocumentSearchMixin, shown_public

# Registers the import records' admin (its own module: this one is full).
from .imports import admin_records  # noqa: F401
from .imports.admin_views import ImportJobsMixin
from .imports.forms import (
    FigureConfirmImportForm,
    FigureImportForm,
    column_letters_of,
)
from .imports.report_layout import report_workbook
from .imports.resources import ODS, FigureResource, SpreadsheetFormat
from .imports.spreadsheets import TEMPLATES, template_workbook


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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
class IndicatorAdmin(UsageCountMixin, GuardedAdmin):
    list_display = ["name", "code", "unit", "count_noun", "figure_count"]
    list_filter = ["unit"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(ProgrammeContent)
class ProgrammeContentAdmin(UsageCountMixin, GuardedAdmin):
    list_display = ["name", "code", "position", "figure_count"]
    list_filter = ["created_at"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


class MembershipInline(StrictFieldsAdmin, admin.TabularInline):
    model = RegionMembership
    fk_name = "region"
    extra = 0
    autocomplete_fields = ["province"]
    # The latest years first: a region has members every year from 2015.
    ordering = ["-year", "province__position"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("province", "region")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "province":
            kwargs["widget"] = SharedLookupAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Area)
class AreaAdmin(UsageCountMixin, GuardedAdmin):
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
class SourceDocumentAdmin(DocumentSearchMixin, UsageCountMixin, GuardedAdmin):
    """A document of the library, a figure's source among them."""

    list_display = [
        "title",
        "number",
        "kind",
        "issuer",
        "issued_on",
        shown_public,
        "figure_count",
    ]
    list_filter = ["kind", "is_published", "issued_on", "issuer"]
    search_fields = ["title", "number", "issuer", "signer", "note"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["article"]
    inlines = [DocumentFileInline]
    fieldsets = [
        (
            None,
            {"fields": ["number", "kind", "title", "issuer", "signer", "slug"]},
        ),
        (_("Ngày"), {"fields": ["issued_on", "effective_on"]}),
        (_("Công khai"), {"fields": ["is_published", "published_at"]}),
        (_("Nguồn và ghi chú"), {"fields": ["url", "article", "note"]}),
    ]
    # A link typed without a scheme is https (Django 6's default, now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Figure)
class FigureAdmin(ImportJobsMixin, ImportExportMixin, GuardedHistoryAdmin):
    form = FigureForm
    list_display = [
        "indicator",
        "area",
        "fund",
        "year",
        "period_label",
        "measure",
        "shown_value",
        "source",
    ]
    list_filter = [
        "indicator",
        "fund",
        "measure",
        "period_kind",
        "year",
        "area__kind",
        ("area", VietnameseOrderListFilter),
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
    actions = ["export_xlsx", "export_ods", "export_csv", "export_report"]

    # django-import-export: its views and temporary storage, our format,
    # resource (funding.imports.resources) and templates.
    resource_classes = [FigureResource]
    import_formats = [SpreadsheetFormat]
    export_formats = [base_formats.XLSX, base_formats.CSV, ODS]
    import_form_class = FigureImportForm
    confirm_form_class = FigureConfirmImportForm
    import_template_name = "admin/funding/figure/import.html"
    export_template_name = "admin/funding/figure/export.html"
    # Choosing columns would break "an export imports back unchanged".
    export_form_class = ExportForm
    # Excel shows Vietnamese in a CSV only with a byte-order mark.
    to_encoding = "utf-8-sig"
    # Every import is an ImportRecord with each figure's change; a LogEntry
    # per figure would add hundreds of thousands of rows and say less.
    skip_admin_log = True

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "nhap/mau.xlsx",
                view(self.template_view),
                name="funding_figure_template",
            ),
            *super().get_urls(),
        ]

    def template_view(self, request):
        """A template, in the layout the query asks for (``?kieu=``)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        layout = request.GET.get("kieu", "rong")
        if layout not in TEMPLATES:
            raise Http404
        name = "" if layout == "rong" else f"-{layout}"
        return _xlsx(template_workbook(layout), f"mau-nhap-so-lieu{name}.xlsx")

    def get_import_context_data(self, **kwargs):
        url = reverse("admin:funding_figure_template")
        return {
            "template_url": url,
            "templates": [
                (f"{url}?kieu={key}", label) for key, (label, _w) in TEMPLATES.items()
            ],
        }

    def get_import_data_kwargs(self, request=None, form=None, **kwargs):
        """The reading options and the source chosen on the import form
        (carried by the confirmation form to the second step), and the name
        of the upload kept for the confirmation: each preview's plan is its
        own, so a confirmation writes what its preview showed."""
        if form is not None and form.is_valid():
            data = form.cleaned_data
            kwargs.update(
                source=data["source"],
                sheet=data["sheet"] or None,
                header_row=data["header_row"],
                year=data.get("year"),
                area=data.get("area"),
                confirmed=bool(data.get("confirm_warnings")),
                ignore_columns=column_letters_of(data.get("ignore_columns") or ""),
                map_columns=data.get("map_columns") or "",
                preview=data.get("import_file_name")
                or getattr(data.get("import_file"), "tmp_storage_name", None),
            )
        return kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial.update(
                source=import_form.cleaned_data["source"].pk,
                sheet=import_form.cleaned_data["sheet"],
                header_row=import_form.cleaned_data["header_row"],
                year=import_form.cleaned_data.get("year"),
                area=getattr(import_form.cleaned_data.get("area"), "pk", None),
                confirm_warnings=import_form.cleaned_data.get("confirm_warnings"),
                ignore_columns=import_form.cleaned_data.get("ignore_columns"),
                map_columns=import_form.cleaned_data.get("map_columns"),
            )
        return initial

    def write_to_tmp_storage(self, import_file, input_format):
        # The library appends chunk to chunk (quadratic on a 20 MB file).
        storage = self.get_tmp_storage_class()(
            read_mode=input_format.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        storage.save(b"".join(import_file.chunks()))
        return storage

    def get_export_filename(self, request, queryset, file_format):
        return f"so-lieu-khuyen-cong.{file_format.get_extension()}"

    @admin.action(description=_("Xuất số liệu đã chọn (XLSX)"))
    def export_xlsx(self, request, queryset):
        return self._export_file(base_formats.XLSX(), request, queryset)

    @admin.action(description=_("Xuất số liệu đã chọn (ODS)"))
    def export_ods(self, request, queryset):
        return self._export_file(ODS(), request, queryset)

    @admin.action(description=_("Xuất số liệu đã chọn (CSV)"))
    def export_csv(self, request, queryset):
        return self._export_file(base_formats.CSV(), request, queryset)

    def _export_file(self, file_format, request, queryset):
        # Returning None sends the officer back to the list, with the message.
        if refuse_if_all_gone(request, queryset, str(_("số liệu"))):
            return None
        return self._do_file_export(file_format, request, queryset)

    @admin.action(description=_("Xuất số liệu đã chọn theo mẫu báo cáo (XLSX)"))
    def export_report(self, request, queryset):
        if refuse_if_all_gone(request, queryset, str(_("số liệu"))):
            return None
        return _xlsx(report_workbook(queryset), "bao-cao-so-lieu-khuyen-cong.xlsx")

    def export_action(self, request):
        # What the list refuses (a misspelt parameter, a bad lookup) it drops
        # with "?e=1"; the export page, which filters the same way, too.
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            if ERROR_FLAG in request.GET:  # as the list: no redirect loop
                return SimpleTemplateResponse(
                    "admin/invalid_setup.html", {"title": _("Lỗi cơ sở dữ liệu")}
                )
            return redirect(f"{request.path}?{ERROR_FLAG}=1")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_export_permission(request):
            for name in ("export_xlsx", "export_ods", "export_csv", "export_report"):
                actions.pop(name, None)
        return actions

    @admin.display(description=_("kỳ"), ordering="period_end")
    def period_label(self, obj):
        return obj.period_label

    @admin.display(description=_("giá trị"), ordering="value")
    def shown_value(self, obj):
        return format_value(obj.value, obj.indicator)

    def save_model(self, request, obj, form, change):
        # Moved (its area, year… edited), it leaves what showed it where it
        # was: told before the save, while the stored row is still there.
        moved, changed = self._what_changes(request, obj, form, change)
        flagged = announce_change(Figure.objects.filter(pk=obj.pk)) if moved else 0
        super().save_model(request, obj, form, change)
        if warning := missing_plan_warning(figure=obj):
            self.message_user(request, warning, messages.WARNING)
        if changed:
            flagged += announce_change(Figure.objects.filter(pk=obj.pk))
        self._tell_flagged(request, flagged)

    @staticmethod
    def _what_changes(request, obj, form, change) -> tuple[bool, bool]:
        """Whether the save moves the figure (a key field changes) and
        whether it changes it at all. A version restored from the history is
        compared with the stored row (its form's initial data is that old
        version, so its ``changed_data`` is empty); a deleted figure brought
        back is a change."""
        if getattr(request, "_history_form", None) != "restore":
            keys = set(form.changed_data) & set(Figure.KEY_FIELDS)
            return change and bool(keys), form.has_changed()
        stored = Figure.objects.filter(pk=obj.pk).first()
        if stored is None:
            return False, True

        def differ(names) -> bool:
            attnames = [Figure._meta.get_field(name).attname for name in names]
            return any(getattr(stored, a) != getattr(obj, a) for a in attnames)

        concrete = {f.name for f in Figure._meta.concrete_fields}
        return differ(Figure.KEY_FIELDS), differ(concrete & set(form.fields))

    def delete_model(self, request, obj):
        self._tell_flagged(request, announce_change(Figure.objects.filter(pk=obj.pk)))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._tell_flagged(request, announce_change(queryset))
        super().delete_queryset(request, queryset)

    def _tell_flagged(self, request, count: int) -> None:
        if count:
            self.message_user(
                request,
                _(
                    "%(count)s bài đã xuất bản dùng số liệu này, được đưa vào danh "
                    "sách cần rà soát số liệu."
                )
                % {"count": count},
                messages.WARNING,
            )
