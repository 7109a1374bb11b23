"""Data blocks as readers see them: tables with computed figures beside the
stored ones, and an optional chart, built from a block and its figures.

A block is the article's (``news``); this needs of it only its title, its
display, its anchor, its areas and its last year (for the link to the
figures' pages), its selection, and the figures it reads: every fund of
what it names (``Selection.figures(every_fund=True)``), so that a fund
triple with two funds stored shows its third, derived, and a fund's share
of all sources can be computed. Figures are looked up through
``funding.core.cells`` and every derived figure is computed by
``funding.core.derived`` (the same arithmetic as the figure pages and the
checker); only the arrangement is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..core import derived
from ..core.cells import Cell, FigureCells, FigureKey, derive, in_period, key_of
from ..core.derived import Derived
from ..core.models import Area, Figure, Indicator
from ..core.periods import Period
from ..core.selection import area_as_named
from .charts import Bar, bar_chart

ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
PLAN, EXECUTED, ESTIMATE = (
    Figure.Measure.PLAN,
    Figure.Measure.EXECUTED,
    Figure.Measure.ESTIMATE,
)


class Display(models.TextChoices):
    """How a block is shown."""

    TABLE = "table", _("Bảng")
    CHART = "chart", _("Bảng và biểu đồ cột")
    HIGHLIGHT = "highlight", _("Một số liệu nổi bật")


@dataclass
class BlockRow:
    """One area, fund and period of a block's table (``key``: its figures'
    identity, measure unset), its cells by measure and what follows."""

    key: FigureKey
    indicator: Indicator
    area: Area
    period: str
    plan: Cell | None = None
    executed: Cell | None = None
    estimate: Cell | None = None
    ratio: Derived | None = None
    share: Derived | None = None
    nation_share: Derived | None = None
    change: Derived | None = None

    @property
    def fund(self) -> str:
        return self.key.fund

    @property
    def fund_label(self) -> str:
        return Figure.Fund(self.fund).label

    @property
    def label(self) -> str:
        return f"{self.area.short_name} – {self.fund_label} – {self.period}"

    @property
    def main(self) -> Cell | None:
        return self.executed or self.estimate or self.plan

    @property
    def cells(self) -> list[Cell]:
        return [c for c in (self.plan, self.executed, self.estimate) if c]

    @property
    def figures(self) -> list[Figure]:
        """The stored figures it shows, or derives what it shows from."""
        return [figure for cell in self.cells for figure in cell.inputs]

    @property
    def sources(self) -> list:
        return list({f.source_id: f.source for f in self.figures}.values())


@dataclass
class IndicatorTable:
    indicator: Indicator
    rows: list[BlockRow] = field(default_factory=list)

    @property
    def columns(self) -> dict[str, bool]:
        """Which computed columns have at least one value."""
        return {
            name: any(getattr(r, name) is not None for r in self.rows)
            for name in (
                "plan",
                "executed",
                "estimate",
                "ratio",
                "share",
                "nation_share",
                "change",
            )
        }


@dataclass
class BlockView:
    block: object  # the data block
    tables: list[IndicatorTable]
    chart: str = ""

    @property
    def template_name(self) -> str:
        """The block's template: one per display (``Display``)."""
        display = self.block.display
        if display not in Display.values:
            display = Display.TABLE
        return f"includes/data_block/{display}.html"

    @property
    def is_empty(self) -> bool:
        return not any(t.rows for t in self.tables)

    @property
    def highlight(self) -> BlockRow | None:
        for table in self.tables:
            for row in table.rows:
                if row.main is not None:
                    return row
        return None

    @property
    def derived_figures(self) -> list[Figure]:
        """The figures it shows derived, as unsaved ``Figure``s (see
        ``Cell.as_figure``): for its download, after the stored ones."""
        return [
            cell.as_figure
            for table in self.tables
            for row in table.rows
            for cell in row.cells
            if cell.derived is not None
        ]

    @property
    def data_url(self) -> str:
        """The /so-lieu/ view of the same area and year."""
        area = next(
            (a for a in self.block.areas.all() if a.kind != Area.Kind.NATION), None
        ) or next(iter(self.block.areas.all()), None)
        query = {"year": self.block.year_to}
        if area is not None:
            query["area"] = area.code
        return f"{reverse('funding:overview')}?{urlencode(query)}"


