"""The seed article's funding figures, stored as data with the article as source.

Amounts are as printed (tỷ đồng, rounded to the printed decimals); each
figure records that rounding so derived figures carry the right bounds.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from .models import Area, Figure, Indicator, ProgrammeContent, SourceDocument

REGION = "mien-trung-tay-nguyen"
NATION = "vn"
SOURCE_TITLE = (
    "Báo cáo của Cục Công Thương địa phương tại Hội nghị công tác khuyến công "
    "khu vực miền Trung - Tây Nguyên năm 2022"
)

ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP
PLAN, EXECUTED = Figure.Measure.PLAN, Figure.Measure.EXECUTED

# (indicator, area, source, year, months or None for the year, measure, printed, unit)
SEED_FIGURES = [
    ("kinh-phi-khuyen-cong", REGION, ALL, 2021, None, EXECUTED, "48.79", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, ALL, 2021, None, PLAN, "51.23", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCQG, 2021, None, EXECUTED, "11.07", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCQG, 2021, None, PLAN, "11.14", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCDP, 2021, None, EXECUTED, "37.73", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCDP, 2021, None, PLAN, "40.09", "tỷ"),
    ("kinh-phi-khuyen-cong", NATION, KCDP, 2021, None, EXECUTED, "158.79", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, ALL, 2022, None, PLAN, "72.8", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCQG, 2022, None, PLAN, "29.21", "tỷ"),
    ("kinh-phi-khuyen-cong", NATION, KCQG, 2022, None, PLAN, "140", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, ALL, 2022, 7, EXECUTED, "20.7", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCQG, 2022, 7, EXECUTED, "3.54", "tỷ"),
    ("kinh-phi-khuyen-cong", REGION, KCDP, 2022, 7, EXECUTED, "17.17", "tỷ"),
    ("doanh-thu-tu-van", REGION, ALL, 2021, None, EXECUTED, "12.61", "tỷ"),
    ("doanh-thu-tu-van", REGION, ALL, 2022, 7, EXECUTED, "4.78", "tỷ"),
    ("so-du-an-tu-van", REGION, ALL, 2022, 7, EXECUTED, "59", ""),
]

UNITS = {"tỷ": Decimal(1_000_000_000), "": Decimal(1)}


def _rounding(printed: str, unit: str) -> Decimal:
    """The step a printed number was rounded to, in the stored unit.

    "48.79" tỷ is known to 0,01 tỷ; a count is exact.
    """
    if not unit:
        return Decimal(0)
    exponent = Decimal(printed).as_tuple().exponent
    return Decimal(1).scaleb(exponent) * UNITS[unit]


@transaction.atomic
def load_seed_figures(*, article=None) -> int:
    """Store the seed article's figures if missing; return how many were created."""
    document, _ = SourceDocument.objects.get_or_create(
        title=SOURCE_TITLE,
        defaults={
            "issuer": "Cục Công Thương địa phương (Bộ Công Thương)",
            "issued_on": date(2022, 8, 18),
            "article": article,
            "note": "Số liệu theo bài viết về hội nghị; số tiền làm tròn như khi công bố.",
        },
    )
    areas = {a.code: a for a in Area.objects.filter(code__in=[REGION, NATION])}
    indicators = {i.code: i for i in Indicator.objects.all()}
    all_contents = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)
    created = 0
    for code, area, source, year, months, measure, printed, unit in SEED_FIGURES:
        kind = Figure.PeriodKind.MONTHS if months else Figure.PeriodKind.YEAR
        _, was_created = Figure.objects.get_or_create(
            indicator=indicators[code],
            area=areas[area],
            fund=source,
            content=all_contents,
            year=year,
            period_kind=kind,
            period_end=Figure.period_end_for(kind, year, months),
            measure=measure,
            defaults={
                "value": Decimal(printed) * UNITS[unit],
                "rounding": _rounding(printed, unit),
                "source": document,
            },
        )
        created += was_created
    return created
