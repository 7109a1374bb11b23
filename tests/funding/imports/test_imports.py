"""The import engine on real files: XLSX written by openpyxl, CSV in the
encodings Vietnamese offices use."""

import codecs
import io
import unicodedata
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import Workbook

from funding.imports import apply_import, plan_file, undo_import
from funding.imports.reading import ReadError
from funding.models import Area, Figure, ImportRecord

pytestmark = pytest.mark.django_db

WIDE = [
    "Tỉnh, thành phố",
    "Năm",
    "Kỳ",
    "Nguồn kinh phí",
    "Nội dung",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
]


def xlsx(rows, title=None, sheet="Số liệu", extra_sheets=()):
    book = Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    for name in extra_sheets:
        book.create_sheet(name).append(["khác"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 writes Vietnamese: base letter, then tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(m for m in parts if m in TONES)
            base = unicodedata.normalize(
                "NFC", "".join(m for m in parts if m not in TONES)
            )
            out += (base + tones).encode("cp1258")
    return out


def csv_bytes(rows, encoding="utf-8-sig", delimiter=","):
    text = "\n".join(delimiter.join(str(c) for c in row) for row in rows) + "\n"
    return cp1258(text) if encoding == "cp1258" else text.encode(encoding)


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("solieu_import", password="x" * 14)


def plan(data, name="so-lieu.xlsx", **kwargs):
    from funding.models import SourceDocument

    source, _ = SourceDocument.objects.get_or_create(title="Báo cáo tỉnh gửi")
    return plan_file(data, file_name=name, source=source, **kwargs)


def errors_of(p):
    return [(e.row, e.column, e.message) for e in p.errors]


def test_wide_xlsx_with_a_title_row_and_names_as_people_type_them(user):
    data = xlsx(
        [
            WIDE,
            ["Ninh Thuận", 2022, "Cả năm", "KCQG", "", "48,79", "  12, 61 "],
            ["tỉnh ninh thuan", 2022, "Cả năm", "KCĐP", "", 1.5, "-"],
            ["TP. Hồ Chí Minh", 2021, "7 tháng", "", "", "1.234,5", ""],
            ["Thừa Thiên Huế", 2021, "", "", "", "2", "1"],
        ],
        title="BẢNG SỐ LIỆU KINH PHÍ KHUYẾN CÔNG",
    )
    p = plan(data)
    assert p.errors == []
    assert p.count("new") == 6
    ninh_thuan = Area.objects.get(short_name="Ninh Thuận", valid_to__isnull=False)
    by_key = {(f.figure.area_id, f.figure.fund, f.figure.measure): f for f in p.figures}
    assert by_key[(ninh_thuan.pk, "kcqg", "plan")].figure.value == D(48_790_000_000)
    assert by_key[(ninh_thuan.pk, "kcqg", "executed")].figure.value == D(12_610_000_000)
    assert by_key[(ninh_thuan.pk, "kcdp", "plan")].figure.value == D(1_500_000_000)
    assert (ninh_thuan.pk, "kcdp", "executed") not in by_key  # "-" is no figure
    hcm = Area.objects.get(short_name="Hồ Chí Minh", valid_to__isnull=False)
    planned = by_key[(hcm.pk, "all", "plan")].figure
    assert planned.value == D(1_234_500_000_000)
    assert planned.period_kind == "months" and planned.period_end.month == 7
    record = apply_import(plan=p, user=user)
    assert (record.created_count, record.changed_count, record.unchanged_count) == (
        6,
        0,
        0,
    )
    assert Figure.objects.filter(last_import=record).count() == 6
    assert record.sheet == "Số liệu" and len(record.sha256) == 64


def test_reimport_is_idempotent_and_a_correction_changes_only_what_changed(user):
    rows = [
        WIDE,
        ["Ninh Thuận", 2022, "", "", "", "10", "8"],
        ["Đắk Nông", 2022, "", "", "", "5", "4"],
    ]
    apply_import(plan=plan(xlsx(rows)), user=user)
    history = Figure.history.count()
    again = plan(xlsx(rows))
    assert (again.count("new"), again.count("changed"), again.count("unchanged")) == (
        0,
        0,
        4,
    )
    apply_import(plan=again, user=user)
    assert Figure.history.count() == history  # nothing written
    rows[2][6] = "4,5"
    corrected = plan(xlsx(rows))
    assert corrected.count("changed") == 1 and corrected.count("unchanged") == 3
    changed = next(f for f in corrected.figures if f.status == "changed")
    assert (changed.old_value, changed.figure.value) == (D(4 * 10**9), D("4.5") * 10**9)
    apply_import(plan=corrected, user=user)
    assert Figure.history.count() == history + 1


def test_undo_restores_and_deletes_and_is_recorded(user):
    first = apply_import(
        plan=plan(xlsx([WIDE, ["Ninh Thuận", 2022, "", "", "", "10", ""]])), user=user
    )
    second = apply_import(
        plan=plan(xlsx([WIDE, ["Ninh Thuận", 2022, "", "", "", "11", "9"]])), user=user
    )
    assert (second.created_count, second.changed_count) == (1, 1)
    undo_import(record=second, user=user)
    figures = Figure.objects.all()
    assert [(f.measure, f.value) for f in figures] == [("plan", D(10 * 10**9))]
    second.refresh_from_db()
    assert second.undone_at and second.undone_by == user
    assert figures[0].history.first().history_change_reason.startswith("Hoàn tác")
    with pytest.raises(ValueError):
        undo_import(record=second, user=user)
    assert first.undone_at is None


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1258", b"")],
)
def test_csv_encodings(encoding, prefix, user):
    rows = [
        ["Tỉnh, thành phố", "Năm", "Kế hoạch (tỷ đồng)"],
        ["Đắk Nông", "2021", "3,5"],
    ]
    p = plan(prefix + csv_bytes(rows, encoding=encoding, delimiter=";"), name="a.csv")
    assert p.errors == [], errors_of(p)
    assert p.figures[0].figure.area.short_name == "Đắk Nông"
    assert p.figures[0].figure.value == D("3.5") * 10**9


def test_decomposed_unicode_csv(user):
    text = "Tỉnh, thành phố;Năm;Thực hiện (triệu đồng)\nKhánh Hòa;2022;350\n"
    p = plan(unicodedata.normalize("NFD", text).encode("utf-8"), name="nfd.csv")
    assert p.errors == []
    assert p.figures[0].figure.value == D(350_000_000)


def test_long_layout_like_the_export(user):
    rows = [
        [
            "Chỉ tiêu",
            "Địa bàn",
            "Nguồn kinh phí",
            "Năm",
            "Kỳ",
            "Loại số liệu",
            "Giá trị",
            "Đơn vị",
        ],
        [
            "Kinh phí khuyến công",
            "Miền Trung - Tây Nguyên",
            "Tất cả nguồn",
            2021,
            "Cả năm",
            "Thực hiện",
            48790000000,
            "đồng",
        ],
        [
            "Số dự án tư vấn phát triển công nghiệp",
            "Miền Trung - Tây Nguyên",
            "",
            2022,
            "7 tháng đầu năm",
            "Thực hiện",
            59,
            "",
        ],
    ]
    p = plan(xlsx(rows))
    assert p.errors == [], errors_of(p)
    values = sorted(f.figure.value for f in p.figures)
    assert values == [D(59), D(48_790_000_000)]


def test_errors_name_row_column_value_in_vietnamese(user):
    data = xlsx(
        [
            WIDE,
            ["Nin Thuận", 2022, "", "", "", "10", ""],
            ["Ninh Thuận", 2022, "", "", "", "abc", ""],
            ["Ninh Thuận", 2022, "", "", "", "-5", ""],
            ["Khánh Hòa", 2022, "", "", "", "1", ""],
            ["khanh hoa", 2022, "", "", "", "2", ""],
            ["Khánh Hòa", "hai nghìn", "", "", "", "2", ""],
        ]
    )
    p = plan(data)
    errors = errors_of(p)
    assert (
        2,
        "Tỉnh, thành phố",
        "không có địa bàn này trong năm 2022. Có phải: Ninh Thuận, Bình Thuận?",
    ) in errors
    assert (3, "Kế hoạch (tỷ đồng)", "“abc” không phải là số.") in errors
    assert (4, "Kế hoạch (tỷ đồng)", "giá trị không được âm.") in errors
    assert any(row == 6 and "trùng với dòng 5" in message for row, _, message in errors)
    assert (7, "Năm", "năm không hợp lệ.") in errors
    assert not p.can_apply
    with pytest.raises(ValueError):
        apply_import(plan=p, user=user)
    assert not Figure.objects.exists() and not ImportRecord.objects.exists()
    assert str(p.errors[0]).startswith(
        "Dòng 2, cột “Tỉnh, thành phố” (giá trị “Nin Thuận”)"
    )


def test_pre_2025_names_stay_pre_2025_provinces(user):
    p = plan(
        xlsx(
            [
                WIDE,
                ["Ninh Thuận", 2024, "", "", "", "1", ""],
                ["Ninh Thuận", 2026, "", "", "", "1", ""],
            ]
        )
    )
    assert [(e.row, e.message[:30]) for e in p.errors] == [
        (3, "không có địa bàn này trong năm")
    ]
    khanh_hoa = plan(xlsx([WIDE, ["Khánh Hòa", 2026, "", "", "", "1", ""]]))
    assert khanh_hoa.figures[0].figure.area.valid_from.year == 2025


def test_wrong_header_and_header_only_and_empty(user):
    with pytest.raises(ReadError) as error:
        plan(xlsx([["Tên", "Giá"], ["Ninh Thuận", "1"]]))
    assert "Không tìm thấy dòng tiêu đề" in str(error.value)
    missing = plan(xlsx([["Tỉnh, thành phố", "Năm"], ["Ninh Thuận", 2022]]))
    assert "thiếu cột bắt buộc" in missing.errors[0].message
    header_only = plan(xlsx([WIDE]))
    assert "không có dòng dữ liệu" in header_only.errors[0].message
    with pytest.raises(ReadError, match="Tệp trống"):
        plan(b"", name="a.csv")


def test_formula_without_cached_value_is_an_error_for_that_cell(user):
    # openpyxl writes formulas without a cached value, as a generator would
    p = plan(xlsx([WIDE, ["Ninh Thuận", 2022, "", "", "", "=1+1", ""]]))
    assert p.errors[0].row == 2
    assert p.errors[0].column == "Kế hoạch (tỷ đồng)"
    assert "công thức không có giá trị" in p.errors[0].message


def test_broken_and_disguised_files_are_clear_errors(user):
    good = xlsx([WIDE, ["Ninh Thuận", 2022, "", "", "", "1", ""]])
    with pytest.raises(ReadError, match="không phải bảng tính hợp lệ"):
        plan(b"Tinh,Nam\nNinh Thuan,2022\n", name="doi-duoi.xlsx")
    with pytest.raises(ReadError):
        plan(good[: len(good) // 2], name="cut.xlsx")
    with pytest.raises(ReadError, match="Chỉ nhận"):
        plan(good, name="a.pdf")


def test_sheet_by_name_and_size_limits(user, settings):
    data = xlsx([["khác"]], extra_sheets=[])
    book = Workbook()
    book.active.append(["bìa"])
    figures = book.create_sheet("Số liệu 2022")
    figures.append(WIDE)
    figures.append(["Ninh Thuận", 2022, "", "", "", "1", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    p = plan(buffer.getvalue(), sheet="Số liệu 2022")
    assert p.errors == [] and p.sheet == "Số liệu 2022"
    with pytest.raises(ReadError, match="Không có trang"):
        plan(buffer.getvalue(), sheet="Không có")
    settings.IMPORT_MAX_ROWS = 1
    with pytest.raises(ReadError, match="quá nhiều dòng"):
        plan(
            xlsx(
                [
                    WIDE,
                    ["Ninh Thuận", 2022, "", "", "", "1", ""],
                    ["Đắk Nông", 2022, "", "", "", "1", ""],
                ]
            )
        )
    settings.IMPORT_MAX_BYTES = 10
    with pytest.raises(ReadError, match="quá lớn"):
        plan(data)


def test_utf16_bom_is_excel_unicode_text(user):
    text = "Tỉnh, thành phố\tNăm\tKế hoạch (tỷ đồng)\r\nNinh Thuận\t2022\t2,5\r\n"
    p = plan(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), name="unicode.txt")
    assert p.errors == [] and p.figures[0].figure.value == D("2.5") * 10**9


def _cleaned(value):
    """What every reader does to a text: composed (NFC) and stripped."""
    return (
        unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else value
    )


def test_shared_strings_read_like_openpyxl():
    """The streaming shared-string reader agrees with openpyxl's own, rich
    text and phonetic hints included."""
    import zipfile

    from openpyxl.reader.strings import read_string_table

    from funding.imports.readers.base import Rows, parse_part
    from funding.imports.readers.xlsx import _SharedStrings

    xml = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>Ninh Thuận</t></si>"
        '<si><t xml:space="preserve">  12, 61 </t></si>'
        "<si><r><rPr><b/></rPr><t>Kế </t></r><r><t>hoạch</t></r></si>"
        '<si><t>Tên</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></si>'
        "<si><t>a_x005F_x000D_b</t></si>"
        "<si><t/></si>"
        "</sst>"
    ).encode()
    expected = read_string_table(io.BytesIO(xml))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", xml)
    ours = _SharedStrings(Rows())
    parse_part(zipfile.ZipFile(buffer), "xl/sharedStrings.xml", ours, "hỏng")
    assert ours.strings == [_cleaned(s) for s in expected]
    assert expected[:4] == ["Ninh Thuận", "  12, 61 ", "Kế hoạch", "Tên"]


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _openpyxl_rows(data: bytes, sheet: str):
    """openpyxl's values by row number, as the readers keep them: cleaned,
    trailing empty cells dropped, empty rows left out."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    book[sheet].reset_dimensions()
    rows = {}
    for number, row in enumerate(book[sheet].iter_rows(values_only=True), start=1):
        cells = [_cleaned(c) for c in row]
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if cells:
            rows[number] = cells
    book.close()
    return rows


def _our_rows(data: bytes, sheet: str):
    from funding.imports.readers.xlsx import read_xlsx

    _name, rows = read_xlsx(data, sheet, None)
    return dict(rows.rows), rows.formula_cells


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in FIXTURES.glob("*.xlsx")
        if p.name not in {"truncated.xlsx", "renamed_csv.xlsx"}
    ),
)
def test_sheet_reader_agrees_with_openpyxl_on_real_files(name):
    """The lean sheet reader gives openpyxl's values, row for row, on every
    workbook LibreOffice saved for the fixtures."""
    from openpyxl import load_workbook

    data = (FIXTURES / name).read_bytes()
    for sheet in load_workbook(io.BytesIO(data), read_only=True).sheetnames:
        assert _our_rows(data, sheet)[0] == _openpyxl_rows(data, sheet)


def test_sheet_reader_agrees_with_openpyxl_on_every_cell_type():
    import datetime

    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = Workbook()
    sheet = book.active
    sheet.title = "Kiểu ô"
    sheet.append(["Tỉnh, thành phố", "Năm", "Kế hoạch", "Ngày", "Có?", "Thời lượng"])
    sheet.append(["Ninh Thuận", 2022, 12.61, datetime.date(2022, 7, 31), True, None])
    sheet.append(["Huế", 2021, "12, 61", datetime.datetime(2021, 1, 2, 3, 4), False])
    sheet["F3"] = datetime.timedelta(hours=36)
    sheet["A5"] = CellRichText(["Kế ", TextBlock(InlineFont(b=True), "hoạch")])
    sheet["C5"] = 10**15
    sheet["D5"] = 1.5e-7
    sheet["B7"] = "#N/A"
    sheet["E7"] = "=1+1"  # no cached value when openpyxl writes it
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    rows, formulas = _our_rows(data, "Kiểu ô")
    assert rows == _openpyxl_rows(data, "Kiểu ô")
    assert formulas == [(7, 4)]
