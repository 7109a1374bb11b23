"""A difference between two provinces, the one compared with named before
the number (sentences written for these tests): "so với tỉnh Sơn La, năm
2024 Điện Biên giải ngân nhiều hơn …", "… của Điện Biên là 5,2 tỷ đồng,
thấp hơn Sơn La 0,9 tỷ đồng": the same figure of the other province, the
same year."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(reference_data, make_figure):
    dien_bien, son_la = area("Điện Biên"), area("Sơn La")
    return [
        make_figure(dien_bien, 2023, E, "4500000000"),
        make_figure(dien_bien, 2024, P, "5200000000"),
        make_figure(dien_bien, 2024, E, "5100000000"),
        make_figure(son_la, 2023, E, "5700000000"),
        make_figure(son_la, 2024, P, "6100000000"),
        make_figure(son_la, 2024, E, "4340000000"),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("760", MATCH), ("670", MISMATCH)])
def test_more_than_the_province_named_before(two, printed, verdict):
    text = (
        "So với tỉnh Sơn La, năm 2024 Điện Biên giải ngân nhiều hơn "
        f"{printed} triệu đồng."
    )
    assert read(two, text) == [(f"{printed} triệu đồng", verdict)]


# 0,7 for 0,9: one digit of one changed is no slip of the pen, only unsure
@pytest.mark.parametrize(("printed", "verdict"), [("0,9", MATCH), ("0,7", UNSURE)])
def test_lower_than_the_province_named_between(two, printed, verdict):
    text = (
        "Kế hoạch năm 2024 của Điện Biên là 5,2 tỷ đồng, thấp hơn Sơn La "
        f"{printed} tỷ đồng."
    )
    assert read(two, text) == [("5,2 tỷ đồng", MATCH), (f"{printed} tỷ đồng", verdict)]


@pytest.mark.parametrize(("printed", "verdict"), [("600", MATCH), ("800", MISMATCH)])
def test_a_year_after_a_comparative_is_the_one_compared_with(two, printed, verdict):
    text = (
        "Số giải ngân năm 2024 của Điện Biên cũng cao hơn năm 2023 là "
        f"{printed} triệu đồng."
    )
    assert read(two, text) == [(f"{printed} triệu đồng", verdict)]


@pytest.mark.parametrize(("printed", "verdict"), [("5,1", MATCH), ("5,2", MISMATCH)])
def test_the_corrected_figure_is_the_one_called_wrong(two, printed, verdict):
    text = (
        "Báo cáo nêu số giải ngân năm 2024 của Điện Biên là 5,3 tỷ đồng là chưa "
        f"chính xác; đúng ra là {printed} tỷ đồng."
    )
    assert dict(read(two, text))[f"{printed} tỷ đồng"] == verdict
