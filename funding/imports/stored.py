"""Comparing the figures of a valid plan with what is stored: which are
new, changed or unchanged (``compare_with_stored``), read as plain tuples;
and a figure's description in words (``figure_label``). Used by
``funding.imports.plan`` at preview and by ``funding.imports.writes`` at
confirmation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.models import Figure
from .words import Lookups

if TYPE_CHECKING:
    from .plan import ImportPlan, PlannedFigure

#: A figure's identity as columns (``Figure.KEY_FIELDS``).
KEY_FIELDS = Figure.key_columns()

#: How many rows the admin preview lists (all are validated and counted).
PREVIEW_ROWS = 500


def stored_state(figures: list[PlannedFigure]) -> dict[tuple, tuple]:
    """What is stored under the keys of ``figures``: key → (id, value,
    rounding, note), read as plain tuples (a file may touch areas and years that
    already hold hundreds of thousands of figures; model instances for all
    of them would be slow and large)."""
    stored = {}
    rows = Figure.objects.filter(
        indicator__in={c.key[0] for c in figures},
        area__in={c.key[1] for c in figures},
        content__in={c.key[3] for c in figures},
        year__in={c.key[4] for c in figures},
    ).values_list(*KEY_FIELDS, "pk", "value", "rounding", "note")
    for row in rows.iterator(chunk_size=20000):
        stored[row[:8]] = row[8:]
    return stored


def compare_with_stored(plan: ImportPlan) -> None:
    """Mark each figure of a valid plan new, changed (with the stored value)
    or unchanged, from what the database holds now.

    Run at preview; what it found is each figure's ``before``, which the
    confirmation checks again under a lock (``apply_import``).
    """
    stored = stored_state(plan.figures)
    for planned in plan.figures:
        existing = stored.get(planned.key)
        if existing is None:
            planned.status, planned.pk = "new", None
            planned.old_value = planned.old_rounding = planned.old_note = None
        else:
            planned.pk, planned.old_value, planned.old_rounding, planned.old_note = (
                existing
            )
            same = (
                planned.old_value == planned.value
                and planned.old_rounding == planned.rounding
                and planned.old_note == planned.note
            )
            planned.status = "unchanged" if same else "changed"
    by_id = Lookups().by_id()
    for planned in plan.figures[:PREVIEW_ROWS]:
        planned.label = figure_label(planned, by_id)


def figure_label(planned: PlannedFigure, by_id: dict[str, dict]) -> str:
    """What a figure of the file is, in words: indicator – area – source –
    content – period – measure."""
    f = planned.figure
    return " – ".join(
        [
            by_id["indicator"][f.indicator_id].name,
            str(by_id["area"][f.area_id]),
            str(Figure.Fund(f.fund).label),
            by_id["content"][f.content_id].name,
            f.period_label,
            str(Figure.Measure(f.measure).label),
        ]
    )
