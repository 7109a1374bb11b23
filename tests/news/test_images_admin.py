"""The image library in the admin: the upload endpoint the editor's dialog
and the drop zone use (who may, CSRF, validation, what it returns), the
picker, the list with thumbnails and search, the change form, and the
article's cover chosen from the library."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from news.images.models import LibraryImage
from tests.conftest import png_bytes

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:news_libraryimage_upload")
PICKER_URL = reverse("admin:news_libraryimage_picker")
LIST_URL = reverse("admin:news_libraryimage_changelist")


@pytest.fixture(autouse=True)
def worker_in_the_test(monkeypatch):
    """The task worker runs here, in the test's transaction: it must not
    close the connection between tasks as a worker process does."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker():
    """The task worker (``manage.py db_worker``), until nothing is left."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False)


def jpeg(name="anh.jpg", size=(900, 600)):
    return SimpleUploadedFile(name, png_bytes(size=size, fmt="JPEG"))


def post(client, **fields):
    data = {"alt_text": "Lễ khai trương xưởng", "caption": "", "credit": ""}
    data.update(fields)
    data.setdefault("file", jpeg())
    return client.post(UPLOAD_URL, data)


def test_editor_uploads_and_gets_id_and_addresses(editor_client, editor, media_root):
    response = post(editor_client, caption="Khai trương", credit="Trung tâm KC")
    assert response.status_code == 201
    body = response.json()
    image = LibraryImage.objects.get()
    assert body["id"] == image.pk and body["alt"] == "Lễ khai trương xưởng"
    assert body["url"] == image.file.url
    assert body["url"].startswith("/media/news/library/")
    assert "/media/news/renditions/" in body["thumbnail"]
    assert body["srcset"].endswith("900w") and (body["width"], body["height"]) == (
        900,
        600,
    )
    assert image.uploaded_by == editor and image.credit == "Trung tâm KC"


def test_an_upload_leaves_its_renditions_to_the_worker(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    """The upload answers with the thumbnail alone made; the worker makes
    the other widths, formats and crops."""
    with django_capture_on_commit_callbacks(execute=True):
        response = post(editor_client, file=jpeg(size=(1600, 1200)))
    assert response.status_code == 201
    image = LibraryImage.objects.get()
    made = {p.relative_to(media_root).as_posix() for p in media_root.rglob("*.webp")}
    made |= {p.relative_to(media_root).as_posix() for p in media_root.rglob("*.jpg")}
    made -= {image.file.name}
    thumbnail = response.json()["thumbnail"].removeprefix("/media/")
    assert made == {thumbnail} and thumbnail.endswith("/360.webp")
    assert image.renditions_key == ""
    run_worker()
    image.refresh_from_db()
    assert image.renditions_key.endswith("|0.500|0.500")
    # 360, 720, 1080, 1600 wide and the 16:9 crops 360 and 720, each twice.
    renditions = [p for p in media_root.rglob("*") if "/renditions/" in p.as_posix()]
    assert len([p for p in renditions if p.is_file()]) == 12


def test_a_page_before_the_worker_makes_what_it_shows(
    editor_client, make_article, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(editor_client, file=jpeg(size=(1600, 1200)))
    image = LibraryImage.objects.get()
    article = make_article(cover=image)
    html = editor_client.get(article.get_absolute_url()).content.decode()
    assert "/360.webp 360w" in html
    for address in ("360.webp", "1600.jpg"):
        (stored,) = [p for p in media_root.rglob(address) if "/renditions/" in str(p)]
        assert stored.stat().st_size > 0


def test_anonymous_and_non_staff_are_refused(django_user_model):
    anonymous = Client()
    assert post(anonymous).status_code == 302
    outsider = django_user_model.objects.create_user("khach", password="x" * 20)
    client = Client()
    client.force_login(outsider)
    assert post(client).status_code == 302
    assert not LibraryImage.objects.exists()


def test_staff_without_the_permission_is_refused(make_user):
    client = Client()
    client.force_login(make_user("cb_solieu", "Cán bộ số liệu"))
    response = post(client)
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn không có quyền tải ảnh lên thư viện ảnh."
    assert client.get(PICKER_URL).status_code == 403
    assert not LibraryImage.objects.exists()


def test_post_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert post(client).status_code == 403
    assert not LibraryImage.objects.exists()


def test_get_is_not_an_upload(editor_client):
    assert editor_client.get(UPLOAD_URL).status_code == 405


def test_bad_file_gets_a_vietnamese_message_naming_the_field(editor_client):
    response = post(editor_client, file=SimpleUploadedFile("anh.jpg", b"%PDF-1.4 x"))
    assert response.status_code == 400
    message = response.json()["error"]
    assert message.startswith("Tệp ảnh: Hãy tải lên một hình ảnh hợp lệ.")
    assert not LibraryImage.objects.exists()


def test_missing_alt_text_is_refused(editor_client):
    response = post(editor_client, alt_text="  ")
    assert response.status_code == 400
    assert response.json()["errors"]["alt_text"] == [
        "Mô tả ảnh (alt): Trường này là bắt buộc."
    ]
    assert not LibraryImage.objects.exists()


def test_too_big_an_image_is_refused_with_its_size(editor_client, settings):
    settings.MAX_IMAGE_SIDE = 800
    response = post(editor_client)
    assert response.status_code == 400
    assert "900 × 600 điểm ảnh" in response.json()["error"]


def test_picker_lists_and_searches_the_library(editor_client, make_library_image):
    make_library_image(alt_text="Máy dệt thổ cẩm")
    make_library_image(alt_text="Hội nghị tổng kết")
    html = editor_client.get(PICKER_URL, {"q": "dệt", "CKEditorFuncNum": "-1"}).content
    html = html.decode()
    assert "Máy dệt thổ cẩm" in html and "Hội nghị tổng kết" not in html
    assert 'data-func-num="-1"' in html
    assert 'data-upload-url="/admin/news/libraryimage/tai-len/"' in html
    assert "news/library_picker.js" in html


def test_list_shows_thumbnails_and_the_drop_zone(editor_client, make_library_image):
    make_library_image(alt_text="Ảnh có trong thư viện")
    html = editor_client.get(LIST_URL, {"q": "thư viện"}).content.decode()
    assert 'class="library-thumb" src="/media/news/renditions/' in html
    assert 'class="library-drop"' in html and "multiple" in html


def test_change_form_sets_the_focal_point(
    secretary_client, make_library_image, django_capture_on_commit_callbacks
):
    image = make_library_image(size=(1600, 1600))
    url = reverse("admin:news_libraryimage_change", args=[image.pk])
    page = secretary_client.get(url)
    assert 'class="focal-picker"' in page.content.decode()
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.pop("file")
    data.update(focal_x="0.5", focal_y="0.9", alt_text="Ảnh đã sửa")
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(url, data)
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_y, image.alt_text) == (0.9, "Ảnh đã sửa")
    # The new crops are the worker's.
    assert not image.renditions_key.endswith("|0.500|0.900")
    run_worker()
    image.refresh_from_db()
    assert image.renditions_key.endswith("|0.500|0.900")


def test_focal_point_outside_the_image_is_refused(secretary_client, make_library_image):
    image = make_library_image()
    url = reverse("admin:news_libraryimage_change", args=[image.pk])
    form = secretary_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.pop("file")
    data.update(focal_x="1.5")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors


def test_article_form_chooses_the_cover_from_the_library(
    editor_client, make_library_image
):
    image = make_library_image(alt_text="Toàn cảnh hội nghị")
    page = editor_client.get(reverse("admin:news_article_add")).content.decode()
    assert 'name="cover"' in page
    assert "/admin/news/libraryimage/chon/" in page  # the editor's picker
    assert "news/figure_exit.js" in page
    found = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "hội nghị",
            "app_label": "news",
            "model_name": "article",
            "field_name": "cover",
        },
    ).json()
    assert [r["id"] for r in found["results"]] == [str(image.pk)]


def test_a_photo_shown_in_a_body_cannot_be_deleted(
    secretary_client, make_library_image, make_article
):
    used = make_library_image(alt_text="Ảnh trong bài")
    make_article(title="Bài có ảnh", body=f'<p><img alt="x" data-file="{used.pk}"></p>')
    url = reverse("admin:news_libraryimage_delete", args=[used.pk])
    page = secretary_client.get(url).content.decode()
    assert "Bài viết có ảnh này trong nội dung: Bài có ảnh" in page
    secretary_client.post(url, {"post": "yes"})
    assert LibraryImage.objects.filter(pk=used.pk).exists()
    unused = make_library_image(alt_text="Ảnh thừa")
    url = reverse("admin:news_libraryimage_delete", args=[unused.pk])
    assert secretary_client.post(url, {"post": "yes"}).status_code == 302
    assert not LibraryImage.objects.filter(pk=unused.pk).exists()
