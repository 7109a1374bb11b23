"""What a workbook hides: a hidden sheet is not read unless named, and
hidden rows and columns holding data are read with a warning naming them,
never silently."""

import io
import os
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import Workbook

from .hostile_files import ODS_NAMESPACES, ods_number, ods_text
from .test_imports import plan

pytestmark = pytest.mark.django_db

HEADER = [
    "Tỉnh, thành phố",
    "Năm",
    "Nguồn kinh phí",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
]


def saved(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def hidden_first_sheet_book(*rows) -> Workbook:
    """A hidden first sheet "cu" (99 tỷ) and a shown one "moi" of ``rows``."""
    book = Workbook()
    old = book.active
    old.title = "cu"
    old.append(HEADER)
    old.append(["Ninh Thuận", 2016, "KCĐP", "99", ""])
    old.sheet_state = "hidden"
    new = book.create_sheet("moi")
    new.append(HEADER)
    for row in rows:
        new.append(row)
    book.active = 1
    return book


def hidden_first_sheet() -> bytes:
    return saved(hidden_first_sheet_book(["Ninh Thuận", 2016, "KCĐP", "1", ""]))


def with_member(archive: bytes, name: str, edit) -> bytes:
    """``archive`` (a zipped workbook) with its member ``name`` replaced by
    ``edit(old)`` (``old`` None if it has none)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w") as copy,
    ):
        old = None
        for item in source.infolist():
            if item.filename == name:
                old = source.read(name)
            else:
                copy.writestr(item, source.read(item.filename))
        copy.writestr(name, edit(old))
    return out.getvalue()


def values(p):
    return [f.value for f in p.figures]


def test_the_sheet_shown_is_read_not_a_hidden_first_one():
    p = plan(hidden_first_sheet())
    assert p.errors == [] and p.sheet == "moi"
    assert values(p) == [1_000_000_000]


def test_a_hidden_sheet_named_by_the_officer_is_read():
    p = plan(hidden_first_sheet(), sheet="cu")
    assert p.errors == [] and values(p) == [99_000_000_000]


def test_hidden_rows_holding_data_are_a_warning_naming_them():
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Ninh Thuận", 2016, "KCĐP", "1", ""])
    sheet.append(["Ninh Thuận", 2015, "KCĐP", "2", ""])
    sheet.row_dimensions[3].hidden = True
    p = plan(saved(book))
    assert [w.row for w in p.warnings] == [3], [str(w) for w in p.warnings]
    assert "dòng 3 bị ẩn" in p.warnings[0].message
    assert not p.can_apply
    assert plan(saved(book), confirmed=True).can_apply


def test_hidden_columns_holding_data_are_a_warning_naming_them():
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Ninh Thuận", 2016, "KCĐP", "1", "2"])
    sheet.column_dimensions["E"].hidden = True
    sheet.column_dimensions["G"].hidden = True  # empty: nothing to tell
    p = plan(saved(book))
    assert [w.column for w in p.warnings] == ["E"]
    assert "cột E bị ẩn" in p.warnings[0].message


@pytest.fixture(scope="module")
def hidden_ods(tmp_path_factory) -> bytes:
    """The hidden first sheet, hidden row and hidden column above, as
    LibreOffice saves them in its own format."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is needed to write the .ods")
    folder = tmp_path_factory.mktemp("ods")
    book = hidden_first_sheet_book(
        ["Ninh Thuận", 2016, "KCĐP", "1", "2"], ["Ninh Thuận", 2015, "KCĐP", "3", ""]
    )
    new = book["moi"]
    new.row_dimensions[3].hidden = True
    new.column_dimensions["E"].hidden = True
    (folder / "h.xlsx").write_bytes(saved(book))
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            folder,
            folder / "h.xlsx",
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(folder)},
    )
    return (folder / "h.ods").read_bytes()


def test_an_ods_is_read_from_its_first_visible_sheet_with_hidden_parts_told(
    hidden_ods,
):
    p = plan(hidden_ods, name="h.ods")
    assert p.errors == [] and p.sheet == "moi"
    assert sorted(f.value for f in p.figures) == [
        1_000_000_000,
        2_000_000_000,
        3_000_000_000,
    ]
    messages = [w.message for w in p.warnings]
    assert any("dòng 3 bị ẩn" in m for m in messages), messages
    assert any("cột E bị ẩn" in m for m in messages), messages
    assert values(plan(hidden_ods, name="h.ods", sheet="cu")) == [99_000_000_000]


def with_active_table(ods: bytes, name: str) -> bytes:
    """The file as LibreOffice saves it after showing sheet ``name``."""
    settings = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-settings '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0">'
        '<office:settings><config:config-item-set config:name="ooo:view-settings">'
        '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
        f'<config:config-item config:name="ActiveTable" config:type="string">{name}'
        "</config:config-item></config:config-item-map-entry>"
        "</config:config-item-map-indexed></config:config-item-set></office:settings>"
        "</office:document-settings>"
    )
    return with_member(ods, "settings.xml", lambda _old: settings)


def two_visible_sheets() -> bytes:
    """Sheets "dau" (5 tỷ) and "sau" (6 tỷ), both visible."""

    def table(name, amount):
        cells = [ods_text(h) for h in HEADER[:2]] + [ods_text(HEADER[3])]
        row = [ods_text("Ninh Thuận"), ods_number(2016), ods_text(amount)]
        return (
            f'<table:table table:name="{name}"><table:table-row>{"".join(cells)}'
            f"</table:table-row><table:table-row>{''.join(row)}</table:table-row>"
            "</table:table>"
        )

    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}>'
        f"<office:body><office:spreadsheet>{table('dau', '5')}{table('sau', '6')}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return out.getvalue()


def test_an_ods_is_read_from_the_sheet_shown_when_saved(hidden_ods):
    both = two_visible_sheets()
    assert values(plan(both, name="a.ods")) == [5_000_000_000]
    shown = plan(with_active_table(both, "sau"), name="a.ods")
    assert shown.sheet == "sau" and values(shown) == [6_000_000_000]
    # A hidden sheet shown on saving (or one gone) is not read.
    assert plan(with_active_table(hidden_ods, "cu"), name="h.ods").sheet == "moi"
    assert plan(with_active_table(both, "khac"), name="a.ods").sheet == "dau"


def test_a_workbook_whose_every_sheet_is_hidden_is_read_with_a_warning():
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["Ninh Thuận", 2016, "KCĐP", "1", ""])
    # openpyxl refuses to hide the only sheet; Excel files can have it.
    hidden = with_member(
        saved(book),
        "xl/workbook.xml",
        lambda part: part.replace(b'state="visible"', b'state="hidden"'),
    )
    p = plan(hidden)
    assert values(p) == [1_000_000_000]
    assert [w.message for w in p.warnings] == [
        "mọi trang của tệp đều bị ẩn; đã đọc trang đầu tiên. Hãy kiểm tra đó là "
        "trang cần nhập."
    ]
