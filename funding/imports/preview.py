"""What a preview shows of an import plan, most important first.

A summary by indicator, area, fund, year and measure (how many figures are
new, changed and unchanged, and their totals before and after), then the
figures themselves: changed ones first (old → new, with the published
articles that use them, as ``funding.core.usage`` reports), then new, then
unchanged, filtered by status, area and indicator and paginated over every
row of the file. Values are formatted with their unit
(``funding.core.formatting``); labels are built for the shown page only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from ..core.formatting import format_value
from ..core.models import Figure
from ..core.usage import figure_users
from .plan import ImportPlan, PlannedFigure, figure_label
from .words import Lookups

#: Figures per page of the preview.
PAGE_SIZE = 50
#: Summary groups shown (those with changes first); the rest are counted.
SUMMARY_GROUPS = 100
STATUSES = ("changed", "new", "unchanged")
_ORDER = {status: rank for rank, status in enumerate(STATUSES)}


@dataclass
class SummaryGroup:
    """One indicator, area, fund, year and measure of the file."""

    indicator: object
    area: object
    fund: str
    year: int
    measure: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    before: Decimal = Decimal(0)
    after: Decimal = Decimal(0)

    @property
    def fund_label(self) -> str:
        return Figure.Fund(self.fund).label

    @property
    def measure_label(self) -> str:
        return Figure.Measure(self.measure).label

    @property
    def before_text(self) -> str:
        return format_value(self.before, self.indicator)

    @property
    def after_text(self) -> str:
        return format_value(self.after, self.indicator)


@dataclass
class PreviewRow:
    """A figure of the page: its row, label, status and values in words."""

    planned: PlannedFigure
    label: str
    old_text: str
    new_text: str
    users: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.planned.status


def summarise(plan: ImportPlan, by_id: dict) -> tuple[list[SummaryGroup], int]:
    """The groups of the plan, those with changed figures first, then new,
    and how many more groups there are than ``SUMMARY_GROUPS``."""
    groups: dict[tuple, SummaryGroup] = {}
    for planned in plan.figures:
        indicator_id, area_id, fund, _content, year, _kind, _end, measure = planned.key
        group_key = (indicator_id, area_id, fund, year, measure)
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = SummaryGroup(
                by_id["indicator"][indicator_id],
                by_id["area"][area_id],
                fund,
                year,
                measure,
            )
        group.counts[planned.status] += 1
        group.after += planned.value
        if planned.old_value is not None:
            group.before += planned.old_value
    ordered = sorted(
        groups.values(),
        key=lambda g: (
            -g.counts["changed"],
            -g.counts["new"],
            str(g.area),
            g.year,
            g.fund,
            g.measure,
        ),
    )
    return ordered[:SUMMARY_GROUPS], max(0, len(ordered) - SUMMARY_GROUPS)


@dataclass
class Preview:
    """A page of the preview and what the page needs to show it."""

    plan: ImportPlan
    groups: list[SummaryGroup]
    more_groups: int
    page: object
    rows: list[PreviewRow]
    areas: list
    indicators: list
    filters: dict

    @property
    def query(self) -> str:
        """The filters as a query string, for the page links."""
        return urlencode({k: v for k, v in self.filters.items() if v})

    @property
    def status_choices(self) -> list[tuple[str, str]]:
        return [
            ("changed", _("thay đổi")),
            ("new", _("mới")),
            ("unchanged", _("không đổi")),
        ]


def _matches(planned: PlannedFigure, filters: dict) -> bool:
    return (
        (not filters["status"] or planned.status == filters["status"])
        and (not filters["area"] or planned.key[1] == filters["area"])
        and (not filters["indicator"] or planned.key[0] == filters["indicator"])
    )


def read_filters(query) -> dict:
    """The filters of a query string (anything unknown is no filter)."""

    def number(name):
        text = query.get(name, "")
        return int(text) if text.isdigit() else None

    status = query.get("status", "")
    return {
        "status": status if status in STATUSES else "",
        "area": number("area"),
        "indicator": number("indicator"),
    }


def build_preview(plan: ImportPlan, query, *, with_users: bool = True) -> Preview:
    """The preview of ``plan`` for a request's query string (``status``,
    ``area``, ``indicator``, ``page``)."""
    by_id = Lookups().by_id()
    filters = read_filters(query)
    groups, more = summarise(plan, by_id)
    chosen = sorted(
        (p for p in plan.figures if _matches(p, filters)),
        key=lambda p: (_ORDER[p.status], p.row),
    )
    page = Paginator(chosen, PAGE_SIZE).get_page(query.get("page"))
    rows = [_row(planned, by_id) for planned in page.object_list]
    if with_users:
        _add_users(rows)
    area_ids = {p.key[1] for p in plan.figures}
    indicator_ids = {p.key[0] for p in plan.figures}
    return Preview(
        plan=plan,
        groups=groups,
        more_groups=more,
        page=page,
        rows=rows,
        areas=sorted((by_id["area"][pk] for pk in area_ids), key=str),
        indicators=sorted((by_id["indicator"][pk] for pk in indicator_ids), key=str),
        filters=filters,
    )


def _row(planned: PlannedFigure, by_id: dict) -> PreviewRow:
    indicator = by_id["indicator"][planned.key[0]]
    return PreviewRow(
        planned=planned,
        label=planned.label or figure_label(planned, by_id),
        old_text=(
            ""
            if planned.old_value is None
            else format_value(planned.old_value, indicator)
        ),
        new_text=format_value(planned.value, indicator),
    )


def _add_users(rows: list[PreviewRow]) -> None:
    """The published articles that use each changed figure of the page."""
    changed = {row.planned.pk: row for row in rows if row.status == "changed"}
    for figure in Figure.objects.filter(pk__in=changed).with_dimensions():
        changed[figure.pk].users = figure_users(figure)
