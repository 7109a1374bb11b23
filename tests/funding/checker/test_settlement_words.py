"""A settlement report's words: "quyết toán" (and "số đề nghị quyết
toán", the settlement put up) is what was spent, against the "dự toán";
"tỷ lệ so với dự toán" is the rate of what was spent (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import paragraph_verdicts

pytestmark = pytest.mark.django_db


def test_the_settlement_put_up_is_what_was_spent(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Năm 2024, tổng số kinh phí khuyến công đề nghị quyết toán của Điện "
        "Biên đạt 86,33% dự toán được giao.",
    )
    assert found["86,33%"] == MATCH


def test_the_settled_amount_is_what_was_spent(dien_bien_2024):
    found = paragraph_verdicts(
        dien_bien_2024,
        "Năm 2024, Điện Biên được giao 8,4 tỷ đồng kinh phí khuyến công, "
        "quyết toán 7,252 tỷ đồng.",
    )
    assert found == {"8,4 tỷ đồng": MATCH, "7,252 tỷ đồng": MATCH}


@pytest.mark.parametrize("rate, verdict", [("86,33%", MATCH), ("88,33%", MISMATCH)])
def test_a_rate_against_the_estimate_is_of_what_was_spent(
    dien_bien_2024, rate, verdict
):
    found = paragraph_verdicts(
        dien_bien_2024,
        f"Năm 2024, tỷ lệ so với dự toán của Điện Biên chỉ đạt {rate}.",
    )
    assert found[rate] == verdict
