"""Provinces side by side for one year (``/so-lieu/xep-hang/``): executed,
plan, the ratio of the two and the change from the year before, sortable
by any of them (``?sort=``) and downloadable (``?format=csv``).

The amounts are looked up through ``funding.core.cells`` (a fund triple
with two funds stored gives its third, derived) and every ratio and change
through ``funding.core.derived``. A province made by the 2025 merger is
compared with the sum of the provinces it replaced (``funding.core.rollup``).
Three queries whatever the number of provinces and years: the provinces,
the years with figures, the two years' figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.db import connection
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from khuyencong.params import ChoiceParameter
from khuyencong.text import vietnamese_sort_key

from ..core import derived
from ..core.cells import Cell, FigureCells, derive
from ..core.derived import Derived, Quantity
from ..core.formatting import amount_unit
from ..core.models import Area, Figure, Indicator, ProgrammeContent
from ..core.rollup import Composition
from .downloads import DownloadMixin, how_derived, in_percent, number, percent
from .params import TableQuery
from .tables import MONEY

PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED

#: What a ranking can be sorted (and a map coloured) by.
SORTS = [
    ("executed", gettext_lazy("Thực hiện")),
    ("plan", gettext_lazy("Kế hoạch")),
    ("ratio", gettext_lazy("Thực hiện / kế hoạch")),
    ("change", gettext_lazy("Thực hiện so với năm trước")),
    ("name", gettext_lazy("Tên tỉnh, thành phố")),
]
ORDERS = [("desc", gettext_lazy("Giảm dần")), ("asc", gettext_lazy("Tăng dần"))]


class RankingQuery(TableQuery):
    sort = ChoiceParameter(gettext_lazy("Sắp xếp theo"), choices=SORTS)
    order = ChoiceParameter(gettext_lazy("Thứ tự"), choices=ORDERS)


@dataclass
class RankingRow:
    area: Area
    plan: Cell | Quantity | None
    executed: Cell | Quantity | None
    previous: Cell | Quantity | None
    ratio: Derived | None
    change: Derived | None
    rank: int = 0

    def measure(self, name: str) -> Decimal | None:
        """The value a ranking sorts (or a map colours) by, or None."""
        value = getattr(self, name)
        return None if value is None else value.value


def table_unit(values) -> dict:
    """The unit that suits a table's largest amount, said once in its
    caption: ``{"unit": "tỷ đồng", "scale": 10⁹}``."""
    amounts = [abs(v.value) for v in values if v is not None]
    unit, scale = amount_unit(max(amounts, default=Decimal(0)))
    return {"unit": unit, "scale": scale}


def province_years() -> list[int]:
    """The years with money figures, latest first, in one query.

    A loose index scan (each step the largest year below the last one,
    read from the (year, indicator) index): a few milliseconds with a
    million figures, where ``DISTINCT`` reads the whole index.
    """
    figures = Figure._meta.db_table
    indicators = Indicator._meta.db_table
    money = f"(SELECT id FROM {indicators} WHERE code = %s)"
    sql = f"""
        WITH RECURSIVE found(year) AS (
            SELECT MAX(year) FROM {figures} WHERE indicator_id = {money}
            UNION ALL
            SELECT (SELECT MAX(year) FROM {figures}
                    WHERE indicator_id = {money} AND year < found.year)
            FROM found WHERE found.year IS NOT NULL
        )
        SELECT year FROM found WHERE year IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [MONEY, MONEY])
        return [year for (year,) in cursor.fetchall()]


def _by_area(cells, source: str) -> dict[tuple, Cell]:
    return {
        (cell.as_figure.area_id, cell.as_figure.year, cell.as_figure.measure): cell
        for cell in cells
        if cell.as_figure.fund == source
    }


def _money_of(provinces: list[Area], year: int):
    """The whole-year money figures of all contents of ``year`` and the
    year before (what ``area_tables`` reads), lighter: by the
    provinces' ids, not a join (the planner then reads only those two
    years of the indicator and content: 80 ms, not 220, with a million
    figures), and without the columns no table shows."""
    return (
        Figure.objects.select_related("indicator", "content", "source")
        .filter(
            indicator__code=MONEY,
            period_kind=Figure.PeriodKind.YEAR,
            content__code=ProgrammeContent.ALL,
            area__in=[area.pk for area in provinces],
            year__in=[year - 1, year],
        )
        .defer(*UNSHOWN)
        .order_by()
    )


#: Columns of a figure and its relations that no ranking cell reads.
UNSHOWN = (
    "created_at", "updated_at", "note", "last_import",
    "indicator__created_at", "indicator__updated_at", "indicator__description",
    "source__created_at", "source__updated_at", "source__note",
    "content__created_at", "content__updated_at",
)  # fmt: skip


def _with_areas(figures, provinces: list[Area]):
    """Each figure with its area from ``provinces`` (read once, not joined)."""
    by_id = {area.pk: area for area in provinces}
    for figure in figures:
        figure.area = by_id[figure.area_id]
        yield figure


