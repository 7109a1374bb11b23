"""A ranking of provinces (sentences written for these tests): "tỉnh đứng
đầu năm 2023 với 97%" binds that year to the number after "với" only, not
to the rest of the sentence; "gấp 1,5 lần Sơn La" names the province
compared with, not the one the sentence is about."""

import pytest

from funding.checker import MATCH, MISMATCH
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(reference_data, make_figure):
    dien_bien, son_la = area("Điện Biên"), area("Sơn La")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(dien_bien, 2023, P, "6000000000"),
        make_figure(dien_bien, 2023, E, "5820000000"),
        make_figure(dien_bien, 2024, P, "7000000000"),
        make_figure(dien_bien, 2024, E, "6510000000"),
        make_figure(son_la, 2024, E, "4340000000"),
        make_figure(dien_bien, 2024, E, "31", indicator=count),
        make_figure(son_la, 2024, E, "22", indicator=count),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("6,51", MATCH), ("6,15", MISMATCH)])
def test_a_year_bound_to_the_number_after_voi_binds_no_other(two, printed, verdict):
    text = (
        "Năm 2024, các tỉnh đều tăng giải ngân. Điện Biên, tỉnh đứng đầu năm 2023 "
        f"với 97%, xuống hạng hai: giải ngân {printed} tỷ đồng, đạt 93% kế hoạch."
    )
    found = dict(read(two, text))
    assert found["97%"] == MATCH
    assert found[f"{printed} tỷ đồng"] == verdict


@pytest.mark.parametrize(("printed", "verdict"), [("31", MATCH), ("13", MISMATCH)])
def test_the_province_compared_with_is_not_the_subject(two, printed, verdict):
    text = (
        "Năm 2024, Điện Biên giải ngân nhiều nhất, gấp 1,5 lần Sơn La, và "
        f"thực hiện nhiều đề án nhất với {printed} đề án."
    )
    found = dict(read(two, text))
    assert found["gấp 1,5 lần"] == MATCH
    assert found[f"{printed} đề án"] == verdict
