"""The spreadsheets the portal hands out: the import templates, one per
common layout (``TEMPLATES``), the long-layout export (which imports back
unchanged) and the export in the report layout provinces send (funds as
column groups, the unit in "Đơn vị tính", a totals row with formulas).

Workbooks are written with openpyxl; every text cell is neutralised
(``funding.core.exports.neutralise``) and only the totals rows hold
formulas, of our own making.
"""

from openpyxl import Workbook

from ..core import exports
from ..core.models import Figure, ProgrammeContent
from .reading import GUIDE_SHEET
from .report_layout import (
    BOLD,
    REPORT_MEASURES,
    heading,
    save_workbook,
    totals_row,
    write_fund_columns,
)

LONG_HEADERS = [
    "Chỉ tiêu",
    "Địa bàn",
    "Nguồn kinh phí",
    "Nội dung",
    "Năm",
    "Kỳ",
    "Loại số liệu",
    "Giá trị",
    "Đơn vị",
    "Làm tròn",
    "Ghi chú",
]


def period_text(figure: Figure) -> str:
    if figure.period_kind == Figure.PeriodKind.YEAR:
        return "Cả năm"
    if figure.period_kind == Figure.PeriodKind.MONTHS:
        return f"{figure.period_end.month} tháng"
    return figure.period_end.strftime("%d/%m/%Y")


def long_rows(figures):
    """One row per figure, in đồng (or the count), as ``funding.imports`` reads it.

    The area and the fund are named as on the pages and in the open-data
    CSV (``Area.short_name``, the ``Figure.Fund`` label): the import reads
    them back (the year tells a merged province's names apart)."""
    for f in figures:
        yield [
            f.indicator.name,
            f.area.short_name,
            f.get_fund_display(),
            f.content.name,
            f.year,
            period_text(f),
            f.get_measure_display(),
            f.value,
            "đồng" if f.indicator.unit == "vnd" else "",
            f.rounding,
            f.note,
        ]


def long_layout_csv(figures, *, title: str, filename: str):
    """``figures`` as a CSV download in the long layout (it imports back
    unchanged): a data block's "Tải dữ liệu"."""
    data = exports.dataset(LONG_HEADERS, long_rows(figures), title)
    return exports.download(data, filename, "csv")


def _template_fund_columns(sheet) -> None:
    measures = REPORT_MEASURES[:2]
    write_fund_columns(
        sheet,
        title="BÁO CÁO KẾT QUẢ THỰC HIỆN KINH PHÍ KHUYẾN CÔNG NĂM 2024",
        unit="triệu đồng",
        measures=measures,
        rows=[
            (
                "Ninh Thuận",
                {
                    ("kcqg", "plan"): 1200,
                    ("kcqg", "executed"): 1150,
                    ("kcdp", "plan"): 800,
                    ("kcdp", "executed"): 790,
                    ("all", "plan"): 2000,
                    ("all", "executed"): 1940,
                },
            ),
            (
                "Bình Thuận",
                {
                    ("kcqg", "plan"): 900,
                    ("kcqg", "executed"): 900,
                    ("kcdp", "plan"): 650,
                    ("kcdp", "executed"): 600,
                    ("all", "plan"): 1550,
                    ("all", "executed"): 1500,
                },
            ),
        ],
    )
    sheet.append([])
    sheet.append(["Ghi chú: ví dụ, thay bằng số liệu của đơn vị."])


def _template_fund_sections(sheet) -> None:
    heading(sheet, "BÁO CÁO KINH PHÍ KHUYẾN CÔNG NĂM 2024", "triệu đồng")
    sheet.append(["STT", "Tỉnh, thành phố", "Kế hoạch", "Thực hiện", "Ghi chú"])
    first = sheet.max_row + 1
    for roman, fund, rows in (
        (
            "I",
            "Khuyến công quốc gia",
            [("Ninh Thuận", 1200, 1150), ("Bình Thuận", 900, 900)],
        ),
        (
            "II",
            "Khuyến công địa phương",
            [("Ninh Thuận", 800, 790), ("Bình Thuận", 650, 600)],
        ),
    ):
        sheet.append([roman, fund])
        sheet[sheet.max_row][1].font = BOLD
        for number, (area, plan, done) in enumerate(rows, start=1):
            sheet.append([number, area, plan, done, ""])
    totals_row(sheet, 2, first, sheet.max_row, [3, 4])


