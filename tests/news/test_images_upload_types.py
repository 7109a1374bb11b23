"""What an uploaded image may be, wherever it is uploaded (the editor's
dialog and drop zone, the library's add form, the cover's "+" popup, and
any save that validates the model): JPG, PNG, WebP or GIF by its name AND
by what the file is (Pillow's format), refused otherwise with one
Vietnamese message naming those types; the uploader's file name, never
stored, may be of any length."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.images.models import LibraryImage
from news.models import ArticleImage
from tests.conftest import png_bytes

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:news_libraryimage_upload")
ADD_URL = reverse("admin:news_libraryimage_add")
ACCEPTED = "Chỉ nhận ảnh JPG, PNG, WebP hoặc GIF"


def picture(fmt: str, mode: str = "RGB", size=(80, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(client, name: str, content: bytes):
    return client.post(
        UPLOAD_URL,
        {
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
            "alt_text": "Ảnh thử",
        },
    )


@pytest.mark.parametrize("name", ["anh", "anh.psd", "anh.bmp", "anh.png.exe"])
def test_a_name_without_an_accepted_extension_gets_the_accepted_types(
    editor_client, name
):
    response = upload(editor_client, name, png_bytes())
    assert response.status_code == 400
    message = response.json()["error"]
    assert message.startswith(f"Tệp ảnh: {ACCEPTED}")
    # Not Django's list of every extension Pillow reads.
    assert "bmp, dib" not in message and "psd" not in message
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(
    ("name", "fmt", "mode", "found"),
    [
        ("anh.png", "BMP", "RGB", "BMP"),
        ("anh.jpg", "TIFF", "RGB", "TIFF"),
        ("anh.png", "ICO", "RGBA", "ICO"),
        ("anh.gif", "TIFF", "I", "TIFF"),
    ],
)
def test_what_the_file_is_must_be_accepted_whatever_its_name(
    editor_client, name, fmt, mode, found
):
    response = upload(editor_client, name, picture(fmt, mode, size=(32, 32)))
    assert response.status_code == 400
    message = response.json()["error"]
    assert message.startswith(f"Tệp ảnh: {ACCEPTED}") and f"ảnh {found}" in message
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("anh.jpg", "JPEG"), ("anh.png", "JPEG"), ("anh.webp", "WEBP"), ("a.GIF", "GIF")],
)
def test_accepted_formats_are_stored(editor_client, name, fmt):
    response = upload(editor_client, name, picture(fmt))
    assert response.status_code == 201, response.json()
    assert LibraryImage.objects.get().file.name.startswith("news/library/")


def test_a_camera_jpeg_read_as_mpo_is_accepted(editor_client):
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (80, 60)), Image.new("RGB", (80, 60))
    first.save(buffer, format="MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    assert upload(editor_client, "dsc.jpg", buffer.getvalue()).status_code == 201


def test_a_long_file_name_is_accepted_and_never_stored(editor_client):
    response = upload(editor_client, "khai-truong-xuong-" * 20 + ".png", png_bytes())
    assert response.status_code == 201, response.json()
    image = LibraryImage.objects.get()
    assert image.file.name.startswith("news/library/")
    assert image.file.name.endswith(".png") and "khai-truong" not in image.file.name


def test_the_add_form_refuses_with_the_same_message(editor_client):
    """The library's add form, which the cover's "+" popup opens too."""
    response = editor_client.post(
        ADD_URL,
        {
            "file": SimpleUploadedFile("anh.png", picture("BMP")),
            "alt_text": "Ảnh thử",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["file"]
    assert len(errors) == 1 and errors[0].startswith(ACCEPTED)
    assert "ảnh BMP" in errors[0]
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"), [("anh.png", picture("BMP")), ("anh", png_bytes())]
)
def test_a_model_save_that_validates_refuses_too(name, content):
    """A shell or a command that calls ``full_clean`` on a body image."""
    image = ArticleImage(image=SimpleUploadedFile(name, content), alt_text="Ảnh")
    with pytest.raises(ValidationError) as refused:
        image.full_clean(exclude=["article"])
    messages = refused.value.message_dict["image"]
    assert len(messages) == 1 and messages[0].startswith(ACCEPTED)


def test_a_file_over_the_size_limit_is_refused_for_its_size_alone(
    editor_client, settings
):
    # Not opened to learn what it is: Pillow reads a WebP whole.
    content = picture("BMP", size=(200, 200))
    settings.MAX_IMAGE_UPLOAD_BYTES = len(content) - 1
    message = upload(editor_client, "anh.png", content).json()["error"]
    assert "Ảnh quá lớn" in message
    assert ACCEPTED not in message
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(
    ("name", "fmt", "stored"),
    [
        ("anh.jpg", "PNG", ".png"),
        ("anh.png", "JPEG", ".jpg"),
        ("a.gif", "WEBP", ".webp"),
    ],
)
def test_a_file_is_stored_under_the_extension_of_what_it_is(
    editor_client, name, fmt, stored
):
    """Served with the type its name says: a PNG named .jpg is kept as .png."""
    assert upload(editor_client, name, picture(fmt)).status_code == 201
    assert LibraryImage.objects.get().file.name.endswith(stored)


def test_the_add_form_stores_under_the_extension_of_what_it_is(editor_client):
    response = editor_client.post(
        ADD_URL,
        {
            "file": SimpleUploadedFile("anh.jpg", picture("PNG")),
            "alt_text": "Ảnh thử",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )
    assert response.status_code == 302
    assert LibraryImage.objects.get().file.name.endswith(".png")


def test_body_images_and_old_covers_are_stored_under_what_they_are(make_article):
    article = make_article()
    image = ArticleImage.objects.create(
        article=article,
        image=SimpleUploadedFile("anh.jpg", picture("PNG")),
        alt_text="Ảnh",
    )
    assert image.image.name.startswith("news/images/")
    assert image.image.name.endswith(".png")
    article.cover_image = SimpleUploadedFile("bia.png", picture("JPEG"))
    article.cover_alt = "Bìa"
    article.save()
    assert article.cover_image.name.startswith("news/covers/")
    assert article.cover_image.name.endswith(".jpg")
