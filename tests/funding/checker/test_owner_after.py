"""The area right after a number with "ở" or "tại" ("23 cơ sở ở Cà Mau cũ
và 31 cơ sở ở Bạc Liêu") is whose the number is, like "của". Texts written
for these tests (2024: Kon Tum 30 đề án done, Gia Lai 25)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, area_before_merger, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_provinces(reference_data, make_figure):
    projects = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(area_before_merger("Kon Tum"), 2024, E, "30", indicator=projects),
        make_figure(area_before_merger("Gia Lai"), 2024, E, "25", indicator=projects),
    ]


@pytest.mark.parametrize("word", ["ở", "tại"])
def test_the_area_after_the_number_owns_it(two_provinces, word):
    text = (
        "Năm 2024, hai tỉnh Gia Lai và Kon Tum hoàn thành"
        f" 30 đề án {word} Kon Tum và 25 đề án {word} Gia Lai."
    )
    found = paragraph_verdicts(two_provinces, text)
    assert found["30 đề án"] == MATCH
    assert found["25 đề án"] == MATCH


def test_a_number_given_to_the_wrong_area_is_flagged(two_provinces):
    text = (
        "Năm 2024, hai tỉnh Gia Lai và Kon Tum hoàn thành"
        " 25 đề án ở Kon Tum và 30 đề án ở Gia Lai."
    )
    found = paragraph_verdicts(two_provinces, text)
    assert found["25 đề án"] in (MISMATCH, UNSURE)
    assert found["30 đề án"] in (MISMATCH, UNSURE)


@pytest.mark.parametrize(
    "after",
    ["tại hội chợ ở Gia Lai", "ở các xã giáp Gia Lai", "ở huyện Gia Lai"],
)
def test_a_place_that_is_no_province_right_after_is_no_owner(two_provinces, after):
    text = f"Năm 2024, Kon Tum hoàn thành 30 đề án {after}."
    assert paragraph_verdicts(two_provinces, text)["30 đề án"] == MATCH
