"""The import limits, enforced while a file is read, and the ways a file
can fail to read: each a Vietnamese ReadError naming the row or cell."""

import codecs
import io
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import Workbook

from funding.imports import KNOWN, plan_file
from funding.imports.reading import ReadError, read_table
from funding.models import SourceDocument

from . import hostile_files as hostile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CSV_HEADER = "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\n"


def read(data: bytes, name: str, **options):
    return read_table(data, name, KNOWN, **options)


def error_of(data: bytes, name: str, **options) -> str:
    with pytest.raises(ReadError) as error:
        read(data, name, **options)
    return str(error.value)


def xlsx_rows(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# CSV: what cannot be decoded or split.


def test_byte_invalid_in_utf8_and_windows_1258_is_named_with_its_line():
    data = (CSV_HEADER + "Ninh Thuận;2022;1\n").encode() + b"Ninh Thu\x81n;2022;2\n"
    assert error_of(data, "so-lieu.csv") == (
        "Tệp CSV không đọc được: byte 0x81 ở dòng 3 không hợp lệ trong UTF-8 và "
        "Windows-1258; hãy lưu lại tệp dưới dạng CSV UTF-8."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            codecs.BOM_UTF8 + CSV_HEADER.encode() + b"Hu\xe9;2022;1\n",
            "byte 0xE9 ở dòng 2 không hợp lệ trong UTF-8;",
        ),
        (
            codecs.BOM_UTF16_LE + CSV_HEADER.encode("utf-16-le") + b"\x00\xdc",
            "byte 0x00 ở dòng 2 không hợp lệ trong UTF-16;",
        ),
    ],
)
def test_a_file_whose_bom_says_one_encoding_and_bytes_another(data, message):
    assert message in error_of(data, "so-lieu.csv")


@pytest.mark.parametrize("size", [32_768, 128 * 1024, 200_000])
def test_a_cell_too_long_for_a_spreadsheet_is_refused_with_its_row(size):
    data = (CSV_HEADER + "Ninh Thuận;2022;1\n" + "x" * size + ";2022;2\n").encode()
    message = error_of(data, "so-lieu.csv")
    assert message.endswith(
        "dài hơn 32.767 ký tự (giới hạn của Excel); đây không phải một số liệu."
    )
    assert "dòng 3" in message


def test_a_quote_left_open_swallows_the_file_and_is_refused():
    data = (CSV_HEADER + 'Ninh Thuận;"2022;1\n' + "Đắk Nông;2022;1\n" * 20000).encode()
    assert "dòng 2" in error_of(data, "so-lieu.csv")


def test_blank_and_empty_lines_of_a_csv_are_skipped():
    data = (CSV_HEADER + "\n;;\nNinh Thuận;2022;1\n\n").encode()
    table = read(data, "so-lieu.csv")
    assert table.rows == [(4, ["Ninh Thuận", "2022", "1"])]


# The limits, each format.


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.csv", (CSV_HEADER + "Ninh Thuận;2022;1\n" * 3).encode()),
        ("a.xlsx", xlsx_rows([CSV_HEADER.split(";"), *[["Ninh Thuận", 2022, 1]] * 3])),
        ("a.ods", hostile.ods_repeated_rows(1, 3)),
    ],
)
def test_row_limit(settings, name, data):
    settings.IMPORT_MAX_ROWS = 2
    assert error_of(data, name) == "Tệp có quá nhiều dòng (tối đa 2 dòng dữ liệu)."
    settings.IMPORT_MAX_ROWS = 3
    assert len(read(data, name).rows) == 3


def test_repeated_ods_rows_within_the_limits_are_every_row():
    p_source, _ = SourceDocument.objects.get_or_create(title="Tệp lặp")
    plan = plan_file(
        hostile.ods_repeated_rows(1, 3), file_name="lap.ods", source=p_source
    )
    assert [(e.row, e.message[:20]) for e in plan.errors] == [
        (3, "trùng với dòng 2 (cù"),
        (4, "trùng với dòng 2 (cù"),
    ]


test_repeated_ods_rows_within_the_limits_are_every_row = pytest.mark.django_db(
    test_repeated_ods_rows_within_the_limits_are_every_row
)


@pytest.mark.parametrize(
    ("name", "data", "column"),
    [
        ("a.csv", (CSV_HEADER + "Ninh Thuận;2022;1;;;x\n").encode(), "F"),
        (
            "a.xlsx",
            xlsx_rows([CSV_HEADER.split(";"), ["Huế", 2022, 1, None, "x"]]),
            "E",
        ),
        (
            "a.ods",
            hostile.ods(
                hostile.ods_header()
                + "<table:table-row>"
                + hostile.ods_text("Huế")
                + '<table:table-cell table:number-columns-repeated="2"/>'
                + hostile.ods_text("x")
                + "</table:table-row>"
            ),
            "D",
        ),
    ],
)
def test_column_limit_names_the_row_and_column(settings, name, data, column):
    settings.IMPORT_MAX_COLUMNS = 3
    assert error_of(data, name) == (
        f"Dòng 2 có dữ liệu ở cột {column}, ngoài giới hạn 3 cột (A đến C)."
    )


