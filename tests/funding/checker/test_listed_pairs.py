"""Count pairs listed before the one that prints their noun ("30/32
(2024) và 28/30 đề án (2023)"), and "tỉnh mới" before a verb ("tỉnh mới
giải ngân": only just, not the merged province). Texts written for these
tests."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area_before_merger, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """Kon Tum: 28 of 30 đề án in 2023, 30 of 32 in 2024; 6,12 tỷ spent
    in the first nine months of 2024."""
    province = area_before_merger("Kon Tum")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2023, P, "30", indicator=count),
        make_figure(province, 2023, E, "28", indicator=count),
        make_figure(province, 2024, P, "32", indicator=count),
        make_figure(province, 2024, E, "30", indicator=count),
        make_figure(province, 2024, E, "6120000000", months=9),
    ]


LISTED = (
    "Số đề án Kon Tum hoàn thành so với kế hoạch lần lượt là {first} (2023) và "
    "30/32 đề án (2024)."
)


def test_pairs_listed_before_their_noun_are_counts(kon_tum):
    found = paragraph_verdicts(kon_tum, LISTED.format(first="28/30"))
    assert found == {"28": MATCH, "30": MATCH, "32 đề án": MATCH}


def test_a_wrong_number_in_a_listed_pair_is_flagged(kon_tum):
    found = paragraph_verdicts(kon_tum, LISTED.format(first="27/30"))
    assert found["27"] in (MISMATCH, UNSURE)


def test_a_pair_of_dates_is_no_listed_pair(kon_tum):
    found = paragraph_verdicts(
        kon_tum,
        "Hội nghị ngày 12/10 và 14/10, Kon Tum năm 2024 hoàn thành 30/32 đề án.",
    )
    assert found == {"30": MATCH, "32 đề án": MATCH}


def test_the_province_that_only_just_spent_is_the_one_named(kon_tum):
    found = paragraph_verdicts(
        kon_tum, "Kon Tum: tính đến hết tháng 9/2024, tỉnh mới giải ngân 6,12 tỷ đồng."
    )
    assert found == {"6,12 tỷ đồng": MATCH}
