"""A change printed after the amount it is compared with ("So với năm 2022
(6 tỷ đồng), Điện Biên tăng 16,67%"): that amount is its base, and what
changed is the same figure in the year the text is about. Texts written
for these tests (Điện Biên spent 5 tỷ đồng in 2021, 6 in 2022, 7 in 2023,
7,252 in 2024)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import read

pytestmark = pytest.mark.django_db


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
def test_a_change_over_the_amount_compared_with(dien_bien_2021_to_2024, text):
    assert {verdict for _, verdict in read(dien_bien_2021_to_2024, text)} == {MATCH}


def test_a_change_the_wrong_way_is_flagged(dien_bien_2021_to_2024):
    text = (
        "Năm 2023, Điện Biên giải ngân 7 tỷ đồng. So với năm 2022 (6 tỷ đồng),"
        " Điện Biên giảm 16,67%."
    )
    assert read(dien_bien_2021_to_2024, text)[-1] in (
        ("16,67%", MISMATCH),
        ("16,67%", UNSURE),
    )


def test_another_measure_named_after_the_amount_is_not_its_change(
    dien_bien_2021_to_2024,
):
    # the plan of 2023 over what was spent in 2022 is 8 / 6: the 1,17 of
    # what was spent (7 / 6) is not what the words compare
    text = (
        "Năm 2023, Điện Biên giải ngân 7 tỷ đồng. So với số thực hiện năm 2022"
        " (6 tỷ đồng), kế hoạch năm 2023 gấp 1,17 lần."
    )
    assert read(dien_bien_2021_to_2024, text)[-1][1] != MATCH


def test_an_amount_compared_after_a_comparative_keeps_its_roles(dien_bien_2021_to_2024):
    # the base is named after "cao hơn": 7 − 6, not 6 − 7
    text = "Năm 2023 Điện Biên giải ngân 7 tỷ đồng, cao hơn năm 2022 là 1 tỷ đồng."
    assert read(dien_bien_2021_to_2024, text) == [
        ("7 tỷ đồng", MATCH),
        ("1 tỷ đồng", MATCH),
    ]


def test_an_amount_after_so_voi_in_another_clause_is_no_base(dien_bien_2021_to_2024):
    # no figure of 2020: the 20% is not 2022 over 2021
    text = "So với năm 2020, năm 2021 Điện Biên giải ngân 5 tỷ đồng, tăng 20%."
    assert read(dien_bien_2021_to_2024, text)[-1] != ("20%", MATCH)


def test_a_change_naming_its_base_after_it_keeps_it(dien_bien_2021_to_2024):
    # 7,252 / 7 − 1, not over the 6 tỷ of 2022 printed before it
    text = "Năm 2022 Điện Biên giải ngân 6 tỷ đồng; năm 2024 tăng 3,6% so với năm 2023."
    assert read(dien_bien_2021_to_2024, text)[-1] == ("3,6%", MATCH)
