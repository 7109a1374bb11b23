"""What a report says around its table (``funding.imports.layouts``): the
unit from a "Đơn vị tính" line or the headers, the year and period from
the title or the sheet name (every year the headers name must agree), the
province from the title or agency line, the fund from the title.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from khuyencong.text import fold

from .context import (
    PeriodWords,
    area_named,
    fund_named,
    period_words,
    region_named,
    unit_line,
    years_named,
)
from .layouts import Layout


def read_context(layout: Layout) -> None:
    """The unit, year and period, area and fund the lines above the table,
    the header band and the sheet name state; a contradiction is an error."""
    for number, text in layout.above:
        found = unit_line(text)
        if found is not None:
            layout.unit, layout.unit_row, layout.unit_text = found, number, text
    units = {c.unit for c in layout.columns if c.unit}
    if layout.unit is None and len(units) == 1:
        layout.unit = units.pop()
        layout.unit_row = layout.header_start
        layout.unit_text = next(c.header for c in layout.columns if c.unit)
    _read_period(layout)
    titles = [
        (n, t)
        for n, t in layout.above
        if not fold(t).startswith(("(kem theo", "kem theo"))
    ]
    for number, text in titles:
        area = area_named(text)
        if area and not layout.area_text:
            layout.area_text, layout.area_row = area, number
        region = region_named(text)
        if region != "Cả nước":  # "… trong cả nước" in a title is not a total
            layout.region_text = layout.region_text or region or ""
    funds = {fund_named(t) for _n, t in titles if "khuyen cong" in fold(t)} - {None}
    if len(funds) == 1:
        layout.fund = funds.pop()


def _read_period(layout: Layout) -> None:
    found: list[tuple[int | None, PeriodWords, str]] = []
    for number, text in layout.above:
        key = fold(text)
        if key.startswith(("(kem theo", "kem theo")) or ", ngay" in key:
            continue
        period = period_words(text)
        if period:
            found.append((number, period, text))
            break
    sheet_period = period_words(layout.sheet)
    if sheet_period:
        found.append((None, sheet_period, layout.sheet))
    if found:
        layout.period_row, layout.period = found[0][0], found[0][1]
    years = {p.year for _n, p, _t in found}
    if len(years) > 1:
        first, second = found[0], found[1]
        layout.errors.append(
            (
                first[0] or layout.header_start,
                "",
                _(
                    "năm mâu thuẫn: dòng %(row)s ghi “%(text)s” (năm %(year)s) nhưng tên trang "
                    "“%(sheet)s” là năm %(other)s."
                )
                % {
                    "row": first[0],
                    "text": first[2],
                    "year": first[1].year,
                    "sheet": layout.sheet,
                    "other": second[1].year,
                },
            )
        )
    if layout.period is None:
        return
    for column in layout.columns:
        for text in column.path:
            for year in years_named(text):
                if year != layout.period.year:
                    layout.errors.append(
                        (
                            column.header_row,
                            column.letter,
                            _(
                                "năm mâu thuẫn: tiêu đề cột %(column)s ở dòng %(row)s ghi “%(text)s” "
                                "(năm %(year)s) nhưng dòng %(title)s ghi năm %(doc)s."
                            )
                            % {
                                "column": column.letter,
                                "row": column.header_row,
                                "text": text,
                                "year": year,
                                "title": layout.period_row or layout.sheet,
                                "doc": layout.period.year,
                            },
                        )
                    )
