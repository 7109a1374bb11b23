"""The values of a table's row (``funding.imports.plan_rows.RowChecker``):
the measure and number of each value column (or, in the long layout, of
"Loại số liệu" and "Giá trị"), parsed in the row's unit, with the rounding
it states or its decimals imply, as the database would store them; or the
row's errors, naming the cells."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..core.amounts import storable
from ..core.formatting import MONEY_UNITS, format_number
from ..core.models import Indicator
from ..core.numbers import NumberFormatError, parse_number
from ..core.units import unit_word
from .row_units import UnitsMixin
from .words import EXACT, MEASURE_WORDS, fold, rounding_step


class ValuesMixin(UnitsMixin):
    """The value checks of ``RowChecker``."""

    def _raw_values(self, row):
        if not self.long_layout:
            for measure in self.measure_columns:
                raw, index = self.cell(row, measure)
                yield measure, raw, index
            return
        measure_value, measure_index = self.cell(row, "measure")
        measure = MEASURE_WORDS.get(fold(str(measure_value or "")))
        if measure is None:
            self.error(
                measure_index,
                measure_value,
                _("loại số liệu phải là Kế hoạch, Thực hiện hoặc Ước thực hiện."),
            )
            return
        raw, index = self.cell(row, "value")
        yield measure, raw, index

    def _values(self, row, indicator) -> list:
        unit_value, unit_index = self.cell(row, "unit")
        row_unit = unit_word(unit_value) or str(unit_value or "").strip().lower()
        counting = indicator is not None and indicator.unit == Indicator.Unit.COUNT
        money = indicator is not None and not counting
        if money and not self._units_agree(row_unit, unit_index, unit_value):
            return []
        stated_rounding = self._rounding(row, row_unit)
        parsed_values = []
        for measure, raw, index in self._raw_values(row):
            unit = "" if counting else (self.units.get(index) or row_unit)
            try:
                parsed = parse_number(raw, unit=unit, point_decimals=self.table.csv)
            except NumberFormatError as exc:
                self.error(index, raw, str(exc))
                continue
            if parsed is None:
                continue  # an empty cell or "-": no figure
            if money and parsed.unit.lower() not in (*MONEY_UNITS, "%"):
                self._no_unit(index, raw, parsed.unit)
                continue
            if parsed.unit == "%":
                self.error(
                    index, raw, _("đây là tỷ lệ; hãy nhập số tiền hoặc số lượng.")
                )
            elif parsed.value < 0:
                self.error(index, raw, _("giá trị không được âm."))
            elif counting and parsed.value != parsed.value.to_integral_value():
                self.error(index, raw, _("chỉ tiêu đếm phải là số nguyên."))
            else:
                if stated_rounding is not None:
                    rounding = stated_rounding
                elif parsed.scale > 1 and parsed.decimals:
                    # "8,5 tỷ" is known to 0,1 tỷ: keep that for the bounds.
                    rounding = rounding_step(parsed.decimals, parsed.scale)
                else:
                    rounding = EXACT
                stored = self._storable(index, raw, parsed, rounding)
                if stored is not None:
                    parsed_values.append((measure, *stored, index, raw))
        return parsed_values

    def _storable(self, index, raw, parsed, rounding):
        """The value and rounding as the database stores them, or None
        and the row's error: the preview refuses what the write would."""
        try:
            value = storable("value", parsed.value)
        except ValidationError as exc:
            why = " ".join(exc.messages)
            if parsed.scale > 1 and exc.code == "max_decimal_places":
                # The decimals counted are of đồng, not of the typed unit.
                places = -parsed.value.as_tuple().exponent
                told = _("%(why)s Giá trị tính bằng đồng (sau khi quy đổi): %(value)s.")
                why = told % {"why": why, "value": format_number(parsed.value, places)}
            elif parsed.scale > 1 and exc.code == "max_whole_digits":
                # Its digits past the 28th may be rounded: count, not show.
                told = _(
                    "%(why)s Giá trị tính bằng đồng (sau khi quy đổi) có "
                    "%(count)s chữ số trước dấu thập phân."
                )
                why = told % {"why": why, "count": parsed.value.adjusted() + 1}
            self.error(index, raw, why)
            return None
        if rounding is EXACT:
            return value, rounding
        try:
            return value, storable("rounding", rounding)
        except ValidationError as exc:
            self.error(
                index,
                raw,
                _("bước làm tròn %(step)s suy ra từ số chữ số thập phân: %(why)s")
                % {"step": rounding, "why": " ".join(exc.messages)},
            )
            return None

    def _rounding(self, row, row_unit: str):
        rounding_value, rounding_index = self.cell(row, "rounding")
        if rounding_value in (None, ""):
            return None
        try:
            parsed = parse_number(
                rounding_value,
                unit=self.units.get(rounding_index) or row_unit,
                point_decimals=self.table.csv,
            )
        except NumberFormatError as exc:
            self.error(rounding_index, rounding_value, str(exc))
            return None
        if parsed is None:
            return None
        try:
            return storable("rounding", parsed.value)
        except ValidationError as exc:
            self.error(rounding_index, rounding_value, " ".join(exc.messages))
            return None
