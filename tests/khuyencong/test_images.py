"""Uploaded images are capped in pixels, not only in bytes, with a clear
message, and Pillow's decompression-bomb guard stays on."""

import io
from functools import cache

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from khuyencong.images import validate_image_pixels
from news.images.models import LibraryImage
from news.models import Article

pytestmark = pytest.mark.django_db


@cache
def png(width: int, height: int, mode: str = "1") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(width, height, mode="1", name="anh.png"):
    return SimpleUploadedFile(name, png(width, height, mode), content_type="image/png")


LIBRARY_ADD_URL = reverse("admin:news_libraryimage_add")


def library_data(file, **fields):
    return {
        "file": file,
        "alt_text": "ảnh",
        "focal_x": "0.5",
        "focal_y": "0.5",
    } | fields


def test_the_reported_image_is_refused_with_its_size_and_the_limit(secretary_client):
    # The image: 12,000 × 12,000 pixels in 140 KB of PNG.
    image = upload(12_000, 12_000, mode="L")
    assert image.size < 150_000
    response = secretary_client.post(LIBRARY_ADD_URL, library_data(image))
    assert response.status_code == 200
    (error,) = response.context["adminform"].form.errors["file"]
    assert "12.000 × 12.000 điểm ảnh" in error
    assert "144.000.000" in error and "40.000.000" in error and "10.000" in error
    assert not LibraryImage.objects.exists()


def test_the_editor_dialog_upload_is_capped_the_same_way(editor_client):
    response = editor_client.post(
        reverse("admin:news_libraryimage_upload"),
        {"file": upload(10_001, 20), "alt_text": "Dải ảnh dài"},
    )
    assert response.status_code == 400
    assert "10.001 × 20 điểm ảnh" in response.json()["error"]
    assert not LibraryImage.objects.exists()


def test_a_picture_past_pillows_own_guard_is_named_too_big_not_broken(
    secretary_client,
):
    # 196 million pixels: Pillow refuses to open it (DecompressionBombError);
    # the editor must read "too big", not "not an image".
    response = secretary_client.post(
        LIBRARY_ADD_URL, library_data(upload(14_000, 14_000))
    )
    (error,) = response.context["adminform"].form.errors["file"]
    assert error.startswith("Ảnh quá lớn: hơn 178.956.970 điểm ảnh")
    assert "40.000.000" in error
    assert not LibraryImage.objects.exists()


def test_an_image_within_the_limits_is_stored(secretary_client, settings):
    settings.MAX_IMAGE_PIXELS = 400 * 300
    settings.MAX_IMAGE_SIDE = 400
    response = secretary_client.post(
        LIBRARY_ADD_URL, library_data(upload(400, 300, "RGB"), alt_text="Ảnh")
    )
    assert response.status_code == 302
    image = LibraryImage.objects.get()
    assert (image.width, image.height) == (400, 300)


@pytest.mark.parametrize(
    ("size", "limits", "refused"),
    [
        ((401, 300), (400 * 300, 1000), True),  # one pixel row too many
        ((400, 300), (400 * 300, 1000), False),
        ((1001, 1), (400 * 300, 1000), True),  # a side too long
    ],
)
def test_the_limits_are_settings(settings, size, limits, refused):
    settings.MAX_IMAGE_PIXELS, settings.MAX_IMAGE_SIDE = limits
    file = upload(*size)
    if refused:
        with pytest.raises(ValidationError, match="Ảnh quá lớn"):
            validate_image_pixels(file)
    else:
        validate_image_pixels(file)
    assert file.tell() == 0  # read back from the start by whoever is next


# Django reads the dimensions when the file is assigned: Pillow warns.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_every_save_path_checks_pixels_not_only_the_admin(category):
    # The model's validator: a shell, an import or another form is held too.
    article = Article(
        title="Ảnh lớn",
        lead="Sapo.",
        body="<p>Nội dung.</p>",
        category=category,
        cover_image=upload(12_000, 12_000),
        cover_alt="ảnh",
    )
    with pytest.raises(ValidationError) as raised:
        article.full_clean()
    assert "12.000 × 12.000" in str(raised.value.message_dict["cover_image"])
    image = LibraryImage(file=upload(12_000, 12_000), alt_text="ảnh")
    with pytest.raises(ValidationError) as raised:
        image.full_clean(exclude=["width", "height"])
    assert "12.000 × 12.000" in str(raised.value.message_dict["file"])


def test_pillows_decompression_bomb_guard_stays_on():
    assert Image.MAX_IMAGE_PIXELS is not None
    assert Image.MAX_IMAGE_PIXELS >= 40_000_000
