"""A percentage written in words ("96,4 phần trăm", as a chart's alt-text
reads it) is a percentage; "điểm phần trăm" stays points (lines written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    """Sơn La: 96,806% of its plan spent in 2023, 96,404% in 2024."""
    province = area("Sơn La")
    return [
        make_figure(province, 2023, P, "10000000000"),
        make_figure(province, 2023, E, "9680600000"),
        make_figure(province, 2024, P, "11500000000"),
        make_figure(province, 2024, E, "11086460000"),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("96,4", MATCH), ("97,4", MISMATCH)])
def test_a_rate_in_words(son_la, printed, verdict):
    found = paragraph_verdicts(
        son_la,
        f"Năm 2024 Sơn La giải ngân đạt {printed} phần trăm kế hoạch, giảm 0,4 "
        "điểm phần trăm so với năm 2023.",
    )
    assert found[f"{printed} phần trăm"] == verdict
    assert found["0,4 điểm phần trăm"] == MATCH
