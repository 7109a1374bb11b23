"""Numbers in tables: a cell holding only a number takes the unit of its
column ("Kinh phí (triệu đồng)", "Tỷ trọng (%)", "Số đề án") and reads its
dimensions from its row's label, its column's header and the table's
caption (the line before the table, "… như sau:"). ``plain_text`` writes
a table row per line with its cells separated by tabs.

The 100 of a share column's total row is not a figure."""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.formatting import MONEY_UNITS
from ..core.numbers import NumberFormatError, parse_number
from .columns import (
    FIGURE_COLUMN,
    MONEY_WORDS,
    OTHER,
    UNIT_IN_HEADER,
    YEAR,
    header_kind,
    names_a_place,
    title_kind,
)
from .report import Quote

# a change column's cells may carry their sign: "+4,7", "−3,5"
# ("−0,49 điểm": a change of a rate in points)
_CELL_NUMBER = re.compile(
    r"\s*(?P<sign>[+\-−–]?)\s*(?P<n>\d+(?:[.,]\d+)*)\s*(?:điểm(?:\s+phần\s+trăm)?\s*)?"
)
#: a cell with what was done of what was planned: "23/24" (đề án)
#: (not two years: "2025/2024", a column's title)
_CELL_PAIR = re.compile(
    r"(?!\s*(?:19|20)\d{2}\s*/\s*(?:19|20)\d{2}\s*$)"
    r"\s*(?P<a>\d+(?:[.,]\d+)*)\s*/\s*(?P<b>\d+(?:[.,]\d+)*)\s*"
)
_TOTAL_ROW = re.compile(r"^\s*(?:tổng|cộng|toàn)", re.IGNORECASE)


def table_quotes(text: str, part: str, nouns: dict) -> list[Quote]:
    quotes: list[Quote] = []
    lines = _lines(text)
    titles, header, caption, previous, group = None, None, "", "", ""
    for start, line in lines:
        if not line.strip():
            continue
        if "\t" not in line:
            titles, header, previous, group = None, None, line, ""
            continue
        cells = _cells(line, start)
        if titles is not None and _group_row(cells):
            # "A. Nhóm kinh phí", "II. Nguồn KCĐP": one cell across the
            # table names what the rows under it are of
            group = cells[0][1]
            continue
        if titles is None or (header is None and not _has_number(cells)):
            # header rows (a second one under the first's grouped titles)
            titles = _merged(titles, [cell for _s, cell in cells])
            caption = previous
            continue
        above = f"{caption} {group}"  # what the caption and the group row say
        if header is None:
            # a unit said once in the caption ("… qua các năm (tỷ đồng):")
            # holds for columns that name none (years, measures)
            default = header_kind(above, nouns)
            header = [(title_kind(title, nouns, default), title) for title in titles]
        cells = _under_titles(cells, titles)
        row = _for_row(cells, header, nouns, default)
        quotes += _row_quotes(part, cells, row, above)
    return quotes


#: the title of a column of the rows' codes or numbers: "STT", "TT"
_CODE_TITLE = re.compile(r"\s*(?:S(?:ố\s+)?TT|TT|Số\s+thứ\s+tự|Mã(?:\s+số)?)\s*", re.I)


def _under_titles(cells, titles):
    """A row short of the header's cells, its label first where the others
    have their code ("Cộng 5 tỉnh;2025;66.860;…" under "STT;Tỉnh;Năm;…", a
    total added by hand): its cells moved one along, under their titles
    (not a label over an empty cell: one in the code's column, spanning)."""
    first = cells[0][1]
    if (
        len(cells) >= len(titles)
        or len(cells) < 2
        or not cells[1][1].strip()
        or not _CODE_TITLE.fullmatch(titles[0])
        or not re.search(r"[^\W\d_]", first)
        or _CODE_CELL.fullmatch(first)
    ):
        return cells
    return [(cells[0][0], ""), *cells]


