"""A rate printed right but under the other province's name, beside that
province's own rate in the same sentence ("riêng Điện Biên đạt 94,5% …, còn
Điện Biên đạt 86,33%" where 94,5% is Lai Châu's): a swap of names, flagged,
not set aside as a number the sentence already gives (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, figures_of, paragraph_verdicts

pytestmark = pytest.mark.django_db

TEXT = "Năm 2024, riêng {} đạt 94,5% kế hoạch, còn Điện Biên đạt 86,33%."


@pytest.mark.parametrize(
    ("first", "verdicts"), [("Lai Châu", {MATCH}), ("Điện Biên", {MISMATCH, UNSURE})]
)
def test_the_other_provinces_rate(dien_bien_2024, make_figure, first, verdicts):
    lai_chau = figures_of(
        make_figure, "Lai Châu", (2024, P, "3400000000"), (2024, E, "3213000000")
    )
    found = paragraph_verdicts(dien_bien_2024 + lai_chau, TEXT.format(first))
    assert found["94,5%"] in verdicts
    assert found["86,33%"] == MATCH
