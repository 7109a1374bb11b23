"""A level named after a part of the year ("riêng tháng 10 giải ngân 1,1 tỷ
đồng (hết tháng 9: 9,9 tỷ đồng)"): the period its own words name, not the
part's difference; and a number printed where the words name a merged
province's sum of its old provinces, but equal to the merged one's figure
of another period, is flagged (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, area, area_before_merger, check

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_cai(make_figure):
    """The new Lào Cai spent 9,9 tỷ by the end of September 2025 and 11 tỷ
    by the end of October; by the end of June, before the merger, old Lào
    Cai had spent 3,2 tỷ and Yên Bái 1,5 tỷ (4,7 tỷ together)."""
    new = area("Lào Cai")
    return [
        make_figure(new, 2025, E, "9900000000", months=9),
        make_figure(new, 2025, E, "11000000000", months=10),
        make_figure(area_before_merger("Lào Cai"), 2025, E, "3200000000", months=6),
        make_figure(area_before_merger("Yên Bái"), 2025, E, "1500000000", months=6),
    ]


TEXT = (
    "Năm 2025, riêng tháng 10 tỉnh Lào Cai giải ngân 1,1 tỷ đồng "
    "(hết tháng {month}: {value} tỷ đồng)."
)


def _last(figures, text):
    return check(figures, text).findings[-1]


@pytest.mark.parametrize(("month", "value"), [("9", "9,9"), ("6", "4,7")])
def test_the_level_in_parentheses_is_of_its_own_period(lao_cai, month, value):
    finding = _last(lao_cai, TEXT.format(month=month, value=value))
    assert finding.verdict == MATCH


def test_the_level_of_another_period_is_flagged_with_its_source(lao_cai):
    finding = _last(lao_cai, TEXT.format(month="6", value="9,9"))
    old = {f.pk for f in lao_cai[2:]}
    read = [{f.pk for f in r.figures} for r in finding.readings]
    assert finding.verdict in (MISMATCH, UNSURE)
    assert old in read  # what the words name: the old provinces' June
    assert {lao_cai[0].pk} in read  # where 9,9 comes from: September's
