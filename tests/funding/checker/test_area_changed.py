"""A change whose clause names only the area that changed ("So với năm
2023 (…), Khánh Hòa tăng 6,89%"): the area's figure in the year in force
against the year compared with (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def khanh_hoa(reference_data, make_figure):
    """Khánh Hòa spent 6,59 tỷ đồng in 2023 and 7,044 tỷ in 2024 (+6,89%)."""
    here = area("Khánh Hòa")
    return [
        make_figure(here, 2024, P, "7300000000"),
        make_figure(here, 2024, E, "7044000000"),
        make_figure(here, 2023, E, "6590000000"),
    ]


@pytest.mark.parametrize(("word", "verdict"), [("tăng", MATCH), ("giảm", MISMATCH)])
def test_the_area_named_is_what_changed(khanh_hoa, word, verdict):
    found = paragraph_verdicts(
        khanh_hoa,
        "Năm 2024, Khánh Hòa giải ngân 7,04 tỷ đồng. So với năm 2023 (6,59 tỷ "
        f"đồng), Khánh Hòa {word} 6,89%.",
    )
    assert found["6,89%"] == verdict
