""" "do ngân sách tỉnh bố trí" says who pays for it, not that the amount
is the plan: the measure comes from the rest of the sentence (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH
from tests.funding.checker.checking import KCDP, E, P, check, figures_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def lai_chau(reference_data, make_figure):
    return figures_of(
        make_figure,
        "Lai Châu",
        (2024, P, "5000000000"),
        (2024, E, "4700000000"),
        source=KCDP,
    )


def test_funded_by_the_province_is_no_plan(lai_chau):
    text = (
        "Năm 2024, tỉnh Lai Châu đã thực hiện kinh phí khuyến công địa phương "
        "do ngân sách tỉnh bố trí là 4,7 tỷ đồng."
    )
    report = check(lai_chau, text)
    assert [(f.quote.text, f.verdict) for f in report.findings] == [
        ("4,7 tỷ đồng", MATCH)
    ]
    assert report.findings[0].figures == (lai_chau[1],)


def test_allocated_is_still_the_plan(lai_chau):
    text = "Năm 2024, tỉnh Lai Châu bố trí 5 tỷ đồng kinh phí khuyến công địa phương."
    report = check(lai_chau, text)
    assert report.findings[0].figures == (lai_chau[0],)
