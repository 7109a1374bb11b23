import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from funding.models import Figure, ImportRecord, SourceDocument

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:funding_figure_import")
PROCESS = reverse("admin:funding_figure_process_import")
EXPORT = reverse("admin:funding_figure_export")
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


def preview(client, file, source, **options):
    """The first step of django-import-export's import view."""
    return client.post(
        IMPORT, {"import_file": file, "source": source.pk, "format": "0", **options}
    )


def confirm(client, previewed):
    """Post the confirmation form the preview rendered, as the browser does."""
    form = previewed.context["confirm_form"]
    data = {
        name: "" if form.initial.get(name) is None else form.initial[name]
        for name in form.fields
    }
    return client.post(PROCESS, data, follow=True)


def preview_then_confirm(client, file, source):
    previewed = preview(client, file, source)
    assert previewed.status_code == 200
    assert previewed.context["confirm_form"] is not None, previewed.context["result"]
    return previewed, confirm(client, previewed)


def test_upload_preview_confirm(data_client, source):
    file = upload([HEADER, ["Ninh Thuận", 2022, "KCĐP", "10", "8,5"]])
    previewed = preview(data_client, file, source)
    html = previewed.content.decode()
    assert "2 mới, 0 thay đổi, 0 không đổi, 0 lỗi." in html
    assert (
        "Ninh Thuận (đến 30/06/2025) – Khuyến công địa phương – Tất cả nội dung – Năm 2022 – Kế hoạch"
        in html
    )
    assert not Figure.objects.exists()  # nothing written by a preview
    confirmed = confirm(data_client, previewed)
    assert "Đã nhập 2 số liệu mới" in confirmed.content.decode()
    assert Figure.objects.count() == 2
    record = ImportRecord.objects.get()
    assert record.user.username == "solieu"
    figure = Figure.objects.get(measure="executed")
    assert figure.last_import == record
    assert figure.history.first().history_user.username == "solieu"
    assert figure.value == 8_500_000_000
    public = data_client.get(f"/so-lieu/chi-tiet/{figure.pk}/").content.decode()
    assert "8,5 tỷ đồng" in public


def test_importing_the_same_file_again_writes_nothing(data_client, source):
    rows = [HEADER, ["Ninh Thuận", 2022, "KCĐP", "10", "8,5"]]
    preview_then_confirm(data_client, upload(rows), source)
    history = Figure.history.count()
    previewed, confirmed = preview_then_confirm(data_client, upload(rows), source)
    assert "0 mới, 0 thay đổi, 2 không đổi, 0 lỗi." in previewed.content.decode()
    assert Figure.objects.count() == 2 and Figure.history.count() == history
    assert ImportRecord.objects.latest("created_at").unchanged_count == 2


def test_sheet_and_header_row_options_reach_the_confirmation(data_client, source):
    book = Workbook()
    book.active.append(["ignored"])
    other = book.create_sheet("Năm 2022")
    other.append(["Báo cáo kinh phí khuyến công"])
    other.append(HEADER)
    other.append(["Ninh Thuận", 2022, "KCĐP", "10", "8,5"])
    buffer = io.BytesIO()
    book.save(buffer)
    previewed = preview(
        data_client,
        SimpleUploadedFile("hai-trang.xlsx", buffer.getvalue()),
        source,
        sheet="Năm 2022",
        header_row="2",
    )
    assert "2 mới" in previewed.content.decode()
    confirm(data_client, previewed)
    record = ImportRecord.objects.get()
    assert (record.sheet, record.created_count) == ("Năm 2022", 2)


@pytest.mark.parametrize(
    "kept_as",
    ["tmpkhongconnua", "khong-con-nua", "../../etc/passwd", "x" * 5000, "tmp/../x"],
)
def test_expired_preview_asks_for_the_file_again(data_client, source, kept_as):
    """A name sent back that is no upload kept now (swept, or the hidden
    field edited: a path, a name too long for the file system) is the same
    expired preview, never a 500."""
    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "10", ""]]), source
    )
    form = previewed.context["confirm_form"]
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["import_file_name"] = kept_as
    response = data_client.post(PROCESS, data, follow=True)
    assert "Tệp xem trước đã hết hạn" in response.content.decode()
    assert not Figure.objects.exists()


def test_errors_block_the_confirmation(data_client, source):
    previewed = preview(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "abc", ""]]), source
    )
    html = previewed.content.decode()
    assert "Dòng 2, cột “Kế hoạch (tỷ đồng)” (giá trị “abc”)" in html
    assert 'name="confirm"' not in html
    assert previewed.context.get("confirm_form") is None
    assert not Figure.objects.exists()


def test_a_confirmation_that_was_not_previewed_writes_nothing(data_client, source):
    """The confirmation writes the plan its preview showed; with other
    options (here a header row that was not previewed) there is none, so
    nothing is written and the user is sent back to preview."""
    rows = [HEADER, ["Ninh Thuận", 2022, "", "10", ""]]
    previewed = preview(data_client, upload(rows), source)
    form = previewed.context["confirm_form"]
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["header_row"] = "5"  # a row that is not the header
    response = data_client.post(PROCESS, data, follow=True)
    html = response.content.decode()
    assert "Không còn bản xem trước của tệp này" in html
    assert "Hãy tải tệp lên và xem trước lại." in html
    assert response.redirect_chain[-1][0] == IMPORT
    assert not Figure.objects.exists() and not ImportRecord.objects.exists()


def test_unreadable_file_is_a_form_error(data_client, source):
    response = preview(
        data_client, SimpleUploadedFile("x.xlsx", b"not a spreadsheet"), source
    )
    assert "không phải bảng tính hợp lệ" in response.content.decode()
    assert response.context.get("confirm_form") is None


