"""What a table's caption says of some of its rows only, clause by clause:
the period of the years a clause names ("Năm 2023 là số quyết toán, năm
2024 là số đến hết tháng 9") and whose figures they are ("năm 2023 và 2024
là số cộng của Cà Mau (cũ) và Bạc Liêu")."""

from __future__ import annotations

import re

from .periods import periods_in

_YEAR = re.compile(r"(?<![\d/.,])(?:19|20)\d{2}(?![\d/])")


def _by_year(context, caption: str) -> tuple[dict, frozenset]:
    """The areas a caption's clause names for the years it names ("năm
    2023 và 2024 là số cộng của Cà Mau (cũ) và Bạc Liêu": those rows are
    the two old provinces', the others not), and those its other clauses
    name (every row's)."""
    by_year, others = {}, frozenset()
    for clause in re.split(r"[;.](?!\d)", caption):
        areas = context.areas_in(clause)
        years = {int(year) for year in _YEAR.findall(clause)}
        if areas and years:
            by_year.update(dict.fromkeys(years, areas))
        else:
            others |= areas
    return by_year, others


def caption_periods(caption: str) -> dict:
    """Each year a caption's clause names alone, with the months the clause
    gives it ("Năm 2023 là số quyết toán, năm 2024 là số đến hết tháng 9")."""
    named = {}
    for clause in re.split(r"[,;.](?!\d)", caption):
        found = list(periods_in(clause))
        years = {year for _m, year, _months in found if year}
        if len(years) == 1:
            months = [m for _m, _year, m in found if m is not None]
            named[years.pop()] = months[-1] if months else None
    return named


def caption_areas(context, caption: str, year: int | None, areas: frozenset):
    """The areas of a row of ``year`` under ``caption``: those a clause
    naming that year names, none for another year's row when the caption's
    areas are all a few years' ("năm 2024 là số cộng của A (cũ) và B" above
    a row 2025), else ``areas`` (what the caption and column name)."""
    if year is None:
        return areas
    by_year, others = _by_year(context, caption)
    return by_year.get(year, others) if by_year else areas
