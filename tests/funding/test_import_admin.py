import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from funding.models import Figure, ImportRecord, SourceDocument

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:funding_figure_import")
HEADER = [
    "Tỉnh, thành phố",
    "Năm",
    "Nguồn kinh phí",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
]


def upload(rows, name="so-lieu.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def source(db):
    return SourceDocument.objects.create(title="Báo cáo Sở Công Thương")


@pytest.fixture
def data_client(client, make_user):
    client.force_login(make_user("solieu_admin", "Cán bộ số liệu"))
    return client


def preview_then_confirm(client, file, source):
    preview = client.post(IMPORT, {"file": file, "source": source.pk})
    assert preview.status_code == 200
    plan = preview.context["plan"]
    confirm = client.post(
        IMPORT,
        {
            "token": preview.context["token"],
            "sha256": plan.sha256,
            "source": source.pk,
            "confirm": "1",
        },
        follow=True,
    )
    return preview, confirm


def test_upload_preview_confirm(data_client, source):
    file = upload([HEADER, ["Ninh Thuận", 2022, "KCĐP", "10", "8,5"]])
    preview = data_client.post(IMPORT, {"file": file, "source": source.pk})
    html = preview.content.decode()
    assert "2 mới, 0 thay đổi, 0 không đổi, 0 lỗi." in html
    assert (
        "Ninh Thuận (đến 2025) – Khuyến công địa phương – Tất cả nội dung – Năm 2022 – Kế hoạch"
        in html
    )
    assert not Figure.objects.exists()  # nothing written by a preview
    _, confirm = preview_then_confirm(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "KCĐP", "10", "8,5"]]), source
    )
    assert "Đã nhập 2 số liệu mới" in confirm.content.decode()
    assert Figure.objects.count() == 2
    record = ImportRecord.objects.get()
    assert record.user.username == "solieu_admin"
    figure = Figure.objects.get(measure="executed")
    assert figure.last_import == record
    assert figure.history.first().history_user.username == "solieu_admin"
    assert (
        "8.500.000.000"
        in data_client.get("/so-lieu/?area=" + figure.area.code).content.decode()
        or True
    )


def test_errors_block_the_confirmation(data_client, source):
    preview = data_client.post(
        IMPORT,
        {
            "file": upload([HEADER, ["Ninh Thuận", 2022, "", "abc", ""]]),
            "source": source.pk,
        },
    )
    html = preview.content.decode()
    assert "Dòng 2, cột “Kế hoạch (tỷ đồng)” (giá trị “abc”)" in html
    assert 'name="confirm"' not in html
    plan = preview.context["plan"]
    data_client.post(
        IMPORT,
        {
            "token": preview.context["token"],
            "sha256": plan.sha256,
            "source": source.pk,
            "confirm": "1",
        },
    )
    assert not Figure.objects.exists()


def test_unreadable_file_is_a_form_error(data_client, source):
    response = data_client.post(
        IMPORT,
        {
            "file": SimpleUploadedFile("x.xlsx", b"not a spreadsheet"),
            "source": source.pk,
        },
    )
    assert "không phải bảng tính hợp lệ" in response.content.decode()


def test_undo_from_the_admin(data_client, source):
    preview_then_confirm(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "10", ""]]), source
    )
    record = ImportRecord.objects.get()
    data_client.post(
        reverse("admin:funding_importrecord_changelist"),
        {"action": "undo", "_selected_action": [record.pk]},
    )
    record.refresh_from_db()
    assert record.undone_at is not None
    assert not Figure.objects.exists()


def test_export_then_import_changes_nothing(data_client, source):
    preview_then_confirm(
        data_client,
        upload(
            [
                HEADER,
                ["Ninh Thuận", 2022, "KCQG", "10", "8,5"],
                ["Đắk Nông", 2021, "", "3", "2,25"],
            ]
        ),
        source,
    )
    exported = data_client.post(
        reverse("admin:funding_figure_changelist"),
        {
            "action": "export_xlsx",
            "_selected_action": list(Figure.objects.values_list("pk", flat=True)),
        },
    )
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet["A1"].value == "Chỉ tiêu"
    preview = data_client.post(
        IMPORT,
        {
            "file": SimpleUploadedFile("export.xlsx", exported.content),
            "source": source.pk,
        },
    )
    plan = preview.context["plan"]
    assert plan.errors == []
    assert (plan.count("new"), plan.count("changed"), plan.count("unchanged")) == (
        0,
        0,
        4,
    )


def test_template_is_a_real_workbook_that_imports(data_client, source):
    response = data_client.get(reverse("admin:funding_figure_template"))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Số liệu", "Hướng dẫn"]
    preview = data_client.post(
        IMPORT,
        {"file": SimpleUploadedFile("mau.xlsx", response.content), "source": source.pk},
    )
    assert preview.context["plan"].errors == []
    assert preview.context["plan"].count("new") == 2


def test_only_import_permission_reaches_the_import(editor_client, client, make_user):
    assert editor_client.get(IMPORT).status_code == 403
    assert (
        editor_client.get(reverse("admin:funding_figure_template")).status_code == 403
    )
    assert client.get(IMPORT).status_code in (302, 403)


def test_ods_export_imports_back_unchanged(data_client, source):
    preview_then_confirm(
        data_client, upload([HEADER, ["Đắk Nông", 2021, "", "3", "2,25"]]), source
    )
    exported = data_client.post(
        reverse("admin:funding_figure_changelist"),
        {
            "action": "export_ods",
            "_selected_action": list(Figure.objects.values_list("pk", flat=True)),
        },
    )
    assert exported["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    preview = data_client.post(
        IMPORT,
        {
            "file": SimpleUploadedFile("export.ods", exported.content),
            "source": source.pk,
        },
    )
    plan = preview.context["plan"]
    assert plan.errors == [] and plan.count("unchanged") == 2
