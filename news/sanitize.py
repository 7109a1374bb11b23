"""Server-side HTML sanitising of article bodies.

The allowlist is derived from the editor's own extension list, so what the
editor can produce is exactly what survives; anything else (scripts, frames,
styles, event handlers, ``javascript:`` and ``data:`` URLs, images from other
hosts) is removed on every save, whatever the client sent.
"""

from functools import cache

import nh3
from django.conf import settings
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

#: Extensions of the body editor, shared by the widget and the sanitiser.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "HardBreak": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Figure": True,
    "Caption": True,
    "Image": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    # Images in a body must be files uploaded to this site: a foreign src
    # would let an article track its readers or break when the host goes.
    if element == "img" and attribute == "src":
        return value if value.startswith(settings.MEDIA_URL) else None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    allow = allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS))
    attributes = {tag: set(attrs) for tag, attrs in allow["attributes"].items()}
    # rel is set by the sanitiser itself; data-file and figure classes are
    # editor internals a reader never needs.
    attributes["a"] = (attributes.get("a", set()) - {"rel"}) | {"title"}
    attributes["img"] = {"src", "alt", "width", "height"}
    attributes.pop("figure", None)
    return nh3.Cleaner(
        tags=set(allow["tags"]),
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_attribute_filter,
    )


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to the body editor's allowlist."""
    cleaned = _cleaner().clean(html or "")
    # The editor stores an empty document as "<p></p>"; keep "empty" empty.
    return "" if cleaned.strip() in ("", "<p></p>") else cleaned
