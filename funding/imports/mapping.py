"""Columns the officer maps by hand: a column whose header the importer
does not understand ("Kinh phí đã cấp") stops the import until it is
mapped to a measure (and fund) or declined. Written on the form or the
command line as "H=Thực hiện/KCQG; I=Kế hoạch". Reports apply it in
``funding.imports.report_table``, plain tables (wide or long) in
``funding.imports.table_maps``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from khuyencong.text import fold

from .context import fund_named

_MEASURES = {
    "ke hoach": "plan",
    "thuc hien": "executed",
    "uoc thuc hien": "estimate",
    "uoc": "estimate",
}
_ALL_FUNDS = ("tat ca", "tat ca nguon", "tong", "tong cong")


@dataclass(frozen=True)
class ColumnMap:
    """What the officer says a column holds."""

    letter: str
    measure: str  # "plan", "executed", "estimate"
    fund: str | None  # "kcqg", "kcdp", "all", or None: as the sheet says


class MappingError(ValueError):
    pass


def column_maps_of(text: str) -> dict[str, ColumnMap]:
    """ "H=Thực hiện/KCQG; I=Kế hoạch" → {"H": …, "I": …}; anything else
    raises ``MappingError`` with the part it could not read."""
    maps: dict[str, ColumnMap] = {}
    for part in re.split(r"[;\n]+", text or ""):
        part = part.strip().strip(",")
        if not part:
            continue
        found = re.fullmatch(r"([A-Za-z]{1,3})\s*[=:]\s*([^/]+?)\s*(?:/\s*(.+))?", part)
        measure = _MEASURES.get(fold(found.group(2)).strip()) if found else None
        fund = _fund(found.group(3)) if found else None
        if not found or measure is None or fund is False:
            raise MappingError(
                _(
                    "“%(part)s”: ghi cột = loại số liệu / nguồn, ví dụ “H=Thực hiện/KCQG”; "
                    "loại số liệu là Kế hoạch, Thực hiện hoặc Ước thực hiện; nguồn là KCQG, "
                    "KCĐP hoặc Tất cả."
                )
                % {"part": part}
            )
        letter = found.group(1).upper()
        if letter in maps:
            raise MappingError(
                _("cột %(column)s được ghi hai lần.") % {"column": letter}
            )
        maps[letter] = ColumnMap(letter, measure, fund)
    return maps


def _fund(text: str | None) -> str | None | bool:
    """The fund named, None when not said, False when not understood."""
    if text is None or not text.strip():
        return None
    key = fold(text).strip()
    if key in _ALL_FUNDS:
        return "all"
    return fund_named(text) or False
