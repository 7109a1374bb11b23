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

from collections import namedtuple
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from ..core.formatting import format_value
from ..core.models import Figure
from ..core.usage import figure_users
from .plan import ImportPlan, PlannedFigure
from .stored import figure_label
from .words import EXACT, Lookups

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


#: A figure of a kept preview: plain values, in the order shown.
Row = namedtuple("Row", "status row key value old_value pk")


class PreviewIndex:
    """What the preview shows of a plan, kept beside it (``funding.imports.
    spool``) when the plan is made: its counts, errors and summary, and its
    figures as plain tuples sorted as shown (changed, new, unchanged; then
    by row). Each visit of the preview reads this, not the whole plan; it
    answers what the import page asks of a plan (counts, errors)."""

    def __init__(self, plan: ImportPlan):
        self.file_name, self.sha256, self.sheet = (
            plan.file_name,
            plan.sha256,
            plan.sheet,
        )
        self.errors, self.stopped_at = plan.errors, plan.stopped_at
        self.warnings, self.unused = plan.warnings, plan.unused
        self.layout, self.confirmed = plan.layout, plan.confirmed
        self.counts = dict.fromkeys(STATUSES, 0)
        for planned in plan.figures:
            self.counts[planned.status] += 1
        self.rows = sorted(
            (
                (p.status, p.row, p.key, p.value, p.old_value, p.pk)
                for p in plan.figures
            ),
            key=lambda t: (_ORDER[t[0]], t[1]),
        )
        self.groups, self.more_groups = _summarise(plan)

    @property
    def figures(self) -> list[Row]:
        return [Row(*t) for t in self.rows]

    def count(self, status: str) -> int:
        return self.counts[status]

    @property
    def count_new(self) -> int:
        return self.counts["new"]

    @property
    def count_changed(self) -> int:
        return self.counts["changed"]

    @property
    def count_unchanged(self) -> int:
        return self.counts["unchanged"]

    @property
    def can_apply(self) -> bool:
        return (
            not self.errors
            and bool(self.rows)
            and (self.confirmed or not self.warnings)
        )


def _summarise(plan: ImportPlan) -> tuple[list[tuple], int]:
    """The groups of the plan as plain values, those with changed figures
    first, then new; and how many more there are than ``SUMMARY_GROUPS``."""
    groups: dict[tuple, list] = {}
    for planned in plan.figures:
        indicator_id, area_id, fund, _content, year, _kind, _end, measure = planned.key
        group_key = (indicator_id, area_id, fund, year, measure)
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = [
                dict.fromkeys(STATUSES, 0),
                Decimal(0),
                Decimal(0),
            ]
        group[0][planned.status] += 1
        group[2] += planned.value
        if planned.old_value is not None:
            group[1] += planned.old_value
    ordered = sorted(
        groups.items(),
        key=lambda item: (
            -item[1][0]["changed"],
            -item[1][0]["new"],
            item[0][3],
            item[0],
        ),
    )
    return [(*k, *v) for k, v in ordered[:SUMMARY_GROUPS]], max(
        0, len(ordered) - SUMMARY_GROUPS
    )


@dataclass
class Preview:
    """A page of the preview and what the page needs to show it."""

    plan: PreviewIndex
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


def _matches(row: tuple, filters: dict) -> bool:
    status, _row, key = row[:3]
    return (
        (not filters["status"] or status == filters["status"])
        and (not filters["area"] or key[1] == filters["area"])
        and (not filters["indicator"] or key[0] == filters["indicator"])
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


def build_preview(index: PreviewIndex, query, *, with_users: bool = True) -> Preview:
    """The preview of a kept plan for a request's query string (``status``,
    ``area``, ``indicator``, ``page``)."""
    by_id = Lookups().by_id()
    filters = read_filters(query)
    chosen = [row for row in index.rows if _matches(row, filters)]
    page = Paginator(chosen, PAGE_SIZE).get_page(query.get("page"))
    rows = [_row(Row(*row), by_id) for row in page.object_list]
    if with_users:
        _add_users(rows)
    groups = [
        SummaryGroup(by_id["indicator"][g[0]], by_id["area"][g[1]], *g[2:5], *g[5:8])
        for g in index.groups
    ]
    area_ids = {row[2][1] for row in index.rows}
    indicator_ids = {row[2][0] for row in index.rows}
    return Preview(
        plan=index,
        groups=groups,
        more_groups=index.more_groups,
        page=page,
        rows=rows,
        areas=sorted((by_id["area"][pk] for pk in area_ids), key=str),
        indicators=sorted((by_id["indicator"][pk] for pk in indicator_ids), key=str),
        filters=filters,
    )


def _row(row: Row, by_id: dict) -> PreviewRow:
    indicator = by_id["indicator"][row.key[0]]
    planned = PlannedFigure(
        row.row,
        row.key,
        row.value,
        EXACT,
        None,
        status=row.status,
        old_value=row.old_value,
        pk=row.pk,
    )
    return PreviewRow(
        planned=planned,
        label=figure_label(planned, by_id),
        old_text=""
        if row.old_value is None
        else format_value(row.old_value, indicator),
        new_text=format_value(row.value, indicator),
    )


def _add_users(rows: list[PreviewRow]) -> None:
    """The published articles that use each changed figure of the page."""
    changed = {row.planned.pk: row for row in rows if row.status == "changed"}
    for figure in Figure.objects.filter(pk__in=changed).with_dimensions():
        changed[figure.pk].users = figure_users(figure)