def test_empty_cells_beyond_the_column_limit_are_ignored(settings):
    settings.IMPORT_MAX_COLUMNS = 3
    data = (CSV_HEADER + "Ninh Thuận;2022;1;;  ;\n").encode()
    assert read(data, "a.csv").rows == [(2, ["Ninh Thuận", "2022", "1"])]
    far = hostile.xlsx(
        hostile.xlsx_header_row() + '<row r="2"><c r="XFD2" s="1"/></row>'
    )
    assert read(far, "a.xlsx").rows == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.csv", (CSV_HEADER + "Ninh Thuận;2022;1\n" * 4).encode()),
        ("a.ods", hostile.ods_repeated_rows(1, 4)),
    ],
)
def test_cell_limit(settings, name, data):
    settings.IMPORT_MAX_CELLS = 10
    assert error_of(data, name) == (
        "Tệp có quá nhiều ô (tối đa 10 ô trong các dòng có dữ liệu); đến dòng 4 "
        "đã vượt quá."
    )


def test_text_limit(settings):
    settings.IMPORT_MAX_TEXT_CHARS = 60
    data = (CSV_HEADER + "".join(f"Tỉnh số {n};2022;1\n" for n in range(10))).encode()
    message = error_of(data, "a.csv")
    assert message.startswith("Tệp có quá nhiều chữ (tối đa 60 ký tự); đến dòng")


def test_shared_string_limits(settings):
    strings = "".join(f"<si><t>chuỗi {n}</t></si>" for n in range(5))
    data = hostile.xlsx(
        hostile.xlsx_header_row(), f'<sst xmlns="{hostile.MAIN}">{strings}</sst>'
    )
    settings.IMPORT_MAX_SHARED_STRINGS = 4
    assert error_of(data, "a.xlsx").startswith(
        "Bảng chuỗi dùng chung của tệp XLSX có hơn 4 chuỗi;"
    )
    settings.IMPORT_MAX_SHARED_STRINGS = 5
    settings.IMPORT_MAX_TEXT_CHARS = 20
    assert error_of(data, "a.xlsx").startswith(
        "Bảng chuỗi dùng chung của tệp XLSX có hơn 20 ký tự;"
    )


# XLSX and ODS that no office program writes.


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            '<row r="2"><c r="2A"><v>1</v></c></row>',
            "Tệp XLSX có ô với địa chỉ không hợp lệ “2A” ở dòng 2.",
        ),
        (
            '<row r="2"><c r="A2" t="s"><v>7</v></c></row>',
            "Ô A2 của tệp XLSX trỏ tới một chuỗi không có trong tệp (tệp hỏng)",
        ),
        (
            '<row r="hai"><c r="A2"><v>1</v></c></row>',
            "Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).",
        ),
        (
            '<row r="2"><c r="A2" t="inlineStr"><is><t>'
            + "x" * 40_000
            + "</t></is></c></row>",
            "Ô ở dòng 2, cột A2 dài hơn 32.767 ký tự",
        ),
        (
            "<row>" + "<x>" * 1000 + "</x>" * 1000 + "</row>",
            "Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).",
        ),
        (
            "<!-- " + "> " * 10 + "-->",
            "Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).",
        ),
        (
            '<row r="2"><c r="A2"' + ' a="1"' * 200_000 + "/></row>",
            "Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).",
        ),
    ],
)
def test_broken_xlsx_parts_are_read_errors(rows, message):
    data = hostile.xlsx(hostile.xlsx_header_row() + rows)
    assert error_of(data, "a.xlsx").startswith(message)


def test_a_doctype_is_refused_before_any_entity_is_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", bomb)
    assert error_of(buffer.getvalue(), "a.ods") == (
        "Không đọc được tệp ODS (tệp hỏng hoặc không phải bảng tính)."
    )


def test_ods_repeat_counts_that_are_not_counts():
    data = hostile.ods(
        hostile.ods_header()
        + '<table:table-row table:number-rows-repeated="-5">'
        + hostile.ods_text("Huế")
        + "</table:table-row>"
    )
    assert error_of(data, "a.ods") == (
        "Không đọc được tệp ODS (tệp hỏng hoặc không phải bảng tính)."
    )


@pytest.mark.django_db
def test_libreoffice_ods_with_thousands_separators_dates_and_percentages():
    """Made by LibreOffice (tests/fixtures/make_fixtures.py): the cells show
    "1,850.0", "30/06/2023" and "25%"; the values are what is stored."""
    data = (FIXTURES / "formatted_numbers.ods").read_bytes()
    table = read(data, "formatted_numbers.ods")
    assert table.rows[0] == (2, ["Ninh Thuận", 2022, "Cả năm", "KCQG", 1850, 12.61])
    number, cells = table.rows[1]
    assert (number, cells[2].isoformat(), cells[4], cells[5]) == (
        3,
        "2023-06-30",
        1234.5,
        "25%",
    )
    source, _ = SourceDocument.objects.get_or_create(title="LibreOffice")
    plan = plan_file(data, file_name="formatted_numbers.ods", source=source)
    assert [(e.row, e.column, e.value, e.message) for e in plan.errors] == [
        (
            3,
            "Thực hiện (tỷ đồng)",
            "25%",
            "đây là tỷ lệ; hãy nhập số tiền hoặc số lượng.",
        )
    ]
    table.rows[1][1][5] = None  # without the percentage, every figure reads
    from funding.imports import plan_import

    valid = plan_import(table, file_name="x.ods", sha256="0" * 64, source=source)
    assert sorted(p.value for p in valid.figures) == [
        D(12_610_000_000),
        D(1_234_500_000_000),
        D(1_850_000_000_000),
    ]
    assert {p.key[5] for p in valid.figures} == {"year", "to_date"}
