"""Uploads on the local disk: Django's storage, its addresses joined
without ``urljoin``.

An article's cover is shown as two ``srcset``s of its renditions, a
fallback and a large copy for link previews: a dozen ``url()`` calls a
page, each parsing ``MEDIA_URL`` and the name again in ``urljoin`` (~5 µs)
to append one to the other. For a plain base (a path or an http(s)
address ending in "/", no query) and a quoted name (``filepath_to_uri``
leaves no ":", "?" or "#") without "." or ".." segments, ``urljoin`` gives
the base followed by the name; anything else goes to Django's.
"""

from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage
from django.utils.encoding import filepath_to_uri


def _plain(base: str) -> bool:
    return (
        base.endswith("/")
        and base.startswith(("/", "http://", "https://"))
        and not base.startswith("//")
        and "//" not in base.split("://", 1)[-1]
        and not any(mark in base for mark in ("?", "#", ";", "/./", "/../"))
    )


class FileSystemStorage(DjangoFileSystemStorage):
    """Django's storage, ``url()`` as Django's without ``urljoin`` (see the
    module)."""

    def url(self, name):
        base = self.base_url
        if name is None or base is None or not _plain(base):
            return super().url(name)
        path = filepath_to_uri(name).lstrip("/")
        segments = path.split("/")
        # urljoin drops "." and ".." segments and collapses "//" (an empty one).
        if "." in segments or ".." in segments or "" in segments:
            return super().url(name)
        return base + path
