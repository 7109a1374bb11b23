"""Library images inside an article's body, as readers get them: each
``<img>`` of a library image (by its reference, ``data-file``, or by the
address of its original, say typed into the dialog by hand) becomes a
``<picture>`` of its renditions; all the body's images read in one query."""

import html
import re

from django.core.files.storage import default_storage
from django.db.models import Q
from django.template.loader import render_to_string

from .models import LibraryImage
from .renditions import picture_or_none

BODY_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = r'\b{}="([^"]*)"'
_REFERENCE = re.compile(_ATTRIBUTE.format("data-file"))
_SRC = re.compile(_ATTRIBUTE.format("src"))
_ALT = re.compile(_ATTRIBUTE.format("alt"))


def _attribute(pattern: re.Pattern, tag: str) -> str:
    found = pattern.search(tag)
    return html.unescape(found.group(1)) if found else ""


def _file_name(src: str) -> str | None:
    """The storage name an address of an original points at, if any."""
    prefix = default_storage.url("")
    return src.removeprefix(prefix) if src.startswith(prefix) else None


def expand_body_images(body_html: str) -> str:
    """``body_html`` (sanitised) with its library images as pictures; an
    image not in the library (or unreadable) is left as it was."""
    tags = _IMG.findall(body_html)
    if not tags:
        return body_html
    ids = {int(ref) for tag in tags if (ref := _attribute(_REFERENCE, tag)).isdigit()}
    names = {name for tag in tags if (name := _file_name(_attribute(_SRC, tag)))}
    images = list(LibraryImage.objects.filter(Q(pk__in=ids) | Q(file__in=names)))
    by_pk = {image.pk: image for image in images}
    by_name = {image.file.name: image for image in images}

    def replace(match: re.Match) -> str:
        tag = match.group(0)
        ref = _attribute(_REFERENCE, tag)
        image = by_pk.get(int(ref)) if ref.isdigit() else None
        image = image or by_name.get(_file_name(_attribute(_SRC, tag)) or "")
        shown = picture_or_none(image) if image else None
        if shown is None:
            return tag
        return render_to_string(
            "includes/picture.html",
            {
                "picture": shown,
                # The words the editor gave this use of the photo, if any.
                "alt": _attribute(_ALT, tag),
                "sizes": BODY_SIZES,
                "loading": "lazy",
            },
        )

    return _IMG.sub(replace, body_html)
