"""A total over the programme's period named before ("Giai đoạn 2021–2025
…. Cả giai đoạn, tỉnh thực hiện …") or over "năm năm qua" is the sum of
each year's figure (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, area, paragraph_verdicts

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)
#: Nghệ An's spending, 2021-2025: 5 + 6 + 7 + 8 + 9,5 = 35,5 tỷ
SPENT = {2021: "5000000000", 2022: "6000000000", 2023: "7000000000"}
SPENT |= {2024: "8000000000", 2025: "9500000000"}


@pytest.fixture
def five_years(reference_data, make_figure):
    here = area("Nghệ An")
    return [make_figure(here, year, E, value) for year, value in SPENT.items()]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("35,5 tỷ đồng", (MATCH,)), ("36,5 tỷ đồng", FLAGGED)],
    ids=["right", "wrong"],
)
def test_the_whole_period_named_before(five_years, printed, verdicts):
    text = (
        "Giai đoạn 2021–2025, tỉnh Nghệ An thực hiện chương trình khuyến công "
        f"theo Quyết định số 215/QĐ-UBND. Cả giai đoạn, tỉnh đã thực hiện {printed}."
    )
    assert paragraph_verdicts(five_years, text)[printed] in verdicts


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("35,5 tỷ đồng", (MATCH,)), ("33,5 tỷ đồng", FLAGGED)],
    ids=["right", "wrong"],
)
def test_five_years_past(five_years, printed, verdicts):
    text = f"Năm 2025, nhìn lại năm năm qua, tỉnh Nghệ An đã thực hiện {printed}."
    assert paragraph_verdicts(five_years, text)[printed] in verdicts


def test_one_year_stays_one_year_with_no_period_named(five_years):
    text = "Năm 2025, cả giai đoạn cao điểm, tỉnh Nghệ An đã thực hiện 9,5 tỷ đồng."
    assert paragraph_verdicts(five_years, text)["9,5 tỷ đồng"] == MATCH
