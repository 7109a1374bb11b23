"""What was "bổ sung" on top of the old provinces' plans when the text
prints only their sum ("gồm tổng kế hoạch hai tỉnh cũ 11,4 tỷ đồng và 600
triệu đồng tỉnh bổ sung"): the new plan less that sum (sentences written
for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "Kế hoạch năm 2025 của tỉnh Lào Cai gồm tổng kế hoạch hai tỉnh cũ 11,4 tỷ "
    "đồng và {} tỉnh bổ sung sau hợp nhất."
)


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai plans 12 tỷ for 2025: old Lào Cai 6,5 tỷ, Yên Bái
    4,9 tỷ (11,4 tỷ together), 600 triệu added."""
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "6500000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "4900000000"),
    ]


@pytest.mark.parametrize(
    ("added", "verdicts"),
    [("600 triệu đồng", {MATCH}), ("600 tỷ đồng", {MISMATCH, UNSURE})],
)
def test_added_to_the_printed_sum(lao_cai, added, verdicts):
    found = paragraph_verdicts(lao_cai, TEXT.format(added))
    assert found["11,4 tỷ đồng"] == MATCH
    assert found[added] in verdicts
