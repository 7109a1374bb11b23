"""A bulletin's short items (lines written for these tests): a pair with
a unit on each number and spaces round the slash is one executed/plan
pair; "riêng <fund> tháng N" is that month alone; a line that is one
parenthesis ("(số liệu đến hết 30/9/2025)") sets the period in force; a
cumulative ("lũy kế") change compared with an earlier month named before
it."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import KCQG, E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def bac_ninh(reference_data, make_figure):
    """Bắc Ninh 2025, KCQG: 2,60 of 3,20 tỷ planned spent by September,
    2,25 tỷ by August; all funds 8,4 tỷ by September, 7,5 tỷ by August."""
    province = area("Bắc Ninh")
    return [
        make_figure(province, 2025, P, "3200000000", KCQG),
        make_figure(province, 2025, E, "2600000000", KCQG, months=9),
        make_figure(province, 2025, E, "2250000000", KCQG, months=8),
        make_figure(province, 2025, E, "8400000000", months=9),
        make_figure(province, 2025, E, "7500000000", months=8),
    ]


HEAD = "Bản tin khuyến công Bắc Ninh\n(số liệu đến hết 30/9/2025)\n"


@pytest.mark.parametrize(("rate", "verdict"), [("81,25%", MATCH), ("83,25%", MISMATCH)])
def test_a_spaced_pair_with_two_units_is_read_before_its_rate(bac_ninh, rate, verdict):
    found = dict(
        read(bac_ninh, f"{HEAD}• KCQG 9 tháng: 2,60 tỷ / 3,20 tỷ đồng, đạt {rate}")
    )
    assert found == {"2,60 tỷ": MATCH, "3,20 tỷ đồng": MATCH, rate: verdict}


@pytest.mark.parametrize(
    ("month", "verdicts"), [("350 triệu", {MATCH}), ("350 tỷ", {MISMATCH, UNSURE})]
)
def test_a_month_alone_after_a_fund(bac_ninh, month, verdicts):
    text = f"{HEAD}• KCQG 9 tháng: 2,60 tỷ đồng; riêng KCQG tháng 9: {month} đồng"
    assert dict(read(bac_ninh, text))[f"{month} đồng"] in verdicts


@pytest.mark.parametrize(
    ("share", "verdict"), [("30,95%", MATCH), ("35,95%", MISMATCH)]
)
def test_a_line_in_parentheses_sets_the_year(bac_ninh, share, verdict):
    text = f"{HEAD}• Toàn tỉnh 9 tháng giải ngân 8,4 tỷ đồng\n• KCQG chiếm {share} số đã giải ngân"
    assert dict(read(bac_ninh, text))[share] == verdict


@pytest.mark.parametrize(("word", "verdict"), [("tăng", MATCH), ("giảm", MISMATCH)])
def test_a_cumulative_change_over_a_month_named_before(bac_ninh, word, verdict):
    text = (
        f"{HEAD}• Toàn tỉnh 9 tháng giải ngân 8,4 tỷ đồng\n"
        f"• So với hết tháng 8, lũy kế {word} 12%"
    )
    assert dict(read(bac_ninh, text))["12%"] == verdict
