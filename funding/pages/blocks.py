"""Data blocks as readers see them: tables with computed figures beside the
stored ones, and an optional chart, built from a block and its figures.

A block is the article's (``news``); this needs of it only its title, its
display, its anchor, its areas and its last year (for the link to the
figures' pages), and the figures its selection names. Every derived figure
goes through ``funding.core.derived`` (the same arithmetic as the figure pages
and the checker); only the arrangement is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..core import derived as calc
from ..core.derived import Derived
from ..core.models import Area, Figure, Indicator
from .charts import Bar, bar_chart
from .tables import Value, _safe, stored

ALL = Figure.Fund.ALL
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
    area: Area
    fund: str
    period: str
    year: int
    period_kind: str
    period_end: object
    plan: Value | None = None
    executed: Value | None = None
    estimate: Value | None = None
    ratio: Derived | None = None
    share: Derived | None = None
    nation_share: Derived | None = None
    change: Derived | None = None

    @property
    def fund_label(self) -> str:
        return Figure.Fund(self.fund).label

    @property
    def label(self) -> str:
        return f"{self.area.short_name} – {self.fund_label} – {self.period}"

    @property
    def main(self) -> Value | None:
        return self.executed or self.estimate or self.plan

    @property
    def figures(self) -> list[Figure]:
        return [v.figure for v in (self.plan, self.executed, self.estimate) if v]

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
    def data_url(self) -> str:
        """The /so-lieu/ view of the same area and year."""
        area = next(
            (a for a in self.block.areas.all() if a.kind != Area.Kind.NATION), None
        ) or next(iter(self.block.areas.all()), None)
        query = {"year": self.block.year_to}
        if area is not None:
            query["area"] = area.code
        return f"{reverse('funding:overview')}?{urlencode(query)}"


def build(block, figures: list[Figure] | None = None) -> BlockView:
    """The tables of a block from its figures (read once)."""
    figures = list(block.figures()) if figures is None else figures
    index = {
        (f.indicator_id, f.area_id, f.fund, f.period_end, f.measure): f for f in figures
    }
    tables: dict[int, IndicatorTable] = {}
    rows: dict[tuple, BlockRow] = {}
    for figure in figures:
        table = tables.setdefault(
            figure.indicator_id, IndicatorTable(indicator=figure.indicator)
        )
        key = (
            figure.indicator_id,
            figure.area_id,
            figure.fund,
            figure.period_end,
        )
        row = rows.get(key)
        if row is None:
            row = rows[key] = BlockRow(
                area=figure.area,
                fund=figure.fund,
                period=figure.period_label,
                year=figure.year,
                period_kind=figure.period_kind,
                period_end=figure.period_end,
            )
            table.rows.append(row)
        setattr(row, figure.measure, stored(figure))

    def find(indicator_id, area_id, fund, period_end, measure) -> Value | None:
        return stored(index.get((indicator_id, area_id, fund, period_end, measure)))

    nation_ids = {f.area_id for f in figures if f.area.kind == Area.Kind.NATION}
    for (indicator_id, area_id, fund, period_end), row in rows.items():
        year_end = Figure.period_end_for(Figure.PeriodKind.YEAR, row.year)
        plan = find(indicator_id, area_id, fund, year_end, PLAN)
        done = row.executed or row.estimate
        row.ratio = _safe(calc.ratio, done, plan)
        measure = EXECUTED if row.executed else ESTIMATE if row.estimate else PLAN
        if fund != ALL:
            row.share = _safe(
                calc.share,
                row.main,
                find(indicator_id, area_id, ALL, period_end, measure),
            )
        if area_id not in nation_ids:
            for nation_id in nation_ids:
                row.nation_share = _safe(
                    calc.share,
                    row.main,
                    find(indicator_id, nation_id, fund, period_end, measure),
                )
        earlier = Figure.shift_period_end(row.period_kind, period_end, -1)
        row.change = _safe(
            calc.change, row.main, find(indicator_id, area_id, fund, earlier, measure)
        )
    ordered = sorted(
        tables.values(), key=lambda t: (t.indicator.position, t.indicator.name)
    )
    for table in ordered:
        table.rows.sort(
            key=lambda r: (
                r.area.kind != Area.Kind.REGION,
                r.area.kind,
                r.area.short_name,
                r.period_end,
                [ALL, Figure.Fund.KCQG, Figure.Fund.KCDP].index(r.fund),
            )
        )
    view = BlockView(block=block, tables=ordered)
    if block.display == Display.CHART:
        bars = [
            Bar(
                label=row.label,
                plan=row.plan.value if row.plan else None,
                executed=row.main.value if row.executed or row.estimate else None,
            )
            for table in ordered
            if table.indicator.unit == Indicator.Unit.VND
            for row in table.rows
        ]
        view.chart = bar_chart(bars, block.title, chart_id=f"{block.anchor}-chart")
    return view
