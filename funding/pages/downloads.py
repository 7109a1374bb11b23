"""The figures pages' tables as files: ``?format=csv`` or ``?format=xlsx``
gives the table the page shows, with its filters.

Amounts are exact numbers; a rate is the percentage the page prints, to
two decimals (95.24 for 95,24%), its header ending in "(%)". An
amount derived from the other funds (``funding.core.cells``) is marked in a
column beside it: how it was computed and the interval its inputs allow.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from khuyencong.params import QueryParametersMixin

from ..core import exports
from ..core.cells import Cell, derived_note
from ..core.models import Figure
from .params import TableQuery


class DownloadMixin(QueryParametersMixin):
    """``?format=csv`` or ``?format=xlsx`` returns the page's table as a file
    (``export()``: its headers, rows and file name).

    Parameters are validated by ``query_form_class`` (``funding.pages.params``):
    a malformed one answers 400, an unknown one is ignored.
    """

    query_form_class = TableQuery

    def get(self, request, *args, **kwargs):
        fmt = self.params["format"]
        if fmt:
            headers, rows, filename = self.export()
            return exports.download(
                exports.dataset(headers, rows, filename), filename, fmt
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            csv_query=self.query_string(format="csv"),
            xlsx_query=self.query_string(format="xlsx"),
            **kwargs,
        )

    def query_string(self, **extra) -> str:
        """The page's own (validated) parameters, with ``extra``: unknown
        ones are not carried into the links."""
        params = {
            name: value
            for name, value in self.params.items()
            if value not in (None, "") and name != "format"
        }
        return urlencode({**params, **extra})


def number(value) -> object:
    """An amount (stored, summed or derived), or None (rates: ``percent``)."""
    return value.value if value is not None else None


def percent(value) -> object:
    """A derived rate (ratio, share, change) as the page prints it, in
    percent (``Derived.rounded_percent``), or None."""
    return value.rounded_percent() if value is not None else None


def in_percent(header: str) -> str:
    """A rate's column header, saying its unit."""
    return _("%(column)s (%%)") % {"column": header}


def how_derived(value) -> str:
    """How an amount derived from the other funds was computed; "" for a
    stored one (or a plain sum of stored ones)."""
    if isinstance(value, Cell) and value.derived is not None:
        return derived_note(value.derived)
    return ""


def derivation_headers(plan: str, executed: str) -> list[str]:
    return [
        _("%(column)s: cách tính, nếu là số tính ra") % {"column": plan},
        _("%(column)s: cách tính, nếu là số tính ra") % {"column": executed},
    ]


def overview_export(area, year: int | None, tables) -> tuple:
    """The overview page's tables (one per year) as one sheet."""
    headers = [
        _("Địa bàn"),
        _("Năm"),
        _("Kỳ"),
        _("Nguồn kinh phí"),
        _("Kế hoạch năm (đồng)"),
        _("Thực hiện (đồng)"),
        in_percent(_("Tỷ lệ thực hiện/kế hoạch")),
        in_percent(_("Tỷ trọng kế hoạch trong tổng nguồn")),
        in_percent(_("Tỷ trọng thực hiện trong tổng nguồn")),
        in_percent(_("Tỷ trọng kế hoạch so với cả nước")),
        in_percent(_("Tỷ trọng thực hiện so với cả nước")),
        in_percent(_("Kế hoạch so với năm trước")),
        in_percent(_("Thực hiện so với cùng kỳ")),
        *derivation_headers(_("Kế hoạch năm"), _("Thực hiện")),
    ]
    rows = [
        [
            area.short_name,
            table.year,
            row.period_label,
            row.source_label,
            *map(number, (row.plan, row.executed)),
            percent(row.ratio),
            *map(percent, (row.share_plan, row.share_executed)),
            *map(percent, (row.nation_share_plan, row.nation_share_executed)),
            *map(percent, (row.change_plan, row.change_executed)),
            how_derived(row.plan),
            how_derived(row.executed),
        ]
        for table in tables
        for row in table.rows
    ]
    suffix = f"-{year}" if year else ""
    return headers, rows, f"kinh-phi-{area.code}{suffix}"


def region_export(region, year: int, source: str, table: dict) -> tuple:
    headers = [
        _("Tỉnh, thành phố"),
        _("Năm"),
        _("Nguồn kinh phí"),
        _("Kế hoạch (đồng)"),
        _("Thực hiện (đồng)"),
        in_percent(_("Tỷ lệ thực hiện/kế hoạch")),
        in_percent(_("Tỷ trọng trong khu vực")),
        _("Thực hiện cùng kỳ năm trước (đồng)"),
        in_percent(_("Thực hiện so với cùng kỳ")),
        *derivation_headers(_("Kế hoạch"), _("Thực hiện")),
    ]
    label = Figure.Fund(source).label
    rows = [
        [
            row["name"],
            year,
            label,
            *map(number, (row["plan"], row["executed"])),
            percent(row["ratio"]),
            percent(row.get("share")),
            number(row["before"]),
            percent(row["change"]),
            how_derived(row["plan"]),
            how_derived(row["executed"]),
        ]
        for row in [*table["rows"], table["total"]]
        if row is not None  # no total: a year without members
    ]
    return headers, rows, f"kinh-phi-{region.code}-{year}"


def province_export(province, source: str, table: dict) -> tuple:
    headers = [
        _("Tỉnh, thành phố"),
        _("Năm"),
        _("Nguồn kinh phí"),
        _("Kế hoạch (đồng)"),
        _("Thực hiện (đồng)"),
        in_percent(_("Tỷ lệ thực hiện/kế hoạch")),
        *derivation_headers(_("Kế hoạch"), _("Thực hiện")),
    ]
    label = Figure.Fund(source).label
    rows = [
        [
            province.short_name,
            year["year"],
            label,
            *map(number, (year["plan"], year["executed"])),
            percent(year["ratio"]),
            how_derived(year["plan"]),
            how_derived(year["executed"]),
        ]
        for year in table["years"]
    ]
    return headers, rows, f"kinh-phi-{province.code}"
