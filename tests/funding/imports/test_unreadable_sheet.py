"""A sheet that cannot be read (here: a cell past the column limit) is
named: passed over with a warning to confirm when another sheet holds the
data, the reason the file is refused when it is the sheet shown or no
other sheet holds data."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from funding.imports.reading import ReadError

from .test_hidden_parts import saved, values
from .test_imports import plan
from .test_sheet_choice import book_with_data

pytestmark = pytest.mark.django_db
REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
TOO_WIDE = "Dòng 1 có dữ liệu ở cột GR, ngoài giới hạn 100 cột (A đến CV)."
WARNING = (
    f"trang “Ghi chú” không đọc được nên KHÔNG được nhập: {TOO_WIDE} Nếu trang "
    "này có số liệu cần nhập, hãy sửa trang rồi nhập lại."
)


def with_unreadable_notes(book, *, shown=False):
    """``book`` with a sheet "Ghi chú" whose cell GR1 is past the limit."""
    notes = book.create_sheet("Ghi chú")
    notes.cell(row=1, column=200, value="ghi chú lạc chỗ")
    if shown:
        book.active = len(book.sheetnames) - 1
    return saved(book)


def test_an_unreadable_sheet_beside_the_data_is_a_warning_naming_it():
    p = plan(with_unreadable_notes(book_with_data()))
    assert p.errors == [] and p.sheet == "Số liệu"
    assert [w.message for w in p.warnings] == [WARNING]
    assert not p.can_apply  # until the officer confirms
    confirmed = plan(with_unreadable_notes(book_with_data()), confirmed=True)
    assert confirmed.can_apply and values(confirmed) == [1_000_000_000]


def test_an_unreadable_sheet_shown_on_saving_refuses_the_file_naming_it():
    with pytest.raises(ReadError) as caught:
        plan(with_unreadable_notes(book_with_data(), shown=True))
    assert str(caught.value) == f"Trang “Ghi chú”: {TOO_WIDE}"


def test_an_unreadable_sheet_and_no_other_data_refuses_the_file_naming_it():
    book = book_with_data()
    book.active.title = "Bìa"
    book.active.delete_rows(1, 2)
    book.active.append(["Báo cáo khuyến công"])
    with pytest.raises(ReadError) as caught:
        plan(with_unreadable_notes(book))
    assert str(caught.value) == f"Trang “Ghi chú”: {TOO_WIDE}"


def test_a_report_with_an_unreadable_sheet_is_read_with_a_warning_naming_it():
    name = "01-cot-nhom-nguon-2024.xlsx"
    report = load_workbook(io.BytesIO((REPORTS / name).read_bytes()))
    alone = plan(saved(report))
    p = plan(with_unreadable_notes(report))
    assert p.layout == "report" and alone.errors == p.errors == []
    assert [w.message for w in p.warnings] == [w.message for w in alone.warnings] + [
        WARNING
    ]
    assert values(p) == values(alone) and values(p)


def test_a_hidden_unreadable_sheet_of_a_report_is_only_named_as_not_read():
    # A hidden sheet is read only when named, in a report as in a table:
    # not read, it cannot be unreadable.
    name = "01-cot-nhom-nguon-2024.xlsx"
    report = load_workbook(io.BytesIO((REPORTS / name).read_bytes()))
    alone = plan(saved(report))
    notes = report.create_sheet("Ghi chú ẩn")
    notes.cell(row=1, column=200, value="ghi chú lạc chỗ")
    notes.sheet_state = "hidden"
    p = plan(saved(report))
    assert p.errors == [] and values(p) == values(alone)
    assert [w.message for w in p.warnings] == [w.message for w in alone.warnings]
    assert "Trang “Ghi chú ẩn”: không dùng (trang bị ẩn" in " ".join(p.unused)
