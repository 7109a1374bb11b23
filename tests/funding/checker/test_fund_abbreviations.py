"""The budget abbreviations of report prose name a fund: "NSTW" (ngân sách
trung ương) the national one, "NSĐP" (ngân sách địa phương) the
province's own (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import KCDP, KCQG, E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def cao_bang(reference_data, make_figure):
    """Cao Bằng spent 7,1 tỷ in 2024: 2,1 tỷ national, 5 tỷ its own."""
    province = area("Cao Bằng")
    return [
        make_figure(province, 2024, E, "7100000000"),
        make_figure(province, 2024, E, "2100000000", source=KCQG),
        make_figure(province, 2024, E, "5000000000", source=KCDP),
    ]


TEXT = "Năm 2024, Cao Bằng giải ngân 7,1 tỷ đồng, trong đó NSTW {}, NSĐP {}."


def test_each_abbreviation_names_its_fund(cao_bang):
    found = paragraph_verdicts(cao_bang, TEXT.format("2,1 tỷ đồng", "5 tỷ đồng"))
    assert found == {"7,1 tỷ đồng": MATCH, "2,1 tỷ đồng": MATCH, "5 tỷ đồng": MATCH}


def test_the_funds_swapped_are_mismatches(cao_bang):
    found = paragraph_verdicts(cao_bang, TEXT.format("5 tỷ đồng", "2,1 tỷ đồng"))
    assert found["5 tỷ đồng"] == MISMATCH
    assert found["2,1 tỷ đồng"] == MISMATCH
