from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from .formatting import format_number
from .models import Figure, SourceDocument
from .numbers import NumberFormatError, parse_number


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way: "48,79 tỷ", "48.790.000.000", "59".

    Read by the same parser as spreadsheet imports; a bare number is in the
    field's ``unit`` (đồng by default for amounts).
    """

    def __init__(self, *, unit: str = "đồng", **kwargs):
        self.unit = unit
        kwargs.setdefault(
            "help_text",
            _("Ví dụ: 48,79 tỷ; 1.234 triệu; 48.790.000.000 (đồng); 59."),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value, 2)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            parsed = parse_number(value, unit=self.unit)
        except NumberFormatError as exc:
            raise ValidationError(str(exc), code="invalid") from exc
        if parsed is None:
            return None
        if parsed.unit == "%":
            raise ValidationError(
                _("Đây là tỷ lệ, không phải một giá trị."), code="invalid"
            )
        return parsed.value


class FigureForm(forms.ModelForm):
    value = VietnameseNumberField(label=_("giá trị"))
    rounding = VietnameseNumberField(
        label=_("làm tròn đến"),
        required=False,
        help_text=_("Bước làm tròn khi công bố, vd. 0,01 tỷ; để trống nếu chính xác."),
    )

    class Meta:
        model = Figure
        fields = [
            "indicator",
            "area",
            "source_fund",
            "content",
            "year",
            "period_kind",
            "period_end",
            "measure",
            "value",
            "rounding",
            "source",
            "note",
        ]

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise ValidationError(_("Giá trị không được âm."), code="negative")
        return value

    def clean_rounding(self):
        return self.cleaned_data.get("rounding") or Decimal(0)


class ImportOptionsMixin(forms.Form):
    """What the import needs beyond the file: the source of its figures and
    how to read it; carried from the upload to the confirmation."""

    source = forms.ModelChoiceField(
        queryset=SourceDocument.objects.all(),
        label=_("Nguồn số liệu (văn bản, báo cáo)"),
    )
    sheet = forms.CharField(label=_("Trang (để trống: trang đầu)"), required=False)
    header_row = forms.IntegerField(
        label=_("Dòng tiêu đề (để trống: tự tìm)"), required=False, min_value=1
    )


class FigureImportForm(ImportOptionsMixin, ImportForm):
    field_order = ["import_file", "source", "sheet", "header_row", "format"]

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].label = _("Tệp XLSX, ODS hoặc CSV")
        self.fields["import_file"].widget.attrs["accept"] = ".xlsx,.ods,.csv,.txt"
        self.fields["import_file"].error_messages["required"] = _("Hãy chọn tệp.")
        self.fields["format"].label = _("Định dạng")
        self.fields["resource"].label = _("Loại dữ liệu")

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa %(mb)s MB).")
                % {"mb": settings.IMPORT_MAX_BYTES // 2**20}
            )
        return upload


class FigureConfirmImportForm(ImportOptionsMixin, ConfirmImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("source", "sheet", "header_row"):
            self.fields[name].widget = forms.HiddenInput()
