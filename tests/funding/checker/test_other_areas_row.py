"""A table row of "the other areas" together ("Các địa bàn còn lại", "Các
địa phương khác") is a remainder of areas the table does not name: no figure of
the data, never the province's own total (tables written for these
tests)."""

import pytest

from funding.checker import MATCH, NO_DATA
from tests.funding.checker.checking import KCQG, E, area, read_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_total(reference_data, make_figure):
    province = area("Điện Biên")
    return [
        make_figure(province, 2024, E, "7252000000"),
        make_figure(province, 2024, E, "1500000000", source=KCQG),
    ]


@pytest.mark.parametrize("label", ["Các địa bàn còn lại", "Các địa phương khác"])
def test_the_other_areas_row_is_no_figure(province_total, label):
    found = read_html(
        province_total,
        "<p>Năm 2024, Điện Biên giải ngân 7,25 tỷ đồng kinh phí khuyến công.</p>"
        "<table><caption>Kinh phí khuyến công đã giải ngân năm 2024 theo địa "
        "bàn (triệu đồng)</caption>"
        "<tr><th>Địa bàn</th><th>Giải ngân</th></tr>"
        "<tr><td>Huyện Mường Ảng</td><td>2.150,0</td></tr>"
        f"<tr><td>{label}</td><td>5.102,0</td></tr>"
        "<tr><td>Toàn tỉnh</td><td>7.252,0</td></tr></table>",
    )
    assert dict(found)["5.102,0"] == NO_DATA
    assert dict(found)["7.252,0"] == MATCH
