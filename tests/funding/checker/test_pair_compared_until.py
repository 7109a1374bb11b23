"""The first number of "từ a lên b" when the words after the pair name the
months it is of ("tăng từ 31 lên 36 so với cuối tháng 8"): those months of
the year in force, not the months carried from before (sentences written
for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(make_figure):
    """Gia Lai's projects done in 2025: 31 after 8 months, 36 after 9."""
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    province = area("Gia Lai")
    return [
        make_figure(province, 2025, E, value, months=months, indicator=count)
        for value, months in (("31", 8), ("36", 9))
    ]


@pytest.mark.parametrize("until", ["hết tháng 8", "cuối tháng 8"])
@pytest.mark.parametrize(
    ("old", "verdicts"), [("31", {MATCH}), ("30", {MISMATCH, UNSURE})]
)
def test_the_old_number_of_the_months_named_after(projects, until, old, verdicts):
    found = paragraph_verdicts(
        projects,
        f"Hết tháng 9/2025, Gia Lai giải ngân đúng tiến độ. Số đề án hoàn thành "
        f"tăng từ {old} lên 36 so với {until}.",
    )
    assert found[old] in verdicts
