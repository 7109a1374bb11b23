"""The tile-grid map of provinces (``/so-lieu/ban-do/``): one square per
province, placed roughly where it lies (``tilemap_grid``), coloured by the
chosen measure of the ranking (executed, plan, ratio to plan, change from
the year before), with its legend and the ranking's table as its
accessible alternative. Server-side SVG (``funding/_tilemap_svg.html``),
no outside map data, no script.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ..core.formatting import format_amount, format_percent
from ..core.models import Area
from .ranking import SORTS, RankingMixin, RankingRow
from .tilemap_grid import grid_for

TILE, GAP, MARGIN = 44, 4, 2
#: Light to dark (ColorBrewer "Blues", 5 classes); text dark then white.
COLOURS = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
TEXT = ["#1b1f24", "#1b1f24", "#1b1f24", "#ffffff", "#ffffff"]
NO_DATA = {"fill": "#ffffff", "text": "#595959"}
MEASURES = [(value, label) for value, label in SORTS if value != "name"]


@dataclass
class Tile:
    x: int
    y: int
    label: str
    name: str
    value: str
    fill: str
    text: str
    href: str


def abbreviations(names: list[str]) -> dict[str, str]:
    """Each name's initials ("Hồ Chí Minh": HCM), a one-word name as it is
    ("Huế"); names sharing initials after the first (north to south) get
    their last word's first two letters ("Hà Nam": HNa after "Hà Nội")."""
    taken, found = set(), {}
    for name in names:
        words = name.replace("-", " ").split()
        short = words[0] if len(words) == 1 else "".join(w[0] for w in words)
        if short in taken:
            short = "".join(w[0] for w in words[:-1]) + words[-1][:2]
        taken.add(short)
        found[name] = short
    return found


def number_of(area: Area) -> str:
    """The administrative code an area's code starts with ("58-truoc-2025": 58)."""
    return area.code.split("-")[0]


def tile_keys(areas, year: int) -> dict[str, Area]:
    """Which area each square of ``year``'s grid stands for: by code alone
    (its administrative number), among the areas that existed on the
    year's last day, so a province replaced in 2025 ("48-truoc-2025") and
    its successor ("48") never claim the same square; names play no part.
    Two areas for one square is a reference-data error, said as such."""
    grid, last_day = grid_for(year), date(year, 12, 31)
    found: dict[str, Area] = {}
    for area in areas:
        key = number_of(area)
        if key not in grid or not area.existed_on(last_day):
            continue
        if key in found and found[key].pk != area.pk:
            raise ValueError(f"{found[key].code} and {area.code} share tile {key}")
        found[key] = area
    return found


def match_areas(rows: list[RankingRow], year: int) -> dict[str, RankingRow]:
    """The ranking's rows by grid key (``tile_keys``)."""
    by_area = {row.area.pk: row for row in rows}
    return {
        key: by_area[area.pk]
        for key, area in tile_keys([row.area for row in rows], year).items()
    }


def bins(values: list[Decimal]) -> list[tuple[Decimal, Decimal]]:
    """Up to five classes of equal width from the smallest value to the largest."""
    if not values:
        return []
    low, high = min(values), max(values)
    if low == high:
        return [(low, high)]
    step = (high - low) / len(COLOURS)
    return [(low + step * i, low + step * (i + 1)) for i in range(len(COLOURS))]


def class_of(value: Decimal, classes) -> int:
    for index, (_low, high) in enumerate(classes):
        if value <= high:
            return index
    return len(classes) - 1


def shown(value: Decimal | None, measure: str) -> str:
    if value is None:
        return _("chưa có số liệu")
    if measure == "change" and value > 0:
        return "+" + format_percent(value)
    if measure in ("ratio", "change"):
        return format_percent(value)
    return format_amount(value)


def tiles(rows: list[RankingRow], *, year: int, measure: str) -> dict:
    """The map's squares, its size and its legend."""
    grid = grid_for(year)
    rows_by_key = match_areas(rows, year)
    values = [v for r in rows_by_key.values() if (v := r.measure(measure)) is not None]
    classes = bins(values)
    short = abbreviations([name for name, _c, _r in grid.values()])
    squares = []
    for key, (name, column, row_index) in grid.items():
        row = rows_by_key.get(key)
        value = row.measure(measure) if row else None
        colour = class_of(value, classes) if value is not None else None
        squares.append(
            Tile(
                x=MARGIN + column * (TILE + GAP),
                y=MARGIN + row_index * (TILE + GAP),
                label=short[name],
                name=row.area.short_name if row else name,
                value=shown(value, measure),
                fill=COLOURS[colour] if colour is not None else NO_DATA["fill"],
                text=TEXT[colour] if colour is not None else NO_DATA["text"],
                href=row.area.get_absolute_url() if row else "",
            )
        )
    columns = 1 + max(c for _n, c, _r in grid.values())
    rows_count = 1 + max(r for _n, _c, r in grid.values())
    legend = [
        {"fill": COLOURS[i], "low": shown(low, measure), "high": shown(high, measure)}
        for i, (low, high) in enumerate(classes)
    ]
    return {
        "tiles": squares,
        "width": 2 * MARGIN + columns * (TILE + GAP) - GAP,
        "height": 2 * MARGIN + rows_count * (TILE + GAP) - GAP,
        "tile": TILE,
        "legend": legend,
        "no_data": NO_DATA["fill"],
        "missing": sum(1 for key in grid if key not in rows_by_key),
    }


class TileMapView(RankingMixin, TemplateView):
    """The map for a year, a funding source and a measure (``sort``)."""

    template_name = "funding/tilemap.html"

    @property
    def measure(self) -> str:
        return self.sort if self.sort != "name" else "executed"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        measure = self.measure
        context.update(
            measure=measure,
            sorts=MEASURES,
            measure_label=dict(SORTS)[measure],
            map=tiles(self.rows, year=self.year, measure=measure)
            if self.year
            else None,
            ranking_query=urlencode(
                {"year": self.year or "", "source": self.source, "sort": measure}
            ),
        )
        return context
