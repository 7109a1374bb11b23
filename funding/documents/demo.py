"""Demo documents for the library: synthetic (their numbers end in "-DEMO"
and every file says "tài liệu minh họa"), with small generated files: a
one-page PDF drawn with Pillow, and for some a DOCX or an XLSX."""

import io
import textwrap
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

from .models import DocumentFile, SourceDocument

Kind = SourceDocument.Kind
DEMO_NOTE = "Văn bản minh họa (demo), không phải văn bản thật. Tạo bởi lệnh load_demo."
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

#: (number, kind, title, issuer, signer, issued, days to effect, extra file)
DEMO_DOCUMENTS = [
    (
        "12/2026/NĐ-CP-DEMO",
        Kind.DECREE,
        "Nghị định về khuyến công (bản minh họa)",
        "Chính phủ (minh họa)",
        "Nguyễn Văn Minh Họa",
        date(2026, 3, 2),
        45,
        None,
    ),
    (
        "25/2026/TT-BCT-DEMO",
        Kind.CIRCULAR,
        "Thông tư hướng dẫn quản lý và sử dụng kinh phí khuyến công (minh họa)",
        "Bộ Công Thương (minh họa)",
        "Trần Thị Thử",
        date(2026, 5, 15),
        30,
        "xlsx",
    ),
    (
        "1520/QĐ-UBND-DEMO",
        Kind.DECISION,
        "Quyết định phê duyệt kế hoạch khuyến công địa phương năm 2026 (minh họa)",
        "Ủy ban nhân dân tỉnh Mẫu (minh họa)",
        "Lê Văn Mẫu",
        date(2025, 12, 20),
        0,
        "xlsx",
    ),
    (
        "86/KH-SCT-DEMO",
        Kind.PLAN,
        "Kế hoạch tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu "
        "cấp tỉnh năm 2026 (minh họa)",
        "Sở Công Thương tỉnh Mẫu (minh họa)",
        "Phạm Thị Ví Dụ",
        date(2026, 2, 10),
        0,
        "docx",
    ),
    (
        "1045/SCT-TTKC-DEMO",
        Kind.OFFICIAL_LETTER,
        "Công văn đề nghị đăng ký đề án khuyến công năm 2027 (minh họa)",
        "Sở Công Thương tỉnh Mẫu (minh họa)",
        "Phạm Thị Ví Dụ",
        date(2026, 7, 1),
        0,
        "docx",
    ),
    (
        "210/BC-TTKC-DEMO",
        Kind.REPORT,
        "Báo cáo kết quả thực hiện chương trình khuyến công 6 tháng đầu năm "
        "2026 (minh họa)",
        "Trung tâm Khuyến công tỉnh Mẫu (minh họa)",
        "Hoàng Văn Thí Điểm",
        date(2026, 7, 10),
        0,
        "xlsx",
    ),
    (
        "35/TB-TTKC-DEMO",
        Kind.NOTICE,
        "Thông báo mở lớp tập huấn nâng cao năng lực quản lý cho cơ sở công "
        "nghiệp nông thôn (minh họa)",
        "Trung tâm Khuyến công tỉnh Mẫu (minh họa)",
        "Hoàng Văn Thí Điểm",
        date(2026, 8, 5),
        0,
        None,
    ),
    (
        "08/NQ-HĐND-DEMO",
        Kind.RESOLUTION,
        "Nghị quyết quy định nội dung chi và mức chi khuyến công địa phương (minh họa)",
        "Hội đồng nhân dân tỉnh Mẫu (minh họa)",
        "Đỗ Văn Giả Định",
        date(2025, 7, 18),
        10,
        None,
    ),
]


def _font(size: int):
    if FONT_FILE.exists():
        return ImageFont.truetype(str(FONT_FILE), size)
    return ImageFont.load_default(size)


def demo_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF (at 72 dpi) showing ``lines``, drawn with Pillow."""
    page = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(page)
    draw.text((50, 40), "TÀI LIỆU MINH HỌA (DEMO)", font=_font(20), fill=90)
    y = 90
    for line in lines:
        for part in textwrap.wrap(line, 60):
            draw.text((50, y), part, font=_font(14), fill=0)
            y += 22
        y += 8
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=72)
    return buffer.getvalue()


def minimal_docx(text: str) -> bytes:
    """A one-paragraph Word document: the three parts a DOCX needs."""
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    office = "application/vnd.openxmlformats-officedocument"
    escaped = escape(text)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="rels"'
            ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override '
            f'PartName="/word/document.xml" ContentType="{office}.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{word}">'
            f"<w:body><w:p><w:r><w:t>{escaped}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def demo_xlsx(title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phu luc"
    sheet.append([f"{title} – số liệu minh họa (demo)"])
    sheet.append(["Nội dung", "Kinh phí (đồng)"])
    sheet.append(["Đào tạo nghề, truyền nghề", 450_000_000])
    sheet.append(["Hỗ trợ máy móc thiết bị", 1_200_000_000])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def load_demo_documents() -> list[SourceDocument]:
    """Create the demo documents that are missing (by number), published,
    each with its PDF and some with a DOCX or XLSX; return them all."""
    documents = []
    for number, kind, title, issuer, signer, issued, delay, extra in DEMO_DOCUMENTS:
        document = SourceDocument.objects.filter(number=number).first()
        if document is None:
            document = _create(number, kind, title, issuer, signer, issued, delay)
            if extra:
                _attach_extra(document, extra)
        documents.append(document)
    return documents


def _create(number, kind, title, issuer, signer, issued, delay) -> SourceDocument:
    document = SourceDocument.objects.create(
        number=number,
        kind=kind,
        title=title,
        issuer=issuer,
        signer=signer,
        issued_on=issued,
        effective_on=issued + timedelta(days=delay),
        is_published=True,
        published_at=timezone.now(),
        note=DEMO_NOTE,
    )
    lines = [f"Số: {number}", title, issuer, f"Người ký: {signer}", DEMO_NOTE]
    file = DocumentFile(document=document, label="Toàn văn (PDF)")
    file.file.save("toan-van.pdf", ContentFile(demo_pdf(lines)), save=True)
    return document


def _attach_extra(document: SourceDocument, extra: str) -> None:
    if extra == "docx":
        content, label = minimal_docx(f"{document} – {DEMO_NOTE}"), "Bản DOCX"
    else:
        content, label = demo_xlsx(document.title), "Phụ lục (XLSX)"
    file = DocumentFile(document=document, label=label, position=1)
    file.file.save(f"phu-luc.{extra}", ContentFile(content), save=True)
