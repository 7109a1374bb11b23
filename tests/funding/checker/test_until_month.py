""" "Tính đến hết tháng 10" with no year after it names the first ten months
of the year in force (sentences written for these tests): a figure of
eleven months printed under it is a wrong period, not a match."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_giang(reference_data, make_figure):
    here = area("Cao Bằng")
    return [
        make_figure(here, 2025, P, "8200000000"),
        make_figure(here, 2025, E, "5310000000", months=11),
        make_figure(here, 2025, E, "4720000000", months=10),
    ]


@pytest.mark.parametrize(
    ("month", "verdict"), [("11", MATCH), ("10", MISMATCH)], ids=["11", "10"]
)
def test_until_the_end_of_a_month(ha_giang, month, verdict):
    text = (
        "Năm 2025, tỉnh Cao Bằng được giao 8,2 tỷ đồng. Tính đến hết tháng "
        f"{month}, toàn tỉnh đã giải ngân 5,31 tỷ đồng."
    )
    assert dict(read(ha_giang, text))["5,31 tỷ đồng"] == verdict


@pytest.mark.parametrize(
    ("months", "verdict"), [("10", MATCH), ("11", MISMATCH)], ids=["10", "11"]
)
def test_after_some_months(ha_giang, months, verdict):
    # "Sau 10 tháng" opens a report: the first ten months of the year in force
    text = (
        "Năm 2025, tỉnh Cao Bằng được giao 8,2 tỷ đồng. Sau "
        f"{months} tháng, toàn tỉnh đã giải ngân 4,72 tỷ đồng."
    )
    assert dict(read(ha_giang, text))["4,72 tỷ đồng"] == verdict


@pytest.mark.parametrize(
    ("month", "verdict"), [("10", MATCH), ("11", MISMATCH)], ids=["10", "11"]
)
def test_a_month_then_cumulative(ha_giang, month, verdict):
    # "(tháng 10 lũy kế: …)": the total up to the end of that month
    text = (
        "Năm 2025, tỉnh Cao Bằng được giao 8,2 tỷ đồng. Riêng tháng 12 dự kiến "
        f"giải ngân thêm 1,5 tỷ đồng (tháng {month} lũy kế: 4,72 tỷ đồng)."
    )
    assert dict(read(ha_giang, text))["4,72 tỷ đồng"] == verdict