def block_view(block, figures: list[Figure] | None = None) -> BlockView:
    """The tables (and chart) of ``block`` from the figures it reads (read
    now if not given)."""
    selection = block.selection
    if figures is None:
        figures = list(selection.figures(every_fund=True))
    cells = selection.cells(figures)
    rows = _rows(cells, selection)
    nation_ids = {f.area_id for f in figures if f.area.kind == Area.Kind.NATION}
    for row in rows:
        _compute(row, cells, nation_ids)
    tables = _tables(rows)
    view = BlockView(block=block, tables=tables)
    if block.display == Display.CHART:
        view.chart = _chart(block, tables)
    return view


def _rows(cells: FigureCells, selection) -> list[BlockRow]:
    """A row for each indicator, area, fund and period with a figure of a
    fund the block shows (stored or derived)."""
    rows: dict[FigureKey, BlockRow] = {}
    for cell in cells:
        figure = cell.as_figure
        if not (
            selection.shows_fund(figure.fund) and selection.shows_area(figure.area_id)
        ):
            continue
        key = key_of(figure)._replace(measure=None)
        if key not in rows:
            rows[key] = BlockRow(
                key=key,
                indicator=figure.indicator,
                # Named as it was then ("Thừa Thiên Huế" in 2022).
                area=area_as_named(figure),
                period=figure.period_label,
            )
        # Only plan, executed and estimate are columns (a target is not).
        setattr(rows[key], figure.measure, cell)
    return list(rows.values())


def _compute(row: BlockRow, cells: FigureCells, nation_ids: set[int]) -> None:
    """The row's ratio to the year's plan, share of all sources, share of
    the nation and change on the same period of the year before."""
    key = row.key
    plan = cells.get(in_period(key, Period.whole_year(key.year))._replace(measure=PLAN))
    row.ratio = derive(derived.ratio, row.executed or row.estimate, plan)
    measure = EXECUTED if row.executed else ESTIMATE if row.estimate else PLAN
    main = key._replace(measure=measure)
    if row.fund != ALL:
        row.share = derive(derived.share, row.main, cells.get(main._replace(fund=ALL)))
    if key.area not in nation_ids:
        for nation_id in nation_ids:
            row.nation_share = derive(
                derived.share, row.main, cells.get(main._replace(area=nation_id))
            )
    earlier = Period(key.period_kind, key.period_end).shifted(-1)
    row.change = derive(derived.change, row.main, cells.get(in_period(main, earlier)))


def _tables(rows: list[BlockRow]) -> list[IndicatorTable]:
    """The rows in a table per indicator, indicators in their order; in
    each, regions first, then the nation and provinces, by name, period and
    fund."""
    tables: dict[int, IndicatorTable] = {}
    for row in rows:
        table = tables.setdefault(
            row.indicator.pk, IndicatorTable(indicator=row.indicator)
        )
        table.rows.append(row)
    ordered = sorted(
        tables.values(), key=lambda t: (t.indicator.position, t.indicator.name)
    )
    for table in ordered:
        table.rows.sort(
            key=lambda r: (
                r.area.kind != Area.Kind.REGION,
                r.area.kind,
                r.area.short_name,
                r.key.period_end,
                r.key.period_kind,
                [ALL, KCQG, KCDP].index(r.fund),
            )
        )
    return ordered


def _chart(block, tables: list[IndicatorTable]) -> str:
    """Plan against executed (or estimated) for every amount row."""
    bars = [
        Bar(
            label=row.label,
            plan=row.plan.value if row.plan else None,
            executed=row.main.value if row.executed or row.estimate else None,
        )
        for table in tables
        if table.indicator.unit == Indicator.Unit.VND
        for row in table.rows
    ]
    return bar_chart(bars, block.title, chart_id=f"{block.anchor}-chart")
