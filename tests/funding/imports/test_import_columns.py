"""Every column of a table is read, refused or listed as not used: an
extra or duplicate measure column, or a unit column contradicting a
header, refuses the file naming the columns (never a silent choice)."""

import csv
import io

import pytest

from funding.imports import apply_import
from funding.models import Figure, ImportRecord

from .test_imports import plan, xlsx

pytestmark = pytest.mark.django_db


def csv_bytes(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


TEMPLATE = [
    "Tỉnh, thành phố",
    "Năm",
    "Kỳ",
    "Nguồn kinh phí",
    "Nội dung",
    "Chỉ tiêu",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
]
ROW = ["Hà Giang", 2022, "Cả năm", "KCĐP", "Tất cả nội dung", "Kinh phí khuyến công"]


def wide(extra_header, extra_value, fmt="csv"):
    rows = [
        [*TEMPLATE, extra_header, "Ghi chú"],
        [*ROW, "1,5", "1,2", extra_value, ""],
    ]
    if fmt == "csv":
        return plan(csv_bytes(rows), name="a.csv", confirmed=True)
    return plan(xlsx(rows), confirmed=True)


def errors_of(p):
    return [(e.row, e.column, e.message) for e in p.errors]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_extra_column_of_numbers_refuses_the_file_naming_it(fmt):
    p = wide("Ước TH năm sau", "2,0" if fmt == "csv" else 2.0, fmt)
    assert not p.can_apply and not p.figures
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (1, "Ước TH năm sau")
    assert message.startswith("cột I “Ước TH năm sau” có số nhưng tiêu đề")


def test_an_extra_column_of_text_is_listed_as_not_used():
    p = wide("Người lập", "Nguyễn Văn A")
    assert p.errors == [] and p.can_apply
    assert "Cột I “Người lập”: không dùng (không phải cột đã biết)." in p.unused


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_second_column_of_the_same_measure_refuses_the_file(fmt, admin_user):
    p = wide("Thực hiện (triệu đồng)", "1300" if fmt == "csv" else 1300, fmt)
    assert errors_of(p) == [
        (
            1,
            "Thực hiện (triệu đồng)",
            "cột I “Thực hiện (triệu đồng)” và cột H “Thực hiện (tỷ đồng)” là cùng một "
            "cột (cùng loại thông tin): chỉ đọc được một cột. Hãy xoá hoặc đổi tên một "
            "trong hai cột, hoặc ghi cột không cần đọc ở “Cột không dùng”, rồi nhập lại.",
        )
    ]
    with pytest.raises(ValueError):
        apply_import(plan=p, user=admin_user)
    assert not Figure.objects.exists() and not ImportRecord.objects.exists()


def test_a_unit_column_contradicting_the_header_names_both():
    p = wide("Đơn vị", "triệu đồng")
    assert not p.can_apply
    messages = {(e.column, e.message) for e in p.errors}
    assert messages == {
        (
            "Đơn vị",
            f"cột “Đơn vị” ghi “triệu đồng” nhưng tiêu đề cột “{header}” ghi “tỷ đồng”: "
            "không biết dùng đơn vị nào. Hãy sửa một trong hai cho khớp.",
        )
        for header in ("Kế hoạch (tỷ đồng)", "Thực hiện (tỷ đồng)")
    }


def test_a_unit_column_agreeing_with_the_header_is_fine():
    p = wide("Đơn vị", "tỷ")
    assert p.errors == []
    assert sorted(f.value for f in p.figures) == [1_200_000_000, 1_500_000_000]


LONG = ["Chỉ tiêu", "Địa bàn", "Năm", "Kỳ", "Loại số liệu", "Giá trị", "Đơn vị"]
LONG_ROW = ["Kinh phí khuyến công", "Hà Giang", 2022, "Cả năm", "Thực hiện", "5"]


def test_a_measure_column_beside_the_long_layout_refuses_the_file():
    rows = [[*LONG, "Kế hoạch (tỷ đồng)"], [*LONG_ROW, "tỷ đồng", "7"]]
    p = plan(csv_bytes(rows), name="a.csv")
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (1, "Kế hoạch (tỷ đồng)")
    assert "không đọc cột H “Kế hoạch (tỷ đồng)”" in message


def test_a_second_value_column_in_the_long_layout_refuses_the_file():
    rows = [[*LONG, "Giá trị (triệu đồng)"], [*LONG_ROW, "tỷ đồng", "7"]]
    p = plan(csv_bytes(rows), name="a.csv")
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (1, "Giá trị (triệu đồng)")
    assert "cột H “Giá trị (triệu đồng)” và cột F “Giá trị”" in message


def test_an_unknown_unit_is_blamed_on_the_unit_column():
    p = plan(csv_bytes([LONG, [*LONG_ROW, "tỷ USD"]]), name="a.csv")
    assert errors_of(p) == [
        (
            2,
            "Đơn vị",
            "“tỷ USD” không phải đơn vị tiền (đồng, nghìn đồng, triệu đồng, tỷ đồng): "
            "không đoán là đồng.",
        )
    ]


def test_a_numbering_column_is_not_a_figure():
    rows = [["STT", *TEMPLATE], ["1", *ROW, "1,5", "1,2"]]
    p = plan(csv_bytes(rows), name="a.csv", confirmed=True)
    assert p.errors == [] and len(p.figures) == 2
    assert "Cột A “STT”: không dùng (số thứ tự)." in p.unused


REPORT_TOP = [
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2024"],
    ["", "", "", "Đơn vị tính: triệu đồng"],
]


def report(headers, cells, fmt="csv"):
    rows = [*REPORT_TOP, headers, cells]
    if fmt == "csv":
        return plan(csv_bytes(rows), name="bao-cao.csv", confirmed=True)
    return plan(xlsx(rows), confirmed=True)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_report_with_the_same_measure_twice_is_refused_at_the_column(fmt):
    p = report(
        ["STT", "Tỉnh, thành phố", "Kế hoạch", "Thực hiện", "Thực hiện", "Ghi chú"],
        ["1", "Thanh Hóa", "2076,3", "", "1800", ""],
        fmt,
    )
    assert p.layout == "report" and not p.can_apply and not p.figures
    [(row, column, message)] = errors_of(p)
    assert row == 3 and column.startswith("E")
    assert message.startswith(
        "cột E “Thực hiện” và cột D “Thực hiện” cùng là một số liệu"
    )


def test_a_report_unit_column_contradicting_a_header_names_both():
    p = report(
        ["STT", "Tỉnh, thành phố", "Kế hoạch (tỷ đồng)", "Thực hiện", "Đơn vị"],
        ["1", "Thanh Hóa", "2,5", "1990,7", "triệu đồng"],
    )
    assert not p.can_apply and not p.figures
    [(row, column, message)] = errors_of(p)
    assert row == 4 and column.startswith("E")
    assert message == (
        "cột E “Đơn vị” ghi “triệu đồng” nhưng tiêu đề cột C “Kế hoạch (tỷ đồng)” ghi "
        "“tỷ đồng”: không biết dùng đơn vị nào. Hãy sửa một trong hai cho khớp."
    )


def test_an_implausible_value_is_flagged_at_its_column():
    long = plan(csv_bytes([LONG, [*LONG_ROW[:-1], "1,5", "triệu đồng"]]), name="a.csv")
    assert long.errors == [] and not long.can_apply
    assert [(w.row, w.column, w.value) for w in long.warnings] == [
        (2, "Giá trị", "1.500.000")
    ]
    assert "nằm ngoài khoảng thường gặp" in long.warnings[0].message
    rows = [TEMPLATE, [*ROW, "", "0,0015"]]
    table = plan(csv_bytes(rows), name="b.csv")
    assert [(w.row, w.column) for w in table.warnings] == [(2, "Thực hiện (tỷ đồng)")]
    assert str(table.warnings[0]).startswith(
        "Dòng 2, cột “Thực hiện (tỷ đồng)” (giá trị “1.500.000”)"
    )


@pytest.mark.parametrize("header", ["Ước TH năm sau", "Thực hiện cùng kỳ năm trước"])
def test_a_report_column_of_another_year_must_be_mapped(header):
    p = report(
        ["STT", "Tỉnh, thành phố", "Kế hoạch", "Thực hiện", header, "Ghi chú"],
        ["1", "Thanh Hóa", "2076,3", "1990,7", "1800", ""],
    )
    assert not p.can_apply and not p.figures
    [(row, column, message)] = errors_of(p)
    assert (row, column) == (3, "E")
    assert f"cột E (“{header}”) có số nhưng tiêu đề không cho biết" in message


def test_a_declined_column_is_listed_and_not_read():
    rows = [
        [*TEMPLATE, "Ước TH năm sau", "Thực hiện (triệu đồng)"],
        [*ROW, "1,5", "1,2", "2,0", "1300"],
    ]
    p = plan(csv_bytes(rows), name="a.csv", ignore_columns=frozenset({"I", "J"}))
    assert p.errors == []
    assert sorted(f.value for f in p.figures) == [1_200_000_000, 1_500_000_000]
    why = "không dùng (người nhập xác nhận không dùng cột này)."
    assert f"Cột I “Ước TH năm sau”: {why}" in p.unused
    assert f"Cột J “Thực hiện (triệu đồng)”: {why}" in p.unused
    first = plan(csv_bytes(rows), name="a.csv", ignore_columns=frozenset({"H", "I"}))
    assert first.errors == []
    assert sorted(f.value for f in first.figures) == [1_300_000_000, 1_500_000_000]
