"""Two rates a sentence prints one after the other: points right after
them are the second less the first ("A đạt 95%, B đạt 86,33%, thấp hơn
8,67 điểm phần trăm"), or the first less the second when it was compared
"so với" the second; and "đạt 86,33% so với 95% năm 2023" reads the second
rate as the first's of the year named after it (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Area, Indicator
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_provinces(reference_data, make_figure):
    """2024: old Lào Cai 5,7 of 6 tỷ (95%), Yên Bái 7,252 of 8,4 tỷ
    (86,33%); what each spent in 2023; the merged Lào Cai's 2025 plan."""
    lao_cai = area_before_merger("Lào Cai")
    yen_bai = Area.objects.get(short_name="Yên Bái")
    return [
        make_figure(lao_cai, 2024, P, "6000000000"),
        make_figure(lao_cai, 2024, E, "5700000000"),
        make_figure(yen_bai, 2024, P, "8400000000"),
        make_figure(yen_bai, 2024, E, "7252000000"),
        make_figure(lao_cai, 2023, E, "5000000000"),
        make_figure(yen_bai, 2023, E, "4000000000"),
        make_figure(area("Lào Cai"), 2025, P, "17000000000"),
    ]


@pytest.mark.parametrize(
    "words, verdicts",
    [("thấp hơn", (MATCH,)), ("cao hơn", (MISMATCH, UNSURE))],
)
def test_points_between_the_two_rates_just_printed(old_provinces, words, verdicts):
    found = paragraph_verdicts(
        old_provinces,
        "Năm 2024, tỉnh Lào Cai cũ đạt 95%, tỉnh Yên Bái đạt 86,33%, "
        f"{words} 8,67 điểm phần trăm.",
    )
    assert found["95%"] == MATCH and found["86,33%"] == MATCH
    assert found["8,67 điểm phần trăm"] in verdicts


@pytest.fixture
def bac_ninh(reference_data, make_figure):
    """Bắc Ninh before the merger: 7,252 of 8,4 tỷ spent in 2024 (86,33%),
    7,44 of 8 tỷ in 2023 (93%); 41 projects done in 2024, 39 in 2023; what
    Bắc Giang, merged into it, spent in 2023."""
    province = area_before_merger("Bắc Ninh")
    count = Indicator.objects.get(unit=Indicator.Unit.COUNT, count_noun="đề án")
    return [
        make_figure(province, 2024, P, "8400000000"),
        make_figure(province, 2024, E, "7252000000"),
        make_figure(province, 2023, P, "8000000000"),
        make_figure(province, 2023, E, "7440000000"),
        make_figure(province, 2024, P, "2000000000", KCQG),
        make_figure(province, 2024, E, "1900000000", KCQG),
        make_figure(province, 2025, P, "9000000000"),
        make_figure(province, 2025, P, "2200000000", KCQG),
        make_figure(province, 2024, P, "44", indicator=count),
        make_figure(province, 2024, E, "41", indicator=count),
        make_figure(province, 2023, E, "39", indicator=count),
        make_figure(Area.objects.get(short_name="Bắc Giang"), 2023, E, "6000000000"),
    ]


@pytest.mark.parametrize(
    "words, verdicts",
    [("giảm", (MATCH,)), ("tăng", (MISMATCH, UNSURE))],
)
def test_a_rate_compared_with_another_year_s_rate(bac_ninh, words, verdicts):
    found = paragraph_verdicts(
        bac_ninh,
        "Năm 2024, tỷ lệ giải ngân chỉ đạt 86,33% so với 93% năm 2023, "
        f"tức {words} 6,67 điểm phần trăm.",
    )
    assert found["86,33%"] == MATCH and found["93%"] == MATCH
    assert found["6,67 điểm phần trăm"] in verdicts
