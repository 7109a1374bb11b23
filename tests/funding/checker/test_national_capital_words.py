""" "Vốn quốc gia" names the national fund as "nguồn quốc gia" does: an
amount after it is the KCQG figure (or the total less the KCĐP one when
only those are stored), never the local one (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import KCDP, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la_plan(make_figure):
    """Sơn La plans 11,5 tỷ for 2025, 8,3 tỷ of it local (3,2 tỷ national)."""
    here = area("Sơn La")
    return [
        make_figure(here, 2025, P, "11500000000"),
        make_figure(here, 2025, P, "8300000000", KCDP),
    ]


def test_the_national_part_is_the_total_less_the_local(son_la_plan):
    found = paragraph_verdicts(
        son_la_plan,
        "Kế hoạch năm 2025 của Sơn La là 11,5 tỷ đồng, trong đó phần ngân sách "
        "địa phương 8,3 tỷ đồng, nên phần vốn quốc gia là 3,2 tỷ đồng.",
    )
    assert found == {"11,5 tỷ đồng": MATCH, "8,3 tỷ đồng": MATCH, "3,2 tỷ đồng": MATCH}


def test_the_local_amount_named_national_is_wrong(son_la_plan):
    found = paragraph_verdicts(
        son_la_plan,
        "Kế hoạch năm 2025 của Sơn La là 11,5 tỷ đồng, trong đó vốn quốc gia "
        "8,3 tỷ đồng.",
    )
    assert found["8,3 tỷ đồng"] == MISMATCH
