"""What the officer sets for a report on the form or the command line
(year, area, columns declined or mapped), as ``read_table`` takes it."""

from __future__ import annotations

from ..core.models import Area
from .mapping import MappingError, column_maps_of
from .reading import ReadError
from .report_table import StatedArea


def report_context(
    *,
    year: int | None,
    area: Area | None,
    ignore_columns: frozenset[str],
    map_columns: str,
) -> dict:
    """What the officer set for a report, as ``read_table`` takes it."""
    try:
        maps = column_maps_of(map_columns)
    except MappingError as exc:
        raise ReadError(str(exc)) from exc
    return {
        "year": year,
        "area": None if area is None else StatedArea.of(area, Area.objects.all()),
        "ignore_columns": ignore_columns,
        "map_columns": maps,
    }
