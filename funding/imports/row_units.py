"""The units of a table's row (``funding.imports.plan_rows.RowChecker``):
a sum of money is read in the unit its header or its row's "Đơn vị" states,
and when they disagree, or the unit is not one of money, nothing is
guessed: the row's error names the columns."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..core.formatting import MONEY_UNITS


class UnitsMixin:
    """The unit checks of ``RowChecker``."""

    def _units_agree(self, row_unit: str, unit_index, unit_value) -> bool:
        """Whether the row's "Đơn vị" is a unit of money that no value
        column's header contradicts; the errors name both columns."""
        if not row_unit:
            return True
        if row_unit not in MONEY_UNITS:
            self.error(
                unit_index,
                unit_value,
                _(
                    "“%(unit)s” không phải đơn vị tiền (đồng, nghìn đồng, triệu đồng, tỷ "
                    "đồng): không đoán là đồng."
                )
                % {"unit": unit_value},
            )
            return False
        if self.long_layout:
            indexes = [self.columns["value"]]
        else:
            indexes = [self.columns[m] for m in self.measure_columns]
        agree = True
        for index in indexes:
            header_unit = self.units.get(index)
            if header_unit and MONEY_UNITS.get(header_unit) != MONEY_UNITS[row_unit]:
                agree = False
                self.error(
                    unit_index,
                    unit_value,
                    _(
                        "cột “%(unit_column)s” ghi “%(unit)s” nhưng tiêu đề cột “%(column)s” "
                        "ghi “%(header_unit)s”: không biết dùng đơn vị nào. Hãy sửa một "
                        "trong hai cho khớp."
                    )
                    % {
                        "unit_column": self.header_of.get(unit_index, ""),
                        "unit": unit_value,
                        "column": self.header_of.get(index, ""),
                        "header_unit": header_unit,
                    },
                )
        return agree

    def _no_unit(self, index, raw, unit: str) -> None:
        """A sum of money with no unit anywhere is refused, never taken as
        đồng: 1.200 could be triệu đồng."""
        if unit:
            self.error(
                index,
                raw,
                _(
                    "“%(unit)s” trong cột “%(column)s” không phải đơn vị tiền (đồng, nghìn "
                    "đồng, triệu đồng, tỷ đồng): không đoán là đồng."
                )
                % {"unit": unit, "column": self.header_of.get(index, "")},
            )
            return
        self.error(
            index,
            raw,
            _(
                "không tìm thấy đơn vị tính của cột “%(column)s” (không có đơn vị trong tiêu đề "
                "như “Kế hoạch (triệu đồng)”, cột “Đơn vị” hay đơn vị trong ô): không đoán là "
                "đồng. Hãy ghi đơn vị rồi nhập lại."
            )
            % {"column": self.header_of.get(index, "")},
        )
