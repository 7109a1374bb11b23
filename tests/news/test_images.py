"""The image library: validation, renditions made once and stored, the
focal point, and what readers' browsers get (picture, srcset, sizes)."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image

from news.images.forms import LibraryImageForm
from news.images.models import LibraryImage
from news.images.renditions import (
    crop_box,
    make_renditions,
    picture,
    rendition_name,
    widths_for,
)
from tests.conftest import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def stored(media_root) -> dict[str, float]:
    root = Path(media_root) / "news" / "renditions"
    return {str(p): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def upload(name="anh.jpg", **kwargs):
    return SimpleUploadedFile(name, png_bytes(fmt="JPEG", **kwargs))


def test_form_requires_alt_text_and_a_real_image():
    form = LibraryImageForm(
        data={"alt_text": "", "focal_x": 0.5, "focal_y": 0.5},
        files={"file": SimpleUploadedFile("anh.jpg", b"not an image at all")},
    )
    assert not form.is_valid()
    assert "alt_text" in form.errors
    assert "file" in form.errors


def test_form_refuses_too_many_pixels_with_a_vietnamese_message(settings):
    settings.MAX_IMAGE_SIDE = 1000
    form = LibraryImageForm(
        data={"alt_text": "Ảnh", "focal_x": 0.5, "focal_y": 0.5},
        files={"file": upload(size=(1200, 100))},
    )
    assert not form.is_valid()
    assert "Ảnh quá lớn: 1.200 × 100 điểm ảnh" in form.errors["file"][0]


def test_form_refuses_a_file_too_heavy(settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 100
    form = LibraryImageForm(
        data={"alt_text": "Ảnh", "focal_x": 0.5, "focal_y": 0.5},
        files={"file": upload(size=(200, 100))},
    )
    assert not form.is_valid()
    assert "dung lượng tối đa là 100" in form.errors["file"][0]


def test_database_refuses_an_image_without_alt_or_with_the_focus_outside(
    make_library_image,
):
    image = make_library_image()
    with pytest.raises(IntegrityError), transaction.atomic():
        LibraryImage.objects.filter(pk=image.pk).update(alt_text="")
    with pytest.raises(IntegrityError), transaction.atomic():
        LibraryImage.objects.filter(pk=image.pk).update(focal_x=1.5)


def test_upload_stores_size_and_makes_renditions_once(make_library_image, media_root):
    image = make_library_image(size=(1200, 800))
    assert (image.width, image.height) == (1200, 800)
    files = stored(media_root)
    # 360, 720, 1080, 1200 wide, and the 16:9 crops 360 and 720: WebP + JPEG.
    assert len(files) == 12
    made = Image.open(Path(media_root) / rendition_name(image, 360, "webp"))
    assert made.format == "WEBP" and made.size == (360, 240)
    fallback = Image.open(Path(media_root) / rendition_name(image, 720, "jpeg"))
    assert fallback.format == "JPEG" and fallback.size == (720, 480)
    crop = Image.open(Path(media_root) / rendition_name(image, 720, "jpeg", "16x9"))
    assert crop.size == (720, 405)

    image.refresh_from_db()
    assert make_renditions(image) == 0
    picture(image)
    assert stored(media_root) == files


def test_widths_never_exceed_the_original():
    assert widths_for(5000) == [360, 720, 1080, 1600]
    assert widths_for(800) == [360, 720, 800]
    assert widths_for(200) == [200]


def test_focal_point_decides_what_a_crop_keeps():
    # A tall picture cut to 16:9: the box follows the focal point, within
    # the picture.
    assert crop_box((1600, 1600), (16, 9), (0.5, 0.0)) == (0, 0, 1600, 900)
    assert crop_box((1600, 1600), (16, 9), (0.5, 1.0)) == (0, 700, 1600, 1600)
    assert crop_box((1600, 1600), (16, 9), (0.5, 0.5)) == (0, 350, 1600, 1250)
    assert crop_box((3200, 900), (16, 9), (0.9, 0.5)) == (1600, 0, 3200, 900)


def test_crop_around_the_focal_point_is_what_is_stored(make_library_image, media_root):
    image = make_library_image(size=(1600, 1600))
    # The top half red, the bottom blue: a focus at the bottom keeps blue.
    canvas = Image.new("RGB", (1600, 1600), (255, 0, 0))
    canvas.paste((0, 0, 255), (0, 800, 1600, 1600))
    with open(Path(media_root) / image.file.name, "wb") as file:
        canvas.save(file, format="JPEG")
    image.focal_y = 1.0
    image.save()
    shown = picture(image, "16x9")
    assert "-16x9-50-100" in shown.src
    crop = Image.open(Path(media_root) / rendition_name(image, 720, "jpeg", "16x9"))
    red, _green, blue = crop.convert("RGB").getpixel((360, 200))
    assert blue > 200 and red < 60


def test_page_makes_missing_renditions_itself(make_library_image, media_root):
    image = make_library_image(size=(800, 600))
    for path in stored(media_root):
        Path(path).unlink()
    LibraryImage.objects.filter(pk=image.pk).update(renditions_key="")
    image.refresh_from_db()
    shown = picture(image)
    assert Path(media_root, shown.src.removeprefix("/media/")).is_file()


def test_transparent_png_gets_a_white_jpeg_and_a_transparent_webp(
    make_library_image, media_root
):
    image = make_library_image(size=(400, 300))
    transparent = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    name = image.file.name.replace(".jpg", ".png")
    transparent.save(Path(media_root) / name)
    image.file.name = name
    image.save()
    make_renditions(image)
    jpeg = Image.open(Path(media_root) / rendition_name(image, 360, "jpeg"))
    assert jpeg.convert("RGB").getpixel((10, 10)) == (255, 255, 255)
    webp = Image.open(Path(media_root) / rendition_name(image, 360, "webp"))
    assert webp.mode == "RGBA" and webp.getpixel((10, 10))[3] == 0


def test_rendition_names_are_deterministic(make_library_image):
    image = make_library_image()
    assert rendition_name(image, 720, "webp") == rendition_name(image, 720, "webp")
    assert re.fullmatch(
        rf"news/renditions/{image.pk}/[0-9a-f]{{12}}/720\.webp",
        rendition_name(image, 720, "webp"),
    )
    with pytest.raises(ValidationError):
        LibraryImage(alt_text="", width=1, height=1).full_clean()
