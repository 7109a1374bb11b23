"""What an uploaded image may be: its type, its bytes and its pixels.

Types: JPG, PNG, WebP or GIF, by the file's name and by what the file is
(Pillow's format, read from its header): a BMP or TIFF named ``.png``
would otherwise be kept, and served to staff, under a name it is not.
Refused, never converted: the original is kept as it was uploaded (readers
get renditions made from it), under the extension of what it is
(``content_extension``). One message names the accepted types.

Pixels: a PNG of 12,000 × 12,000 pixels can weigh 140 KB: the byte limit does not
bound what a reader's phone must decode. Uploads are refused above
``MAX_IMAGE_PIXELS`` pixels or a side longer than ``MAX_IMAGE_SIDE``, read
from the image's header only (Pillow's ``open`` decodes nothing). Pillow's
own decompression-bomb guard (``Image.MAX_IMAGE_PIXELS``) stays on; an image
it refuses gets the same message.
"""

import warnings
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image

#: The accepted files: by their name's extension, and by what they are
#: (Pillow's format; a camera's JPEG with a second picture is "MPO").
ACCEPTED_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif")
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "GIF"})
#: The extension an accepted file is stored under, by what it is: a PNG
#: named ``.jpg`` is stored (and served) as ``.png``.
FORMAT_EXTENSIONS = {
    "JPEG": "jpg",
    "MPO": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
}


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def _limits() -> str:
    return _("tối đa %(pixels)s điểm ảnh và mỗi cạnh %(side)s điểm ảnh") % {
        "pixels": _number(settings.MAX_IMAGE_PIXELS),
        "side": _number(settings.MAX_IMAGE_SIDE),
    }


def _read_header(file) -> tuple[tuple[int, int], str] | None:
    """The image's (width, height) and Pillow's format, from its header;
    None when Pillow does not recognise it (the image check proper says
    so). A decompression bomb raises Pillow's error."""
    start = file.tell()
    try:
        with warnings.catch_warnings():
            # Above Pillow's warning threshold, but below its error: the size
            # is known and our own limit gives the message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                return image.size, image.format
    except (OSError, SyntaxError, ValueError):
        return None
    finally:
        file.seek(start)


def content_extension(file) -> str | None:
    """The extension (no dot) matching what ``file`` is, read from its
    header; None when it is not an accepted image or is too big to open
    (refused by the validators)."""
    if file.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        return None
    try:
        header = _read_header(file)
    except Image.DecompressionBombError:
        return None
    return FORMAT_EXTENSIONS.get(header[1]) if header else None


def _read_size(file) -> tuple[int, int] | None:
    """The image's width and height from its header (``_read_header``)."""
    try:
        header = _read_header(file)
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _(
                "Ảnh quá lớn: hơn %(found)s điểm ảnh; %(limits)s. Hãy thu nhỏ "
                "ảnh rồi tải lên lại."
            )
            % {"found": _number(2 * Image.MAX_IMAGE_PIXELS), "limits": _limits()},
            code="image_too_many_pixels",
        ) from error
    return header[0] if header else None


def validate_image_type(file) -> None:
    """Refuse a new upload whose name or content is not JPG, PNG, WebP or
    GIF (see the module). Content Pillow cannot read, or too big to open,
    is left to the image and pixel checks, which say so."""
    if getattr(file, "_committed", False):
        return
    extension = PurePath(file.name or "").suffix.lower().removeprefix(".")
    if extension not in ACCEPTED_EXTENSIONS:
        raise ValidationError(
            _(
                "Chỉ nhận ảnh JPG, PNG, WebP hoặc GIF: tên tệp phải có đuôi "
                ".jpg, .jpeg, .png, .webp hoặc .gif."
            ),
            code="invalid_extension",
        )
    if file.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        return  # refused for its size without being opened (Pillow reads a WebP whole)
    try:
        header = _read_header(file)
    except Image.DecompressionBombError:
        return
    if header and header[1] not in ACCEPTED_FORMATS:
        raise ValidationError(
            _(
                "Chỉ nhận ảnh JPG, PNG, WebP hoặc GIF: tệp này là ảnh %(format)s "
                "dù tên có đuôi .%(extension)s. Hãy lưu lại ảnh ở một trong các "
                "định dạng trên rồi tải lên lại."
            )
            % {"format": header[1], "extension": extension},
            code="invalid_image_format",
        )


def validate_image_pixels(file) -> None:
    """Refuse a new upload of too many pixels or too long a side (see the
    module). Stored files were checked when they were uploaded."""
    if getattr(file, "_committed", False):
        return
    size = _read_size(file)
    if size is None:
        return
    width, height = size
    if (
        width * height > settings.MAX_IMAGE_PIXELS
        or max(width, height) > settings.MAX_IMAGE_SIDE
    ):
        raise ValidationError(
            _(
                "Ảnh quá lớn: %(width)s × %(height)s điểm ảnh (%(pixels)s điểm "
                "ảnh); %(limits)s. Hãy thu nhỏ ảnh rồi tải lên lại."
            )
            % {
                "width": _number(width),
                "height": _number(height),
                "pixels": _number(width * height),
                "limits": _limits(),
            },
            code="image_too_many_pixels",
        )


def validate_image_size(file) -> None:
    """Refuse a new upload above ``settings.MAX_IMAGE_UPLOAD_BYTES``, or of
    more pixels than ``settings.MAX_IMAGE_PIXELS`` / ``MAX_IMAGE_SIDE``."""
    if getattr(file, "_committed", False):
        return
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s); dung lượng tối đa là %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    validate_image_pixels(file)


#: Every model field holding an uploaded image validates it with these.
IMAGE_VALIDATORS = [validate_image_type, validate_image_size]


def _shortened(name: str, limit: int | None) -> str:
    """``name`` within ``limit`` characters, its extension kept."""
    if not limit or len(name) <= limit:
        return name
    suffix = PurePath(name).suffix
    suffix = suffix if len(suffix) <= 10 else ""
    return name[: limit - len(suffix) - 1] + "…" + suffix


class BoundedImageField(forms.ImageField):
    """Django's image field, checking the pixels first: Django's own check
    opens the image with Pillow, whose guard would reject a huge picture as
    "not an image"; this says what is wrong. The accepted types are ours
    (``validate_image_type``), not every type Pillow reads. The uploader's
    name is shortened, not refused, past the model field's length: a
    generated name is stored (``news.uploads``), never it."""

    default_validators = [validate_image_type]

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            validate_image_pixels(data)
            data.name = _shortened(data.name, self.max_length)
        return super().to_python(data)
