"""Whether the money figures of a file are plausible for what they are.

A unit line that says "triệu đồng" over numbers in tỷ makes every figure a
thousand times too small, and nothing else in the file can show it: only
the magnitudes betray it. A province's khuyến công budget for a year is
some tỷ đồng, a programme content's some hundred triệu; a value far
outside what the indicator has held for that kind of area (or, before it
holds anything, outside these bounds) is shown to the officer, with the
unit it was read in, and needs a confirmation. A zero is no magnitude.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Max, Min
from django.utils.translation import gettext as _

from ..core.formatting import format_number
from ..core.models import Area, Figure, Indicator, ProgrammeContent
from .plan_rows import RowError

MILLION, BILLION = Decimal(10) ** 6, Decimal(10) ** 9
#: (all contents, one content) bounds in đồng for a province, by default.
PROVINCE_BOUNDS = ((10 * MILLION, 500 * BILLION), (5 * MILLION, 200 * BILLION))
#: How far outside what is stored a value may be before it is shown.
FACTOR = Decimal(100)
#: At most this many values are named; the rest are counted.
MAX_SHOWN = 5


def _bounds(
    indicator_id: int, kind: str, all_contents: bool
) -> tuple[Decimal, Decimal]:
    low, high = PROVINCE_BOUNDS[0 if all_contents else 1]
    if kind != Area.Kind.PROVINCE:
        high *= 100
    stored = (
        Figure.objects.filter(
            indicator_id=indicator_id, area__kind=kind, value__gt=0
        ).filter(content__code=ProgrammeContent.ALL)
        if all_contents
        else Figure.objects.filter(
            indicator_id=indicator_id, area__kind=kind, value__gt=0
        ).exclude(content__code=ProgrammeContent.ALL)
    ).aggregate(low=Min("value"), high=Max("value"))
    if stored["low"] is not None:
        low = min(low, stored["low"] / FACTOR)
        high = max(high, stored["high"] * FACTOR)
    return low, high


def implausible(figures, table) -> list[RowError]:
    """Warnings for the money figures far outside their plausible range."""
    money = set(
        Indicator.objects.filter(unit=Indicator.Unit.VND).values_list("pk", flat=True)
    )
    kinds = dict(Area.objects.values_list("pk", "kind"))
    all_id = (
        ProgrammeContent.objects.filter(code=ProgrammeContent.ALL)
        .values_list("pk", flat=True)
        .first()
    )
    bounds: dict[tuple, tuple[Decimal, Decimal]] = {}
    found = []
    for planned in figures:
        indicator, area, _fund, content = planned.key[:4]
        if indicator not in money or not planned.value:
            continue
        group = (indicator, kinds.get(area), content == all_id)
        if group not in bounds:
            bounds[group] = _bounds(*group)
        low, high = bounds[group]
        if not low <= planned.value <= high:
            found.append((planned, low, high))
    if not found:
        return []
    unit = _unit_source(table)
    warnings = [
        RowError(
            planned.row,
            planned.column,
            format_number(planned.value, 0),
            _(
                "giá trị %(value)s đồng nằm ngoài khoảng thường gặp (%(low)s – %(high)s đồng) "
                "của chỉ tiêu này với loại địa bàn này; đơn vị đã dùng: %(unit)s. Hãy kiểm tra "
                "đơn vị tính trước khi nhập."
            )
            % {
                "value": format_number(planned.value, 0),
                "low": format_number(low, 0),
                "high": format_number(high, 0),
                "unit": unit,
            },
        )
        for planned, low, high in found[:MAX_SHOWN]
    ]
    if len(found) > MAX_SHOWN:
        warnings.append(
            RowError(
                found[MAX_SHOWN][0].row,
                "",
                None,
                _("và %(count)s giá trị khác cũng nằm ngoài khoảng thường gặp.")
                % {"count": len(found) - MAX_SHOWN},
            )
        )
    return warnings


def _unit_source(table) -> str:
    """Where the unit was read: the unit line or header, with its row."""
    sources = getattr(table, "unit_sources", None) or []
    if sources:
        return "; ".join(sources)
    return _("theo tiêu đề cột hoặc cột “Đơn vị”")
