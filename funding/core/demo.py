"""The seed article's funding figures, stored as data with the article as source.

Amounts are as printed (tỷ đồng, rounded to the printed decimals); each
figure records that rounding so derived figures carry the right bounds.
"""

import hashlib
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


# Synthetic figures for every province, 2020-2025, so the regions, the
# nation and the pages over time are not empty on ``make run``. NOT real
# figures: the source document says so in its title and note.
DEMO_TITLE = "DỮ LIỆU MINH HỌA (demo) – số liệu giả lập, không phải số liệu thật"
DEMO_NOTE = (
    "Số liệu giả lập để xem thử các trang (khu vực, cả nước, qua các năm); "
    "không phải số liệu báo cáo. Tạo bởi lệnh load_demo."
)
DEMO_YEARS = range(2020, 2026)
MILLION = Decimal(1_000_000)


def _synthetic(*parts) -> int:
    """A stable number in 0..999 from ``parts`` (no randomness between runs)."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return int(digest[:8], 16) % 1000


def demo_values(code: str, year: int) -> dict:
    """Plan and executed of KCQG and KCĐP for a province and year, whole
    millions of đồng: KCĐP plan 3-23 tỷ, KCQG 1-6 tỷ, executed 80-102%."""
    values = {}
    for fund, low, spread in ((KCDP, 3_000, 20_000), (KCQG, 1_000, 5_000)):
        plan = low + spread * _synthetic(code, year, fund) // 1000
        executed = (
            plan * (800 + 220 * _synthetic(code, year, fund, "x") // 1000) // 1000
        )
        values[fund, PLAN] = Decimal(plan) * MILLION
        values[fund, EXECUTED] = Decimal(executed) * MILLION
    return values


def _demo_values(area, year: int) -> dict:
    """A merged province's values are about the sum of those it replaced,
    so that 2025 compares with the years before."""
    predecessors = list(area.predecessors.all())
    if not predecessors:
        return demo_values(area.code, year)
    values = {}
    for predecessor in predecessors:
        for key, value in demo_values(predecessor.code, year).items():
            values[key] = values.get(key, Decimal(0)) + value
    return values


@transaction.atomic
def load_demo_figures(*, years=DEMO_YEARS) -> int:
    """Store the synthetic figures of every province existing in each year
    (the 63 before the 2025 merger, the 34 from 1/7/2025 for 2025), whole
    year plus the first 6 months' execution; return how many were created
    (none if they exist; a figure stored with the same dimensions is kept)."""
    document, created = SourceDocument.objects.get_or_create(
        title=DEMO_TITLE, defaults={"note": DEMO_NOTE, "issuer": "khuyencong (demo)"}
    )
    if not created and document.figures.exists():
        return 0
    figures = list(_demo_figures(document, years))
    # Never over a figure stored (the seed's, an import's).
    stored = set(
        Figure.objects.filter(year__in=list(years)).values_list(*Figure.key_columns())
    )
    missing = [figure for figure in figures if figure.key() not in stored]
    Figure.objects.bulk_create(missing, batch_size=1000)
    return len(missing)


def _demo_figures(document, years):
    """The demo figures, unsaved: for each year, every province existing on
    31/12 (plan and executed of KCQG and KCĐP: all sources is derived) and
    on 30/6 (the first 6 months' execution)."""
    common = {
        "indicator": Indicator.objects.get(code="kinh-phi-khuyen-cong"),
        "content": ProgrammeContent.objects.get(code=ProgrammeContent.ALL),
        "source": document,
        "note": "Số liệu giả lập (demo).",
    }
    provinces = list(
        Area.objects.filter(kind=Area.Kind.PROVINCE).prefetch_related("predecessors")
    )
    for year in years:
        year_end, half = date(year, 12, 31), date(year, 6, 30)
        for area in provinces:
            values = _demo_values(area, year)
            if area.existed_on(year_end):
                for (fund, measure), value in values.items():
                    yield Figure(
                        area=area,
                        fund=fund,
                        year=year,
                        period_kind=Figure.PeriodKind.YEAR,
                        period_end=year_end,
                        measure=measure,
                        value=value,
                        **common,
                    )
            if area.existed_on(half):
                for fund in (KCQG, KCDP):
                    yield Figure(
                        area=area,
                        fund=fund,
                        year=year,
                        period_kind=Figure.PeriodKind.MONTHS,
                        period_end=half,
                        measure=EXECUTED,
                        value=values[fund, EXECUTED] * 45 // 100,
                        **common,
                    )
