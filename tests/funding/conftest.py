from decimal import Decimal

import pytest

from funding.models import Area, Figure, Indicator, ProgrammeContent, SourceDocument


@pytest.fixture
def document(db):
    return SourceDocument.objects.create(title="Báo cáo thử", number="12/BC-KC")


@pytest.fixture
def make_figure(db, document):
    money = Indicator.objects.get(code="kinh-phi-khuyen-cong")
    all_contents = ProgrammeContent.objects.get(code=ProgrammeContent.ALL)

    def make(area, year, measure, value, source=Figure.Fund.ALL, months=None, **extra):
        kind = Figure.PeriodKind.MONTHS if months else Figure.PeriodKind.YEAR
        fields = {
            "indicator": money,
            "area": area if isinstance(area, Area) else Area.objects.get(code=area),
            "fund": source,
            "content": all_contents,
            "year": year,
            "period_kind": kind,
            "period_end": Figure.period_end_for(kind, year, months),
            "measure": measure,
            "value": Decimal(value),
            "source": document,
        }
        fields.update(extra)
        return Figure.objects.create(**fields)

    return make
