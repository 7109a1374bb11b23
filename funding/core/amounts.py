"""What a figure's amount columns can hold, in one place: the admin form
and the spreadsheet import both ask here, so an amount the form refuses is
refused by the import too, with the same words, before anything is written.

The columns are ``numeric(22, 2)`` and must not be negative. Zeros past the
second decimal are no precision ("1,123 tỷ" is 1.123.000.000,000 đồng after
scaling) and are dropped; any other digit there would be rounded away by the
database, so it is an error, never a silent rounding.
"""

from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.utils.translation import gettext as _

from .models import Figure


def storable(field_name: str, value: Decimal) -> Decimal:
    """``value`` as Figure's column ``field_name`` ("value" or "rounding")
    stores it; else one ``ValidationError`` with a ``code``: too large
    (more whole digits than the column holds), too many decimals (Django's
    own words) or negative."""
    field = _field(field_name)
    if value.is_finite():
        if value < 0:
            raise ValidationError(_("không được âm."), code="negative")
        whole_digits = field.max_digits - field.decimal_places
        if value.adjusted() >= whole_digits:
            raise ValidationError(
                _(
                    "số quá lớn: không được có nhiều hơn %(max)s chữ số "
                    "trước dấu thập phân."
                ),
                code="max_whole_digits",
                params={"max": whole_digits},
            )
        if value.as_tuple().exponent >= -field.decimal_places:
            return value  # what the column's validators would pass, decided fast
        # The size is checked above: quantize stays within the precision.
        exact = value.quantize(Decimal(1).scaleb(-field.decimal_places))
        if exact != value:
            # Django counts all digits first ("no more than 22 digits"),
            # which misleads when the decimals are what is wrong.
            raise ValidationError(
                DecimalValidator.messages["max_decimal_places"],
                code="max_decimal_places",
                params={"max": field.decimal_places, "value": value},
            )
        value = exact
    try:
        field.run_validators(value)
    except ValidationError as exc:
        # One error with a code, as the cases above: callers read ``.code``.
        raise ValidationError(" ".join(exc.messages), code="invalid") from exc
    return value


@cache
def _field(name: str):
    # Imports ask for every figure of a file: look the column up once.
    return Figure._meta.get_field(name)
