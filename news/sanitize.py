"""Server-side HTML sanitising of article bodies.

The allowlist is derived from the editor's own extension list, so what the
editor can produce is exactly what survives; anything else (scripts, frames,
styles, event handlers, ``javascript:`` and ``data:`` URLs, images from other
hosts) is removed on every save, whatever the client sent.
"""

import posixpath
import re
from functools import cache
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

from .uploads import is_uploaded_image_name

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
    # The image dialog's "Chọn ảnh…" opens the image library's picker.
    "Figure": {"pickerUrl": reverse_lazy("admin:news_libraryimage_picker")},
    "Caption": True,
    "Image": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Percent-decoding rounds before an image address must be stable: an
# address encoded more often than this is no upload's.
DECODE_ROUNDS = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _same_site(address, media) -> bool:
    """Whether an absolute ``address`` points at this site's media: the media
    storage's own origin (S3), else one of the site's own host names."""
    if address.scheme not in ("http", "https") or address.username:
        return False
    if media.netloc:
        return address.netloc.lower() == media.netloc.lower()
    hosts = {h.lower() for h in settings.ALLOWED_HOSTS if h and h[0] not in "*."}
    return (address.hostname or "") in hosts


def media_image_src(value: str) -> str | None:
    """The normalised address of the uploaded article photo ``value`` points
    at, or None when it points at anything else.

    The address is read as a browser would, and resolved before it is
    judged: percent-decoded (until stable), backslashes as slashes, ``.``
    and ``..`` resolved. Only a path inside ``MEDIA_URL`` (and its origin,
    for media on S3) that names a generated upload (``news.uploads``)
    passes, with no query, fragment or control character: so no body can
    make every reader's browser request a page of this site or another.
    """
    address = value.strip()
    for _round in range(DECODE_ROUNDS):
        decoded = unquote(address)
        if decoded == address:
            break
        address = decoded
    else:
        return None
    if _CONTROL.search(address):
        return None
    parts = urlsplit(address.replace("\\", "/"))
    media = urlsplit(settings.MEDIA_URL)
    if parts.query or parts.fragment:
        return None
    if (parts.scheme or parts.netloc) and not _same_site(parts, media):
        return None
    prefix = media.path.rstrip("/") + "/"
    path = posixpath.normpath(parts.path or ".")
    if not path.startswith(prefix):
        return None
    name = path[len(prefix) :]
    if not is_uploaded_image_name(name):
        return None
    origin = f"{media.scheme}://{media.netloc}" if media.netloc else ""
    return origin + prefix + name


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    # Images in a body must be photos uploaded for articles: a foreign src
    # would let an article track its readers or break when the host goes,
    # and a local one outside the uploads would make every reader's browser
    # request that page.
    if element == "img" and attribute == "src":
        return media_image_src(value)
    if element == "img" and attribute == "data-file":
        # The library image the photo is (``news.images.body``).
        return value if value.isascii() and value.isdigit() else None
    return value


@cache
def _allowlist() -> dict:
    return allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS))


@cache
def _cleaner() -> nh3.Cleaner:
    allow = _allowlist()
    attributes = {tag: set(attrs) for tag, attrs in allow["attributes"].items()}
    # rel is set by the sanitiser itself; figure classes are editor
    # internals a reader never needs. data-file names the library image.
    attributes["a"] = (attributes.get("a", set()) - {"rel"}) | {"title"}
    attributes["img"] = {"src", "alt", "width", "height", "data-file"}
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


# What the sanitiser removes that changes what a reader would have seen,
# and why, for the editor (``removed_content``). Formatting (a style, a
# class, a <span> from a pasted document) goes without a word.
_CODE = _("bài viết không được chứa mã chạy trên máy người đọc")
_REMOVED_ELEMENTS = {
    **dict.fromkeys(["script", "noscript"], (_("mã lệnh"), _CODE)),
    **dict.fromkeys(
        ["iframe", "frame", "frameset", "object", "embed", "applet", "portal"],
        (
            _("khung nhúng"),
            _("bài viết không nhúng trang của nơi khác; hãy đặt liên kết tới trang đó"),
        ),
    ),
    **dict.fromkeys(
        ["video", "audio", "source", "track"],
        (
            _("video/âm thanh"),
            _("trình soạn thảo không hỗ trợ; hãy đặt liên kết tới tệp"),
        ),
    ),
    **dict.fromkeys(
        ["svg", "math", "canvas"],
        (
            _("hình vẽ nhúng"),
            _("hãy lưu thành ảnh rồi tải lên mục Ảnh trong bài"),
        ),
    ),
    **dict.fromkeys(
        ["form", "input", "button", "select", "textarea"],
        (_("biểu mẫu"), _("bài viết không được chứa biểu mẫu")),
    ),
}
_IMAGE_PASTED = _(
    "ảnh dán thẳng vào nội dung không được lưu; hãy tải ảnh lên mục Ảnh trong "
    "bài rồi chèn đường dẫn của ảnh"
)
_IMAGE_FOREIGN = _("ảnh phải được tải lên trang này (mục Ảnh trong bài)")
_IMAGE_NOT_UPLOADED = _(
    "đường dẫn không trỏ tới một ảnh đã tải lên (mục Ảnh trong bài)"
)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def _shown(value: str, limit: int = 80) -> str:
    value = _CONTROL.sub("", value.strip())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _image_reason(src: str) -> str:
    parts = urlsplit(unquote(src.strip()).replace("\\", "/"))
    if parts.scheme.lower() == "data":
        return _IMAGE_PASTED
    if (parts.scheme or parts.netloc) and not _same_site(
        parts, urlsplit(settings.MEDIA_URL)
    ):
        return _IMAGE_FOREIGN
    return _IMAGE_NOT_UPLOADED


class _RemovalFinder(HTMLParser):
    """Reads the submitted HTML as the sanitiser will judge it and notes
    what it will remove (see ``removed_content``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.allowed = set(_allowlist()["tags"])
        self.removed: dict[str, None] = {}

    def note(self, what: str, reason: str) -> None:
        self.removed[
            _("Đã bỏ %(what)s: %(reason)s.") % {"what": what, "reason": reason}
        ] = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        src = attributes.get("src") or ""
        if tag == "img" and src and media_image_src(src) is None:
            self.note(_("ảnh %(src)s") % {"src": _shown(src)}, _image_reason(src))
        if tag in _REMOVED_ELEMENTS and tag not in self.allowed:
            what, reason = _REMOVED_ELEMENTS[tag]
            self.note(f"{what} <{tag}>{' ' + _shown(src) if src else ''}", reason)
        for name, _value in attrs:
            if name.startswith("on"):
                self.note(_("thuộc tính %(name)s") % {"name": name}, _CODE)
        href = re.sub(r"[\x00-\x20]", "", attributes.get("href") or "").lower()
        scheme = _SCHEME.match(href)
        if tag == "a" and scheme and scheme.group(1) not in URL_SCHEMES:
            self.note(
                _("liên kết %(href)s") % {"href": _shown(attributes["href"], 40)},
                _("chỉ giữ liên kết http, https, mailto và tel"),
            )


def removed_content(html: str) -> list[str]:
    """What ``sanitize_html(html)`` removes that a reader would have seen or
    run (images, scripts, embeds, forms, event handlers, unsafe links), one
    Vietnamese sentence each, saying why: the article form shows them."""
    finder = _RemovalFinder()
    finder.feed(html or "")
    finder.close()
    return list(finder.removed)
