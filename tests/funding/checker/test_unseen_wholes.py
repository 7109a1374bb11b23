"""More rules of report text the checker follows on text it has not seen:
parts of a whole named just before, a percentage after an amount and its
counted noun, and "tổng kinh phí" of one fund (sentences written for these
tests, not taken from the corpus)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE, Checker
from funding.models import Area, Figure, Indicator

pytestmark = pytest.mark.django_db

E, P = Figure.Measure.EXECUTED, Figure.Measure.PLAN
ALL, KCQG, KCDP = Figure.Fund.ALL, Figure.Fund.KCQG, Figure.Fund.KCDP


def area(name):
    return Area.objects.filter(short_name=name).get(valid_to=None)


def read(figures, text):
    report = Checker(figures).check_parts([("body", text)])
    return [(f.quote.text, f.verdict) for f in report.findings]


@pytest.fixture
def hill(reference_data, make_figure):
    """Tuyên Quang's and the nation's KCQG plans (no all-funds total)."""
    tuyen_quang, nation = area("Tuyên Quang"), Area.objects.get(kind=Area.Kind.NATION)
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(tuyen_quang, 2026, P, "31", source=KCDP, indicator=count),
        make_figure(tuyen_quang, 2026, E, "30", source=KCDP, indicator=count),
        make_figure(tuyen_quang, 2026, P, "5600000000", source=KCQG),
        make_figure(tuyen_quang, 2025, P, "5000000000", source=KCQG),
        make_figure(tuyen_quang, 2026, P, "14", source=KCQG, indicator=count),
        make_figure(nation, 2026, P, "160000000000", source=KCQG),
        make_figure(nation, 2026, P, "210", source=KCQG, indicator=count),
    ]


def test_a_part_named_after_trong_do_is_not_the_whole(hill):
    text = (
        "Năm 2026, Tuyên Quang triển khai 30/31 đề án khuyến công địa phương, "
        "trong đó 21 đề án đã hoàn thành."
    )
    assert read(hill, text)[-1] == ("21 đề án", NO_DATA)
    whole = read(hill, text.replace("30/31", "29/31"))
    assert whole[0][1] in (MISMATCH, UNSURE)


def test_a_percentage_after_an_amount_and_its_projects(hill):
    # 5,6 / 160 = 3,5% of the money; 14 / 210 = 6,67% of the projects
    text = (
        "Năm 2026, tỉnh Tuyên Quang được giao 5,6 tỷ đồng kinh phí khuyến công "
        "quốc gia cho 14 đề án, chiếm {} so với cả nước, tăng {}."
    )
    assert read(hill, text.format("3,5%", "12%"))[2:] == [
        ("3,5%", MATCH),
        ("12%", MATCH),
    ]
    assert read(hill, text.format("6,67%", "12%"))[2] == ("6,67%", MATCH)
    # neither the money's nor the projects' share: which one is wrong is unsure
    assert read(hill, text.format("4,1%", "12%"))[2] == ("4,1%", UNSURE)


def test_the_total_of_one_fund_when_no_all_funds_total_is_stored(hill):
    text = (
        "Kế hoạch kinh phí khuyến công quốc gia năm 2026 được giao với tổng "
        "kinh phí {}, trong đó tỉnh Tuyên Quang 5,6 tỷ đồng, chiếm {} tổng kinh phí."
    )
    assert read(hill, text.format("160 tỷ đồng", "3,5%")) == [
        ("160 tỷ đồng", MATCH),
        ("5,6 tỷ đồng", MATCH),
        ("3,5%", MATCH),
    ]
    wrong = read(hill, text.format("16 tỷ đồng", "3,9%"))
    assert wrong[0][1] in (MISMATCH, UNSURE)
    assert wrong[2][1] in (MISMATCH, UNSURE)
