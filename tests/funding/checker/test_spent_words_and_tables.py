"""Words for money spent ("thực chi", "đã dùng"), a share naming its own
fund ("tỷ trọng KCQG"), and tables whose columns are areas, a caption's
unit note, rows naming the months so far, difference columns (sentences
and tables written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.models import Indicator
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area_before_merger,
    read_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """Kon Tum's 2024: 9 tỷ planned (KCQG 2 tỷ), 8,64 tỷ spent (KCQG 1,9 tỷ)."""
    province = area_before_merger("Kon Tum")
    return [
        make_figure(province, 2024, P, "9000000000"),
        make_figure(province, 2024, E, "8640000000"),
        make_figure(province, 2024, P, "2000000000", KCQG),
        make_figure(province, 2024, E, "1900000000", KCQG),
    ]


@pytest.mark.parametrize("spent", ["thực chi", "đã dùng", "đã chi"])
def test_money_spent_after_a_plan_is_what_was_executed(kon_tum, spent):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024, tỉnh Kon Tum có tổng kế hoạch 9 tỷ đồng. Nguồn địa phương: "
            f"kế hoạch 7 tỷ đồng, {spent} 6.740 triệu đồng, đạt 96,29%.</p>",
        )
    )
    assert found["6.740 triệu đồng"] == MATCH
    assert found["96,29%"] == MATCH


def test_a_wrong_amount_spent_is_still_a_mismatch(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024, tỉnh Kon Tum có tổng kế hoạch 9 tỷ đồng. Nguồn địa phương: "
            "kế hoạch 7 tỷ đồng, thực chi 6.470 triệu đồng.</p>",
        )
    )
    assert found["6.470 triệu đồng"] == MISMATCH


def test_a_share_naming_its_own_fund_is_not_of_the_amount_before(kon_tum):
    found = dict(
        read_html(
            kon_tum,
            "<p>Năm 2024, Kon Tum thực hiện 8,64 tỷ đồng; nguồn địa phương 6,74 tỷ "
            "đồng, tỷ trọng KCQG 22%.</p>",
        )
    )
    assert found["22%"] == MATCH


AREAS_TABLE = (
    "<table><caption>Khuyến công năm 2024 của hai tỉnh (số tiền: tr.đ)</caption>"
    "<tr><th>Chỉ tiêu</th><th>Kon Tum</th><th>Gia Lai</th><th>Chênh lệch</th></tr>"
    "<tr><td>Kế hoạch</td><td>9.000</td><td>10.500</td><td>1.500</td></tr>"
    "<tr><td>Thực hiện</td><td>{spent}</td><td>10.110</td><td>1.470</td></tr>"
    "<tr><td>Tỷ lệ giải ngân (%)</td><td>96</td><td>96,29</td><td>0,29 điểm</td></tr>"
    "<tr><td>Số đề án hoàn thành</td><td>24</td><td>30</td><td>6</td></tr>"
    "<tr><td>Bình quân mỗi đề án (tr.đ)</td><td>360</td><td>337</td><td></td></tr>"
    "</table>"
)


@pytest.fixture
def two_provinces(kon_tum, make_figure):
    count = Indicator.objects.get(code="so-de-an")
    kon, gia = area_before_merger("Kon Tum"), area_before_merger("Gia Lai")
    return [
        *kon_tum,
        make_figure(gia, 2024, P, "10500000000"),
        make_figure(gia, 2024, E, "10110000000"),
        make_figure(kon, 2024, E, "24", indicator=count),
        make_figure(gia, 2024, E, "30", indicator=count),
    ]


def test_a_table_of_areas_takes_its_rows_measures_and_the_captions_unit(
    two_provinces,
):
    found = dict(read_html(two_provinces, AREAS_TABLE.format(spent="8.640")))
    assert [found[n] for n in ("9.000", "10.500", "8.640", "10.110")] == [MATCH] * 4
    assert found["24"] == found["30"] == MATCH
    # a difference column and an amount per unit: found, no figure
    assert found["96"] == found["96,29"] == MATCH
    assert found["1.470"] == found["6"] == found["360"] == NO_DATA
    assert found["0,29"] == NO_DATA


def test_a_wrong_cell_of_a_table_of_areas_is_flagged(two_provinces):
    found = dict(read_html(two_provinces, AREAS_TABLE.format(spent="8.460")))
    assert found["8.460"] == MISMATCH


MONTHS_TABLE = (
    "<table><caption>Giải ngân khuyến công Kon Tum năm 2024 (đơn vị: triệu đồng; "
    "tỷ lệ: % kế hoạch)</caption>"
    "<tr><th>Thời điểm</th><th>Lũy kế</th><th>Tỷ lệ</th></tr>"
    "<tr><td>Hết quý II</td><td>{half}</td><td>40,0</td></tr>"
    "<tr><td>Hết tháng 10</td><td>6.120</td><td>68,0</td></tr>"
    "<tr><td>Cả năm</td><td>8.640</td><td>96,0</td></tr>"
    "</table>"
)


@pytest.fixture
def kon_tum_by_month(kon_tum, make_figure):
    province = area_before_merger("Kon Tum")
    return [
        *kon_tum,
        make_figure(province, 2024, E, "3600000000", months=6),
        make_figure(province, 2024, E, "6120000000", months=10),
    ]


def test_rows_name_the_months_of_the_captions_year(kon_tum_by_month):
    found = dict(read_html(kon_tum_by_month, MONTHS_TABLE.format(half="3.600")))
    assert found == {
        "3.600": MATCH,
        "40,0": MATCH,
        "6.120": MATCH,
        "68,0": MATCH,
        "8.640": MATCH,
        "96,0": MATCH,
    }


def test_a_wrong_cell_of_a_row_of_months_is_flagged(kon_tum_by_month):
    found = dict(read_html(kon_tum_by_month, MONTHS_TABLE.format(half="3.060")))
    assert found["3.060"] == MISMATCH
