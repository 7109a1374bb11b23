"""Which sheet is read when the officer names none: the one holding the
data. Empty sheets, the templates' guide and sheets without a recognisable
header are passed over; the sheet shown when the file was saved wins if it
holds data; several data sheets and none of them shown: the officer is
asked to name one."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from funding.imports.spreadsheets import template_workbook

from .test_hidden_parts import (
    HEADER,
    saved,
    two_visible_sheets,
    values,
    with_active_table,
    with_member,
)
from .test_imports import errors_of, plan

pytestmark = pytest.mark.django_db


def book_with_data(amount="1"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(HEADER)
    sheet.append(["Ninh Thuận", 2016, "KCĐP", amount, ""])
    return book


def test_the_template_saved_on_its_guide_sheet_is_read_from_its_data_sheet():
    book = load_workbook(io.BytesIO(template_workbook("rong")))
    book.active = 1  # its example row is read
    p = plan(saved(book))
    assert p.sheet == "Số liệu" and p.layout == "table", errors_of(p)
    assert p.errors == [] and values(p)


def test_an_empty_sheet_shown_on_saving_is_passed_over():
    book = book_with_data()
    book.create_sheet("Sheet2")
    book.active = 1
    p = plan(saved(book))
    assert p.errors == [] and p.sheet == "Số liệu"
    assert values(p) == [1_000_000_000]
    assert p.unused == ["Trang “Sheet2”: không dùng (không có bảng số liệu)."]


def test_a_notes_sheet_shown_on_saving_is_passed_over():
    book = book_with_data()
    book.create_sheet("Ghi chú").append(["Ghi chú: số liệu do Sở Công Thương gửi"])
    book.active = 1
    p = plan(saved(book))
    assert p.errors == [] and p.sheet == "Số liệu"


def test_the_data_sheet_shown_on_saving_wins_over_the_first():
    book = book_with_data()
    other = book.create_sheet("Năm sau")
    other.append(HEADER)
    other.append(["Ninh Thuận", 2017, "KCĐP", "2", ""])
    book.active = 1
    p = plan(saved(book))
    assert p.sheet == "Năm sau" and values(p) == [2_000_000_000]


def test_another_data_sheet_left_unread_is_a_warning_to_confirm():
    book = book_with_data()
    other = book.create_sheet("Năm sau")
    other.append(HEADER)
    other.append(["Ninh Thuận", 2017, "KCĐP", "2", ""])
    book.create_sheet("Trống")
    book.active = 1
    p = plan(saved(book))
    assert p.sheet == "Năm sau" and p.errors == []
    assert [w.message for w in p.warnings] == [
        "trang “Số liệu” cũng có bảng số liệu nhưng KHÔNG được nhập (chỉ đọc trang "
        "“Năm sau”, trang đang mở khi lưu tệp). Để nhập trang “Số liệu”, hãy ghi tên "
        "trang này ở ô “Trang” rồi nhập riêng."
    ]
    assert not p.can_apply
    assert plan(saved(book), confirmed=True).can_apply
    named = plan(saved(book), sheet="Năm sau")
    assert named.warnings == [] and named.can_apply


def test_an_ods_data_sheet_left_unread_is_a_warning():
    p = plan(two_visible_sheets(), name="a.ods")
    assert p.sheet == "dau" and values(p) == [5_000_000_000]
    assert [w.message[:24] for w in p.warnings] == ["trang “sau” cũng có bảng"]
    assert not p.can_apply


def test_two_data_sheets_none_shown_are_refused_naming_them():
    book = Workbook()
    notes = book.active
    notes.title = "Ghi chú"
    notes.append(["Số liệu hai năm"])
    for name, year in (("2016", 2016), ("2017", 2017)):
        sheet = book.create_sheet(name)
        sheet.append(HEADER)
        sheet.append(["Ninh Thuận", year, "KCĐP", "1", ""])
    with pytest.raises(Exception) as caught:
        plan(saved(book))
    assert str(caught.value) == (
        "Tệp có nhiều trang dữ liệu: “2016”, “2017”. Hãy ghi tên trang cần nhập ở ô "
        "“Trang”."
    )
    assert plan(saved(book), sheet="2017").sheet == "2017"


def test_an_ods_shown_on_an_empty_sheet_is_read_from_its_data_sheet():
    both = two_visible_sheets()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(both)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "content.xml":
                # "sau" becomes an empty sheet
                head, _sep, _tail = part.partition(b'<table:table table:name="sau">')
                part = head + (
                    b'<table:table table:name="sau"></table:table>'
                    b"</office:spreadsheet></office:body></office:document-content>"
                )
            copy.writestr(item, part)
    p = plan(with_active_table(out.getvalue(), "sau"), name="a.ods")
    assert p.errors == [] and p.sheet == "dau" and values(p) == [5_000_000_000]


def test_excel_opens_on_the_first_workbook_view():
    book = book_with_data()
    other = book.create_sheet("Năm sau")
    other.append(HEADER)
    other.append(["Ninh Thuận", 2017, "KCĐP", "2", ""])

    def two_views(part: bytes) -> bytes:
        view = b'<workbookView activeTab="1"/><workbookView activeTab="0"/>'
        start, end = part.index(b"<bookViews>"), part.index(b"</bookViews>")
        return part[: start + 11] + view + part[end:]

    p = plan(with_member(saved(book), "xl/workbook.xml", two_views))
    assert p.sheet == "Năm sau" and values(p) == [2_000_000_000]


def test_unreadable_ods_view_settings_are_passed_over():
    broken = "<office:document-settings xmlns:office='x'><br"
    ods = with_member(two_visible_sheets(), "settings.xml", lambda _old: broken)
    p = plan(ods, name="a.ods")
    assert p.errors == [] and p.sheet == "dau" and values(p) == [5_000_000_000]
