""" "Cột ánh xạ" on a plain table (wide; a long one takes none): applied to a column the
importer does not understand, refused with the column named otherwise,
never silently ignored."""

from decimal import Decimal as D

import pytest

from .test_imports import errors_of, plan, xlsx

pytestmark = pytest.mark.django_db

HEADER = [
    "Tỉnh, thành phố",
    "Năm",
    "Nguồn kinh phí",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
    "Kinh phí đã cấp (tỷ đồng)",
]
ROW = ["Ninh Thuận", 2021, "KCĐP", "10", "9", "7"]


def mapped(text, rows=(ROW,), header=HEADER):
    return plan(xlsx([header, *rows]), map_columns=text)


def test_an_unknown_column_mapped_is_read_as_the_measure_named():
    p = mapped("F=Ước thực hiện/KCĐP")
    assert p.errors == []
    # figure_key: (indicator, area, fund, content, year, start, end, measure)
    assert sorted((f.key[-1], f.value, f.key[2]) for f in p.figures) == [
        ("estimate", D("7000000000"), "kcdp"),
        ("executed", D("9000000000"), "kcdp"),
        ("plan", D("10000000000"), "kcdp"),
    ]


def test_without_the_mapping_the_unknown_column_stops_the_import():
    p = mapped("")
    assert not p.figures
    assert [e.column for e in p.errors] == ["Kinh phí đã cấp (tỷ đồng)"]


def test_a_mapped_fund_other_than_the_rows_is_an_error_naming_the_cell():
    p = mapped("F=Ước thực hiện/KCQG")
    assert not p.figures
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (2, "Kinh phí đã cấp (tỷ đồng)")
    assert "Khuyến công quốc gia" in message and "Khuyến công địa phương" in message


def test_a_mapped_fund_other_than_the_rows_is_one_error_for_the_file():
    rows = [[ROW[0], year, *ROW[2:]] for year in range(2010, 2023)]
    p = mapped("F=Ước thực hiện/KCQG", rows=rows)
    assert not p.figures
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (2, "Kinh phí đã cấp (tỷ đồng)")
    assert message == (
        "“Cột ánh xạ” ghi cột F là nguồn Khuyến công quốc gia nhưng 13 dòng ghi "
        "nguồn khác ở cột “Nguồn kinh phí” (dòng 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 và "
        "3 dòng khác; dòng 2 là Khuyến công địa phương); hãy sửa “Cột ánh xạ” hoặc "
        "cột “Nguồn kinh phí”."
    )


@pytest.mark.parametrize(
    "text, column, words",
    [
        ("ZZZ=Ước thực hiện/KCQG", "ZZZ", "tệp không có cột ZZZ"),
        ("D=Thực hiện/KCQG", "D", "cột D (“Kế hoạch (tỷ đồng)”) đã được hiểu"),
        ("F=Kế hoạch", "F", "cột D đã là Kế hoạch"),
    ],
)
def test_a_mapping_that_cannot_apply_is_refused_naming_the_column(text, column, words):
    p = mapped(text)
    assert not p.figures
    [(row, named, message)] = errors_of(p)
    assert (row, named) == (1, column)
    assert words in message


def test_a_column_both_mapped_and_declined_is_refused():
    p = plan(xlsx([HEADER, ROW]), map_columns="F=Ước thực hiện", ignore_columns={"F"})
    assert not p.figures
    assert "vừa được ánh xạ vừa được ghi là không dùng" in p.errors[0].message


def test_a_mapping_on_a_long_table_is_refused_saying_why():
    header = [
        "Tỉnh, thành phố",
        "Năm",
        "Loại số liệu",
        "Giá trị",
        "Đơn vị",
        "Kinh phí đã cấp (tỷ đồng)",
    ]
    row = ["Ninh Thuận", 2021, "Kế hoạch", "10", "tỷ đồng", "7"]
    p = mapped("F=Ước thực hiện", rows=(row,), header=header)
    assert not p.figures
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (1, "F")
    assert message.startswith(
        "“Cột ánh xạ” không dùng được cho bảng dài (có cột “Loại số liệu” và “Giá trị”)"
    )
    assert "Hãy xoá F khỏi “Cột ánh xạ”" in message
