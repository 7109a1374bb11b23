"""A count is printed exact: counts printed before it in the sentence
that happen to add up to one near it leave it no rounding slack ("16/16
đề án, nhiều hơn năm 2023 2 đề án, hỗ trợ 19 cơ sở" is no rounding of 18
cơ sở = 16 + 2). Texts written for these tests (Kon Tum 2024: 16 of 16
đề án, 18 cơ sở công nghiệp nông thôn supported; 14 đề án in 2023)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area_before_merger, paragraph_verdicts

pytestmark = pytest.mark.django_db

TEXT = (
    "Năm 2024, Kon Tum hoàn thành 16/16 đề án, nhiều hơn năm 2023 2 đề án, hỗ trợ"
    " {supported} cơ sở công nghiệp nông thôn."
)


@pytest.fixture
def kon_tum(reference_data, make_figure):
    province = area_before_merger("Kon Tum")
    projects = Indicator.objects.get(code="so-de-an")
    establishments = Indicator.objects.get(code="so-co-so-cnnt")
    return [
        make_figure(province, 2024, P, "16", indicator=projects),
        make_figure(province, 2024, E, "16", indicator=projects),
        make_figure(province, 2023, E, "14", indicator=projects),
        make_figure(province, 2024, E, "18", indicator=establishments),
    ]


def test_the_stored_count_matches(kon_tum):
    assert paragraph_verdicts(kon_tum, TEXT.format(supported=18))["18 cơ sở"] == MATCH


def test_a_count_off_by_one_is_no_rounding(kon_tum):
    found = paragraph_verdicts(kon_tum, TEXT.format(supported=19))
    assert found["19 cơ sở"] in (MISMATCH, UNSURE)
