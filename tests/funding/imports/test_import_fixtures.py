"""Files saved by LibreOffice and broken files (tests/fixtures/, made by
tests/fixtures/make_fixtures.py): each case with its exact Vietnamese error."""

from decimal import Decimal as D
from pathlib import Path

import pytest

from funding.imports import plan_file
from funding.imports.reading import ReadError
from funding.models import Area, SourceDocument

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def plan(name, **kwargs):
    source, _ = SourceDocument.objects.get_or_create(title="Tệp mẫu")
    return plan_file(
        (FIXTURES / name).read_bytes(), file_name=name, source=source, **kwargs
    )


def values(p):
    return {
        (
            f.figure.area.short_name,
            f.figure.year,
            f.figure.fund,
            f.figure.measure,
        ): f.figure.value
        for f in p.figures
    }


@pytest.mark.parametrize("name", ["wide_title_row.xlsx", "wide_title_row.ods"])
def test_libreoffice_wide_file_with_merged_title_and_cached_formula(name):
    p = plan(name)
    assert p.errors == []
    got = values(p)
    assert got[("Ninh Thuận", 2022, "kcqg", "plan")] == D(48_790_000_000)
    assert got[("Ninh Thuận", 2022, "kcqg", "executed")] == D(12_610_000_000)
    assert got[("Ninh Thuận", 2022, "kcdp", "plan")] == D(1_500_000_000)
    assert ("Ninh Thuận", 2022, "kcdp", "executed") not in got
    assert got[("Hồ Chí Minh", 2021, "all", "plan")] == D(1_234_500_000_000)
    assert got[("Hồ Chí Minh", 2021, "all", "executed")] == D(
        5_000_000_000
    )  # =2+3, cached
    assert got[("Huế", 2021, "all", "plan")] == D(
        48_790_000_000
    )  # unit in the cell wins
    assert got[("Huế", 2021, "all", "executed")] == D(1_500_000_000)


def test_named_sheet_and_long_layout():
    p = plan("two_sheets.xlsx", sheet="Số liệu 2022")
    assert p.errors == [] and values(p)[("Đắk Nông", 2022, "all", "plan")] == D(
        3_500_000_000
    )
    # Without a sheet named, every sheet is read: the cover is listed as
    # not used, with the reason, and the data sheet is read.
    every = plan("two_sheets.xlsx")
    assert every.errors == []
    assert values(every) == values(p)
    assert "Trang “Bìa”: không dùng (không có bảng số liệu)." in every.unused
    long = plan("long_layout.xlsx")
    assert long.errors == []
    assert sorted(values(long).values()) == [D(59), D(48_790_000_000)]


@pytest.mark.parametrize(
    "name",
    ["utf8.csv", "utf8_bom.csv", "nfd.csv", "excel_unicode.txt", "windows1258.csv"],
)
def test_csv_encodings(name):
    p = plan(name)
    assert p.errors == []
    got = values(p)
    assert got[("Đắk Nông", 2021, "all", "plan")] == D(3_500_000_000)
    assert got[("Khánh Hòa", 2021, "all", "plan")] == D(2_000_000_000)
    assert Area.objects.get(pk=p.figures[0].figure.area_id).valid_to is not None


def test_errors_row_by_row():
    p = plan("errors.xlsx")
    assert [(e.row, e.column, str(e.value), e.message) for e in p.errors] == [
        (
            2,
            "Tỉnh, thành phố",
            "Nin Thuận",
            "không có địa bàn này trong năm 2022. Có phải: Ninh Thuận, Bình Thuận?",
        ),
        (3, "Kế hoạch (tỷ đồng)", "1.2.3", "“1.2.3” có nhiều dấu chấm."),
        (4, "Kế hoạch (tỷ đồng)", "-5", "giá trị không được âm."),
        (
            6,
            "Kế hoạch (tỷ đồng)",
            "2",
            "trùng với dòng 5 (cùng địa bàn, năm, kỳ, nguồn, nội dung và loại số liệu).",
        ),
    ]


def test_wrong_header_one_row_and_empty():
    with pytest.raises(ReadError, match="Không tìm thấy dòng tiêu đề"):
        plan("wrong_header.xlsx")
    one = plan("one_row.xlsx")
    assert [(e.row, e.message) for e in one.errors] == [
        (1, "tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
    ]
    with pytest.raises(ReadError, match="^Tệp trống.$"):
        plan("empty.csv")


def test_formula_without_cached_value():
    p = plan("formula_no_cache.xlsx")
    assert [(e.row, e.column) for e in p.errors] == [(2, "Kế hoạch (tỷ đồng)")]
    assert p.errors[0].message.startswith("ô công thức không có giá trị đã tính")


def test_truncated_and_renamed_files():
    with pytest.raises(ReadError, match="không phải bảng tính hợp lệ"):
        plan("truncated.xlsx")
    with pytest.raises(ReadError, match="không phải bảng tính hợp lệ"):
        plan("renamed_csv.xlsx")


def test_two_row_header_with_merged_cells():
    p = plan("two_row_merged_header.xlsx")
    assert p.errors == []
    got = values(p)
    assert got[("Lâm Đồng", 2021, "all", "plan")] == D(1_250_000_000)
    assert got[("Lâm Đồng", 2021, "all", "executed")] == D(980_500_000)
