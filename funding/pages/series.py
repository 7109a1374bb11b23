"""An area over the years (``/so-lieu/qua-cac-nam/<code>/``): each measure
(plan, executed, estimate, target) of every year, drawn as a line chart
(server-side SVG, ``funding/_line_chart_svg.html``) with the table beside
it.

Amounts come from ``funding.core.rollup.completed_cells`` (a fund
triple's third derived; a province made by the 2025 merger has for earlier
years the sum of the provinces it replaced, a region that of its members
each year), and every ratio and change from ``funding.core.derived``. A
fixed number of queries whatever the years.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from khuyencong.params import QueryForm

from ..core import derived
from ..core.cells import derive
from ..core.formatting import amount_unit, format_number
from ..core.models import Area, Figure, ProgrammeContent
from ..core.rollup import completed_cells
from .downloads import DownloadMixin, how_derived, in_percent, number, percent
from .params import TableQuery
from .ranking import table_unit
from .tables import MONEY

MEASURES = Figure.Measure
#: Each measure's line: colour and dash (none for executed, the main one).
LINES = {
    MEASURES.PLAN: ("#1f5f99", "6 4"),
    MEASURES.EXECUTED: ("#0b2540", ""),
    MEASURES.ESTIMATE: ("#9a4a06", "2 3"),
    MEASURES.TARGET: ("#166534", "10 3 2 3"),
}
WIDTH, HEIGHT = 340, 230
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 28, 26


def area_series(*, area: Area, source: str) -> dict:
    """Every year's measures for ``area`` (sums of its parts where it has
    no figure of its own)."""
    cells = completed_cells(
        [area], None, indicator__code=MONEY,
        period_kind=Figure.PeriodKind.YEAR, content__code=ProgrammeContent.ALL,
    )  # fmt: skip
    groups = {
        (cell.as_figure.year, cell.as_figure.measure): cell
        for cell in cells
        if cell.as_figure.area_id == area.pk and cell.as_figure.fund == source
    }
    years = sorted({year for year, _measure in groups})
    measures = [m for m in MEASURES.values if any(k[1] == m for k in groups)]
    rows, previous = [], None
    for year in years:
        values = {m: groups.get((year, m)) for m in MEASURES.values}
        executed = values[MEASURES.EXECUTED]
        rows.append({
            "year": year,
            "values": [values[m] for m in measures],
            "by_measure": values,
            "ratio": derive(derived.ratio, executed, values[MEASURES.PLAN]),
            "change": derive(derived.change, executed, previous)
            if previous is not None and executed is not None else None,
        })  # fmt: skip
        previous = executed
    return {"years": years, "measures": measures, "rows": rows}


@dataclass
class Line:
    measure: str
    label: str
    colour: str
    dash: str
    segments: list[str]
    points: list[dict]


def line_chart(series: dict) -> dict | None:
    """The chart's geometry: lines (broken where a year is missing), the
    y axis in one unit (said once, in the axis title), the years beneath."""
    values = [v.value for row in series["rows"] for v in row["values"] if v is not None]
    if not values:
        return None
    unit, scale = amount_unit(max(values))
    top = max(values) / scale or Decimal(1)
    years = series["years"]
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM

    def x(year):
        if len(years) == 1:
            return LEFT + span_x / 2
        return LEFT + span_x * (year - years[0]) / (years[-1] - years[0])

    def y(value):
        return TOP + span_y * (1 - float(value / scale / top))

    lines = []
    labels = dict(MEASURES.choices)
    for index, measure in enumerate(series["measures"]):
        colour, dash = LINES[measure]
        points, segments, current = [], [], []
        for row in series["rows"]:
            value = row["values"][index]
            if value is None:
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            px, py = round(x(row["year"]), 1), round(y(value.value), 1)
            current.append(f"{px},{py}")
            points.append({"x": px, "y": py, "year": row["year"],
                           "value": format_number(value.value / scale)})  # fmt: skip
        if current:
            segments.append(" ".join(current))
        lines.append(Line(measure, labels[measure], colour, dash, segments, points))
    step = 1 if len(years) <= 7 else 2
    ticks = [
        {"y": round(y(top * scale * k / 4), 1), "label": format_number(top * k / 4)}
        for k in range(5)
    ]
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM, "unit": unit, "lines": lines, "ticks": ticks,
        "years": [{"x": round(x(yr), 1), "label": yr} for yr in years[::step]],
    }  # fmt: skip


class SeriesQuery(QueryForm):
    source = TableQuery.base_fields["source"]
    format = TableQuery.base_fields["format"]


class SeriesView(DownloadMixin, DetailView):
    """An area's measures over the years, for one funding source."""

    query_form_class = SeriesQuery
    template_name = "funding/series.html"
    context_object_name = "area"
    slug_field = slug_url_kwarg = "code"

    def get_queryset(self):
        return Area.objects.all()

    @cached_property
    def source(self) -> str:
        return self.params["source"] or Figure.Fund.ALL

    @cached_property
    def series(self) -> dict:
        return area_series(area=self.object, source=self.source)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            source=self.source,
            sources=Figure.Fund.choices,
            series=self.series,
            measure_labels=[dict(MEASURES.choices)[m] for m in self.series["measures"]],
            chart=line_chart(self.series),
            money=table_unit(v for row in self.series["rows"] for v in row["values"]),
            api_query=urlencode(
                {"area": self.object.code, "fund": self.source, "indicator": MONEY}
            ),
            **kwargs,
        )

    def export(self):
        labels = dict(MEASURES.choices)
        measures = self.series["measures"]
        headers = [
            _("Địa bàn"), _("Năm"), _("Nguồn kinh phí"),
            *(_("%(measure)s (đồng)") % {"measure": labels[m]} for m in measures),
            in_percent(_("Tỷ lệ thực hiện/kế hoạch")),
            in_percent(_("Thực hiện so với năm trước")),
            *(_("%(column)s: cách tính, nếu là số tính ra") % {"column": labels[m]}
              for m in measures),
        ]  # fmt: skip
        label = Figure.Fund(self.source).label
        rows = [
            [self.object.short_name, row["year"], label,
             *map(number, row["values"]), percent(row["ratio"]), percent(row["change"]),
             *map(how_derived, row["values"])]
            for row in self.series["rows"]
        ]  # fmt: skip
        return headers, rows, f"qua-cac-nam-{self.object.code}-{self.source}"
