"""What a document's file really is, read from its content, never from its
name: a PDF starts with ``%PDF-``; a DOCX or XLSX is a ZIP package whose
``[Content_Types].xml`` declares a Word document or an Excel workbook as its
main part. A ZIP holding ``word/`` but no such declaration, or an
executable named ``.pdf``, is neither.

(``filetype`` and ``puremagic`` guess Office files from the first bytes of
the ZIP, which a plain ZIP with a ``word/`` folder passes: the package's own
declaration is the reliable part, and the standard library reads it.)"""

import zipfile
from pathlib import PurePath

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"


#: The main part's content type of each Office package.
OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ".main+xml": FileKind.DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ".main+xml": FileKind.XLSX,
}
CONTENT_TYPES = "[Content_Types].xml"
#: A [Content_Types].xml is a few kilobytes; a larger one is not read.
CONTENT_TYPES_MAX = 1024 * 1024
_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _ooxml_kind(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as package:
            info = package.getinfo(CONTENT_TYPES)
            if info.file_size > CONTENT_TYPES_MAX:
                return None
            root = ElementTree.fromstring(package.read(info))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return None
    except (DefusedXmlException, RuntimeError, NotImplementedError):
        # An XML bomb, an encrypted or oddly compressed member.
        return None
    for override in root.iter(f"{_NS}Override"):
        kind = OOXML_MAIN.get(override.get("ContentType", ""))
        if kind:
            return kind
    return None


def detect_kind(file) -> str | None:
    """``FileKind`` of ``file`` (an uploaded or stored file) by its content,
    or None when it is none of them."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        kind = FileKind.PDF
    elif head.startswith(b"PK\x03\x04"):
        kind = _ooxml_kind(file)
    else:
        kind = None
    file.seek(0)
    return kind


def validate_document_file(file) -> None:
    """Refuse a file over ``settings.MAX_DOCUMENT_UPLOAD_BYTES``, or whose
    content is not a PDF, DOCX or XLSX, or not what its name says."""
    name = PurePath(file.name).name
    limit = settings.MAX_DOCUMENT_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s); dung lượng tối đa là %(limit)s."),
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(file.size),
                "limit": filesizeformat(limit),
            },
        )
    kind = detect_kind(file)
    if kind is None:
        raise ValidationError(
            _(
                "Tệp “%(name)s” không phải PDF, DOCX hay XLSX (đã kiểm tra nội "
                "dung tệp, không chỉ phần đuôi). Hãy lưu lại tệp đúng định dạng."
            ),
            code="file_type",
            params={"name": name},
        )
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if suffix != kind:
        raise ValidationError(
            _(
                "Tệp “%(name)s” có đuôi .%(suffix)s nhưng nội dung là %(kind)s; "
                "hãy đặt đúng đuôi .%(kind_lower)s."
            ),
            code="file_suffix",
            params={
                "name": name,
                "suffix": suffix or "?",
                "kind": FileKind(kind).label,
                "kind_lower": kind,
            },
        )