def test_undo_from_the_admin(data_client, source):
    """The undo asks first, showing what it will change; confirmed, it
    undoes and says so."""
    preview_then_confirm(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "10", ""]]), source
    )
    record = ImportRecord.objects.get()
    changelist = reverse("admin:funding_importrecord_changelist")
    asked = data_client.post(
        changelist, {"action": "undo", "_selected_action": [record.pk]}
    )
    page = asked.content.decode()
    assert "Sẽ xoá 1 số liệu do lần nhập này tạo và trả 0 số liệu" in page
    assert "10 tỷ đồng" in page and "(xoá)" in page
    record.refresh_from_db()
    assert record.undone_at is None and Figure.objects.exists()
    done = data_client.post(
        changelist,
        {"action": "undo", "_selected_action": [record.pk], "post": "yes"},
        follow=True,
    )
    assert "Đã hoàn tác so-lieu.xlsx" in done.content.decode()
    record.refresh_from_db()
    assert record.undone_at is not None
    assert not Figure.objects.exists()


def test_an_undo_that_would_lose_an_edit_says_why_and_offers_no_button(
    data_client, source
):
    preview_then_confirm(
        data_client, upload([HEADER, ["Ninh Thuận", 2022, "", "10", ""]]), source
    )
    record = ImportRecord.objects.get()
    figure = Figure.objects.get()
    figure.value = 11 * 10**9
    figure.save()
    changelist = reverse("admin:funding_importrecord_changelist")
    asked = data_client.post(
        changelist, {"action": "undo", "_selected_action": [record.pk]}
    )
    page = asked.content.decode()
    assert "1 số liệu đã được sửa sau lần nhập này" in page
    assert "lần nhập ghi 10.000.000.000, nay 11.000.000.000" in page
    assert 'value="Hoàn tác"' not in page
    forced = data_client.post(
        changelist,
        {"action": "undo", "_selected_action": [record.pk], "post": "yes"},
        follow=True,
    )
    assert "hoàn tác sẽ làm mất các thay đổi đó" in forced.content.decode()
    figure.refresh_from_db()
    assert figure.value == 11 * 10**9


@pytest.fixture
def four_figures(data_client, source):
    """Two rows of the wide layout: plan and execution for two provinces."""
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


def test_export_then_import_changes_nothing(data_client, source, four_figures):
    exported = data_client.post(
        reverse("admin:funding_figure_changelist"),
        {
            "action": "export_xlsx",
            "_selected_action": list(Figure.objects.values_list("pk", flat=True)),
        },
    )
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet["A1"].value == "Chỉ tiêu"
    previewed = preview(
        data_client, SimpleUploadedFile("export.xlsx", exported.content), source
    )
    plan = previewed.context["result"].plan
    assert plan.errors == []
    assert (plan.count("new"), plan.count("changed"), plan.count("unchanged")) == (
        0,
        0,
        4,
    )


def test_export_view_follows_the_changelist_filters(data_client, four_figures):
    Figure.objects.filter(year=2021).update(note='=HYPERLINK("http://x")')
    page = data_client.get(EXPORT + "?year=2021")
    assert page.status_code == 200 and "Định dạng" in page.content.decode()
    csv_index = next(
        value
        for value, label in page.context["form"].fields["format"].choices
        if label == "csv"
    )
    response = data_client.post(EXPORT + "?year=2021", {"format": csv_index})
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    text = body.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Chỉ tiêu,Địa bàn")
    assert len(text.splitlines()) == 3  # the two figures of 2021 only
    assert "'=HYPERLINK" in text  # neutralised: Excel shows it as text
    assert "Ninh Thuận" not in text


def test_template_is_a_real_workbook_that_imports(data_client, source):
    response = data_client.get(reverse("admin:funding_figure_template"))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Số liệu", "Hướng dẫn"]
    previewed = preview(
        data_client, SimpleUploadedFile("mau.xlsx", response.content), source
    )
    assert previewed.context["result"].plan.errors == []
    assert previewed.context["result"].plan.count("new") == 2
    page = data_client.get(IMPORT).content.decode()
    assert reverse("admin:funding_figure_template") in page


def test_only_import_permission_reaches_the_import(editor_client, client, make_user):
    assert editor_client.get(IMPORT).status_code == 403
    assert (
        editor_client.get(reverse("admin:funding_figure_template")).status_code == 403
    )
    assert editor_client.post(PROCESS, {}).status_code == 403
    anonymous = Client()
    assert anonymous.get(IMPORT).status_code == 302  # to the login page
    assert anonymous.get(EXPORT).status_code == 302
    changelist = data_client_links(make_user)
    assert reverse("admin:funding_figure_import") in changelist
    assert "Nhập từ tệp" in changelist and "Xuất ra tệp" in changelist


def data_client_links(make_user):
    staff = Client()
    staff.force_login(make_user("solieu_links", "Cán bộ số liệu"))
    return staff.get(reverse("admin:funding_figure_changelist")).content.decode()


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
    previewed = preview(
        data_client, SimpleUploadedFile("export.ods", exported.content), source
    )
    plan = previewed.context["result"].plan
    assert plan.errors == [] and plan.count("unchanged") == 2


def test_import_and_export_pages_are_titled_in_vietnamese(data_client):
    assert "<title>Nhập số liệu từ tệp |" in data_client.get(IMPORT).content.decode()
    assert "<title>Xuất ra tệp |" in data_client.get(EXPORT).content.decode()
