"""A data block's table laid out to read on a phone (templates
``includes/data_block/_tables.html``): what every row shares said once
above the table instead of a column repeating it, the unit said once in
the caption (the cells are numbers in that unit), and each row's sources
as footnote marks listed under the table instead of a column of titles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import template

from funding.core.formatting import amount_unit, format_number
from funding.core.models import Indicator

from .funding_tags import amount

register = template.Library()

#: The columns naming what a row is, in the order shown.
ROW_NAMES = {
    "area": lambda row: row.area.short_name,
    "fund": lambda row: row.fund_label,
    "period": lambda row: row.period,
}


@dataclass
class TableLayout:
    anchor: str
    unit: str
    scale: Decimal
    columns: list[str]
    shared: list[str]
    rows: list[tuple] = field(default_factory=list)
    documents: list[tuple] = field(default_factory=list)


def _unit(table) -> tuple[str, Decimal]:
    """The unit of the whole table: for money, the one that suits its
    largest amount (tỷ đồng…); for a count, its noun."""
    indicator = table.indicator
    if indicator.unit != Indicator.Unit.VND:
        return indicator.count_noun, Decimal(1)
    values = [abs(cell.value) for row in table.rows for cell in row.cells]
    return amount_unit(max(values, default=Decimal(0)))


@register.simple_tag
def table_layout(table, block_anchor: str, number: int) -> TableLayout:
    """How to show ``table``: which of area, fund and period vary from row
    to row (columns; at least the area) and which all rows share (said
    once), its unit, and its source documents numbered in order of first
    use (linked from the marks by ids made of the block's anchor and the
    table's ``number`` in the block)."""
    anchor = f"{block_anchor}-{number}"
    rows = table.rows
    columns = [
        name
        for name, label in ROW_NAMES.items()
        if len({label(row) for row in rows}) > 1
    ] or ["area"]
    shared = [
        label(rows[0]) for name, label in ROW_NAMES.items() if name not in columns
    ] if rows else []  # fmt: skip
    unit, scale = _unit(table)
    numbers: dict[int, int] = {}
    layout = TableLayout(
        anchor=anchor, unit=unit, scale=scale, columns=columns, shared=shared
    )
    for row in rows:
        marks = []
        for document in row.sources:
            if document.pk not in numbers:
                numbers[document.pk] = len(numbers) + 1
                layout.documents.append(
                    (numbers[document.pk], document, f"{anchor}-nguon-{len(numbers)}")
                )
            marks.append(
                (numbers[document.pk], f"{anchor}-nguon-{numbers[document.pk]}")
            )
        layout.rows.append((row, marks))
    return layout


@register.inclusion_tag("funding/tags/amount.html")
def amount_in(value, scale: Decimal, indicator=None):
    """``amount``, the number shown in the table's unit (``scale``: 10⁹ for
    tỷ đồng) without repeating it (the caption says it); its exact value
    and source stay in its title."""
    context = amount(value, indicator)
    if not context.get("missing"):
        context["shown"] = format_number(
            getattr(value, "quantity", value).value / scale
        )
    return context


@register.simple_tag
def rows_unit(rows, *names: str, extra=None) -> dict:
    """``money_unit`` of the ``names`` columns of ``rows`` (dicts or
    objects) and of ``extra`` (a row, e.g. a table's total): a figures
    page's table says its unit once, in its caption."""
    rows = [*rows, *([extra] if extra else [])]

    def read(row, name):
        return row.get(name) if isinstance(row, dict) else getattr(row, name, None)

    return money_unit(*([read(row, name) for row in rows] for name in names))


@register.simple_tag
def money_unit(*columns) -> dict:
    """The unit that suits the largest amount of ``columns`` (lists of
    cells, sums or None): ``{"unit": "tỷ đồng", "scale": 10⁹}``."""
    values = [abs(v.value) for column in columns for v in column if v is not None]
    unit, scale = amount_unit(max(values, default=Decimal(0)))
    return {"unit": unit, "scale": scale}