def _group_row(cells) -> bool:
    """A row of one cell spread over every column (see ``plain``)."""
    texts = [cell.strip() for _s, cell in cells if cell.strip()]
    spread = len(texts) >= max(2, len(cells) - 1) and len(set(texts)) == 1
    return spread and not _has_number(cells)


def _has_number(cells) -> bool:
    return any(
        _CELL_NUMBER.fullmatch(cell) or _CELL_PAIR.fullmatch(cell)
        for _s, cell in cells[1:]
    )


def _merged(titles, row: list[str]) -> list[str]:
    if titles is None:
        return row
    if len(row) != len(titles):  # not one cell a column (spans not filled)
        row = [cell for cell in row if cell.strip()] or row
    if len(row) < len(titles):  # cells spanning both rows come first
        row = [""] * (len(titles) - len(row) - 1) + row + [""]
    return [
        f"{titles[i] if i < len(titles) else ''} {row[i] if i < len(row) else ''}".strip()
        for i in range(max(len(titles), len(row)))
    ]


def _lines(text: str) -> list[tuple[int, str]]:
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, line))
        start += len(line) + 1
    return found


def _cells(line: str, start: int) -> list[tuple[int, str]]:
    cells, position = [], start
    for cell in line.split("\t"):
        cells.append((position, cell))
        position += len(cell) + 1
    return cells


#: the words that open a note of units
_UNIT_NOTE_WORDS = r"(?<!\w)(?:đơn vị tính|đơn vị|ĐVT)(?!\w)"
#: a note of units ("Đơn vị tính: triệu đồng", "ĐVT: tr.đ") and the money
#: unit it gives the numbers after it (see ``bare``)
UNIT_NOTE = re.compile(
    rf"{_UNIT_NOTE_WORDS}\s*:\s*(?P<unit>{MONEY_WORDS})(?!\w)", re.IGNORECASE
)
#: a caption's note of units ("(đơn vị: triệu đồng; tỷ lệ: % kế hoạch)"):
#: units, no year, measure or fund of the cells; but what else it says
#: after a semicolon ("…; số liệu đến hết ngày 30/6/2025") holds for them
#: so is a legend of units: "(kế hoạch, giải ngân: tỷ đồng; tỷ lệ, tỷ trọng: %)"
_LEGEND = rf"[^():;]*:\s*(?:{MONEY_WORDS}|%)\s*"
_CAPTION_UNIT_NOTE = re.compile(
    rf"\(\s*({_UNIT_NOTE_WORDS}[^()]*|{_LEGEND}(?:;{_LEGEND})*)\)", re.IGNORECASE
)
_UNIT_SEGMENT = re.compile(
    rf"\s*(?:{_UNIT_NOTE_WORDS}|tỷ lệ|tỉ lệ|%)|{_LEGEND}$", re.IGNORECASE
)


def _without_units(caption: str) -> str:
    """``caption`` without the units its note declares (see above)."""
    return _CAPTION_UNIT_NOTE.sub(_kept_of_note, caption)


def _kept_of_note(note) -> str:
    """What a caption's note of units says besides its units; a legend of
    one label ("(ước thực hiện: tỷ đồng)") says the cells' measure: kept."""
    if not re.match(_UNIT_NOTE_WORDS, note[1], re.I) and not re.search("[,;]", note[1]):
        return note[0]
    return (
        " "
        + " ".join(s for s in note[1].split(";") if not _UNIT_SEGMENT.match(s))
        + " "
    )


