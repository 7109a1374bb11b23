"""An amount followed by "được giao" / "được duyệt" is the plan, even
when the clause is about spending ("giải ngân 3,2 tỷ đồng trên 3,4 tỷ đồng
được giao"); lines written for these tests."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING
from tests.funding.checker.checking import paragraph_verdicts

pytestmark = pytest.mark.django_db


def test_the_amount_assigned_is_the_plan(lai_chau):
    found = paragraph_verdicts(
        lai_chau,
        "Năm 2024, kinh phí khuyến công quốc gia của Lai Châu giải ngân "
        "3.213.000.000 đồng trên 3.400.000.000 đồng được giao, đạt 94,5%.",
    )
    # printed to the hundred million, the plan agrees "within rounding"
    assert found["3.400.000.000 đồng"] in (MATCH, ROUNDING)
    assert found["3.213.000.000 đồng"] == found["94,5%"] == MATCH


def test_a_wrong_assigned_amount_is_a_mismatch(lai_chau):
    found = paragraph_verdicts(
        lai_chau,
        "Năm 2024, kinh phí khuyến công quốc gia của Lai Châu giải ngân "
        "3.213.000.000 đồng trên 3.600.000.000 đồng được duyệt.",
    )
    assert found["3.600.000.000 đồng"] == MISMATCH


def test_who_was_assigned_to_spend_it_says_no_plan(lai_chau):
    found = paragraph_verdicts(
        lai_chau,
        "Năm 2024, Lai Châu giải ngân 3.213.000.000 đồng kinh phí khuyến công "
        "quốc gia được giao cho Trung tâm Khuyến công thực hiện.",
    )
    assert found["3.213.000.000 đồng"] == MATCH
