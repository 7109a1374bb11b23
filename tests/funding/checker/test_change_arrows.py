"""An infographic's arrows are the direction of a change: "▼ 0,4 điểm
phần trăm" is a fall, "▲ 14,52%" a rise; read without them the change
would be the wrong way round (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(make_figure):
    """Sơn La: 96,806% of its plan spent in 2023, 96,404% in 2024."""
    province = area("Sơn La")
    return [
        make_figure(province, 2023, P, "10000000000"),
        make_figure(province, 2023, E, "9680600000"),
        make_figure(province, 2024, P, "11500000000"),
        make_figure(province, 2024, E, "11086460000"),
    ]


def test_arrows_give_the_direction_of_a_change(son_la):
    found = paragraph_verdicts(
        son_la,
        "Sơn La năm 2024: giải ngân đạt 96,4% kế hoạch, ▼ 0,4 điểm phần trăm "
        "so với năm 2023; kinh phí giải ngân 11,09 tỷ đồng, ▲ 14,52% so với "
        "năm 2023.",
    )
    assert found == {
        "96,4%": MATCH,
        "0,4 điểm phần trăm": MATCH,
        "11,09 tỷ đồng": MATCH,
        "14,52%": MATCH,
    }


def test_an_arrow_the_wrong_way_is_a_mismatch(son_la):
    found = paragraph_verdicts(
        son_la,
        "Sơn La năm 2024: kinh phí giải ngân 11,09 tỷ đồng, ▼ 14,52% so với năm 2023.",
    )
    assert found["14,52%"] == MISMATCH
