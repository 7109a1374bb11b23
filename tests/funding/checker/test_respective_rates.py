"""Rates listed after "lần lượt" take the areas named in the same order
before it, even when the amounts printed just before them would make
another rate (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, UNSURE
from tests.funding.checker.checking import E, P, area, check, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(reference_data, make_figure):
    # Điện Biên 3,2 of 4 tỷ: 80%; Lai Châu 4,5 of 6 tỷ: 75%
    dien_bien, lai_chau = area("Điện Biên"), area("Lai Châu")
    return [
        make_figure(dien_bien, 2024, P, "4000000000"),
        make_figure(dien_bien, 2024, E, "3200000000"),
        make_figure(lai_chau, 2024, P, "6000000000"),
        make_figure(lai_chau, 2024, E, "4500000000"),
    ]


TEXT = (
    "Năm 2024, Điện Biên giải ngân 3,2 tỷ đồng, Lai Châu 4,5 tỷ đồng; tỷ lệ giải "
    "ngân của hai tỉnh lần lượt là {} và {}."
)


def test_rates_after_lan_luot_follow_the_areas_listed(two):
    found = read(two, TEXT.format("80%", "75%"))
    assert found[2:] == [("80%", MATCH), ("75%", MATCH)]


def test_a_wrong_rate_after_lan_luot_names_its_areas_rate(two):
    report = check(two, TEXT.format("80%", "57%"))
    wrong = report.findings[3]
    assert (wrong.quote.text, wrong.verdict) == ("57%", UNSURE)
    assert any(r.expected.startswith("75") for r in wrong.readings)
