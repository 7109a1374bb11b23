"""Tables pasted as text: markdown or pipe rows ("| Tỉnh | Kế hoạch (tỷ
đồng) | Thực hiện |", with or without the outer pipes, with or without a
"|---|---:|" line under the header), as in slide decks and chat messages.
They are read as ``plain_text`` writes an HTML table's rows: the pipes
between cells become tabs, so every rule of ``tables`` (the header's units
and titles, the row's label, total rows, pair cells, the caption line
before the table) holds for them unchanged. Length and positions stay as
they were: the editor's highlight and the keys of quotes do not move.

Only a block of rows that is a table is rewritten: a separator line under
its first row (its rows of the header's cells), or rows of the same number
of cells (at least two), either two or more each wrapped in outer pipes or
three or more without them (of three cells, or holding a figure). A line
with one "|" ("Hà Nội | 12/2025", "Kế hoạch | Thực hiện"), or one next to
a table (a source note), stays text.

A table pasted from a PDF sets its columns apart by spaces: three rows or
more of the same number of cells (three or more) split by two spaces or
more, a header of titles over rows of a label and figures only, is read
so too; a sentence with double spaces has words among its "cells".

So is a CSV export pasted line by line, its cells set apart by semicolons
("STT;Tỉnh;Năm;Kế hoạch (triệu đồng);…" over "1;Tuyên Quang;2025;11.500;
…"): from a header of titles (years at most as numbers) over two rows or
more of as many cells, a figure alone in one of them, to the last line of
as many cells or two less (a total row added by hand may lack the first,
a code's, and its empty last ones).
A line of other cells above (the export's "Nguồn;…;Đơn vị;triệu đồng")
stays text; lines of clauses ("Tuyên Quang: 11,08 tỷ; Thái Nguyên: …")
hold no figure alone and stay sentences.
"""

from __future__ import annotations

import re

from .lines import same_kind

#: the line under a markdown table's header: "|---|:---:|---:|", "--- | ---"
#: (no "\s*" next to another over the same spaces: a long run of spaces
#: would be split every way before the match fails)
_SEPARATOR = re.compile(r"\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)+(?:\|\s*)?")
#: the emphasis of a markdown cell ("**Tổng cộng**"), no word of it
_EMPHASIS = re.compile(r"\*+")
#: fewest rows a table of unwrapped rows needs (a header and two rows):
#: two lines "a | b" are as likely a byline and a note
_UNWRAPPED_ROWS = 3


def _cells(line: str) -> int:
    """How many cells a pipe row holds (0: not a row)."""
    inner = line.strip()
    if "|" not in inner:
        return 0
    inner = inner.removeprefix("|").removesuffix("|")
    count = inner.count("|") + 1
    return count if count >= 2 and inner.replace("|", "").strip() else 0


