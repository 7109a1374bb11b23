"""A rate "đạt …% tổng kế hoạch" is what was spent of the plan (the old
provinces' plans added up, when the words say so), not a share of a total
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai spent 1,9 tỷ of national funds by November 2025; the
    old provinces' KCQG plans were 1,2 and 0,8 tỷ (2 tỷ together)."""
    return [
        make_figure(area("Lào Cai"), 2025, E, "1900000000", source=KCQG, months=11),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "1200000000", source=KCQG),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "800000000", source=KCQG),
    ]


@pytest.mark.parametrize(
    ("rate", "verdicts"), [("95%", {MATCH}), ("85%", {MISMATCH, UNSURE})]
)
def test_spent_of_the_old_plans_added_up(lao_cai, rate, verdicts):
    found = paragraph_verdicts(
        lao_cai,
        "Hết tháng 11/2025, tỉnh Lào Cai có nguồn quốc gia giải ngân 1,9 tỷ đồng, "
        f"đạt {rate} tổng kế hoạch quốc gia của hai tỉnh cũ (2 tỷ đồng).",
    )
    assert found["1,9 tỷ đồng"] == MATCH
    assert found[rate] in verdicts
