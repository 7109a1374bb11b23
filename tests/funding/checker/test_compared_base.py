"""A change printed after the amount it is compared with ("So với năm 2022
(6 tỷ đồng), Điện Biên tăng 16,67%"): that amount is its base, and what
changed is the same figure in the year the text is about. Texts written
for these tests (Điện Biên spent 5 tỷ đồng in 2021, 6 in 2022, 7 in 2023,
7,252 in 2024)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from tests.funding.checker.checking import dien_bien_2021_2024, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    return dien_bien_2021_2024(make_figure)


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, Điện Biên giải ngân 7 tỷ đồng. So với năm 2022 (6 tỷ đồng),"
        " Điện Biên tăng 16,67%.",
        "So với năm 2022 (6 tỷ đồng), kinh phí khuyến công Điện Biên năm 2023"
        " tăng 16,67%.",
        "Năm 2022 Điện Biên dùng 6 tỷ đồng kinh phí khuyến công, như vậy năm 2023"
        " tăng 16,67%.",
        "Năm 2023, Điện Biên giải ngân 7 tỷ đồng. So với năm 2022 (6 tỷ đồng),"
        " số giải ngân nhiều hơn 1 tỷ đồng.",
    ],
)
def test_a_change_over_the_amount_compared_with(dien_bien, text):
    assert {verdict for _, verdict in read(dien_bien, text)} == {MATCH}


def test_a_change_the_wrong_way_is_flagged(dien_bien):
    text = (
        "Năm 2023, Điện Biên giải ngân 7 tỷ đồng. So với năm 2022 (6 tỷ đồng),"
        " Điện Biên giảm 16,67%."
    )
    assert read(dien_bien, text)[-1] in (("16,67%", MISMATCH), ("16,67%", UNSURE))


def test_another_measure_named_after_the_amount_is_not_its_change(dien_bien):
    # the plan of 2023 over what was spent in 2022 is 8 / 6: the 1,17 of
    # what was spent (7 / 6) is not what the words compare
    text = (
        "Năm 2023, Điện Biên giải ngân 7 tỷ đồng. So với số thực hiện năm 2022"
        " (6 tỷ đồng), kế hoạch năm 2023 gấp 1,17 lần."
    )
    assert read(dien_bien, text)[-1][1] != MATCH


def test_an_amount_compared_after_a_comparative_keeps_its_roles(dien_bien):
    # the base is named after "cao hơn": 7 − 6, not 6 − 7
    text = "Năm 2023 Điện Biên giải ngân 7 tỷ đồng, cao hơn năm 2022 là 1 tỷ đồng."
    assert read(dien_bien, text) == [("7 tỷ đồng", MATCH), ("1 tỷ đồng", MATCH)]


def test_another_area_compared_with_is_no_change_over_years(dien_bien):
    text = "So với Lai Châu (6 tỷ đồng), Điện Biên năm 2023 tăng 16,67%."
    assert read(dien_bien, text)[-1][1] in (NO_DATA, UNSURE, MATCH)
