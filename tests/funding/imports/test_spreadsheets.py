"""The spreadsheets the portal hands out: a template per common layout,
and the export in the report layout (funds as column groups, the unit in
"Đơn vị tính", a totals row of formulas) that LibreOffice opens and
computes, read back with the project's reader."""

import csv
import io
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from funding.imports import KNOWN, plan_file
from funding.imports.reading import read_table
from funding.imports.report_layout import report_workbook
from funding.imports.spreadsheets import TEMPLATES
from funding.models import Figure, SourceDocument
from news.models import DataBlock

pytestmark = pytest.mark.django_db
TEMPLATE = reverse("admin:funding_figure_template")


def sheet_of(data: bytes, name="Số liệu"):
    return load_workbook(io.BytesIO(data))[name]


def test_the_import_page_offers_every_layout(data_client):
    page = data_client.get(reverse("admin:funding_figure_import")).content.decode()
    for key, (label, _write) in TEMPLATES.items():
        assert f'href="{TEMPLATE}?kieu={key}"' in page and label in page
    assert data_client.get(TEMPLATE, {"kieu": "khong-co"}).status_code == 404


@pytest.mark.parametrize("layout", list(TEMPLATES))
def test_each_template_is_a_workbook_with_its_guide(data_client, layout):
    response = data_client.get(TEMPLATE, {"kieu": layout})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Số liệu", "Hướng dẫn"]
    assert book["Hướng dẫn"]["A1"].value == "Cột"


def test_the_fund_column_groups_template_is_laid_out_as_reports_are(data_client):
    sheet = sheet_of(data_client.get(TEMPLATE, {"kieu": "nhom-cot"}).content)
    assert "NĂM 2024" in sheet["A1"].value
    assert sheet["A2"].value == "Đơn vị tính: triệu đồng"
    assert [sheet.cell(4, c).value for c in (1, 2, 3, 5, 7)] == [
        "STT",
        "Tỉnh, thành phố",
        "Khuyến công quốc gia",
        "Khuyến công địa phương",
        "Tổng cộng",
    ]
    assert [sheet.cell(5, c).value for c in range(3, 9)] == [
        "Kế hoạch",
        "Thực hiện",
    ] * 3
    assert {str(r) for r in sheet.merged_cells.ranges} >= {"C4:D4", "E4:F4", "G4:H4"}
    assert sheet["B8"].value == "Tổng cộng" and sheet["C8"].value == "=SUM(C6:C7)"


@pytest.mark.parametrize(("layout", "figures"), [("rong", 2), ("dai", 1)])
def test_the_wide_and_long_templates_import(data_client, layout, figures):
    data = data_client.get(TEMPLATE, {"kieu": layout}).content
    source = SourceDocument.objects.create(title="Mẫu")
    plan = plan_file(data, file_name="mau.xlsx", source=source)
    assert plan.errors == [] and len(plan.figures) == figures


@pytest.fixture
def report_figures(make_figure):
    values = {
        ("NT", "kcqg"): (1_200_000_000, 1_150_000_000),
        ("NT", "kcdp"): (800_000_000, 790_500_000),
        ("NT", "all"): (2_000_000_000, 1_940_500_000),
        ("BTH", "kcqg"): (900_000_000, 900_000_000),
    }
    from funding.models import Area

    codes = {}
    for (short, fund), (plan, done) in values.items():
        name = {"NT": "Ninh Thuận", "BTH": "Bình Thuận"}[short]
        area = codes.setdefault(
            short, Area.objects.filter(short_name=name).valid_in(2024).get()
        )
        make_figure(area, 2024, "plan", plan, source=fund)
        make_figure(area, 2024, "executed", done, source=fund)
    return Figure.objects.all()


def test_the_report_export_writes_figures_back_in_the_report_layout(report_figures):
    sheet = load_workbook(io.BytesIO(report_workbook(report_figures))).worksheets[0]
    assert sheet["A2"].value == "Đơn vị tính: triệu đồng"
    assert "Kinh phí khuyến công" in sheet["A1"].value and "2024" in sheet["A1"].value
    assert sheet["C4"].value == "Khuyến công quốc gia"
    rows = {sheet.cell(r, 2).value: r for r in range(6, sheet.max_row + 1)}
    ninh_thuan = [sheet.cell(rows["Ninh Thuận"], c).value for c in range(3, 9)]
    assert ninh_thuan == [1200, 1150, 800, D("790.5"), 2000, D("1940.5")]
    binh_thuan = [sheet.cell(rows["Bình Thuận"], c).value for c in range(3, 9)]
    assert binh_thuan == [900, 900, None, None, None, None]
    total = rows["Tổng cộng"]
    assert sheet.cell(total, 3).value == f"=SUM(C6:C{total - 1})"


def test_the_admin_exports_the_selection_in_the_report_layout(
    report_figures, admin_client
):
    response = admin_client.post(
        reverse("admin:funding_figure_changelist"),
        {
            "action": "export_report",
            "_selected_action": [f.pk for f in report_figures],
        },
    )
    assert response["Content-Disposition"].endswith('bao-cao-so-lieu-khuyen-cong.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet["A2"].value == "Đơn vị tính: triệu đồng"


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (soffice)")
@pytest.mark.parametrize("target", ["xlsx", "ods"])
def test_libreoffice_opens_the_report_and_computes_its_totals(
    report_figures, tmp_path, target
):
    """LibreOffice opens the export and saves it again (XLSX and ODS), with
    the totals computed: the project's reader reads the figures and the
    totals back, no formula left without its value."""
    exported = tmp_path / "bao-cao.xlsx"
    exported.write_bytes(report_workbook(report_figures))
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(exported),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    name = f"bao-cao.{target}"
    table = read_table((out / name).read_bytes(), name, KNOWN, header_row=5)
    assert table.formula_errors == []
    by_area = {row[1]: row for _number, row in table.rows}
    assert [D(str(v)) for v in by_area["Ninh Thuận"][2:8]] == [
        1200,
        1150,
        800,
        D("790.5"),
        2000,
        D("1940.5"),
    ]
    assert [D(str(v)) for v in by_area["Tổng cộng"][2:4]] == [2100, 2050]


def test_the_long_layout_names_areas_and_funds_as_the_open_data_csv(client, demo):
    # A story's data block download ("Tải dữ liệu") and the open-data CSV.
    opened = client.get(reverse("funding:open_data_csv"))
    open_rows = list(
        csv.DictReader(
            io.StringIO(b"".join(opened.streaming_content).decode("utf-8-sig"))
        )
    )
    labels = {row["dia_ban"] for row in open_rows}
    labels |= {row["nguon_kinh_phi"] for row in open_rows}
    names = set()
    for block in DataBlock.objects.all():
        response = client.get(reverse("news:block_csv", args=[block.pk]))
        rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
        names |= {name for row in list(rows)[1:] for name in row[1:3]}
    assert {"Khuyến công địa phương", "Miền Trung - Tây Nguyên"} <= names
    assert "KCĐP" not in names and names <= labels
