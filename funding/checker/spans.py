"""Merged table cells: a cell spanning rows (``rowspan``) stands above the
cells of the rows below it. ``plain_text`` writes a table row per line, one
tab-separated cell per column, so each row it spans below gets an empty
cell in its place: every later cell keeps its column, and the column's
header is read from every header cell above it (``tables``). Spanning
columns (``colspan``) is ``plain_text``'s own."""

from __future__ import annotations

import re

_TABLE = re.compile(r"(?is)<table\b.*?</table>")
_ROW = re.compile(r"(?is)(<tr\b[^>]*>)(.*?)(?=</tr>|<tr\b|</t(?:head|body|foot)>|$)")
_CELL = re.compile(r"(?is)<(t[dh])\b([^>]*)>.*?(?:</\1>|(?=<t[dh]\b)|$)")
_SPAN = re.compile(r"""(?i)\b(rowspan|colspan)\s*=\s*["']?(\d+)""")
_LIMIT = 20


def fill_rowspans(html: str) -> str:
    """``html`` with an empty cell wherever a cell above spans down."""
    if "rowspan" not in html.lower():
        return html
    return _TABLE.sub(_filled_table, html)


def _filled_table(match) -> str:
    pending: dict[int, tuple[int, int]] = {}  # column → (rows left, width)

    def row(found) -> str:
        cells, column, out = list(_CELL.finditer(found.group(2))), 0, []
        for cell in cells:
            column = _fill(pending, column, out)
            spans = {k.lower(): min(int(n), _LIMIT) for k, n in _SPAN.findall(cell[2])}
            width = max(spans.get("colspan", 1), 1)
            if spans.get("rowspan", 1) > 1:
                pending[column] = (spans["rowspan"] - 1, width)
            out.append(cell.group(0))
            column += width
        _fill(pending, column, out, to_end=True)
        return found.group(1) + "".join(out)

    return _ROW.sub(row, match.group(0))


def _fill(pending, column, out, to_end=False) -> int:
    """Empty cells for the spans from above at ``column`` (all the rest of
    the row's if ``to_end``); the column reached."""
    while column in pending or (to_end and any(c >= column for c in pending)):
        if column not in pending:
            column += 1
            continue
        left, width = pending[column]
        out.append("<td></td>" * width)
        if left > 1:
            pending[column] = (left - 1, width)
        else:
            del pending[column]
        column += width
    return column
