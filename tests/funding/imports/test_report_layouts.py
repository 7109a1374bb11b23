"""Reports as provinces lay them out (tests/corpus/reports/), through the
import: what the officer sets wins and must agree with the file, nothing
is dropped without a reason, a changed note is a change, warnings stop the
command line until confirmed, quarters are periods."""

from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from funding.core.models import Figure, SourceDocument
from funding.imports import apply_import, plan_file
from funding.imports.words import read_period

pytestmark = pytest.mark.django_db
REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"


def plan(name, **options):
    source, _ = SourceDocument.objects.get_or_create(title="Báo cáo tỉnh")
    return plan_file(
        (REPORTS / name).read_bytes(), file_name=name, source=source, **options
    )


def test_the_year_set_in_the_form_must_agree_with_the_title():
    agreed = plan("01-cot-nhom-nguon-2024.xlsx", year=2024)
    assert agreed.errors == [] and len(agreed.figures) == 76
    conflict = plan("01-cot-nhom-nguon-2024.xlsx", year=2023)
    assert not conflict.can_apply
    assert [(e.row, e.message) for e in conflict.errors] == [
        (4, "năm đã chọn (2023) khác năm tệp ghi (2024, dòng 4).")
    ]


def test_every_row_and_column_not_read_is_listed_with_its_reason():
    p = plan("01-cot-nhom-nguon-2024.xlsx")
    unused = "\n".join(p.unused)
    assert "cột A “STT”: không dùng (số thứ tự)" in unused
    assert (
        "cột G “Tổng cộng / Kế hoạch”: không dùng (cột tổng của các cột nguồn "
        "(được kiểm tra, không lưu))" in unused
    )
    assert "dòng 29: không dùng (dòng tổng “Tổng cộng” (được kiểm tra, không lưu))" in (
        unused
    )
    for row, why in ((31, "ghi chú"), (33, "địa danh, ngày tháng"), (34, "chữ ký")):
        assert f"dòng {row}: không dùng ({why})" in unused


def test_a_changed_note_is_a_change_and_is_stored(django_user_model):
    user = django_user_model.objects.create_user("solieu", password="x" * 14)
    first = plan("01-cot-nhom-nguon-2024.xlsx")
    apply_import(plan=first, user=user)
    stored = Figure.objects.get(
        area__short_name="Quảng Bình", fund="kcqg", measure="plan"
    )
    assert stored.note == "Chưa bao gồm 01 đề án chuyển tiếp sang năm 2025"
    stored.note = "Ghi chú cũ"
    stored.save()
    again = plan("01-cot-nhom-nguon-2024.xlsx")
    changed = [p for p in again.figures if p.status == "changed"]
    assert [(p.pk, p.old_note, p.note) for p in changed] == [
        (stored.pk, "Ghi chú cũ", "Chưa bao gồm 01 đề án chuyển tiếp sang năm 2025")
    ]
    assert again.count_unchanged == 75
    apply_import(plan=again, user=user)
    stored.refresh_from_db()
    assert stored.note == "Chưa bao gồm 01 đề án chuyển tiếp sang năm 2025"


def test_the_command_line_stops_at_warnings_until_confirmed(django_user_model):
    django_user_model.objects.create_user("solieu_cli", password="x" * 14)
    path = str(REPORTS / "06-muc-nguon-dbscl-6-thang-2024.ods")
    err = StringIO()
    with pytest.raises(CommandError, match="--confirm"):
        call_command("import_figures", path, "--user", "solieu_cli", stderr=err)
    assert "Cảnh báo: Dòng 37, cột “D”" in err.getvalue()
    assert "ghi 19.980.930 nhưng cộng các dòng 24–36 được 19.970.930" in err.getvalue()
    assert not Figure.objects.exists()
    out = StringIO()
    call_command(
        "import_figures", path, "--user", "solieu_cli", "--confirm", stdout=out
    )
    assert Figure.objects.count() == 50
    assert Figure.objects.get(
        area__short_name="Long An", fund="kcqg", measure="plan"
    ).value == Decimal("936560000")


@pytest.mark.parametrize(
    ("text", "kind", "end"),
    [
        ("Quý I/2024", Figure.PeriodKind.MONTHS, date(2024, 3, 31)),
        ("quý 1", Figure.PeriodKind.MONTHS, date(2024, 3, 31)),
        ("Quý II năm 2024", Figure.PeriodKind.QUARTER, date(2024, 6, 30)),
        ("Năm 2024", Figure.PeriodKind.YEAR, date(2024, 12, 31)),
    ],
)
def test_quarters_and_years_as_reports_write_them(text, kind, end):
    assert read_period(text, 2024) == (kind, end)


def test_the_admin_shows_warnings_and_imports_once_they_are_confirmed(data_client):
    source = SourceDocument.objects.create(title="Báo cáo ĐBSCL 6 tháng")
    name = "06-muc-nguon-dbscl-6-thang-2024.ods"

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

    warned = upload()
    assert warned.context.get("confirm_form") is None
    html = warned.content.decode()
    assert "Cảnh báo: Dòng 37, cột “D”" in html
    assert "19.980.930" in html and "19.970.930" in html
    confirmed = upload(confirm_warnings="on")
    form = confirmed.context.get("confirm_form")
    assert form is not None
    assert "dòng 40: không dùng (ghi chú)" in confirmed.content.decode()
    data = {
        field: "" if form.initial.get(field) is None else form.initial[field]
        for field in form.fields
    }
    done = data_client.post(
        reverse("admin:funding_figure_process_import"), data, follow=True
    )
    assert done.status_code == 200
    assert Figure.objects.count() == 50


def test_a_column_of_numbers_not_understood_stops_until_declined():
    name = "03-cot-nhom-9-thang-2025.mut-2.xlsx"  # numbers in J, no header
    refused = plan(name)
    assert [(e.column, e.message) for e in refused.errors] == [
        (
            "J",
            "cột J có số nhưng không có tiêu đề: không biết đó là số gì. Ghi cột đó ở "
            "“Cột ánh xạ” (ví dụ J=Thực hiện/KCQG) hoặc, nếu không cần, ở “Cột không dùng”.",
        )
    ]
    declined = plan(name, ignore_columns=frozenset({"J"}))
    assert declined.errors == [] and len(declined.figures) == 133
    assert (
        "Trang “9 tháng 2025”, cột J “”: không dùng (người nhập xác nhận không dùng "
        "cột này)." in declined.unused
    )


def test_the_admin_form_carries_the_year_and_the_declined_columns(data_client):
    source = SourceDocument.objects.create(title="Báo cáo 9 tháng 2025")
    name = "03-cot-nhom-9-thang-2025.mut-2.xlsx"

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

    assert "cột J có số nhưng không có tiêu đề" in upload().content.decode()
    wrong_year = upload(ignore_columns="J", year="2024").content.decode()
    assert "năm đã chọn (2024) khác năm tệp ghi (2025, dòng 4)." in wrong_year
    assert "chữ cái của cột" in upload(ignore_columns="J5").content.decode()
    previewed = upload(ignore_columns="j", year="2025")
    form = previewed.context.get("confirm_form")
    assert form is not None
    data = {
        field: "" if form.initial.get(field) is None else form.initial[field]
        for field in form.fields
    }
    data_client.post(reverse("admin:funding_figure_process_import"), data)
    assert Figure.objects.count() == 133
