"""An amount pinned by the rate printed right after it: the rate is worked
from it, so where the amount agrees with another figure (the plan printed
for what was spent) and the rate gives what was spent, the amount is a
mismatch of it. Texts written for these tests (Kon Tum, 2024: KCQG 2,38 of
2,5 tỷ đồng spent, 95,2%; KCĐP 6,26 of 6,5 tỷ đồng, 96,31%)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import (
    check,
    kon_tum_and_gia_lai_2024,
    quoted_verdicts,
    read,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces(reference_data, make_figure):
    return kon_tum_and_gia_lai_2024(make_figure)


def test_an_amount_and_its_rate_that_agree_stay_matches(provinces):
    text = "Năm 2024, vốn quốc gia của Kon Tum 2,38 tỷ đồng, đạt 95,2% (kế hoạch 2,5 tỷ đồng)."
    assert read(provinces, text) == [
        ("2,38 tỷ đồng", MATCH),
        ("95,2%", MATCH),
        ("2,5 tỷ đồng", MATCH),
    ]


def test_the_plan_printed_before_the_rate_of_what_was_spent_is_a_mismatch(provinces):
    text = "Năm 2024, vốn quốc gia của Kon Tum 2,5 tỷ đồng, chỉ đạt 95,2% (kế hoạch 2,5 tỷ đồng)."
    report = check(provinces, text)
    assert quoted_verdicts(report) == [
        ("2,5 tỷ đồng", MISMATCH),
        ("95,2%", MATCH),
        ("2,5 tỷ đồng", MATCH),
    ]
    # read as what was spent (shown to the amount's printed precision)
    assert [f.value for f in report.findings[0].figures] == [2_380_000_000]


def test_a_rate_in_parentheses_pins_the_amount_before_it(provinces):
    text = "Năm 2024, vốn địa phương của Kon Tum đạt 6,5 tỷ đồng (96,31% kế hoạch)."
    report = check(provinces, text)
    assert quoted_verdicts(report) == [("6,5 tỷ đồng", MISMATCH), ("96,31%", MATCH)]
    assert [f.value for f in report.findings[0].figures] == [6_260_000_000]


def test_an_amount_named_the_plan_is_not_the_rates_numerator(provinces):
    text = "Năm 2024, vốn địa phương của Kon Tum được giao 6,5 tỷ đồng, đạt 96,31%."
    assert read(provinces, text)[0] == ("6,5 tỷ đồng", MATCH)


def test_a_rate_no_figure_gives_leaves_the_amount_alone(provinces):
    text = "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, đạt 77% số đơn vị."
    verdicts = read(provinces, text)
    assert verdicts[0] == ("8,64 tỷ đồng", MATCH)
    assert verdicts[1][1] != MATCH
