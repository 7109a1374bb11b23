"""Whose an amount is, said after it (sentences written for these tests):
"18,14 tỷ đồng của Gia Lai cũ và Bình Định" is both old provinces added up,
"con số 6,49 tỷ đồng của năm tỉnh Tây Nguyên cũ năm 2024" is the region's
in the year named after it; "5,6 tỷ đồng của A và 15,2 tỷ đồng của B"
still gives each its own."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    KCQG,
    E,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)


@pytest.fixture
def gia_lai(reference_data, make_figure):
    """Spent: the new Gia Lai 19,36 tỷ in 2025; old Gia Lai 6,87 and Bình
    Định 11,27 tỷ in 2024 (18,14 together)."""
    return [
        make_figure(area("Gia Lai"), 2025, E, "19360000000"),
        make_figure(area_before_merger("Gia Lai"), 2024, E, "6870000000"),
        make_figure(area_before_merger("Bình Định"), 2024, E, "11270000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("18,14", (MATCH,)), ("18,41", FLAGGED)]
)
def test_an_amount_of_two_old_provinces_named_after_it(gia_lai, printed, verdicts):
    found = paragraph_verdicts(
        gia_lai,
        f"Năm 2025 Gia Lai giải ngân 19,36 tỷ đồng, tăng so với {printed} tỷ "
        "đồng của Gia Lai cũ và Bình Định năm 2024.",
    )
    assert found[f"{printed} tỷ đồng"] in verdicts


def test_each_amount_keeps_its_own_owner(gia_lai):
    found = paragraph_verdicts(
        gia_lai,
        "Năm 2024, số thực hiện gồm 6,87 tỷ đồng của Gia Lai cũ và 11,27 tỷ "
        "đồng của Bình Định.",
    )
    assert found["6,87 tỷ đồng"] == MATCH
    assert found["11,27 tỷ đồng"] == MATCH


@pytest.fixture
def region_and_provinces(reference_data, make_figure):
    """KCQG spent: the region Tây Nguyên 6,49 tỷ in 2024; the new Gia Lai,
    Đắk Lắk and Lâm Đồng 3,84 + 3,4 + 4,96 = 12,2 tỷ in 2025."""
    figures = [
        make_figure(area("Tây Nguyên"), 2024, E, "6490000000", KCQG),
    ]
    for name, value in (
        ("Gia Lai", "3840000000"),
        ("Đắk Lắk", "3400000000"),
        ("Lâm Đồng", "4960000000"),
    ):
        figures.append(make_figure(area(name), 2025, E, value, KCQG))
    return figures


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("6,49", (MATCH,)), ("6,94", FLAGGED)]
)
def test_the_owners_year_said_after_it(region_and_provinces, printed, verdicts):
    found = paragraph_verdicts(
        region_and_provinces,
        "Vốn khuyến công quốc gia năm 2025 của Gia Lai, Đắk Lắk và Lâm Đồng "
        f"giải ngân 12,2 tỷ đồng, gần gấp đôi con số {printed} tỷ đồng của năm "
        "tỉnh Tây Nguyên cũ năm 2024.",
    )
    assert found[f"{printed} tỷ đồng"] in verdicts
