"""A change in points is never a rate less itself: when the year compared
with is the one in force ("Năm 2023 … So với năm 2023, tỷ lệ cao hơn …")
there is no reading of the points, not a mismatch with 0 (sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    province = area("Sơn La")
    return [
        make_figure(province, 2023, P, "10000000000"),
        make_figure(province, 2023, E, "9000000000"),
        make_figure(province, 2024, P, "10000000000"),
        make_figure(province, 2024, E, "9200000000"),
    ]


def test_points_against_the_year_in_force_are_no_mismatch(son_la):
    found = paragraph_verdicts(
        son_la,
        "Năm nay Sơn La giải ngân 92% kế hoạch, còn năm 2023 là 90%. "
        "So với năm 2023, tỷ lệ cao hơn 2 điểm phần trăm.",
    )
    assert found["90%"] == MATCH
    assert found["2 điểm phần trăm"] != MISMATCH
