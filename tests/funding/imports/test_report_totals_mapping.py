"""A total row is a region's figure only when it says whose total it is,
and adds up; a column the importer does not understand is read once the
officer maps it (tests/corpus/reports/24-*, 26-*, made by LibreOffice)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from funding.core.models import Area, Figure, SourceDocument
from funding.imports import apply_import, plan_file
from funding.imports.context import region_named
from funding.imports.words import Lookups

pytestmark = pytest.mark.django_db
REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
REGION = "24-tong-truoc-vung-tay-nguyen-2024"
GRANTED = "26-kinh-phi-da-cap-2024.xlsx"


def plan(name, **options):
    source, _ = SourceDocument.objects.get_or_create(title="Báo cáo")
    return plan_file(
        (REPORTS / name).read_bytes(), file_name=name, source=source, **options
    )


def tay_nguyen() -> Area:
    return Area.objects.get(kind="region", short_name="Tây Nguyên")


def test_a_total_naming_its_region_is_the_regions_figure(django_user_model):
    p = plan(f"{REGION}.xlsx")
    assert p.errors == [] and p.warnings == []
    region = [f for f in p.figures if f.key[1] == tay_nguyen().pk]
    provinces = [f for f in p.figures if f.key[1] != tay_nguyen().pk]
    assert len(region) == 4 and len(provinces) == 20
    # Each region figure is the sum of its provinces' (the row was checked).
    for figure in region:
        parts = [f.value for f in provinces if f.key[2:] == figure.key[2:]]
        assert len(parts) == 5 and figure.value == sum(parts)
    apply_import(
        plan=p, user=django_user_model.objects.create_user("tk", password="x" * 14)
    )
    stored = Figure.objects.get(area=tay_nguyen(), fund="kcqg", measure="plan")
    assert stored.value == 13_744_300_000
    assert not any("Tổng cộng vùng" in line for line in p.unused)


def test_a_region_total_that_does_not_add_up_is_shown_and_not_stored():
    p = plan(f"{REGION}.mut-1.xlsx")
    assert p.errors == [] and not p.can_apply
    assert [(w.row, w.column) for w in p.warnings] == [(13, "E")]
    assert not any(f.key[1] == tay_nguyen().pk for f in p.figures)
    assert (
        "Trang “Tây Nguyên”, dòng 13: không dùng (dòng tổng “Tổng cộng vùng Tây "
        "Nguyên” không khớp với các dòng trên, không lưu)." in p.unused
    )


def test_a_plain_total_is_only_checked_and_listed_as_not_used():
    p = plan("01-cot-nhom-nguon-2024.xlsx")
    assert p.errors == [] and len(p.figures) == 76
    region = Area.objects.get(kind="region", short_name="Miền Trung - Tây Nguyên")
    assert not any(f.key[1] == region.pk for f in p.figures)
    assert (
        "Trang “Biểu 01”, dòng 29: không dùng (dòng tổng “Tổng cộng” (được kiểm tra, "
        "không lưu))." in p.unused
    )


def test_a_column_not_understood_stops_until_mapped():
    refused = plan(GRANTED)
    assert [(e.column, e.message) for e in refused.errors] == [
        (
            "D",
            "cột D (“Khuyến công địa phương / Kinh phí đã cấp”) có số nhưng tiêu đề không "
            "cho biết đó là số liệu gì (kế hoạch, thực hiện hay ước thực hiện; của nguồn "
            "kinh phí nào). Ghi cột đó ở “Cột ánh xạ” (ví dụ D=Thực hiện/KCQG) hoặc, nếu "
            "không cần, ở “Cột không dùng”.",
        )
    ]
    mapped = plan(GRANTED, map_columns="d = thực hiện")
    assert mapped.errors == [] and len(mapped.figures) == 10
    executed = {f.key for f in mapped.figures if f.key[-1] == "executed"}
    # The fund is the group's (KCĐP): the same rows as the plan's.
    plans = {f.key[:-1] for f in mapped.figures if f.key[-1] == "plan"}
    assert {k[:-1] for k in executed} == plans and len(plans) == 5
    declined = plan(GRANTED, ignore_columns=frozenset({"D"}))
    assert declined.errors == [] and len(declined.figures) == 5


def test_a_mapping_must_name_a_column_not_understood_that_the_file_has():
    known = plan(GRANTED, map_columns="C=Kế hoạch; D=Thực hiện")
    assert [(e.column, e.message) for e in known.errors] == [
        (
            "C",
            "cột C (“Khuyến công địa phương / Kế hoạch”) đã được hiểu, không cần ghi ở "
            "“Cột ánh xạ”.",
        )
    ]
    both = plan(GRANTED, map_columns="D=Thực hiện", ignore_columns=frozenset({"D"}))
    assert [(e.column, e.message) for e in both.errors] == [
        ("D", "cột D vừa được ánh xạ vừa được ghi là không dùng: hãy chọn một.")
    ]
    absent = plan(GRANTED, map_columns="D=Thực hiện; K=Ước thực hiện/KCQG")
    assert [(e.column, e.message) for e in absent.errors] == [
        ("K", "“Cột ánh xạ”: tệp không có cột K.")
    ]


def test_the_command_line_maps_columns():
    path = str(REPORTS / GRANTED)
    with pytest.raises(CommandError, match="Có lỗi"):
        call_command(
            "import_figures", path, "--dry-run", stdout=StringIO(), stderr=StringIO()
        )
    out = StringIO()
    call_command(
        "import_figures",
        path,
        "--dry-run",
        "--map-column",
        "D=Thực hiện/KCĐP",
        stdout=out,
    )
    assert "10 số liệu: 10 mới" in out.getvalue()
    with pytest.raises(CommandError, match="H=Thực hiện/KCQG"):
        call_command(
            "import_figures", path, "--map-column", "D=Đã cấp", stdout=StringIO()
        )


def test_the_admin_form_maps_a_column_through_to_the_confirmation(data_client):
    source = SourceDocument.objects.create(title="Báo cáo KCĐP Tây Nguyên 2024")

    def upload(**options):
        return data_client.post(
            reverse("admin:funding_figure_import"),
            {
                "import_file": SimpleUploadedFile(
                    GRANTED, (REPORTS / GRANTED).read_bytes()
                ),
                "source": source.pk,
                "format": "0",
                **options,
            },
        )

    assert "“Cột ánh xạ” (ví dụ D=Thực hiện/KCQG)" in upload().content.decode()
    assert "loại số liệu là Kế hoạch" in upload(map_columns="D=giải").content.decode()
    previewed = upload(map_columns="D=Thực hiện")
    form = previewed.context.get("confirm_form")
    assert form is not None and form.initial["map_columns"] == "D=Thực hiện"
    data = {
        field: "" if form.initial.get(field) is None else form.initial[field]
        for field in form.fields
    }
    data_client.post(reverse("admin:funding_figure_process_import"), data)
    assert Figure.objects.filter(measure="executed", fund="kcdp").count() == 5


@pytest.mark.parametrize(
    ("label", "whose"),
    [
        ("Tổng cộng vùng Tây Nguyên", "Tây Nguyên"),
        ("Cộng toàn vùng Miền Trung - Tây Nguyên", "Miền Trung - Tây Nguyên"),
        ("Tổng cộng cả nước", "Cả nước"),
        ("Tổng cộng toàn quốc", "Cả nước"),
        ("Cộng toàn vùng", None),  # whose region: the title says
        ("Tổng cộng", None),
        ("Tổng số (A+B+C)", None),
    ],
)
def test_whose_total_a_row_says_it_is_names_a_known_area(label, whose):
    assert region_named(label) == whose
    if whose:
        assert Lookups().area(whose, 2024) is not None


def test_a_row_whose_year_contradicts_the_form_is_named():
    # The title says 2025, the Năm column 2024 on every row (corpus 03-mut-3).
    p = plan("03-cot-nhom-9-thang-2025.mut-3.xlsx", year=2023)
    messages = [(e.row, e.message) for e in p.errors]
    assert (4, "năm đã chọn (2023) khác năm tệp ghi (2025, dòng 4).") in messages
    assert (11, "năm đã chọn (2023) khác năm dòng 11 ghi (2024).") in messages
