"""Checking the totals of a report sheet: a total row against the rows
above it (a "Cộng" against its group, a "Tổng cộng" against the subtotals
or all rows, a fund section against its contents), a content against its
detail lines, and a "Tổng cộng" column against the fund columns of its
row. A difference beyond the rounding of the printed digits is shown with
both numbers; totals are never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from khuyencong.text import fold

from ..core.formatting import format_number
from ..core.numbers import cell_decimal
from .context import region_named
from .layouts import text_of

#: Text a Vietnamese report types for a number: "1.250,5", "2.000", "850".
_VN_NUMBER = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
#: A raw value as a CSV export writes it: "2076.3" (one dot, not 3 decimals).
_RAW_NUMBER = re.compile(r"-?\d+(?:\.(?:\d{1,2}|\d{4,}))?")


@dataclass
class Problem:
    row: int
    column: str
    value: object
    message: str


def number_in(cell, *, csv: bool) -> Decimal | None:
    """The number of a cell: a typed number, or text written the Vietnamese
    way (a CSV also writes raw values "2076.3"); None for empty or "-"."""
    if cell is None or isinstance(cell, bool):
        return None
    if isinstance(cell, int | float | Decimal):
        return cell_decimal(cell) if isinstance(cell, float) else Decimal(cell)
    text = str(cell).replace("\u00a0", " ").strip()
    if text in ("", "-", "–", "—"):
        return None
    if csv and _RAW_NUMBER.fullmatch(text):
        return Decimal(text)
    if _VN_NUMBER.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    raise InvalidOperation(text)


@dataclass
class _Group:
    """Rows a total may add up: data rows and the subtotals among them."""

    rows: list[int] = field(default_factory=list)
    subtotals: list[int] = field(default_factory=list)


class TotalsMixin:
    """The totals checks of ``funding.imports.layout_rows.SheetReader``."""

    # -------------------------------------------------------------- totals
    def _total(self, number: int, text: str) -> None:
        key = fold(text)
        self._close_section()
        if key.startswith(("tong cong", "tong so", "tong kinh phi", "tong ")) and (
            self.all_rows.subtotals
        ):
            parts = self.all_rows.subtotals
        elif key.startswith(("tong cong", "tong so", "tong kinh phi", "tong ")):
            parts = self.all_rows.rows
        else:
            parts = self.group.rows
            self.all_rows.subtotals.append(number)
            self.group = _Group()
        self.totals.append((number, list(parts), text))
        whose = self._whose(text)
        if whose:
            self.region_totals.append((number, whose, text))
            return
        self.unused(
            number,
            _("dòng tổng “%(label)s” (được kiểm tra, không lưu)") % {"label": text},
        )

    def _whose(self, text: str) -> str | None:
        """The region or nation a total row says it is the total of
        ("Tổng cộng vùng Tây Nguyên", "Cộng toàn vùng" under a title naming
        the region, "Cả nước"); None for a plain "Tổng cộng", which may add
        up only some of a region's provinces. Only over rows of provinces
        whose fund each column says (not fund sections)."""
        if self.label.role != "area" or self.section_fund is not None:
            return None
        whose = region_named(text)
        if whose is None and "toan vung" in fold(text):
            whose = self.layout.region_text or None
        return whose

    def _take_region_totals(self) -> None:
        """A region's or the nation's total row that adds up is a figure of
        that area; one that does not is shown (``_compare``) and not stored."""
        warned = {w.row for w in self.reading.warnings}
        for number, whose, label in self.region_totals:
            if number in warned:
                self.unused(
                    number,
                    _("dòng tổng “%(label)s” không khớp với các dòng trên, không lưu")
                    % {"label": label},
                )
                continue
            self._records(
                number,
                area=whose,
                area_from="total",
                content="",
                indicator="",
                label_fund=None,
            )

    def _close_section(self) -> None:
        if self.section_total:
            number, parts = self.section_total
            self.totals.append((number, parts, text_of(self.cell(number, self.label))))
            self.all_rows.subtotals.append(number)
            self.unused(number, _("dòng tổng của mục (được kiểm tra, không lưu)"))
            self.section_total = None

    def _check_ratios(self) -> None:
        """A "Tỷ lệ (%)" column is not stored, but a ratio that is not
        execution / plan × 100 (to one decimal) is shown."""
        layout = self.layout
        for ratio in (c for c in layout.columns if c.role == "ratio"):
            group = [
                c
                for c in layout.columns
                if c.role in ("value", "total")
                and c.path[:-1] == ratio.path[:-1]
                and (ratio.fund is None or c.fund == ratio.fund)
            ]
            plans = [c for c in group if c.measure == "plan"]
            done = [c for c in group if c.measure != "plan"]
            if len(plans) != 1 or len(done) != 1:
                continue
            for number in self.all_rows.rows:
                values = self.numbers(number, [ratio, plans[0], done[0]])
                stated, den = values.get(ratio.index), values.get(plans[0].index)
                if stated is None or not den:
                    continue
                computed = values.get(done[0].index, Decimal(0)) / den * 100
                if abs(stated - computed) > Decimal("0.05") + Decimal("1e-9"):
                    self.warn(
                        number,
                        ratio.letter,
                        format_number(stated, 1),
                        _(
                            "ô %(cell)s “%(header)s” ghi %(stated)s%% nhưng %(num)s / %(den)s × 100 "
                            "= %(computed)s%%. Tỷ lệ không được lưu; hãy kiểm tra các số."
                        )
                        % {
                            "cell": f"{ratio.letter}{number}",
                            "header": ratio.header,
                            "stated": format_number(stated, 1),
                            "num": done[0].letter,
                            "den": plans[0].letter,
                            "computed": format_number(computed, 1),
                        },
                    )

    def _check_totals(self) -> None:
        self._check_ratios()
        self._close_section()
        columns = self.layout.values + [
            c for c in self.layout.columns if c.role == "total"
        ]
        checks = list(self.totals) + [
            (row, parts, text_of(self.cell(row, self.label)))
            for row, parts in self.details.items()
        ]
        for row, parts, label in checks:
            if not parts:
                continue
            stated = self.numbers(row, columns)
            for column in columns:
                if column.index not in stated:
                    continue
                values = [
                    self.numbers(p, [column]).get(column.index, Decimal(0))
                    for p in parts
                ]
                self._compare(row, column, stated[column.index], values, parts, label)
        data_rows = set(self.all_rows.rows)  # a list: 100,000 rows made this quadratic
        for column in (c for c in self.layout.columns if c.role == "total"):
            sources = [
                c for c in self.layout.values if c.measure == column.measure and c.fund
            ]
            for number, _cells in self.body:
                stated = self.numbers(number, [column]).get(column.index)
                if stated is None or number not in data_rows:
                    continue
                parts = [
                    self.numbers(number, [c]).get(c.index, Decimal(0)) for c in sources
                ]
                self._compare(number, column, stated, parts, None, column.header)
        self._take_region_totals()

    def _compare(self, row, column, stated, values, parts, label) -> None:
        total = sum(values, Decimal(0))
        decimals = max(
            [max(0, -v.as_tuple().exponent) for v in [stated, *values]] or [0]
        )
        if abs(stated - total) <= Decimal(1).scaleb(-decimals) / 2 and stated == round(
            total, decimals
        ):
            return
        where = (
            _("các dòng %(rows)s") % {"rows": _ranges(parts)}
            if parts
            else _("các cột nguồn cùng dòng")
        )
        self.warn(
            row,
            column.letter,
            format_number(stated, decimals),
            _(
                "dòng tổng “%(label)s”, cột %(column)s: ghi %(stated)s nhưng cộng %(where)s "
                "được %(sum)s (chênh %(diff)s). Tổng không được lưu; hãy kiểm tra các số."
            )
            % {
                "label": label,
                "column": column.letter,
                "stated": format_number(stated, decimals),
                "where": where,
                "sum": format_number(total, decimals),
                "diff": format_number(stated - total, decimals),
            },
        )


def _ranges(rows: list[int]) -> str:
    out, start, prev = [], None, None
    for row in sorted(rows):
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            out.append(f"{start}–{prev}" if prev != start else str(start))
            start = prev = row
    if start is not None:
        out.append(f"{start}–{prev}" if prev != start else str(start))
    return ", ".join(out)
