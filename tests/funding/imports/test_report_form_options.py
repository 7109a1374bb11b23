"""What the officer sets on the form for a report (its area, columns
mapped by hand) wins over the file only where the file says nothing: a
file that names another area is refused, naming the row and both areas."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from funding.core.models import Area, Figure, SourceDocument
from funding.imports import plan_file
from funding.imports.forms import FigureImportForm
from tests.corpus.test_report_corpus import corpus_words  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_words")]
REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"


def plan(name, **options):
    source, _ = SourceDocument.objects.get_or_create(title="Báo cáo tỉnh")
    return plan_file(
        (REPORTS / name).read_bytes(), file_name=name, source=source, **options
    )


def province(name: str) -> Area:
    """The province as it was in 2024 (before the 2025 merger)."""
    return Area.objects.filter(short_name=name, kind="province").order_by("valid_from")[
        0
    ]


def test_a_form_area_that_agrees_with_the_title_changes_nothing():
    alone = plan("08-noi-dung-quang-nam-2024.xlsx")
    agreed = plan("08-noi-dung-quang-nam-2024.xlsx", area=province("Quảng Nam"))
    assert agreed.errors == [] and len(agreed.figures) == len(alone.figures) == 20
    assert {f.key[1] for f in agreed.figures} == {province("Quảng Nam").pk}


def test_a_form_area_that_the_title_contradicts_is_one_error_naming_both():
    refused = plan("08-noi-dung-quang-nam-2024.xlsx", area=province("Đà Nẵng"))
    assert not refused.can_apply
    assert [(e.row, e.message) for e in refused.errors] == [
        (1, "địa bàn đã chọn (Đà Nẵng) khác địa bàn tiêu đề ghi (Quảng Nam).")
    ]


def test_a_form_area_over_a_table_of_provinces_is_refused_row_by_row():
    refused = plan("01-cot-nhom-nguon-2024.xlsx", area=province("Thanh Hóa"))
    assert not refused.can_apply
    errors = [
        (e.row, e.message)
        for e in refused.errors
        if e.message.startswith("địa bàn đã chọn")
    ]
    # Thanh Hóa's own row (10) agrees; each of the 18 others is named once.
    assert len(errors) == 18
    assert errors[0] == (
        11,
        "địa bàn đã chọn (Thanh Hóa) khác địa bàn dòng này ghi (Nghệ An).",
    )
    assert (
        16,
        "địa bàn đã chọn (Thanh Hóa) khác địa bàn dòng này ghi (TP. Đà Nẵng).",
    ) in (errors)


def test_sheets_named_after_provinces_contradict_a_form_area():
    refused = plan("10-trang-theo-tinh-2024.xlsx", area=province("Quảng Nam"))
    messages = [
        e.message for e in refused.errors if e.message.startswith("địa bàn đã chọn")
    ]
    assert messages == [
        "địa bàn đã chọn (Quảng Nam) khác địa bàn tên trang “Quảng Ngãi” ghi (Quảng Ngãi).",
        "địa bàn đã chọn (Quảng Nam) khác địa bàn tên trang “Kon Tum” ghi (Kon Tum).",
    ]
    one_sheet = plan(
        "10-trang-theo-tinh-2024.xlsx", sheet="Kon Tum", area=province("Kon Tum")
    )
    assert one_sheet.errors == [] and one_sheet.figures
    assert {f.key[1] for f in one_sheet.figures} == {province("Kon Tum").pk}


def test_the_command_line_takes_the_area_by_name_and_refuses_a_conflict():
    path = str(REPORTS / "08-noi-dung-quang-nam-2024.xlsx")
    out = StringIO()
    call_command("import_figures", path, "--dry-run", "--area", "Quảng Nam", stdout=out)
    assert "20 số liệu: 20 mới" in out.getvalue()
    err = StringIO()
    with pytest.raises(CommandError, match="Có lỗi"):
        call_command(
            "import_figures",
            path,
            "--dry-run",
            "--area",
            "Bình Định",
            stdout=StringIO(),
            stderr=err,
        )
    assert "địa bàn đã chọn (Bình Định) khác địa bàn tiêu đề ghi (Quảng Nam)" in (
        err.getvalue()
    )
    with pytest.raises(CommandError, match="--area Atlantis"):
        call_command("import_figures", path, "--area", "Atlantis", stdout=StringIO())
    assert Figure.objects.count() == 0


def test_the_admin_form_carries_the_area_to_the_confirmation(data_client):
    source = SourceDocument.objects.create(title="Báo cáo Quảng Nam 2024")
    name = "08-noi-dung-quang-nam-2024.xlsx"

    def upload(**options):
        return data_client.post(
            reverse("admin:funding_figure_import"),
            {
                "import_file": SimpleUploadedFile(name, (REPORTS / name).read_bytes()),
                "source": source.pk,
                "format": "0",
                **options,
            },
        )

    conflict = upload(area=province("Đà Nẵng").pk)
    assert "địa bàn đã chọn (Đà Nẵng) khác địa bàn tiêu đề ghi (Quảng Nam)." in (
        conflict.content.decode()
    )
    assert conflict.context.get("confirm_form") is None
    previewed = upload(area=province("Quảng Nam").pk)
    form = previewed.context.get("confirm_form")
    assert form is not None
    assert form.initial["area"] == province("Quảng Nam").pk
    data = {
        field: "" if form.initial.get(field) is None else form.initial[field]
        for field in form.fields
    }
    data_client.post(reverse("admin:funding_figure_process_import"), data)
    assert Figure.objects.filter(area=province("Quảng Nam")).count() == 20


def test_the_form_lists_areas_in_vietnamese_alphabetical_order():
    """Sorted in Python, the same on SQLite and PostgreSQL: "Bắc Giang"
    before "Cà Mau", "Đà Nẵng" after "Cần Thơ" and before "Điện Biên"."""
    choices = list(FigureImportForm.base_fields["area"].choices)
    assert choices[0][0] == ""
    names = [choice.instance.short_name for choice, _label in choices[1:]]
    kinds = [choice.instance.kind for choice, _label in choices[1:]]
    assert kinds == sorted(kinds)
    provinces = [n for n, k in zip(names, kinds, strict=True) if k == "province"]
    assert provinces.index("Bắc Giang") < provinces.index("Cà Mau")
    assert (
        provinces.index("Cần Thơ")
        < provinces.index("Đà Nẵng")
        < provinces.index("Điện Biên")
        < provinces.index("Gia Lai")
    )