def _wrapped(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|"


def _is_table(rows: list[str]) -> bool:
    """Is a run of consecutive pipe lines (rows and separators) a table?"""
    if len(rows) >= 3 and _SEPARATOR.fullmatch(rows[1]):
        cells = _cells(rows[0])
        return cells > 0 and all(
            _cells(row) == cells for row in rows[2:] if not _SEPARATOR.fullmatch(row)
        )
    if any(_SEPARATOR.fullmatch(row) for row in rows):
        return False  # a separator that heads no header: not a markdown table
    counts = {_cells(row) for row in rows}
    if len(counts) != 1 or 0 in counts:
        return False
    if all(_wrapped(row) for row in rows):
        return len(rows) >= 2
    # unwrapped rows of two cells ("Ảnh | Nguồn" lines) need a figure cell
    return len(rows) >= _UNWRAPPED_ROWS and (
        counts.pop() >= 3 or any(_figures(row) for row in rows[1:])
    )


def _figures(row: str) -> bool:
    """Does a pipe row hold a cell of a figure alone ("9,40", "85,6%")?"""
    return any(_FIGURE_CELL.fullmatch(cell.strip()) for cell in row.split("|"))


def _as_row(line: str) -> str:
    """A pipe row as ``plain_text``'s row, of the same length: the pipes
    between cells (and the closing one) tabs, the opening one and the
    emphasis spaces; a separator line all spaces (no cell, no number)."""
    if _SEPARATOR.fullmatch(line):
        return " " * len(line)
    chars = list(_EMPHASIS.sub(lambda m: " " * len(m.group(0)), line))
    pipes = [i for i, char in enumerate(chars) if char == "|"]
    if pipes and not line[: pipes[0]].strip():
        chars[pipes.pop(0)] = " "  # the opening pipe: the row's label comes first
    for at in pipes:
        chars[at] = "\t"
    return "".join(chars)


def _runs(lines: list[str]):
    """(first, last + 1) of each run of consecutive pipe lines."""
    start = None
    for index, line in enumerate([*lines, ""]):
        piped = _cells(line) > 0 or bool(_SEPARATOR.fullmatch(line))
        if piped and start is None:
            start = index
        elif not piped and start is not None:
            yield start, index
            start = None


def _tables(lines: list[str], first: int, last: int):
    """(start, end) of the tables in a run of pipe lines, longest first: a
    line with a "|" right before or after a table ("Nguồn: … | Ảnh: …",
    a paragraph of its own, so no blank line apart) is no row of it."""
    start = first
    while start < last:
        end = next(
            (e for e in _ends(lines, start, last) if _is_table(lines[start:e])), None
        )
        if end is None:
            start += 1
            continue
        yield start, end
        start = end


def _ends(lines: list[str], start: int, last: int) -> list[int]:
    """The ends a table from ``start`` may have, longest first. Every row
    of a table has its first row's cells, so none reaches past a line of
    other cells; only a markdown table holds a separator, so the others end
    at one. Trying these (not every end) keeps a long run of pipe lines
    that is no table from costing the cube of its length."""
    cells = _cells(lines[start])
    limit = next(
        (
            e
            for e in range(start + 1, last)
            if not _SEPARATOR.fullmatch(lines[e]) and _cells(lines[e]) != cells
        ),
        last,
    )
    plain = next(
        (e for e in range(start, limit) if _SEPARATOR.fullmatch(lines[e])), limit
    )
    return sorted({e for e in (limit, plain) if e >= start + 2}, reverse=True)


def piped_rows(read: str) -> str:
    """``read`` with the rows of its pipe tables (and tables aligned by
    spaces) written as ``plain_text`` writes a table's (same length; a
    ``Copy`` or ``Marked`` stays one)."""
    if "\n" not in read:
        return read
    lines = read.split("\n")
    changed = "|" in read and _paragraph_rows(lines)
    for first, last in _runs(lines) if "|" in read else ():
        for start, end in _tables(lines, first, last):
            lines[start:end] = [_as_row(line) for line in lines[start:end]]
            changed = True
    changed = _aligned_rows(lines) or changed
    changed = (";" in read and _semicolon_rows(lines)) or changed
    return same_kind(read, "\n".join(lines)) if changed else read


def _paragraph_rows(lines: list[str]) -> bool:
    """Pipe rows each a paragraph of its own ("<p>2020 | 5.962,7 | …</p>",
    rows joined by "<br>" read as paragraphs too), a blank line between
    each two: where they make a table, the blank lines are taken out (the
    line before ends with a space instead: the same length), so its rows
    are consecutive lines as any table's."""
    gone = set()
    for rows in _spaced_runs(lines):
        texts = [lines[r] for r in rows]
        for start, end in _tables(texts, 0, len(texts)):
            for row in rows[start : end - 1]:
                lines[row] += " "
                gone.add(row + 1)
    if gone:
        lines[:] = [line for at, line in enumerate(lines) if at not in gone]
    return bool(gone)


def _spaced_runs(lines: list[str]):
    """The indexes of each run of two pipe lines or more, one blank line
    between each two."""
    index = 0
    while index < len(lines):
        rows = [index]
        while (
            _cells(lines[rows[-1]]) > 0
            and rows[-1] + 2 < len(lines)
            and lines[rows[-1] + 1] == ""
            and _cells(lines[rows[-1] + 2]) > 0
        ):
            rows.append(rows[-1] + 2)
        if len(rows) > 1:
            yield rows
        index = rows[-1] + 1


#: the gap between two cells of a table pasted from a PDF: two spaces or more
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
#: a cell of such a table's rows: a number, a rate, a change, a pair, a dash
_FIGURE_CELL = re.compile(
    r"[+\-−–]?\d+(?:[.,]\d+)*\s*%?|\d+(?:[.,]\d+)*\s*/\s*\d+(?:[.,]\d+)*|[-–—x]"
)
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_WORD = re.compile(r"[^\W\d_]")


def _aligned(line: str) -> list[str]:
    """The cells of a line of columns set apart by spaces (one: no row)."""
    if "\t" in line or "|" in line:
        return [line]
    return _GAP.split(line.strip())


def _is_aligned_table(rows: list[list[str]]) -> bool:
    """A header of titles (years at most as numbers) over rows each of a
    label (maybe after its number) and figures only: columns aligned by
    spaces, and no sentence written with double spaces."""
    head, *body = rows
    if len(body) < _UNWRAPPED_ROWS - 1 or len({len(row) for row in rows}) != 1:
        return False
    if any(_FIGURE_CELL.fullmatch(c) and not _YEAR_CELL.fullmatch(c) for c in head):
        return False
    for row in body:
        label = next((i for i, cell in enumerate(row) if _WORD.search(cell)), None)
        if label is None or label > 1:
            return False
        if not all(_FIGURE_CELL.fullmatch(c) for i, c in enumerate(row) if i != label):
            return False
    return True


def _aligned_rows(lines: list[str]) -> bool:
    """The rows of tables aligned by spaces (a PDF's, pasted) with tabs
    between their cells, in place; were there any?"""
    changed, index = False, 0
    while index < len(lines):
        end = index
        while end < len(lines) and len(_aligned(lines[end])) >= 3:
            end += 1
        rows = [_aligned(line) for line in lines[index:end]]
        if end > index and _is_aligned_table(rows):
            for at in range(index, end):
                lines[at] = _GAP.sub(lambda m: "\t" + m.group(0)[1:], lines[at])
            changed = True
        index = max(end, index + 1)
    return changed


#: fewest cells a semicolon row has: two could be a clause and its aside
_CSV_CELLS = 3


def _csv_cells(line: str) -> list[str]:
    """The cells of a line of a CSV export (one: no such line)."""
    if "\t" in line or "|" in line or line.count(";") < _CSV_CELLS - 1:
        return [line]
    return line.split(";")


def _csv_header(rows: list[list[str]], at: int) -> bool:
    """Is ``rows[at]`` a CSV table's header: titles (a year at most as a
    number) over two rows of as many cells, one holding a figure alone?"""
    head, body = rows[at], rows[at + 1 : at + 3]
    if len(body) < _UNWRAPPED_ROWS - 1 or any(len(row) != len(head) for row in body):
        return False
    # a title or a note of units padded with semicolons ("Đơn vị tính:
    # triệu đồng;;;;") is no header: one cell filled
    if sum(bool(cell.strip()) for cell in head) < _CSV_CELLS - 1:
        return False
    if any(
        _FIGURE_CELL.fullmatch(c.strip()) and not _YEAR_CELL.fullmatch(c.strip())
        for c in head
    ):
        return False
    return any(
        _FIGURE_CELL.fullmatch(c.strip()) and not _YEAR_CELL.fullmatch(c.strip())
        for row in body
        for c in row
    )


def _semicolon_rows(lines: list[str]) -> bool:
    """The rows of CSV exports pasted as lines with tabs for their
    semicolons, in place; were there any?"""
    rows = [_csv_cells(line) for line in lines]
    changed, index = False, 0
    while index < len(lines):
        if len(rows[index]) < _CSV_CELLS or not _csv_header(rows, index):
            index += 1
            continue
        end = index + 1
        # rows of the header's cells, or a few less (a total row lacking
        # its code, its empty last cells): not a note of fewer ("Nguồn: …")
        cells = len(rows[index])
        while end < len(lines) and cells - 2 <= len(rows[end]) <= cells:
            end += 1
        for at in range(index, end):
            lines[at] = lines[at].replace(";", "\t")
        changed, index = True, end
    return changed
