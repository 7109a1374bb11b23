"""Figures in templates: formatted the Vietnamese way, linked to their source,
derived ones with the computation that produced them. The markup is in
``templates/funding/tags/``."""

from django import template

from funding.core.cells import Cell
from funding.core.formatting import (
    format_amount,
    format_exact,
    format_percent,
    format_plain,
    format_value,
)
from funding.core.models import Figure

register = template.Library()


@register.inclusion_tag("funding/tags/amount.html")
def amount(value, indicator=None):
    """A stored figure, a ``Cell`` (stored or derived), or a plain sum (a
    ``Quantity``); ``indicator`` gives the unit when the value does not."""
    if value is None:
        return {"missing": True}
    if isinstance(value, Figure):
        value = Cell.of(value)
    quantity = getattr(value, "quantity", value)
    # A stored figure (a cell's, or a quantity's input) links to its page.
    figure = getattr(value, "figure", None)
    derived = getattr(value, "derived", None)
    shown_as = getattr(value, "as_figure", None) or figure
    indicator = indicator or (shown_as.indicator if shown_as else None)
    number = quantity.value
    context = {
        "value": number,
        "figure": figure,
        "derived": derived,
        "shown": format_value(number, indicator)
        if indicator
        else format_amount(number),
        "exact": format_exact(number, indicator)
        if indicator
        else format_exact(number) + " đồng",
    }
    if derived is not None:
        context.update(
            low=format_plain(derived.low, indicator),
            high=format_plain(derived.high, indicator),
        )
    return context


@register.inclusion_tag("funding/tags/derived.html")
def derived(value):
    """A computed percentage (a ``Derived``) with its inputs beneath it."""
    if value is None:
        return {"missing": True}
    return {
        "value": value.value,
        "sign": "+" if value.kind == "change" and value.value > 0 else "",
        "percent": format_percent(value.value),
        "explanation": value.explanation,
    }
