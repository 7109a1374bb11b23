"""The parts of an XLSX file around its cells: the workbook (sheet names,
the 1904 calendar), its relationships (where each sheet is) and the styles
(which cells are dates), each read by a streaming handler. The cells
themselves are ``funding.imports.readers.xlsx``.
"""

from __future__ import annotations

import posixpath

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles.numbers import (
    BUILTIN_FORMATS,
    is_date_format,
    is_timedelta_format,
)

from .base import ReadError

#: The openpyxl (major, minor) whose helpers and values the XLSX reader was
#: tested against (see ``funding.imports.readers``).
OPENPYXL_TESTED = (3, 1)
if tuple(int(part) for part in openpyxl.__version__.split(".")[:2]) != OPENPYXL_TESTED:
    raise ImportError(
        f"funding.imports.readers.xlsx was tested with openpyxl "
        f"{'.'.join(map(str, OPENPYXL_TESTED))}.x, not {openpyxl.__version__}: "
        "run tests/funding/imports and update OPENPYXL_TESTED."
    )

_MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_RELATION = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
#: More sheets, relationships or cell styles than any office file has.
_MAX_PARTS = 10_000
_MAX_STYLES = 100_000


def _broken() -> str:
    return _("Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).")


def _names(*local: str) -> dict[str, str]:
    """Tag names as the parser gives them ("namespace}local") → local name,
    for the transitional and the strict namespaces alike."""
    return {f"{ns}}}{name}": name for ns in _MAIN for name in local}


class _Handler:
    """A handler that reads nothing; subclasses pick the events they need."""

    def start(self, name, attrs):
        pass

    def end(self, name):
        pass

    def data(self, text):
        pass


class _Workbook(_Handler):
    tags = _names("sheet", "workbookPr", "workbookView")

    def __init__(self):
        self.sheets: list[tuple[str, str]] = []  # (name, relationship id)
        self.hidden: set[str] = set()  # sheets hidden or "very hidden"
        self.active = 0  # the sheet shown on opening, by position
        self.viewed = False  # Excel opens with the first workbookView
        self.date1904 = False

    def start(self, name, attrs):
        tag = self.tags.get(name)
        if tag == "sheet":
            if len(self.sheets) >= _MAX_PARTS:
                raise ReadError(_broken())
            rid = next(
                (attrs[f"{ns}}}id"] for ns in _RELATION if f"{ns}}}id" in attrs), ""
            )
            self.sheets.append((attrs.get("name", ""), rid))
            if attrs.get("state", "visible") != "visible":
                self.hidden.add(attrs.get("name", ""))
        elif tag == "workbookView" and not self.viewed:
            self.viewed = True
            self.active = _int(attrs.get("activeTab"))
        elif tag == "workbookPr":
            self.date1904 = attrs.get("date1904", "").lower() in ("1", "true")


class _Relationships(_Handler):
    def __init__(self):
        self.targets: dict[str, tuple[str, str]] = {}  # id → (type, part)

    def start(self, name, attrs):
        if name != f"{_PACKAGE}}}Relationship":
            return
        if len(self.targets) >= _MAX_PARTS:
            raise ReadError(_broken())
        target = attrs.get("Target", "")
        part = target[1:] if target.startswith("/") else f"xl/{target}"
        kind = attrs.get("Type", "").rsplit("/", 1)[-1]
        self.targets[attrs.get("Id", "")] = (kind, posixpath.normpath(part))


class _Styles(_Handler):
    """Which cell styles (by index, as text) show a date or a duration."""

    tags = _names("numFmt", "cellXfs", "xf")

    def __init__(self):
        self.custom: dict[int, str] = {}
        self.formats: list[int] = []
        self.in_cell_xfs = False

    def start(self, name, attrs):
        tag = self.tags.get(name)
        if tag == "numFmt" and len(self.custom) < _MAX_STYLES:
            self.custom[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            self.in_cell_xfs = True
        elif tag == "xf" and self.in_cell_xfs:
            if len(self.formats) >= _MAX_STYLES:
                raise ReadError(_broken())
            self.formats.append(_int(attrs.get("numFmtId")))

    def end(self, name):
        if self.tags.get(name) == "cellXfs":
            self.in_cell_xfs = False

    def kinds(self) -> tuple[set[str], set[str]]:
        dates, durations = set(), set()
        for index, number in enumerate(self.formats):
            code = self.custom.get(number) or BUILTIN_FORMATS.get(number)
            if is_date_format(code):
                dates.add(str(index))
            if is_timedelta_format(code):
                durations.add(str(index))
        return dates, durations


def _int(text) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1