#: a row of amounts per unit ("Bình quân mỗi cơ sở"): no figure of the data
_PER_UNIT_ROW = re.compile(r"(?<!\w)mỗi(?!\w)", re.IGNORECASE)
#: a row of the areas not listed above it, together ("Các địa bàn còn
#: lại", "Các huyện khác"): a remainder of unnamed areas, no figure of the
#: data (the whole is the total row's, not this one's)
_OTHER_AREAS_ROW = re.compile(
    r"^\s*(?:các\s+)?(?:địa bàn|địa phương|đơn vị|huyện|xã|tỉnh|thành phố)"
    r"(?:\s*,\s*\w+)*\s+(?:còn lại|khác)\s*$",
    re.IGNORECASE,
)
#: a row of a count: "Số đề án", "Số cơ sở được hỗ trợ"
_COUNTED_ROW = re.compile(r"\s*số\s", re.IGNORECASE)
#: a cell of a row's code or number, before its label: "A1", "II", "3.2"
_CODE_CELL = re.compile(r"\s*(?:[IVX]+|[A-ZĐ]\d*|\d+)(?:[.)]\d*)*\s*")


def _row_label(cells) -> str:
    """The row's label: its first cell with words, after a code ("A1")."""
    return next(
        (
            cell
            for _s, cell in cells
            if re.search(r"[^\W\d_]", cell) and not _CODE_CELL.fullmatch(cell)
        ),
        "",
    )


def _for_row(cells, header, nouns, default=(None, None)):
    """A row whose label names a unit ("Kinh phí thực hiện (tr.đ)", "Tỷ lệ
    so với kế hoạch (%)", "Số đề án hoàn thành (đề án)") gives it to its
    cells whatever the columns (quarters, years) say; so does a unit column
    ("Đơn vị tính": "triệu đồng", "đề án") to the columns of years and
    measures that name no unit of their own; one naming a measure, a fund
    or a counted noun ("Thực hiện", "Số cơ sở được hỗ trợ") gives its own
    (the caption's unit) to columns that give none (areas)."""
    label = _row_label(cells)
    own = re.search(r"\(([^()]*)\)\s*$", label)
    row = header_kind(own.group(1), nouns) if own else (None, None)
    if row[0] == "count" and re.search(r"\d", own.group(1)):
        row = (None, None)  # "Khuyến công quốc gia (9 đề án)": a count, no unit
    if row[0] is not None:
        # a column of rates ("% KH") keeps its own: the row's unit is its
        # other cells'
        kept = ("difference", OTHER, YEAR, "percent")
        return [
            (column if column[0] in kept else row, title)
            for column, title in _differences(header, row)
        ]
    unit_cell = _unit_cell(cells, label, nouns)
    if unit_cell[0] is not None:
        return [
            (
                # the caption's unit ("Kinh phí tính bằng triệu đồng") is no
                # column's own: a row's "đề án" wins over it
                unit_cell
                if (kind is None or (kind, unit) == default)
                and FIGURE_COLUMN.search(title)
                else (kind, unit),
                title,
            )
            for (kind, unit), title in _differences(header, unit_cell)
        ]
    row = header_kind(label, nouns, default)
    # "Số đề án kế hoạch" under a caption "Kế hoạch (tỷ đồng) và số đề án":
    # a row counting a noun keeps its count where a column has only the
    # caption's unit (years), not one of its own
    # so does any row naming a counted noun under an area's column, whose
    # unit is only the caption's ("Đề án hoàn thành" under "Ninh Thuận")
    counted = row[0] == "count" and _COUNTED_ROW.match(label)
    return [
        (
            row
            if kind is None
            or (
                (counted or (row[0] == "count" and names_a_place(title)))
                and (kind, unit) == default
            )
            else (kind, unit),
            title,
        )
        for (kind, unit), title in _differences(header, row)
    ]


def _unit_cell(cells, label: str, nouns: dict):
    """(kind, unit) of the cell after the row's label that is a unit and
    nothing else ("triệu đồng", "%", "lượt người")."""
    after = [cell.strip() for _s, cell in cells]
    after = after[after.index(label.strip()) + 1 :] if label.strip() in after else []
    for cell in after:
        unit = UNIT_IN_HEADER.fullmatch(cell)
        if unit:
            return header_kind(cell, nouns)
        if cell.lower() in nouns:
            return "count", nouns[cell.lower()]
    return None, None


