""" "Riêng tháng 9 giải ngân 1,4 tỷ, còn tháng 10 và 11 cộng lại 2,9 tỷ":
two months named together are a part of the year, the months up to the
later one less those before the first (sentences written for these
tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def quang_ngai(reference_data, make_figure):
    """Quảng Ngãi's 2025 spending after 8, 9 and 11 months."""
    here = area("Quảng Ngãi")
    return [
        make_figure(here, 2025, E, "9500000000", months=8),
        make_figure(here, 2025, E, "10900000000", months=9),
        make_figure(here, 2025, E, "13800000000", months=11),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("2,9", {MATCH}), ("2,9 triệu", {MISMATCH, UNSURE})]
)
def test_two_months_less_those_before(quang_ngai, printed, verdicts):
    amount = f"{printed} đồng" if "triệu" in printed else f"{printed} tỷ đồng"
    found = paragraph_verdicts(
        quang_ngai,
        "Năm 2025, hết tháng 8 Quảng Ngãi giải ngân 9,5 tỷ đồng, hết tháng 9 là "
        "10,9 tỷ đồng; riêng tháng 9 giải ngân 1,4 tỷ đồng, còn tháng 10 và 11 "
        f"cộng lại {amount}.",
    )
    assert found[amount] in verdicts
