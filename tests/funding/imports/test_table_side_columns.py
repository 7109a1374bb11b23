"""A plain table's columns that reports list as not used are listed as not
used in a plain table too, with the reason, where they refused the file:
numbering ("Số TT", "STT.", an unlabelled 1, 2, 3…), ratios ("Tỷ lệ (%)",
any "(%)") and codes ("Mã tỉnh"). A column of unknown figures still
refuses the file."""

import pytest

from .test_import_columns import ROW, TEMPLATE, csv_bytes
from .test_imports import plan, xlsx

pytestmark = pytest.mark.django_db


def wide_with(header, values, fmt="csv"):
    rows = [[header, *TEMPLATE]]
    rows += [
        [value, *ROW[:1], 2022 + n, *ROW[2:], "1,5", "1,2"]
        for n, value in enumerate(values)
    ]
    if fmt == "csv":
        return plan(csv_bytes(rows), name="a.csv", confirmed=True)
    return plan(xlsx(rows), confirmed=True)


def as_told(line: str, p) -> str:
    """``line`` as the plan says it: in a workbook, after its sheet."""
    if not p.sheet:
        return line
    return f"Trang “{p.sheet}”, c{line.removeprefix('C')}"


@pytest.mark.parametrize(
    "header, values, told",
    [
        ("Số TT", ["1", "2"], "Cột A “Số TT”: không dùng (số thứ tự)."),
        ("STT.", ["1", "2"], "Cột A “STT.”: không dùng (số thứ tự)."),
        (
            "Tỷ lệ (%)",
            ["80", "95,5"],
            "Cột A “Tỷ lệ (%)”: không dùng (tỷ lệ, suy ra từ các số liệu).",
        ),
        (
            "TH so KH (%)",
            ["80", "95,5"],
            "Cột A “TH so KH (%)”: không dùng (tỷ lệ, suy ra từ các số liệu).",
        ),
        (
            "Mã tỉnh",
            ["02", "02"],
            "Cột A “Mã tỉnh”: không dùng (mã, không phải số liệu).",
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_side_column_is_listed_as_not_used(header, values, told, fmt):
    p = wide_with(header, values, fmt)
    assert p.errors == []
    assert as_told(told, p) in p.unused
    assert len(p.figures) == 4


def test_an_unlabelled_column_of_other_numbers_is_refused_naming_it_plainly():
    p = wide_with("", ["7", "3"])
    assert not p.figures
    [error] = p.errors
    assert error.message.startswith("cột A (không có tiêu đề) có số nhưng")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_unlabelled_first_column_counting_three_rows_is_a_numbering(fmt):
    p = wide_with("", ["1", "2", "3"], fmt)
    assert p.errors == []
    assert as_told("Cột A (không có tiêu đề): không dùng (số thứ tự).", p) in p.unused
    assert len(p.figures) == 6


def test_an_unlabelled_column_of_1_and_2_is_not_taken_for_a_numbering():
    # two rows holding 1 and 2 may be counts as well as row numbers
    p = wide_with("", ["1", "2"])
    assert not p.figures and p.errors


def test_money_under_a_header_naming_a_percentage_is_not_taken_for_a_ratio():
    p = wide_with("Kinh phí hỗ trợ 30% (triệu đồng)", ["7", "3"])
    assert not p.figures
    assert "Kinh phí hỗ trợ 30%" in p.errors[0].column
