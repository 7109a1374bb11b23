"""What was "bổ sung" on top of the old plans, with who added it named
between the amount and the verb ("500 triệu đồng tỉnh bổ sung", "… do
tỉnh mới bổ sung"): still the new plan less the old plans' sum (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.test_merged_plan import tuyen_quang  # noqa: F401

pytestmark = pytest.mark.django_db

from tests.funding.checker.checking import paragraph_verdicts  # noqa: E402

TEXT = (
    "Năm 2025, kế hoạch của tỉnh mới là 9,5 tỷ đồng, gồm kế hoạch đầu năm của "
    "Tuyên Quang cũ 5 tỷ đồng, của Hà Giang 4 tỷ đồng và {} {} bổ sung."
)


@pytest.mark.parametrize("who", ["tỉnh", "do tỉnh mới"])
@pytest.mark.parametrize(
    ("added", "verdicts"),
    [("500 triệu đồng", {MATCH}), ("500 tỷ đồng", {MISMATCH, UNSURE})],
)
def test_who_added_it_between(tuyen_quang, who, added, verdicts):  # noqa: F811
    found = paragraph_verdicts(tuyen_quang, TEXT.format(added, who))
    assert found[added] in verdicts
