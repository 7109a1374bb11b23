"""Where uploaded photos are stored, and the names they are given."""

import re
import uuid
from pathlib import PurePath

from django.utils import timezone

from khuyencong.images import ACCEPTED_EXTENSIONS, content_extension

IMAGE_EXTENSIONS = list(ACCEPTED_EXTENSIONS)
COVER_FOLDER = "news/covers"
BODY_IMAGE_FOLDER = "news/images"
#: The image library's originals (``news.images``); their renditions are
#: named by ``news.images.renditions``.
LIBRARY_FOLDER = "news/library"

_STORED_EXTENSIONS = sorted({"jpg" if e == "jpeg" else e for e in IMAGE_EXTENSIONS})
_GENERATED_NAME = re.compile(
    rf"(?:{COVER_FOLDER}|{BODY_IMAGE_FOLDER}|{LIBRARY_FOLDER})/[0-9]{{4}}/[0-9]{{2}}/[0-9a-f]{{32}}"
    rf"\.(?:{'|'.join(_STORED_EXTENSIONS)})"
)


def generated_name(folder: str, filename: str, file=None) -> str:
    """``folder/YYYY/MM/<random>.<ext>``: never the uploader's file name.
    The extension is that of what ``file`` (the upload) is, whatever its
    name says; without a readable file, its (validated) name's."""
    found = content_extension(file) if file else None
    ext = f".{found}" if found else PurePath(filename).suffix.lower()
    ext = ".jpg" if ext == ".jpeg" else ext
    return timezone.now().strftime(f"{folder}/%Y/%m/") + uuid.uuid4().hex + ext


def is_uploaded_image_name(name: str) -> bool:
    """Whether ``name`` (relative to the media root) has the shape of a photo
    uploaded for an article: nothing else may be shown inside a body."""
    return _GENERATED_NAME.fullmatch(name) is not None
