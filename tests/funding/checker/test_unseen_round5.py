"""Phrasings of report text the checker read wrong with confidence
(sentences written for these tests): an amount qualified by the budget
that pays it ("2,1 tỷ đồng ngân sách tỉnh"), a figure of districts inside
a province (no stored figure is one), and the first number of "từ … lên
…" under a span of years ("từ năm 2021 đến năm 2023")."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.models import Indicator
from tests.funding.checker.checking import KCDP, KCQG, E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def cao_bang(reference_data, make_figure):
    here = area("Cao Bằng")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(here, 2024, P, "2700000000", source=KCQG),
        make_figure(here, 2024, P, "5300000000", source=KCDP),
        make_figure(here, 2024, E, "52", indicator=count),
        *(
            make_figure(here, year, E, value, indicator=count)
            for year, value in ((2021, "40"), (2022, "45"), (2023, "52"))
        ),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("5,3", MATCH), ("5,8", MISMATCH)])
def test_the_budget_named_after_an_amount_is_its_fund(cao_bang, printed, verdict):
    text = (
        "Năm 2024, tỉnh được giao 8 tỷ đồng, trong đó 2,7 tỷ đồng vốn khuyến "
        f"công quốc gia và {printed} tỷ đồng ngân sách tỉnh."
    )
    found = dict(read(cao_bang[:2], text))
    assert found["2,7 tỷ đồng"] == MATCH
    assert found[f"{printed} tỷ đồng"] == verdict


@pytest.mark.parametrize(
    "clause",
    [
        "Riêng 4 huyện vùng cao được phân bổ 49 đề án",
        "Tại huyện Bảo Lạc, Trung tâm triển khai 49 đề án",
        "Các xã biên giới có 49 đề án",
    ],
)
def test_a_figure_of_districts_is_no_figure_of_the_data(cao_bang, clause):
    text = f"Năm 2024, toàn tỉnh thực hiện 52 đề án. {clause}."
    assert read(cao_bang, text) == [("52 đề án", MATCH), ("49 đề án", NO_DATA)]


@pytest.mark.parametrize(("printed", "verdict"), [("40", MATCH), ("41", MISMATCH)])
def test_a_rise_over_a_span_of_years_starts_at_its_first_year(
    cao_bang, printed, verdict
):
    text = (
        "Từ năm 2021 đến năm 2023, số đề án khuyến công của tỉnh tăng từ "
        f"{printed} lên 52 đề án."
    )
    assert read(cao_bang[3:], text) == [(printed, verdict), ("52 đề án", MATCH)]


def test_a_rise_under_a_year_carried_from_a_target_is_only_unsure(cao_bang):
    text = (
        "Năm 2025, Trung tâm phấn đấu giải ngân toàn bộ kế hoạch. Số đề án "
        "của tỉnh tăng từ 45 lên 52 đề án."
    )
    found = dict(read(cao_bang, text))
    assert found["45"] != MISMATCH