def ranking_rows(*, year: int, source: str) -> list[RankingRow]:
    """Every province with a figure in ``year`` (for ``source``), in no
    particular order (``sorted_rows`` sorts them)."""
    provinces = list(Area.objects.filter(kind=Area.Kind.PROVINCE))
    # A province made by the merger, before it: the sum of those it
    # replaced (``funding.core.rollup``, the one rule).
    cells = Composition(provinces, [year - 1, year]).complete(
        FigureCells(_with_areas(_money_of(provinces, year), provinces))
    )
    amounts = _by_area(cells, source)

    rows = []
    for area in provinces:
        if not area.existed_in(year):
            continue  # a successor's sum before the merger: its parts are listed
        plan, executed = (
            amounts.get((area.pk, year, PLAN)),
            amounts.get((area.pk, year, EXECUTED)),
        )
        if plan is None and executed is None:
            continue
        previous = amounts.get((area.pk, year - 1, EXECUTED))
        rows.append(
            RankingRow(
                area=area,
                plan=plan,
                executed=executed,
                previous=previous,
                ratio=derive(derived.ratio, executed, plan),
                change=derive(derived.change, executed, previous),
            )
        )
    return rows


def sorted_rows(rows: list[RankingRow], *, sort: str, order: str) -> list[RankingRow]:
    """Sorted by ``sort``; a province without that value comes last
    whichever the order. Ranks follow the order shown (ties share none)."""
    if sort == "name":
        ordered = sorted(
            rows,
            key=lambda r: vietnamese_sort_key(r.area.short_name),
            reverse=order == "desc",
        )
    else:
        known = [r for r in rows if r.measure(sort) is not None]
        unknown = [r for r in rows if r.measure(sort) is None]
        known.sort(
            key=lambda r: (r.measure(sort), vietnamese_sort_key(r.area.short_name)),
            reverse=order == "desc",
        )
        ordered = known + sorted(
            unknown, key=lambda r: vietnamese_sort_key(r.area.short_name)
        )
    for rank, row in enumerate(ordered, start=1):
        row.rank = rank if sort == "name" or row.measure(sort) is not None else 0
    return ordered


def ranking_export(*, year: int, source: str, rows: list[RankingRow]) -> tuple:
    headers = [
        _("Hạng"),
        _("Tỉnh, thành phố"),
        _("Mã địa bàn"),
        _("Năm"),
        _("Nguồn kinh phí"),
        _("Kế hoạch (đồng)"),
        _("Thực hiện (đồng)"),
        in_percent(_("Tỷ lệ thực hiện/kế hoạch")),
        _("Thực hiện năm trước (đồng)"),
        in_percent(_("Thực hiện so với năm trước")),
        _("Kế hoạch: cách tính, nếu là số tính ra"),
        _("Thực hiện: cách tính, nếu là số tính ra"),
    ]
    label = Figure.Fund(source).label
    table = [
        [
            row.rank or "",
            row.area.short_name,
            row.area.code,
            year,
            label,
            *map(number, (row.plan, row.executed)),
            percent(row.ratio),
            number(row.previous),
            percent(row.change),
            how_derived(row.plan),
            how_derived(row.executed),
        ]
        for row in rows
    ]
    return headers, table, f"xep-hang-tinh-{year}-{source}"


class RankingMixin(DownloadMixin):
    """The year, source, sort and order a ranking or a map is drawn for."""

    query_form_class = RankingQuery

    @cached_property
    def years(self) -> list[int]:
        return province_years()

    @cached_property
    def year(self) -> int | None:
        year = self.params["year"]
        if year is None:
            return self.years[0] if self.years else None
        if year not in self.years:
            raise Http404(_("Không có số liệu cho năm này."))
        return year

    @cached_property
    def source(self) -> str:
        return self.params["source"] or Figure.Fund.ALL

    @cached_property
    def sort(self) -> str:
        return self.params["sort"] or "executed"

    @cached_property
    def rows(self) -> list[RankingRow]:
        if self.year is None:
            return []
        rows = ranking_rows(year=self.year, source=self.source)
        return sorted_rows(rows, sort=self.sort, order=self.order)

    @cached_property
    def order(self) -> str:
        return self.params["order"] or ("asc" if self.sort == "name" else "desc")

    def sort_links(self) -> dict[str, dict]:
        """Each column's address sorted by it: the current column the other
        way round, another in its natural order (largest first, names A–Z)."""
        kept = {
            name: value
            for name, value in self.params.items()
            if value not in (None, "") and name not in ("format", "sort", "order")
        }
        links = {}
        for value, label in SORTS:
            query = {**kept, "sort": value}
            if value == self.sort:
                query["order"] = "asc" if self.order == "desc" else "desc"
            links[value] = {
                "label": label,
                "query": urlencode(query),
                "current": value == self.sort,
            }
        return links

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            years=self.years,
            year=self.year,
            source=self.source,
            sources=Figure.Fund.choices,
            sort=self.sort,
            sorts=SORTS,
            order=self.order,
            order_word="ascending" if self.order == "asc" else "descending",
            sort_label=dict(SORTS)[self.sort],
            source_label=Figure.Fund(self.source).label,
            sort_links=self.sort_links(),
            map_query=urlencode(
                {"year": self.year or "", "source": self.source, "sort": self.sort}
            ),
            rows=self.rows,
            money=table_unit(
                [value for r in self.rows for value in (r.plan, r.executed)]
            ),
            api_query=urlencode(
                {
                    "area_kind": Area.Kind.PROVINCE,
                    "year": self.year or "",
                    "fund": self.source,
                    "indicator": MONEY,
                }
            ),  # fmt: skip
            **kwargs,
        )

    def export(self):
        return ranking_export(year=self.year, source=self.source, rows=self.rows)


class RankingView(RankingMixin, TemplateView):
    template_name = "funding/ranking.html"