def _differences(header, row):
    """A difference column's cells are of the row's kind: (kind, unit) of
    ``("difference", row)``, found but no figure (``_row_quotes``)."""
    return [
        (("difference", row) if kind == "difference" else (kind, unit), title)
        for (kind, unit), title in header
    ]


def _row_quotes(part, cells, header, caption) -> list[Quote]:
    quotes = []
    label = _row_label(cells)
    year = _row_year(cells, header)
    for column, (start, cell) in enumerate(cells):
        if column == 0 or column >= len(header):
            continue
        (kind, unit), title = header[column]
        blocked = ("difference" if kind == "difference" else "per unit") * bool(
            kind == "difference" or _PER_UNIT_ROW.search(label)
        ) or "other areas" * bool(_OTHER_AREAS_ROW.match(label))
        if kind == "difference":
            kind, unit = unit
        match = _CELL_NUMBER.fullmatch(cell)
        pair = _CELL_PAIR.fullmatch(cell)
        # the row's year (a column "Năm") joins the column's words: the
        # cell's year, and a total row adds up the rows of its year only
        named = f"{_without_units(caption)} {title}" + f" năm {year}" * bool(year)
        if kind in ("count", "amount") and pair:
            quotes += _pair_quotes(part, start, pair, (kind, unit), blocked, named)
            continue
        if kind in (None, OTHER, YEAR) or match is None:
            continue
        quote = _cell_quote(part, start + match.start("n"), match["n"], kind, unit)
        if quote is None or (match["sign"] and kind != "percent"):
            continue
        quote.blocked = quote.blocked or blocked
        if match["sign"]:  # a signed rate is a change: its sign the direction
            quote.sign = -1 if match["sign"] in "-−–" else 1
            quote.start, quote.text = (
                start + match.start("sign"),
                match.group(0).strip(),
            )
        if kind == "percent" and _TOTAL_ROW.match(label) and quote.value == 100:
            continue
        quote.header, quote.column = named, title
        if _TOTAL_ROW.match(label):
            quote.role = "total"  # "Cộng", "Tổng số": the rows above added up
        quotes.append(quote)
    return quotes


#: a year alone in a cell: "2025"
_YEAR_CELL = re.compile(r"\s*(?:19|20)\d{2}\s*")


def _row_year(cells, header) -> str:
    """The year a row's cell under a column of years ("Năm") holds, after
    its label (a row led by its year is read so by ``parts.cell_cues``)."""
    return next(
        (
            cell.strip()
            for ((kind, _unit), _title), (_start, cell) in zip(
                header[1:], cells[1:], strict=False
            )
            if kind == YEAR and _YEAR_CELL.fullmatch(cell)
        ),
        "",
    )


def _pair_quotes(part, start, pair, column, blocked, header) -> list[Quote]:
    """ "23/24": what was done (executed), of what was planned (plan)."""
    found = []
    for group, role in (("a", "executed"), ("b", "plan")):
        quote = _cell_quote(part, start + pair.start(group), pair[group], *column)
        if quote is not None:
            quote.role, quote.blocked, quote.header = role, blocked, header
            found.append(quote)
    return found


def _cell_quote(part, start, number, kind, unit) -> Quote | None:
    money = unit if kind == "amount" else ""
    try:
        parsed = parse_number(number, unit=money, point_decimals=True)
    except NumberFormatError:
        return None
    if parsed is None:
        return None
    scale = MONEY_UNITS.get(money, Decimal(1)) if money else Decimal(1)
    return Quote(
        part,
        start,
        start + len(number),
        number,
        kind,
        parsed.value,
        parsed.decimals,
        Decimal(1).scaleb(-parsed.decimals) * scale,
        indicator=unit if kind == "count" else None,
    )
