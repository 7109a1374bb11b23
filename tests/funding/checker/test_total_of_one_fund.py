""" "Tổng kinh phí" in a text about one fund, when the data's only total of
all funds is another year's: the total of that fund, each reading a guess
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, NO_DATA, UNSURE
from funding.models import Area
from tests.funding.checker.checking import ALL, KCQG, E, P, check, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nation_kcqg(make_figure):
    """KCQG 2025: 150 tỷ planned, 52,4 tỷ spent in 6 months; all funds 2024:
    300 tỷ spent."""
    nation = Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(nation, 2025, P, "150000000000", KCQG),
        make_figure(nation, 2025, E, "52400000000", KCQG, months=6),
        make_figure(nation, 2024, E, "300000000000", ALL),
    ]


TEXT = (
    "Năm 2025, kinh phí khuyến công quốc gia được giao là 150 tỷ đồng. Tính đến "
    "hết ngày 30/6, tổng kinh phí đã giải ngân chỉ đạt {} tỷ đồng."
)


def test_the_total_of_the_one_fund(nation_kcqg):
    assert paragraph_verdicts(nation_kcqg, TEXT.format("52,4"))["52,4 tỷ đồng"] == MATCH


def test_a_number_of_neither_is_no_mismatch(nation_kcqg):
    """Each reading a guess: never a confident mismatch; asked about, the
    fund's six months is the likeliest."""
    (finding,) = [
        f
        for f in check(nation_kcqg, TEXT.format("12,5")).findings
        if f.quote.text == "12,5 tỷ đồng"
    ]
    assert finding.verdict in (NO_DATA, UNSURE)
    if finding.verdict == UNSURE:
        assert finding.readings[0].expected == "52,4 tỷ đồng"
