"""Amounts the database would round or refuse are refused at preview,
naming the row and column, with the words the figure form uses: an import
never rounds a value silently, and a confirmation never fails on a value
the preview passed."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from funding.core.forms import FigureForm
from funding.imports import UNEXPECTED_ERROR, apply_import, is_write_conflict
from funding.imports.engine import apply_or_explain
from funding.imports.plan import _row_without_values
from funding.imports.spreadsheets import LONG_HEADERS
from funding.imports.table_columns import column_unused
from funding.models import Figure, ImportRecord, SourceDocument

from .test_imports import csv_bytes, plan, xlsx

pytestmark = pytest.mark.django_db

# The long template's columns, less its "Ghi chú".
LONG = LONG_HEADERS[:-1]
DECIMALS = "Hãy chắc chắn rằng không có nhiều hơn 2 chữ số thập phân."


def long_row(value, unit="đồng", rounding="", measure="Thực hiện"):
    return [
        "Kinh phí khuyến công",
        "Hà Giang",
        "Tất cả nguồn",
        "Tất cả nội dung",
        2022,
        "Cả năm",
        measure,
        f'"{value}"',
        unit,
        f'"{rounding}"',
    ]


def one_error(value, unit="đồng", rounding=""):
    p = plan(csv_bytes([LONG, long_row(value, unit, rounding)]), name="a.csv")
    assert not p.can_apply and not p.figures
    return [(e.row, e.column, e.message) for e in p.errors]


@pytest.mark.parametrize(
    "value, unit",
    [("1000,005", "đồng"), ("0,0000001", "đồng")],
)
def test_more_than_two_decimals_of_dong_is_an_error_not_a_rounding(value, unit):
    assert one_error(value, unit) == [(2, "Giá trị", DECIMALS)]


@pytest.mark.parametrize("digits", [21, 25, 29, 40])
def test_too_many_digits_is_an_error_naming_the_cell(digits):
    errors = one_error("9" * digits)
    assert len(errors) == 1 and errors[0][:2] == (2, "Giá trị")
    assert "nhiều hơn" in errors[0][2]


def test_a_negative_rounding_is_an_error_at_preview():
    assert one_error("5000000", rounding="-10") == [(2, "Làm tròn", "không được âm.")]
    assert one_error("5000000", rounding="0,001") == [(2, "Làm tròn", DECIMALS)]


def test_zeros_past_the_cent_are_no_precision_and_are_imported(admin_user):
    p = plan(
        csv_bytes(
            [
                LONG,
                long_row("1,123", "tỷ đồng"),
                long_row("1000,50", measure="Kế hoạch"),
            ]
        ),
        name="a.csv",
        confirmed=True,
    )
    assert p.errors == []
    apply_import(plan=p, user=admin_user)
    values = sorted(Figure.objects.values_list("value", flat=True))
    assert values == [D("1000.50"), D("1123000000.00")]
    assert ImportRecord.objects.count() == 1


def test_the_figure_form_applies_the_same_rule():
    def errors(value, rounding=""):
        form = FigureForm(data={"value": value, "rounding": rounding})
        form.is_valid()
        return form.errors.get("value", []) + form.errors.get("rounding", [])

    assert DECIMALS in errors("1000,005")
    assert DECIMALS in errors("1,123456789 triệu")
    assert errors("1,123 tỷ") == []
    assert errors("5", rounding="-10") == ["không được âm."]


def test_a_note_the_database_cannot_store_is_an_error_at_preview():
    p = plan(
        csv_bytes([[*LONG, "Ghi chú"], [*long_row("5000000"), "a\x00b"]]), name="a.csv"
    )
    assert [(e.row, e.column, e.value) for e in p.errors] == [(2, "Ghi chú", "a␀b")]
    assert "ký tự NUL" in p.errors[0].message


@pytest.mark.parametrize(
    "value, rounding, column",
    [
        ("5000000", "-10", "Làm tròn"),
        ("9" * 25, "", "Giá trị"),
        ("9" * 30, "", "Giá trị"),
    ],
)
def test_the_admin_preview_refuses_what_the_write_would(
    data_client, value, rounding, column
):
    source = SourceDocument.objects.create(title="Báo cáo Sở Công Thương")
    data = csv_bytes([LONG, long_row(value, rounding=rounding)])
    response = data_client.post(
        reverse("admin:funding_figure_import"),
        {
            "import_file": SimpleUploadedFile("a.csv", data),
            "source": source.pk,
            "format": "0",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("admin:funding_figure_process_import") not in html
    assert f"Dòng 2, cột “{column}”" in html


def test_a_value_the_database_refuses_at_write_is_not_called_a_conflict(admin_user):
    p = plan(csv_bytes([LONG, long_row("5000000")]), name="a.csv", confirmed=True)
    assert p.can_apply
    p.figures[0].rounding = D(-10)  # what the preview now refuses, forced through
    record, error = apply_or_explain(p, admin_user)
    assert record is None and error == str(UNEXPECTED_ERROR)
    assert not Figure.objects.exists() and not ImportRecord.objects.exists()


def test_only_another_writer_is_called_a_conflict(admin_user):
    p = plan(csv_bytes([LONG, long_row("5000000")]), name="a.csv", confirmed=True)
    apply_import(plan=p, user=admin_user)
    stored = Figure.objects.get()

    def refusal(**changes):
        copy = Figure.objects.get()
        copy.pk = None
        for name, value in changes.items():
            setattr(copy, name, value)
        with pytest.raises(IntegrityError) as caught, transaction.atomic():
            copy.save()
        return is_write_conflict(caught.value)

    assert refusal() is True  # the same key twice: someone else wrote it
    assert refusal(year=stored.year + 1, rounding=D(-10)) is False


def test_a_unit_applied_is_named_in_the_decimals_error():
    errors = one_error("1,123456789", "triệu đồng")
    assert errors == [
        (
            2,
            "Giá trị",
            f"{DECIMALS} Giá trị tính bằng đồng (sau khi quy đổi): 1.123.456,789.",
        )
    ]


def test_decimals_are_told_before_the_count_of_digits():
    # 23 digits, 6 of them decimals: the decimals are what is wrong.
    assert one_error("12345678901234567,123456") == [(2, "Giá trị", DECIMALS)]


@pytest.mark.parametrize(
    "cell, expected",
    [
        (2076.3 * 0.4, D("830520000.00")),  # 830.5200000000001 in binary
        (1990.7 / 3, D("663566666.67")),  # a formula's repeating fraction
        (0.1 + 0.2, D("300000.00")),
    ],
)
def test_a_formula_result_in_a_million_dong_column_is_imported(cell, expected):
    p = plan(xlsx([LONG, long_row_cell(cell, "triệu đồng")]), confirmed=True)
    assert p.errors == []
    assert [f.value for f in p.figures] == [expected]


def test_a_float_cell_in_dong_is_read_as_the_spreadsheet_shows_it():
    p = plan(xlsx([LONG, long_row_cell(0.1 + 0.2 + 1000, "đồng")]), confirmed=True)
    assert p.errors == [] and [f.value for f in p.figures] == [D("1000.3")]


def long_row_cell(cell, unit):
    row = long_row("0", unit)
    row[LONG.index("Giá trị")] = cell
    row[LONG.index("Làm tròn")] = None
    return row


@pytest.mark.parametrize(
    "cell", ["123456789012345678901234567890", 1e25, "999999999999"]
)
def test_an_amount_too_large_in_ty_dong_is_an_error_naming_the_cell(cell):
    # A scaled unit once read ``.code`` off Django's list of errors: a 500.
    row = long_row("0", "tỷ đồng")
    row[LONG.index("Giá trị")] = cell
    row[LONG.index("Làm tròn")] = None
    p = plan(xlsx([LONG, row]))
    assert not p.can_apply and not p.figures
    [error] = p.errors
    assert (error.row, error.column) == (2, "Giá trị")
    assert "quá lớn" in error.message
    assert "tính bằng đồng (sau khi quy đổi)" in error.message


def test_too_many_digits_says_too_large_in_the_figure_form_too():
    form = FigureForm(data={"value": "9" * 21, "rounding": ""})
    assert not form.is_valid()
    assert any("quá lớn" in e for e in form.errors["value"])


def test_an_amount_too_large_in_the_wide_template_is_an_error_naming_the_cell():
    header = ["Tỉnh, thành phố", "Năm", "Nguồn kinh phí", "Kế hoạch (tỷ đồng)"]
    p = plan(
        xlsx([header, ["Hà Giang", 2021, "KCĐP", "123456789012345678901234567890"]])
    )
    assert not p.figures
    assert [(e.row, e.column) for e in p.errors] == [(2, "Kế hoạch (tỷ đồng)")]
    assert "quá lớn" in p.errors[0].message


def test_a_row_with_its_value_left_blank_is_listed_as_not_used():
    """Blanking a value does not delete a stored figure; the preview says
    the row was not read instead of leaving it out unseen."""
    blank = long_row("")
    blank[LONG.index("Năm")] = 2023
    p = plan(csv_bytes([LONG, long_row("5000000"), blank]), name="a.csv")
    assert p.errors == [] and len(p.figures) == 1
    assert p.unused == [
        "Dòng 3: không dùng (không có giá trị nào; số liệu đã lưu, nếu có, giữ nguyên)."
    ]


def test_a_row_not_used_in_a_sheet_names_the_sheet_as_report_layouts_do():
    """In a workbook the row is named with its sheet ("Trang “…”, dòng …"),
    as the report layouts name theirs; a CSV has no sheet to name."""
    rows = [
        [cell.strip('"') if isinstance(cell, str) else cell for cell in row]
        for row in (long_row("5000000"), long_row(""))
    ]
    rows[1][LONG.index("Năm")] = 2023
    p = plan(xlsx([LONG, *rows], sheet="Quý IV"))
    assert p.errors == [] and len(p.figures) == 1
    assert p.unused == [
        "Trang “Quý IV”, dòng 3: không dùng (không có giá trị nào; số liệu đã lưu, "
        "nếu có, giữ nguyên)."
    ]


def test_a_column_not_used_in_a_sheet_names_the_sheet_as_its_rows_do():
    rows = [
        [cell.strip('"') if isinstance(cell, str) else cell for cell in long_row(v)]
        + ["Ghi chú"]
        for v in ("5000000", "")
    ]
    rows[1][LONG.index("Năm")] = 2023
    p = plan(xlsx([[*LONG, "Người lập"], *rows], sheet="Quý IV"))
    assert p.errors == [] and len(p.figures) == 1
    assert p.unused[0] == (
        f"Trang “Quý IV”, cột {chr(ord('A') + len(LONG))} “Người lập”: không dùng "
        "(không phải cột đã biết)."
    )
    assert p.unused[1].startswith("Trang “Quý IV”, dòng 3: không dùng")


def test_a_long_sheet_name_is_cut_in_the_lines_not_used():
    """As ``hidden_parts`` names sheets: at most 100 characters."""
    table = SimpleNamespace(sheet="Trang " * 40, layout="table")
    line = column_unused(table, "B “Người lập”", "không phải cột đã biết")
    assert f"“{('Trang ' * 40)[:100]}”, cột B" in line
    assert _row_without_values(table, 3).startswith(f"Trang “{('Trang ' * 40)[:100]}”,")
