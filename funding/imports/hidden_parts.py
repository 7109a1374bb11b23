"""What a spreadsheet hides and the import still reads: rows and columns
hidden in the sheet that hold data are read like the others, and the
preview says so (a warning to confirm), naming them; a hidden sheet is
read only when the officer names it (``funding.imports.readers``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .layout_totals import Problem
from .readers.base import Rows, column_letters

#: Rows listed by number in one warning; the rest are counted.
LISTED = 20


def hidden_warnings(
    rows: Rows, sheet: str, named: bool = True, ignored: frozenset[str] = frozenset()
) -> list[Problem]:
    """A warning for the hidden rows, and one for the hidden columns, that
    hold data (but those ``ignored``, the letters the officer declined: they
    are not read); and one for a hidden sheet read though not ``named``
    (every sheet of the file is hidden)."""
    where = _("trang “%(sheet)s”: ") % {"sheet": sheet} if sheet else ""
    warnings = []
    if rows.hidden_sheet and not named:
        warnings.append(
            Problem(
                1,
                "",
                None,
                _(
                    "mọi trang của tệp đều bị ẩn; đã đọc trang đầu tiên. Hãy kiểm tra "
                    "đó là trang cần nhập."
                ),
            )
        )
    if rows.hidden_rows:
        numbers = rows.hidden_rows
        listed = ", ".join(str(n) for n in numbers[:LISTED])
        if len(numbers) > LISTED:
            listed += _(" và %(more)s dòng khác") % {"more": len(numbers) - LISTED}
        warnings.append(
            Problem(
                numbers[0],
                "",
                None,
                _(
                    "%(where)sdòng %(rows)s bị ẩn trong bảng tính nhưng có dữ liệu: "
                    "dữ liệu này vẫn được nhập như các dòng khác. Hãy bỏ ẩn để kiểm "
                    "tra, hoặc xoá các dòng không cần rồi nhập lại."
                )
                % {"where": where, "rows": listed},
            )
        )
    columns = _hidden_columns_with_data(rows, ignored)
    if columns:
        letters = ", ".join(column_letters(index) for index in columns)
        warnings.append(
            Problem(
                rows.rows[0][0] if rows.rows else 1,
                letters,
                None,
                _(
                    "%(where)scột %(columns)s bị ẩn trong bảng tính nhưng có dữ liệu: "
                    "cột vẫn được đọc như các cột khác. Hãy bỏ ẩn để kiểm tra, hoặc "
                    "ghi cột ở “Cột không dùng”."
                )
                % {"where": where, "columns": letters},
            )
        )
    return warnings


def _hidden_columns_with_data(rows: Rows, ignored: frozenset[str]) -> list[int]:
    """The hidden columns that hold data, but those the officer declined."""
    return sorted(
        index
        for index in rows.hidden_columns
        if column_letters(index) not in ignored
        and any(
            index < len(cells) and cells[index] not in (None, "")
            for _n, cells in rows.rows
        )
    )


def hidden_sheet_unused(sheet: str) -> str:
    return _("Trang “%(sheet)s”: không dùng (trang bị ẩn; ghi tên trang để nhập).") % {
        "sheet": sheet
    }


def other_sheet_warning(sheet: str, read: str) -> Problem:
    """A warning for a visible sheet holding a data table that is not read
    (the sheet shown when the file was saved, ``read``, is)."""
    return Problem(
        1,
        "",
        None,
        _(
            "trang “%(sheet)s” cũng có bảng số liệu nhưng KHÔNG được nhập (chỉ đọc "
            "trang “%(read)s”, trang đang mở khi lưu tệp). Để nhập trang “%(sheet)s”, "
            "hãy ghi tên trang này ở ô “Trang” rồi nhập riêng."
        )
        % {"sheet": sheet[:100], "read": read[:100]},
    )


def unreadable_sheet_warning(sheet: str, why) -> Problem:
    """A warning for a sheet passed over because it cannot be read (``why``,
    the reader's message): the import goes on only once confirmed."""
    return Problem(
        1,
        "",
        None,
        _(
            "trang “%(sheet)s” không đọc được nên KHÔNG được nhập: %(why)s Nếu trang "
            "này có số liệu cần nhập, hãy sửa trang rồi nhập lại."
        )
        % {"sheet": sheet[:100], "why": why},
    )


def unreadable_sheet_error(sheet: str, why) -> str:
    """The refusal of a file whose sheet ``sheet`` cannot be read, naming it."""
    return _("Trang “%(sheet)s”: %(why)s") % {"sheet": sheet[:100], "why": why}
