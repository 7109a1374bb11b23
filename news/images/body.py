"""Library images inside an article's body, as readers get them: each
``<img data-file="…">`` the editor placed becomes a ``<picture>`` of its
renditions (all the body's images read in one query)."""

import html
import re

from django.template.loader import render_to_string

from .models import LibraryImage
from .renditions import picture_or_none

BODY_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
_IMG = re.compile(r'<img\b[^>]*\bdata-file="(\d+)"[^>]*>')
_ALT = re.compile(r'\balt="([^"]*)"')


def expand_body_images(body_html: str) -> str:
    """``body_html`` (sanitised) with its library images as pictures; an
    image no longer in the library (or unreadable) is left as it was."""
    ids = {int(pk) for pk in _IMG.findall(body_html)}
    if not ids:
        return body_html
    images = LibraryImage.objects.in_bulk(ids)

    def replace(match: re.Match) -> str:
        image = images.get(int(match.group(1)))
        shown = picture_or_none(image) if image else None
        if shown is None:
            return match.group(0)
        alt = _ALT.search(match.group(0))
        return render_to_string(
            "includes/picture.html",
            {
                "picture": shown,
                # The words the editor gave this use of the photo, if any.
                "alt": html.unescape(alt.group(1)) if alt else "",
                "sizes": BODY_SIZES,
                "loading": "lazy",
            },
        )

    return _IMG.sub(replace, body_html)
