"""Large files in a report layout for ``bench/import_scale.py`` (synthetic
figures, labelled so): a title, a "Đơn vị tính: triệu đồng" line, a
two-row header with fund column groups ("Khuyến công quốc gia |
Khuyến công địa phương | Tổng cộng", "Thực hiện" under each), one row per
province, year and period (Năm and Kỳ columns: a real report has one year,
but 100,000 rows need many), and a "Tổng cộng" row checked against all of
them. Two figures a row, as in the wide layout's benchmark.
"""

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from funding.models import Area

OUT = Path(__file__).resolve().parent / "results"
FUNDS = ["Khuyến công quốc gia", "Khuyến công địa phương", "Tổng cộng"]


def periods():
    """Whole years, first months, quarters II-IV and days inside a month
    (up to a day: "15/03/2024"), so that rows do not repeat a figure."""
    yield "Cả năm"
    for months in range(1, 12):
        yield f"{months} tháng"
    yield from ("Quý II", "Quý III", "Quý IV")
    for month in range(1, 13):
        for day in range(10, 21):
            yield f"{day:02d}/{month:02d}"


def report_rows(count):
    areas = list(
        Area.objects.filter(kind=Area.Kind.PROVINCE)
        .valid_in(2022)
        .values_list("short_name", flat=True)
    )
    n = 0
    for year in range(2000, 2025):
        for period in periods():
            text = (
                f"{period}/{year}" if period[0].isdigit() and "/" in period else period
            )
            for area in areas:
                if n == count:
                    return
                qg = Decimal((n % 997) + 1) + Decimal(n % 10) / 10
                dp = Decimal((n % 89) + 1) + Decimal(5) / 10
                yield [n + 1, area, year, text, qg, dp, qg + dp]
                n += 1


def write_report(count) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Biểu 01")
    sheet.append(["BÁO CÁO KINH PHÍ KHUYẾN CÔNG (DỮ LIỆU GIẢ LẬP cho benchmark)"])
    sheet.append([None, None, None, None, None, "Đơn vị tính: triệu đồng"])
    sheet.append(["STT", "Tỉnh, thành phố", "Năm", "Kỳ", *FUNDS])
    sheet.append([None, None, None, None, "Thực hiện", "Thực hiện", "Thực hiện"])
    totals = [Decimal(0)] * 3
    for row in report_rows(count):
        totals = [t + v for t, v in zip(totals, row[4:], strict=True)]
        sheet.append([*row[:4], *(float(v) for v in row[4:])])
    sheet.append([None, "Tổng cộng", None, None, *(float(t) for t in totals)])
    OUT.mkdir(exist_ok=True)
    path = OUT / f"import-report-{count}.xlsx"
    book.save(path)
    return path
