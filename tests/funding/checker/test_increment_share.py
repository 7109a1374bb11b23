"""What one quarter added is a share of the whole year it was taken from,
of the same fund ("quý IV giải ngân 1,6 tỷ đồng, chiếm 25,4% cả năm"),
not of both funds together (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import KCDP, KCQG, E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def dien_bien(reference_data, make_figure):
    """Điện Biên 2024 KCĐP: 4,7 tỷ đồng in 9 months, 6,3 tỷ đồng in the year;
    with KCQG 2,5 tỷ đồng, 8,8 tỷ đồng in all."""
    province = area("Điện Biên")
    return [
        make_figure(province, 2024, E, "4700000000", KCDP, months=9),
        make_figure(province, 2024, E, "6300000000", KCDP),
        make_figure(province, 2024, E, "2500000000", KCQG),
        make_figure(province, 2024, E, "8800000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("25,4", {MATCH}), ("30,4", {MISMATCH, UNSURE})]
)
def test_a_quarter_is_a_share_of_its_own_year(dien_bien, printed, verdicts):
    found = paragraph_verdicts(
        dien_bien,
        "Năm 2024, kinh phí khuyến công địa phương của Điện Biên giải ngân 6,3 tỷ "
        f"đồng; riêng quý IV giải ngân 1,6 tỷ đồng, chiếm {printed}% cả năm.",
    )
    assert found["1,6 tỷ đồng"] == MATCH
    assert found[f"{printed}%"] in verdicts  # a wrong share is flagged


def test_a_year_is_still_a_share_of_both_funds(dien_bien):
    found = paragraph_verdicts(
        dien_bien,
        "Năm 2024, kinh phí khuyến công địa phương của Điện Biên giải ngân 6,3 tỷ "
        "đồng, chiếm 71,59% tổng kinh phí đã giải ngân.",
    )
    assert found["71,59%"] == MATCH
