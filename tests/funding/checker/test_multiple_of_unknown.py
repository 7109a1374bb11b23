"""What a supported business earned ("doanh thu 4,1 tỷ đồng, gấp 2,2 lần
năm trước") is no figure of the data, nor is a multiple of it: neither is
read as the province's spending (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, NO_DATA
from tests.funding.checker.checking import KCDP, E, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def supported(reference_data, make_figure):
    here = area("Điện Biên")
    return [
        make_figure(here, 2024, E, "380000000", source=KCDP),
        make_figure(here, 2023, E, "5500000000"),
        make_figure(here, 2024, E, "6100000000"),
    ]


def test_a_revenue_and_its_multiple_are_no_figures(supported):
    text = (
        "Năm 2024, xưởng được kinh phí khuyến công địa phương hỗ trợ 380 triệu "
        "đồng. Nhờ đó, sản lượng năm 2024 đạt 95 tấn, doanh thu 4,1 tỷ đồng, "
        "gấp 2,2 lần năm trước."
    )
    found = dict(read(supported, text))
    assert found["380 triệu đồng"] == MATCH
    assert (found["4,1 tỷ đồng"], found["gấp 2,2 lần"]) == (NO_DATA, NO_DATA)
