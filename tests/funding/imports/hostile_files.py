"""Small files that claim to be huge, built by hand (no office program
writes them): the hostile cases of the import limits. Each is a valid
archive of valid XML, so only the reader's limits stand between it and a
worker's memory."""

import io
import zipfile

HEADER = ["Tỉnh, thành phố", "Năm", "Kế hoạch (tỷ đồng)"]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def xlsx(sheet_rows: str, strings=None) -> bytes:
    """A minimal workbook: ``sheet_rows`` is the XML inside <sheetData>;
    ``strings`` the shared-string part, as text or a function writing it
    to a binary stream (for parts too large to hold)."""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        f"<sheetData>{sheet_rows}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        if callable(strings):
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                strings(part)
        else:
            archive.writestr(
                "xl/sharedStrings.xml", strings or f'<sst xmlns="{MAIN}" count="0"/>'
            )
    return out.getvalue()


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx_header_row() -> str:
    return (
        '<row r="1">'
        + "".join(_inline(f"{c}1", h) for c, h in zip("ABC", HEADER, strict=True))
        + "</row>"
    )


def xlsx_far_cell(letters: str, rows: int = 100) -> bytes:
    """Data rows each with a number in column ``letters`` (AAAAAA is column
    12,356,631; ZZZZZZZZ beyond any list a computer can hold)."""
    body = "".join(
        f'<row r="{n}">{_inline(f"A{n}", "Ninh Thuận")}<c r="B{n}"><v>2022</v></c>'
        f'<c r="{letters}{n}"><v>1</v></c></row>'
        for n in range(2, rows + 2)
    )
    return xlsx(xlsx_header_row() + body)


def xlsx_unused_shared_strings(total_bytes: int = 180_000_000) -> bytes:
    """A one-row sheet and a shared-string table of ``total_bytes`` of
    distinct Vietnamese strings no cell uses; it compresses well."""
    each = 1000
    filler = ("Kinh phí khuyến công địa phương " * 40)[: each - 40].encode()

    def write(part):
        part.write(f'<sst xmlns="{MAIN}">'.encode())
        for start in range(0, total_bytes // each, 1000):
            part.write(
                b"".join(
                    b"<si><t>%010d%s</t></si>" % (n, filler)
                    for n in range(start, start + 1000)
                )
            )
        part.write(b"</sst>")

    rows = xlsx_header_row() + (
        f'<row r="2">{_inline("A2", "Ninh Thuận")}<c r="B2"><v>2022</v></c>'
        '<c r="C2"><v>10</v></c></row>'
    )
    return xlsx(rows, write)


ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>'
)


def ods(rows: str) -> bytes:
    """A minimal OpenDocument spreadsheet with one sheet of ``rows``."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}>'
        f'<office:body><office:spreadsheet><table:table table:name="Số liệu">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def ods_text(text: str) -> str:
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def ods_number(value) -> str:
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def ods_header() -> str:
    return f"<table:table-row>{''.join(ods_text(h) for h in HEADER)}</table:table-row>"


def ods_repeated_rows(rows: int, times: int) -> bytes:
    """``rows`` data rows, each stored once with number-rows-repeated=``times``."""
    body = "".join(
        f'<table:table-row table:number-rows-repeated="{times}">'
        f"{ods_text('Ninh Thuận')}{ods_number(2000 + n % 50)}{ods_number(n)}"
        "</table:table-row>"
        for n in range(rows)
    )
    return ods(ods_header() + body)


def ods_with_empty_tail() -> bytes:
    """Two data rows and what LibreOffice writes after them: a run of a
    million empty rows, each a run of 16,384 empty cells."""
    rows = "".join(
        f"<table:table-row>{ods_text(area)}{ods_number(2022)}{ods_number(value)}"
        '<table:table-cell table:number-columns-repeated="16381"/></table:table-row>'
        for area, value in (("Ninh Thuận", 10), ("Đắk Nông", 5))
    )
    tail = (
        '<table:table-row table:number-rows-repeated="1048572">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    return ods(ods_header() + rows + tail)


def csv_one_long_line(size: int = 19_000_000) -> bytes:
    """A header, then one line of ``size`` bytes of two-letter cells."""
    return ";".join(HEADER).encode() + b"\n" + b"ab;" * (size // 3) + b"\n"


def xlsx_many_parts(count: int = 215_000) -> bytes:
    """A workbook followed by ``count`` empty parts (an office file has a
    few dozen): 18 MB of table of contents."""
    source = zipfile.ZipFile(io.BytesIO(xlsx(xlsx_header_row())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info.filename))
        for n in range(count):
            archive.writestr(f"{n:x}", b"")
    return out.getvalue()
