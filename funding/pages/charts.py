"""Server-rendered SVG bar charts: no script, no CDN, readable without CSS.

The chart is a picture of a table shown beside it; it carries its own text
alternative (``<title>`` and ``<desc>``) listing every bar's value.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..core.formatting import format_amount

# Drawn at a phone's width: shown 328 px wide, a 14 px text stays 12 px or
# more; wider screens cap the figure (static/css/site.css, .chart-figure).
WIDTH = 360
LABEL_WIDTH = 0
LABEL_LINE = 22
#: The characters of a label line that fit the width at 14 px (bold).
LABEL_CHARS = 36
BAR_HEIGHT = 20
GROUP_GAP = 14
COLOURS = {"plan": "#6f93b8", "executed": "#0b3a66"}


@dataclass
class Bar:
    label: str
    plan: Decimal | None
    executed: Decimal | None


def label_lines(label: str) -> list[str]:
    """A group's label on as many lines as the phone-wide chart needs,
    broken between its parts ("Miền Trung - Tây Nguyên – Tất cả nguồn")."""
    lines: list[str] = []
    for part in label.split(" – "):
        if lines and len(lines[-1]) + 3 + len(part) <= LABEL_CHARS:
            lines[-1] += " – " + part
        else:
            lines.append(part)
    return lines


def bar_chart(bars: list[Bar], title: str, chart_id: str = "chart") -> str:
    """Plan (light) against executed (dark) for each labelled group."""
    values = [v for b in bars for v in (b.plan, b.executed) if v is not None]
    if not values:
        return ""
    largest = max(values) or Decimal(1)
    span = WIDTH - LABEL_WIDTH - 110
    group_height = 2 * BAR_HEIGHT + GROUP_GAP
    labels = [label_lines(b.label) for b in bars]
    height = sum(len(lines) * LABEL_LINE + group_height for lines in labels) + 40
    description = "; ".join(
        f"{b.label}: {_('kế hoạch')} {format_amount(b.plan) if b.plan is not None else '—'}, "
        f"{_('thực hiện')} {format_amount(b.executed) if b.executed is not None else '—'}"
        for b in bars
    )
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    y = 10
    for bar, lines in zip(bars, labels, strict=True):
        for line in lines:
            parts.append(
                f'<text x="0" y="{y + 12}" font-size="15" font-weight="600" fill="#1b1f24">{escape(line)}</text>'
            )
            y += LABEL_LINE
        for offset, (kind, value) in enumerate(
            (("plan", bar.plan), ("executed", bar.executed))
        ):
            if value is None:
                continue
            length = int(span * value / largest)
            top = y + offset * BAR_HEIGHT
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{top}" width="{max(length, 1)}" '
                f'height="{BAR_HEIGHT - 2}" fill="{COLOURS[kind]}"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + length + 6}" y="{top + BAR_HEIGHT - 4}" '
                f'font-size="14" fill="#1b1f24">{escape(format_amount(value))}</text>'
            )
        y += group_height
    legend_y = height - 14
    parts.append(
        f'<rect x="{LABEL_WIDTH}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS["plan"]}"/>'
    )
    parts.append(
        f'<text x="{LABEL_WIDTH + 18}" y="{legend_y}" font-size="14">{escape(_("Kế hoạch"))}</text>'
    )
    parts.append(
        f'<rect x="{LABEL_WIDTH + 110}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS["executed"]}"/>'
    )
    parts.append(
        f'<text x="{LABEL_WIDTH + 128}" y="{legend_y}" font-size="14">{escape(_("Thực hiện"))}</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
