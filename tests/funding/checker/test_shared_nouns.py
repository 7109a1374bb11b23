"""Counts printed without their noun where the text names it once for
several numbers (sentences written for these tests): a list before the
noun ("lần lượt là 34, 29 và 41 sản phẩm", "…, tổng cộng 104 sản phẩm"),
the same form echoed after an area's name ("84/86 đề án, … Đắk Lắk
(51/53); Gia Lai 59/61", "Kon Tum tăng từ 20 lên 30 đề án, Gia Lai từ 18
lên 25"), areas' parts after "trong đó" or after the year compared with;
and "ba địa phương cũ cộng lại", the old provinces added up."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    html_verdicts,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)


@pytest.fixture
def three_provinces(reference_data, make_figure):
    """2025, the new Gia Lai, Đắk Lắk and Lâm Đồng: products voted 34, 29
    and 41; projects done of planned 59/61, 51/53, 84/86; trainees 1.180,
    486 and 1.438."""
    products = Indicator.objects.get(code="so-san-pham-binh-chon")
    projects = Indicator.objects.get(code="so-de-an")
    trainees = Indicator.objects.get(code="so-luot-dao-tao")
    rows = {
        "Gia Lai": ("34", "59", "61", "1180"),
        "Đắk Lắk": ("29", "51", "53", "486"),
        "Lâm Đồng": ("41", "84", "86", "1438"),
    }
    figures = []
    for name, (voted, done, planned, trained) in rows.items():
        place = area(name)
        figures += [
            make_figure(place, 2025, E, voted, indicator=products),
            make_figure(place, 2025, E, done, indicator=projects),
            make_figure(place, 2025, P, planned, indicator=projects),
            make_figure(place, 2025, E, trained, indicator=trainees),
        ]
    return figures


@pytest.mark.parametrize("total", ["", ", tổng cộng 104 sản phẩm"])
def test_counts_listed_before_their_noun(three_provinces, total):
    tail = total or " sản phẩm"
    found = paragraph_verdicts(
        three_provinces,
        "Năm 2025, số sản phẩm công nghiệp nông thôn tiêu biểu của Gia Lai, "
        f"Đắk Lắk và Lâm Đồng lần lượt là 34, 29 và 41{tail}.",
    )
    assert found["34"] == MATCH
    assert found["29"] == MATCH
    assert found.get("41", found.get("41 sản phẩm")) == MATCH
    if total:
        assert found["104 sản phẩm"] != MISMATCH


def test_a_wrong_count_in_a_list_is_flagged(three_provinces):
    found = paragraph_verdicts(
        three_provinces,
        "Năm 2025, số sản phẩm công nghiệp nông thôn tiêu biểu của Gia Lai, "
        "Đắk Lắk và Lâm Đồng lần lượt là 34, 28 và 41 sản phẩm.",
    )
    assert found["34"] == MATCH
    assert found["28"] in FLAGGED


def test_years_listed_are_no_counts(three_provinces):
    found = paragraph_verdicts(
        three_provinces,
        "Các kỳ bình chọn lần lượt là 2023, 2024 và 2025, với 41 sản phẩm của "
        "Lâm Đồng năm 2025.",
    )
    assert "2023" not in found and "2024" not in found


@pytest.mark.parametrize(
    ("printed", "verdict"),
    [("(51/53); Gia Lai 59/61", MATCH), ("(52/53); Gia Lai 59/61", "flagged")],
    ids=["right", "wrong"],
)
def test_pairs_echoed_after_an_areas_name(three_provinces, printed, verdict):
    found = paragraph_verdicts(
        three_provinces,
        "Năm 2025, Lâm Đồng hoàn thành 84/86 đề án, gấp 1,65 lần số đề án của "
        f"Đắk Lắk {printed}.",
    )
    assert found["59"] == MATCH and found["61"] == MATCH
    done = "51" if verdict == MATCH else "52"
    if verdict == MATCH:
        assert found[done] == MATCH
    else:
        assert found[done] in FLAGGED


def test_a_date_after_an_areas_name_is_no_pair(three_provinces):
    found = paragraph_verdicts(
        three_provinces,
        "Năm 2025, Lâm Đồng hoàn thành 84/86 đề án; hội nghị tổng kết họp "
        "ngày 15/3 tại Gia Lai 15/3 theo Nghị định Chính phủ 45/2012.",
    )
    assert not {"15", "3", "45", "2012"} & set(found)


def test_areas_parts_after_in_which(three_provinces):
    found = paragraph_verdicts(
        three_provinces,
        "Năm 2025, ba tỉnh đào tạo, tập huấn 3.104 lượt người, trong đó Lâm "
        "Đồng 1.438, Gia Lai 1.180, Đắk Lắk chỉ 468 – vì tỉnh dồn vốn cho máy "
        "móc.",
    )
    assert found["1.438"] == MATCH
    assert found["1.180"] == MATCH
    assert found["468"] in FLAGGED


@pytest.fixture
def kon_tum_and_gia_lai_projects(reference_data, make_figure):
    """Projects done: Kon Tum 20 (2023) and 30 (2024), Gia Lai 18 and 25."""
    projects = Indicator.objects.get(code="so-de-an")
    kon_tum, gia_lai = area_before_merger("Kon Tum"), area_before_merger("Gia Lai")
    return [
        make_figure(kon_tum, 2023, E, "20", indicator=projects),
        make_figure(kon_tum, 2024, E, "30", indicator=projects),
        make_figure(gia_lai, 2023, E, "18", indicator=projects),
        make_figure(gia_lai, 2024, E, "25", indicator=projects),
    ]


@pytest.mark.parametrize(("printed", "right"), [("18", True), ("17", False)])
def test_a_change_echoed_after_an_areas_name(
    kon_tum_and_gia_lai_projects, printed, right
):
    found = paragraph_verdicts(
        kon_tum_and_gia_lai_projects,
        "So với năm 2023, năm 2024 Kon Tum tăng từ 20 lên 30 đề án, Gia Lai "
        f"từ {printed} lên 25.",
    )
    assert found["25"] == MATCH
    if right:
        assert found[printed] == MATCH
    else:
        assert found[printed] in FLAGGED


def test_parts_after_the_year_compared_with(kon_tum_and_gia_lai_projects):
    found = paragraph_verdicts(
        kon_tum_and_gia_lai_projects,
        "Năm 2024 hai tỉnh nghiệm thu 55 đề án, tăng từ 38 lên 55 đề án so "
        "với năm 2023 (Kon Tum 20, Gia Lai 18).",
    )
    assert found["20"] == MATCH
    assert found["18"] == MATCH


@pytest.fixture
def ho_chi_minh_2025(reference_data, make_figure):
    """2025: the merged city planned 23,5 tỷ; its three old parts' plans
    at the start of the year 12,7 + 6,5 + 3,6 = 22,8 tỷ."""
    old = [
        (area_before_merger("Hồ Chí Minh"), "12700000000"),
        (area_before_merger("Bình Dương"), "6500000000"),
        (area_before_merger("Bà Rịa - Vũng Tàu"), "3600000000"),
    ]
    return [make_figure(area("Hồ Chí Minh"), 2025, P, "23500000000")] + [
        make_figure(place, 2025, P, value) for place, value in old
    ]


@pytest.mark.parametrize(
    ("words", "printed", "verdict"),
    [
        ("ba địa phương cũ cộng lại", "22,8", MATCH),
        ("ba địa phương cộng lại", "22,8", MATCH),
        ("ba địa phương cũ cộng lại", "22,6", MISMATCH),
        ("thành phố sau hợp nhất", "23,5", MATCH),
    ],
)
def test_the_old_places_added_up(ho_chi_minh_2025, words, printed, verdict):
    found = html_verdicts(
        ho_chi_minh_2025,
        f"<p>Năm 2025, kế hoạch giao đầu năm của {words} là {printed} tỷ đồng.</p>",
    )
    assert found[f"{printed} tỷ đồng"] == verdict


def test_a_single_part_after_in_which_is_not_read_as_a_list(three_provinces):
    found = paragraph_verdicts(
        three_provinces,
        "Năm 2025, ba tỉnh có 104 sản phẩm, trong đó tháng 12 có 5.",
    )
    assert found.get("5", NO_DATA) == NO_DATA


@pytest.fixture
def ho_chi_minh_half_years(reference_data, make_figure):
    """Spent in the first six months: the merged city 11,37 tỷ in 2026;
    its three old parts 5,84 + 2,91 + 1,59 = 10,34 tỷ in 2025."""
    old = [
        (area_before_merger("Hồ Chí Minh"), "5842600000"),
        (area_before_merger("Bình Dương"), "2911400000"),
        (area_before_merger("Bà Rịa - Vũng Tàu"), "1587200000"),
    ]
    city = make_figure(area("Hồ Chí Minh"), 2026, E, "11372500000", months=6)
    return [city] + [
        make_figure(place, 2025, E, value, months=6) for place, value in old
    ]


@pytest.mark.parametrize(("printed", "right"), [("10%", True), ("20%", False)])
def test_a_change_over_the_old_places_added_up(ho_chi_minh_half_years, printed, right):
    found = paragraph_verdicts(
        ho_chi_minh_half_years,
        "Sáu tháng đầu năm 2026, thành phố giải ngân 11,37 tỷ đồng, tăng gần "
        f"{printed} so với cùng kỳ năm trước của ba địa phương cũ cộng lại.",
    )
    if right:
        assert found[printed] in (MATCH, ROUNDING)
    else:
        assert found[printed] in FLAGGED
