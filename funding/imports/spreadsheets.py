"""The spreadsheets the portal hands out: the import template and the
long-layout export (which imports back unchanged)."""

from ..core import exports
from ..core.models import Figure

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
    """One row per figure, in đồng (or the count), as ``funding.imports`` reads it."""
    for f in figures:
        yield [
            f.indicator.name,
            f.area.name,
            {"all": "Tất cả nguồn", "kcqg": "KCQG", "kcdp": "KCĐP"}[f.fund],
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


def template_workbook() -> bytes:
    """The wide import template: one example row, and a sheet explaining each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    headers = [
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
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
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
    help_sheet = book.create_sheet("Hướng dẫn")
    help_sheet.append(["Cột", "Cách ghi"])
    for row in [
        (
            "Tỉnh, thành phố",
            "Tên tỉnh/thành phố hoặc khu vực, có dấu hay không dấu (Ninh Thuận, ninh thuan, TP. Hồ Chí Minh). Theo địa giới của năm ghi ở cột Năm.",
        ),
        ("Năm", "Năm của số liệu, ví dụ 2022."),
        (
            "Kỳ",
            "Cả năm (hoặc để trống), “7 tháng” cho 7 tháng đầu năm, hoặc một ngày dd/mm/yyyy.",
        ),
        ("Nguồn kinh phí", "KCQG, KCĐP, hoặc để trống nếu là tổng các nguồn."),
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
            "Số theo đơn vị trong ngoặc ở tiêu đề (đồng, nghìn đồng, triệu đồng, tỷ đồng): 48,79 hoặc 48.790.000.000. Ô trống hoặc “-” là không có số liệu.",
        ),
        ("Ghi chú", "Tùy ý."),
    ]:
        help_sheet.append(list(row))
    help_sheet.column_dimensions["A"].width = 22
    help_sheet.column_dimensions["B"].width = 110
    for sheet_ in (sheet, help_sheet):
        for row in sheet_.iter_rows():
            for cell in row:
                cell.value = exports.neutralise(cell.value)
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
