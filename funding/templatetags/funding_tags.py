"""Figures in templates: formatted the Vietnamese way, linked to their source,
derived ones with the computation that produced them."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from funding.core.derived import Quantity
from funding.core.formatting import (
    format_amount,
    format_exact,
    format_percent,
    format_value,
)
from funding.core.models import Figure
from funding.pages.tables import Value

register = template.Library()

MISSING = "—"


@register.simple_tag
def amount(cell, indicator=None):
    """A stored or summed value; a stored figure links to its page and source."""
    if cell is None:
        return format_html(
            '<span class="missing" title="{}">{}</span>', _("chưa có số liệu"), MISSING
        )
    if isinstance(cell, Figure):
        cell = Value(Quantity.of(cell), figure=cell)
    figure = getattr(cell, "figure", None)
    derived = getattr(cell, "derived", None)
    quantity = getattr(cell, "quantity", cell)
    indicator = indicator or (figure.indicator if figure else None)
    shown = (
        format_value(quantity.value, indicator)
        if indicator
        else format_amount(quantity.value)
    )
    exact = (
        format_exact(quantity.value, indicator)
        if indicator
        else format_exact(quantity.value) + " đồng"
    )
    if figure is not None:
        return format_html(
            '<a class="figure" href="{}" title="{} – {}: {}"><data value="{}">{}</data></a>',
            figure.get_absolute_url(),
            exact,
            _("nguồn"),
            figure.source,
            quantity.value,
            shown,
        )
    if derived is not None:
        return format_html(
            '<span class="derived-amount"><data value="{}" title="{}">{}</data>'
            '<small class="formula">= {}</small></span>',
            quantity.value,
            exact,
            shown,
            derived.explanation,
        )
    return format_html(
        '<data value="{}" title="{}">{}</data>', quantity.value, exact, shown
    )


@register.simple_tag
def derived(value):
    """A computed percentage with its inputs shown beneath it."""
    if value is None:
        return format_html(
            '<span class="missing" title="{}">{}</span>',
            _("không tính được: thiếu số liệu"),
            MISSING,
        )
    sign = "+" if value.kind == "change" and value.value > 0 else ""
    return format_html(
        '<span class="derived"><data value="{}">{}{}</data><small class="formula">{}</small></span>',
        value.value,
        sign,
        format_percent(value.value),
        value.explanation,
    )
