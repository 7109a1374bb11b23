"""Pixel limits for uploaded images.

A PNG of 12,000 × 12,000 pixels can weigh 140 KB: the byte limit does not
bound what a reader's phone must decode. Uploads are refused above
``MAX_IMAGE_PIXELS`` pixels or a side longer than ``MAX_IMAGE_SIDE``, read
from the image's header only (Pillow's ``open`` decodes nothing). Pillow's
own decompression-bomb guard (``Image.MAX_IMAGE_PIXELS``) stays on; an image
it refuses gets the same message.
"""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def _limits() -> str:
    return _("tối đa %(pixels)s điểm ảnh và mỗi cạnh %(side)s điểm ảnh") % {
        "pixels": _number(settings.MAX_IMAGE_PIXELS),
        "side": _number(settings.MAX_IMAGE_SIDE),
    }


def _read_size(file) -> tuple[int, int] | None:
    """The image's width and height from its header; None when Pillow does
    not recognise it (the image check proper says so)."""
    start = file.tell()
    try:
        with warnings.catch_warnings():
            # Above Pillow's warning threshold, but below its error: the size
            # is known and our own limit gives the message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                return image.size
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _(
                "Ảnh quá lớn: hơn %(found)s điểm ảnh; %(limits)s. Hãy thu nhỏ "
                "ảnh rồi tải lên lại."
            )
            % {"found": _number(2 * Image.MAX_IMAGE_PIXELS), "limits": _limits()},
            code="image_too_many_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError):
        return None
    finally:
        file.seek(start)


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


class BoundedImageField(forms.ImageField):
    """Django's image field, checking the pixels first: Django's own check
    opens the image with Pillow, whose guard would reject a huge picture as
    "not an image"; this says what is wrong."""

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            validate_image_pixels(data)
        return super().to_python(data)
