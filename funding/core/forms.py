"""The figure form: numbers typed the Vietnamese way."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .amounts import storable
from .formatting import format_number
from .models import Figure
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
            # Named: the page's error summary lists messages without fields.
            raise ValidationError(
                f"{capfirst(self.label)}: {exc}", code="invalid"
            ) from exc
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
            *Figure.KEY_FIELDS,
            "value",
            "rounding",
            "source",
            "note",
        ]

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise ValidationError(_("Giá trị không được âm."), code="negative")
        return None if value is None else storable("value", value)

    def clean_rounding(self):
        return storable("rounding", self.cleaned_data.get("rounding") or Decimal(0))