def _template_content_rows(sheet) -> None:
    heading(
        sheet,
        "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG TỈNH NINH THUẬN NĂM 2024",
        "triệu đồng",
    )
    sheet.append(["STT", "Nội dung", "Kế hoạch", "Thực hiện"])
    contents = list(
        ProgrammeContent.objects.exclude(code=ProgrammeContent.ALL).values_list(
            "name", flat=True
        )[:3]
    ) or ["Hỗ trợ xây dựng mô hình trình diễn kỹ thuật"]
    first = sheet.max_row + 1
    for roman, fund in (
        ("I", "Khuyến công quốc gia"),
        ("II", "Khuyến công địa phương"),
    ):
        sheet.append([roman, fund])
        sheet[sheet.max_row][1].font = BOLD
        for number, name in enumerate(contents, start=1):
            sheet.append([number, name, 300 * number, 280 * number])
    totals_row(sheet, 2, first, sheet.max_row, [3, 4])
    sheet.column_dimensions["B"].width = 60


def _template_wide(sheet) -> None:
    sheet.append(WIDE_HEADERS)
    for cell in sheet[1]:
        cell.font = BOLD
    sheet.append(
        [
            "Ninh Thuận",
            2022,
            "Cả năm",
            "KCĐP",
            "",
            "Kinh phí khuyến công",
            "12,61",
            "11,07",
            "ví dụ, xóa dòng này",
        ]
    )
    for column, width in zip(
        "ABCDEFGHI", (22, 8, 14, 16, 30, 26, 20, 20, 24), strict=True
    ):
        sheet.column_dimensions[column].width = width


def _template_long(sheet) -> None:
    sheet.append(LONG_HEADERS)
    for cell in sheet[1]:
        cell.font = BOLD
    sheet.append(
        [
            "Kinh phí khuyến công",
            "Ninh Thuận",
            "KCĐP",
            "Tất cả nội dung",
            2022,
            "Cả năm",
            "Kế hoạch",
            12_610_000_000,
            "đồng",
            "",
            "ví dụ, xóa dòng này",
        ]
    )


WIDE_HEADERS = [
    "Tỉnh, thành phố",
    "Năm",
    "Kỳ",
    "Nguồn kinh phí",
    "Nội dung",
    "Chỉ tiêu",
    "Kế hoạch (tỷ đồng)",
    "Thực hiện (tỷ đồng)",
    "Ghi chú",
]
#: The templates offered (Tải mẫu): key → (what it is, how it is written).
TEMPLATES = {
    "rong": ("Bảng rộng: mỗi dòng một địa bàn và nguồn", _template_wide),
    "nhom-cot": (
        "Báo cáo: nguồn theo nhóm cột (KCQG | KCĐP | Tổng cộng)",
        _template_fund_columns,
    ),
    "muc-nguon": (
        "Báo cáo: nguồn theo mục (I. Khuyến công quốc gia …)",
        _template_fund_sections,
    ),
    "noi-dung": ("Báo cáo: nội dung chương trình theo dòng", _template_content_rows),
    "dai": ("Bảng dài: mỗi dòng một số liệu (như tệp xuất)", _template_long),
}
GUIDE = [
    (
        "Tỉnh, thành phố",
        "Tên tỉnh/thành phố hoặc khu vực, có dấu hay không dấu (Ninh Thuận, ninh thuan, TP. Hồ Chí Minh). Theo địa giới của năm số liệu.",
    ),
    (
        "Năm, Kỳ",
        "Năm ở cột Năm hoặc trong tiêu đề (“… năm 2024”); kỳ: Cả năm (hoặc để trống), “7 tháng”, “Quý I”, hoặc một ngày dd/mm/yyyy.",
    ),
    (
        "Nguồn kinh phí",
        "KCQG, KCĐP, hoặc để trống nếu là tổng các nguồn; trong mẫu báo cáo: nhóm cột hoặc mục “I. Khuyến công quốc gia”.",
    ),
    (
        "Nội dung",
        "Một trong các nội dung của chương trình khuyến công, hoặc để trống (tất cả nội dung).",
    ),
    (
        "Chỉ tiêu",
        "Để trống là “Kinh phí khuyến công”; hoặc “Doanh thu tư vấn phát triển công nghiệp”, “Số dự án tư vấn phát triển công nghiệp”.",
    ),
    (
        "Kế hoạch / Thực hiện",
        "Số theo đơn vị ở dòng “Đơn vị tính: …” hoặc trong ngoặc ở tiêu đề (đồng, nghìn đồng, triệu đồng, tỷ đồng): 48,79 hoặc 48.790.000.000. Ô trống hoặc “-” là không có số liệu.",
    ),
    (
        "Tổng cộng",
        "Dòng tổng được kiểm tra với tổng các dòng trên, không nhập thành số liệu.",
    ),
    ("Ghi chú", "Tùy ý."),
]


def template_workbook(layout: str = "rong") -> bytes:
    """The import template in ``layout`` (a key of ``TEMPLATES``), with a
    sheet explaining each column."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    TEMPLATES[layout][1](sheet)
    guide = book.create_sheet(GUIDE_SHEET)
    guide.append(["Cột", "Cách ghi"])
    for row in GUIDE:
        guide.append(list(row))
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 110
    return save_workbook(book)
