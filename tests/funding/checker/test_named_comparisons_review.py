"""A reviewer's sentences for the rules of ``test_named_comparisons`` (written
for the review, without the articles the rules came from): other phrasings,
other areas, merged provinces, regions, counts and one fund's figures, right
and wrong numbers, and numbers no figure is of. Those the first version of
the rules read worse than before are here as plain tests; strict xfails are
sentences read wrong before the rules too."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from funding.models import Area, Indicator
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    dien_bien_2021_2024,
    kon_tum_and_gia_lai_2024,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)
#: what a number no figure is of may be said to be: not a verdict on data
NOTHING = (NO_DATA, None)


def verdicts(_name, figures, text):
    """``paragraph_verdicts`` (the name says which probe, for a reader)."""
    return paragraph_verdicts(figures, text)


# --------------------------------------------------------------------------
# fixtures


@pytest.fixture
def products(reference_data, make_figure):
    """Hà Nội's products chosen: 28 (2021), 30 (2022), 31 (2023), 36 (2024),
    40 (2025)."""
    count = Indicator.objects.get(code="so-san-pham-binh-chon")
    here = area("Hà Nội")
    return [
        make_figure(here, year, E, value, indicator=count)
        for year, value in (
            (2021, "28"),
            (2022, "30"),
            (2023, "31"),
            (2024, "36"),
            (2025, "40"),
        )
    ]


@pytest.fixture
def ha_tinh_money(reference_data, make_figure):
    """Hà Tĩnh spent 5 tỷ (2023), 5,6 tỷ (2024), 6,5 tỷ (2025)."""
    here = area("Hà Tĩnh")
    return [
        make_figure(here, 2023, E, "5000000000"),
        make_figure(here, 2024, E, "5600000000"),
        make_figure(here, 2025, E, "6500000000"),
    ]


@pytest.fixture
def three_provinces(reference_data, make_figure):
    """2024: Nghệ An 4 of 4,2 tỷ (95,24%); Hà Tĩnh 5 of 5,5 tỷ (90,91%);
    Quảng Bình (before the merger) 4 of 5 tỷ; and Quảng Trị's 2025 (the
    merged one) so that Quảng Bình is an ended province."""
    qb = area_before_merger("Quảng Bình")
    return [
        make_figure(area("Nghệ An"), 2024, P, "4200000000"),
        make_figure(area("Nghệ An"), 2024, E, "4000000000"),
        make_figure(area("Hà Tĩnh"), 2024, P, "5500000000"),
        make_figure(area("Hà Tĩnh"), 2024, E, "5000000000"),
        make_figure(qb, 2024, P, "5000000000"),
        make_figure(qb, 2024, E, "4000000000"),
        make_figure(area("Quảng Trị"), 2025, P, "15000000000"),
    ]


@pytest.fixture
def north(reference_data, make_figure):
    """2023-2024 Điện Biên (7 of 8 tỷ, 87,5%; 7,252 of 8,4 tỷ, 86,33%),
    Cao Bằng 2024 4,5 of 5 tỷ (90%), the northern mountains region 2024
    85,5 of 90 tỷ (95%); Yên Bái (before the merger) 2024 4,5 of 5 tỷ
    (90%) and the new Lào Cai's 2025 plan."""
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    return dien_bien_2021_2024(make_figure) + [
        make_figure(region, 2024, P, "90000000000"),
        make_figure(region, 2024, E, "85500000000"),
        make_figure(area("Cao Bằng"), 2024, P, "5000000000"),
        make_figure(area("Cao Bằng"), 2024, E, "4500000000"),
        make_figure(area_before_merger("Yên Bái"), 2024, P, "5000000000"),
        make_figure(area_before_merger("Yên Bái"), 2024, E, "4500000000"),
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
    ]


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """``checking.kon_tum_and_gia_lai_2024``: Kon Tum 2024 9 tỷ planned
    (KCQG 2,5, KCĐP 6,5), 8,64 spent (KCQG 2,38, KCĐP 6,26); 30 of 32 đề
    án; Gia Lai 10 tỷ planned, 9,5 spent."""
    return kon_tum_and_gia_lai_2024(make_figure)


@pytest.fixture
def son_la_and_lao_cai(reference_data, make_figure):
    """2025: Sơn La plan 6,8 tỷ, 4,58 tỷ spent by October, 6,52 in the year;
    the new Lào Cai 12 tỷ planned, 7,2 spent by September, 9 by October;
    its old provinces' 2025 plans (Lào Cai 7, Yên Bái 5 tỷ); the region's
    plan."""
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    son_la, lao_cai = area("Sơn La"), area("Lào Cai")
    return [
        make_figure(son_la, 2025, P, "6800000000"),
        make_figure(son_la, 2025, E, "4580000000", months=10),
        make_figure(son_la, 2025, E, "6520000000"),
        make_figure(lao_cai, 2025, P, "12000000000"),
        make_figure(lao_cai, 2025, E, "7200000000", months=9),
        make_figure(lao_cai, 2025, E, "9000000000", months=10),
        make_figure(area_before_merger("Lào Cai"), 2025, P, "7000000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "5000000000"),
        make_figure(region, 2025, P, "90000000000"),
        make_figure(region, 2025, E, "70000000000", months=10),
    ]


@pytest.fixture
def son_la_alone(reference_data, make_figure):
    """2025: Sơn La plan 6,8 tỷ, spent 6,52 tỷ (KCQG: 2 of 2,2 tỷ)."""
    son_la = area("Sơn La")
    return [
        make_figure(son_la, 2025, P, "6800000000"),
        make_figure(son_la, 2025, E, "6520000000"),
        make_figure(son_la, 2025, P, "2200000000", KCQG),
        make_figure(son_la, 2025, E, "2000000000", KCQG),
    ]


@pytest.fixture
def hai_phong(reference_data, make_figure):
    """2025: the new Hải Phòng 20 tỷ planned, 15 spent in 10 months; the old
    Hải Phòng and Hải Dương's plans (11 + 8 tỷ); the Red River delta's plan
    (60 tỷ)."""
    region = Area.objects.get(short_name="Đồng bằng sông Hồng")
    return [
        make_figure(area("Hải Phòng"), 2025, P, "20000000000"),
        make_figure(area("Hải Phòng"), 2025, E, "15000000000", months=10),
        make_figure(area_before_merger("Hải Phòng"), 2025, P, "11000000000"),
        make_figure(area_before_merger("Hải Dương"), 2025, P, "8000000000"),
        make_figure(region, 2025, P, "60000000000"),
    ]


# --------------------------------------------------------------------------
# rule 1: the year of the first number of "từ a lên b"


def test_r1_pair_year_before_the_second_s_own(products):
    text = (
        "Năm 2026, Trung tâm tiếp tục tổ chức bình chọn. Số sản phẩm được bình "
        "chọn tăng từ 36 lên 40 sản phẩm năm 2025."
    )
    found = verdicts("r1_simple", products, text)
    assert found["36"] == MATCH


def test_r1_pair_over_a_period_named_before(products):
    text = (
        "Giai đoạn 2021 - 2025, số sản phẩm được bình chọn của Hà Nội tăng từ 28 "
        "lên 40 sản phẩm năm 2025."
    )
    found = verdicts("r1_period", products, text)
    assert found["28"] == MATCH


def test_r1_pair_over_a_span_named_before(products):
    text = (
        "Từ năm 2022 đến năm 2025, số sản phẩm được bình chọn của Hà Nội tăng "
        "từ 30 lên 40 sản phẩm năm 2025."
    )
    found = verdicts("r1_span", products, text)
    assert found["30"] == MATCH


def test_r1_pair_then_its_change_against_a_named_year(ha_tinh_money):
    text = (
        "Năm 2025, kinh phí khuyến công Hà Tĩnh giải ngân tăng từ 5 tỷ đồng lên "
        "6,5 tỷ đồng, tăng 30% so với năm 2023."
    )
    found = verdicts("r1_change_named_year", ha_tinh_money, text)
    assert found["5 tỷ đồng"] == MATCH
    assert found["30%"] == MATCH


def test_r1_pair_then_its_change_wrong_old(ha_tinh_money):
    text = (
        "Năm 2025, kinh phí khuyến công Hà Tĩnh giải ngân tăng từ 5,3 tỷ đồng lên "
        "6,5 tỷ đồng, tăng 30% so với năm 2023."
    )
    found = verdicts("r1_change_named_year_wrong", ha_tinh_money, text)
    assert found["5,3 tỷ đồng"] in FLAGGED


def test_r1_pair_then_a_difference_against_a_named_year(products):
    text = (
        "Năm 2025, số sản phẩm được bình chọn của Hà Nội tăng từ 31 lên 40 sản "
        "phẩm, nhiều hơn 9 sản phẩm so với năm 2023."
    )
    found = verdicts("r1_diff_named_year", products, text)
    assert found["31"] == MATCH


def test_r1_pair_compared_right_after(products):
    text = (
        "Năm 2025, số sản phẩm được bình chọn của Hà Nội tăng từ 31 lên 40 sản "
        "phẩm so với năm 2023."
    )
    found = verdicts("r1_compared_right_after", products, text)
    assert found["31"] == MATCH


def test_r1_pair_then_a_multiple_of_another_year(products):
    text = (
        "Số sản phẩm được bình chọn của Hà Nội tăng từ 36 lên 40 sản phẩm năm "
        "2025, gấp 1,43 lần năm 2021 (28 sản phẩm)."
    )
    found = verdicts("r1_multiple_2021", products, text)
    assert found["36"] == MATCH
    assert found["gấp 1,43 lần"] == MATCH


def test_r1_pair_then_a_multiple_wrong_first(products):
    text = (
        "Số sản phẩm được bình chọn của Hà Nội tăng từ 31 lên 40 sản phẩm năm "
        "2025, gấp 1,43 lần năm 2021 (28 sản phẩm)."
    )
    found = verdicts("r1_multiple_2021_wrong", products, text)
    assert found["31"] in FLAGGED


# --------------------------------------------------------------------------
# rule 2: "bằng x% của <name>"


@pytest.mark.parametrize(
    ("printed", "expected"), [("80%", (MATCH,)), ("85%", FLAGGED)], ids=["ok", "bad"]
)
def test_r2_of_an_old_province(three_provinces, printed, expected):
    text = (
        f"Năm 2024, Quảng Bình giải ngân 4 tỷ đồng, chỉ bằng {printed} so với Hà Tĩnh."
    )
    found = verdicts(f"r2_old_province_{printed}", three_provinces, text)
    assert found[printed] in expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("95,24%", (MATCH,)), ("92%", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r2_of_the_plan_abbreviated(three_provinces, printed, expected):
    text = f"Năm 2024, Nghệ An giải ngân 4 tỷ đồng, bằng {printed} so với KH."
    found = verdicts(f"r2_KH_{printed}", three_provinces, text)
    assert found[printed] in expected


def test_r2_of_the_plan_named_by_its_act(three_provinces):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 5 tỷ đồng, bằng 90,91% của Nghị quyết HĐND "
        "tỉnh giao."
    )
    found = verdicts("r2_nghi_quyet", three_provinces, text)
    assert found["90,91%"] == MATCH


def test_r2_of_the_plan_named_by_its_act_wrong(three_provinces):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 5 tỷ đồng, bằng 100% của Nghị quyết HĐND "
        "tỉnh giao."
    )
    found = verdicts("r2_nghi_quyet_wrong", three_provinces, text)
    assert found["100%"] in FLAGGED


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("38,02%", (MATCH,)),
        pytest.param(
            "36,62%",
            FLAGGED,
            marks=pytest.mark.xfail(
                strict=True,
                reason="not read right, before this change either: own spent over the other fund's plan",
            ),
        ),
    ],
    ids=["ok", "bad"],
)
def test_r2_one_fund_of_the_other(kon_tum, printed, expected):
    text = (
        "Năm 2024, kinh phí khuyến công quốc gia Kon Tum giải ngân 2,38 tỷ đồng, "
        f"chỉ bằng {printed} của KCĐP."
    )
    found = verdicts(f"r2_fund_{printed}", kon_tum, text)
    assert found[printed] in expected


# --------------------------------------------------------------------------
# rule 3: a percentage alone in a parenthesis after a named rate


@pytest.mark.parametrize(
    ("printed", "expected"), [("95%", (MATCH,)), ("93%", FLAGGED)], ids=["ok", "bad"]
)
def test_r3_region_average_after_a_province(north, printed, expected):
    text = (
        "Năm 2024, Điện Biên giải ngân 7,252 tỷ đồng, đạt 86,33%, thấp hơn tỷ lệ "
        f"bình quân của vùng Trung du và miền núi phía Bắc ({printed})."
    )
    found = verdicts(f"r3_region_{printed}", north, text)
    assert found[printed] in expected
    assert found["86,33%"] == MATCH


@pytest.mark.xfail(
    strict=True, reason="not read right, before this change either (no_data)"
)
def test_r3_a_share_named_tỷ_lệ(kon_tum):
    text = (
        "Năm 2024, Kon Tum được giao 9 tỷ đồng, trong đó tỷ lệ vốn khuyến công "
        "quốc gia trong tổng kinh phí (27,78%) còn thấp."
    )
    found = verdicts("r3_share_ty_le", kon_tum, text)
    assert found["27,78%"] == MATCH


def test_r3_a_share_named_tỷ_trọng(kon_tum):
    text = (
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, trong đó tỷ trọng vốn khuyến "
        "công địa phương (72,45%) chiếm ưu thế."
    )
    found = verdicts("r3_share_ty_trong", kon_tum, text)
    assert found["72,45%"] == MATCH


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("95,2%", (MATCH,)), ("93%", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r3_one_fund_s_rate_named_with_the_area(kon_tum, printed, expected):
    text = (
        "Năm 2024, kinh phí khuyến công quốc gia của Kon Tum giải ngân 2,38 tỷ "
        f"đồng, tỷ lệ giải ngân của Kon Tum ({printed}) khá cao."
    )
    found = verdicts(f"r3_fund_rate_{printed}", kon_tum, text)
    assert found[printed] in expected


def test_r3_the_rate_of_the_province_named_again(three_provinces):
    text = (
        "Năm 2024, Nghệ An giải ngân 4 tỷ đồng, tỷ lệ giải ngân của tỉnh Nghệ An "
        "(95,24%) cao nhất khu vực."
    )
    found = verdicts("r3_same_province", three_provinces, text)
    assert found["95,24%"] == MATCH


@pytest.mark.xfail(
    strict=True,
    reason="not read right, before this change either (unsure, no figure is of it)",
)
def test_r3_a_rate_no_figure_is_of(three_provinces):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 5 tỷ đồng, trong đó tỷ lệ doanh nghiệp nhỏ "
        "và vừa được hỗ trợ (60%) tăng mạnh."
    )
    found = verdicts("r3_no_data", three_provinces, text)
    assert found.get("60%") in NOTHING


@pytest.mark.xfail(
    strict=True,
    reason="not read right, before this change either (unsure, no figure is of it)",
)
def test_r3_a_rate_of_another_province_no_figure_is_of(three_provinces):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 5 tỷ đồng, tỷ lệ cơ sở công nghiệp nông thôn "
        "được hỗ trợ tại Nghệ An (45%) cao hơn."
    )
    found = verdicts("r3_no_data_area", three_provinces, text)
    assert found.get("45%") in NOTHING


def test_r3_ranked_in_parens(north):
    text = (
        "Năm 2024, trong vùng, tỷ lệ giải ngân cao nhất thuộc về Cao Bằng (90%), "
        "Điện Biên đứng sau (86,33%)."
    )
    found = verdicts("r3_ranked", north, text)
    assert found["90%"] == MATCH
    assert found["86,33%"] == MATCH


# --------------------------------------------------------------------------
# rule 4: points over the area named after the comparative


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("3,67 điểm phần trăm", (MATCH,)), ("2,67 điểm phần trăm", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r4_province_carried_compared_with_another(north, printed, expected):
    text = (
        "Năm 2024, Điện Biên giải ngân 7,252 tỷ đồng. Tỷ lệ giải ngân của tỉnh "
        f"là 86,33%, thấp hơn Cao Bằng {printed}."
    )
    found = verdicts(f"r4_carried_{printed[:4]}", north, text)
    assert found[printed] in expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("5 điểm phần trăm", (MATCH,)), ("6 điểm phần trăm", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r4_region_over_an_old_province(north, printed, expected):
    text = (
        "Tỷ lệ giải ngân của vùng Trung du và miền núi phía Bắc năm 2024 là 95%, "
        f"cao hơn Yên Bái cũ {printed}."
    )
    found = verdicts(f"r4_old_province_{printed[:1]}", north, text)
    assert found[printed] in expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("1,17 điểm phần trăm", (MATCH,)), ("2,17 điểm phần trăm", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r4_own_area_after_so_voi_a_year(north, printed, expected):
    text = f"So với năm 2023, tỷ lệ giải ngân năm 2024 của Điện Biên giảm {printed}."
    found = verdicts(f"r4_own_after_so_voi_{printed[:4]}", north, text)
    assert found[printed] in expected


def test_r4_own_area_compared_with_its_year(north):
    text = (
        "Tỷ lệ giải ngân năm 2024 của Điện Biên thấp hơn so với Điện Biên năm "
        "2023 là 1,17 điểm phần trăm."
    )
    found = verdicts("r4_own_vs_own_year", north, text)
    assert found["1,17 điểm phần trăm"] == MATCH


# --------------------------------------------------------------------------
# rule 5: "tỉnh mới"


def test_r5_toan_tinh_moi_beside_a_merged_province(son_la_and_lao_cai):
    text = (
        "Năm 2025, tỉnh Sơn La được giao 6,8 tỷ đồng. Đến hết tháng 10, toàn tỉnh "
        "mới giải ngân 4,58 tỷ đồng, đạt 67,35% kế hoạch."
    )
    found = verdicts("r5_son_la_beside_lao_cai", son_la_and_lao_cai, text)
    assert found["4,58 tỷ đồng"] == MATCH
    assert found["67,35%"] == MATCH


def test_r5_the_new_province(son_la_and_lao_cai):
    text = (
        "Sau hợp nhất, kế hoạch kinh phí khuyến công năm 2025 của tỉnh Lào Cai là "
        "12 tỷ đồng, trong đó hai tỉnh cũ 12 tỷ đồng. Đến hết tháng 9, tỉnh mới "
        "giải ngân 7,2 tỷ đồng, đạt 60%."
    )
    found = verdicts("r5_lao_cai_new", son_la_and_lao_cai, text)
    assert found["7,2 tỷ đồng"] == MATCH
    assert found["60%"] == MATCH


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("20 tỷ đồng", (MATCH,)), ("19 tỷ đồng", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r5_named_new_with_a_region(hai_phong, printed, expected):
    text = (
        "Năm 2025, kế hoạch kinh phí khuyến công của thành phố Hải Phòng (mới) là "
        f"{printed}."
    )
    found = verdicts(f"r5_hai_phong_{printed[:2]}", hai_phong, text)
    assert found[printed] in expected


def test_r5_toan_thanh_pho_moi_in_the_merged_city(hai_phong):
    text = (
        "Năm 2025, Hải Phòng được giao 20 tỷ đồng. Đến hết tháng 10, toàn thành "
        "phố mới giải ngân 15 tỷ đồng, đạt 75% kế hoạch."
    )
    found = verdicts("r5_hai_phong_only_just", hai_phong, text)
    assert found["15 tỷ đồng"] == MATCH
    assert found["75%"] == MATCH


# --------------------------------------------------------------------------
# rule 6: "không sử dụng hết"


def test_r6_the_plan_not_all_spent(son_la_alone):
    text = (
        "Năm 2025, Sơn La được phân bổ 6,8 tỷ đồng không giải ngân hết, chỉ thực "
        "hiện 6,52 tỷ đồng."
    )
    found = verdicts("r6_plan_not_all_spent", son_la_alone, text)
    assert found["6,8 tỷ đồng"] == MATCH


@pytest.mark.xfail(
    strict=True, reason="not read right, before this change either (no_data)"
)
def test_r6_the_plan_not_all_used(son_la_alone):
    text = (
        "Kế hoạch vốn khuyến công năm 2025 của Sơn La là 6,8 tỷ đồng chưa sử dụng "
        "hết do một số đề án chậm tiến độ."
    )
    found = verdicts("r6_plan_not_all_used", son_la_alone, text)
    assert found["6,8 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("200 triệu đồng", (MATCH,)), ("220 triệu đồng", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r6_one_fund_s_rest(son_la_alone, printed, expected):
    text = (
        "Kết thúc năm 2025, Sơn La giải ngân 2 tỷ đồng kinh phí khuyến công quốc "
        f"gia; {printed} không dùng hết phải hoàn trả ngân sách trung ương."
    )
    found = verdicts(f"r6_kcqg_{printed[:3]}", son_la_alone, text)
    assert found[printed] in expected


def test_r6_projects_not_using_all_their_money(kon_tum):
    text = (
        "Năm 2024, Kon Tum triển khai 30 đề án; 5 đề án không sử dụng hết kinh "
        "phí được giao."
    )
    found = verdicts("r6_projects_money", kon_tum, text)
    assert found.get("5 đề án") in (*NOTHING, UNSURE)


def test_r6_no_data(son_la_alone):
    text = "Năm 2025, Sơn La có 15 doanh nghiệp chưa sử dụng hết nguồn vốn vay ưu đãi."
    found = verdicts("r6_no_data", son_la_alone, text)
    assert found.get("15") in NOTHING


# --------------------------------------------------------------------------
# more phrasings


@pytest.mark.xfail(
    strict=True, reason="not read right, before this change either (2023, not 2024)"
)
def test_r1_money_pair_then_a_multiple(ha_tinh_money):
    text = (
        "Năm 2025, Hà Tĩnh giải ngân tăng từ 5,6 tỷ đồng lên 6,5 tỷ đồng, gấp 1,3 "
        "lần năm 2023."
    )
    found = verdicts("r1_money_multiple", ha_tinh_money, text)
    assert found["5,6 tỷ đồng"] == MATCH
    assert found["gấp 1,3 lần"] == MATCH


def test_r1_pair_change_in_parens_then_named_year(ha_tinh_money):
    text = (
        "Năm 2025, Hà Tĩnh giải ngân tăng từ 5 tỷ đồng lên 6,5 tỷ đồng (tăng 30%) "
        "so với năm 2023."
    )
    found = verdicts("r1_change_in_parens", ha_tinh_money, text)
    assert found["5 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("90,95%", (MATCH,)),
        pytest.param(
            "86,4%",
            FLAGGED,
            marks=pytest.mark.xfail(
                strict=True,
                reason="not read right, before this change either: own spent over the other area's plan",
            ),
        ),
    ],
    ids=["ok", "bad"],
)
def test_r2_of_another_province_of_the_region(kon_tum, printed, expected):
    text = f"Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, chỉ bằng {printed} của Gia Lai."
    found = verdicts(f"r2_gia_lai_{printed}", kon_tum, text)
    assert found[printed] in expected


def test_r2_of_the_plan_named_by_the_department(three_provinces):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 5 tỷ đồng, bằng 90,91% so với Sở Tài chính "
        "thông báo."
    )
    found = verdicts("r2_so_tai_chinh", three_provinces, text)
    assert found["90,91%"] == MATCH


def test_r3_a_change_named_tỷ_lệ(ha_tinh_money):
    text = "Năm 2024, Hà Tĩnh giải ngân 5,6 tỷ đồng, cao hơn năm trước với tỷ lệ (12%)."
    found = verdicts("r3_change_ty_le", ha_tinh_money, text)
    assert found["12%"] == MATCH


@pytest.mark.xfail(
    strict=True, reason="not read right, before this change either (72,45% no_data)"
)
def test_r3_structure_of_funds(kon_tum):
    text = (
        "Năm 2024, Kon Tum giải ngân 8,64 tỷ đồng, cơ cấu nguồn vốn gồm khuyến "
        "công quốc gia (27,55%) và khuyến công địa phương (72,45%)."
    )
    found = verdicts("r3_structure", kon_tum, text)
    assert found["27,55%"] == MATCH
    assert found["72,45%"] == MATCH


def test_r4_compared_named_first(north):
    text = (
        "So với Cao Bằng, tỷ lệ giải ngân năm 2024 của Điện Biên thấp hơn 3,67 "
        "điểm phần trăm."
    )
    found = verdicts("r4_compared_first", north, text)
    assert found["3,67 điểm phần trăm"] == MATCH


def test_r4_no_subject_named(north):
    text = "Năm 2024, tỷ lệ giải ngân thấp hơn Cao Bằng 3,67 điểm phần trăm."
    found = verdicts("r4_no_subject", north, text)
    assert found["3,67 điểm phần trăm"] in (*NOTHING, UNSURE, MATCH)


@pytest.mark.xfail(
    strict=True, reason="not read right, before this change either (no_data)"
)
def test_r6_one_fund_s_plan_not_all_used(son_la_alone):
    text = (
        "Năm 2025, kinh phí khuyến công quốc gia của Sơn La 2,2 tỷ đồng không sử "
        "dụng hết, phải trả lại 200 triệu đồng."
    )
    found = verdicts("r6_kcqg_plan_not_all_used", son_la_alone, text)
    assert found["2,2 tỷ đồng"] == MATCH
    assert found["200 triệu đồng"] == MATCH


def test_r6_control_the_plan_plainly(son_la_alone):
    text = "Kế hoạch vốn khuyến công năm 2025 của Sơn La là 6,8 tỷ đồng."
    found = verdicts("r6_control_plan", son_la_alone, text)
    assert found["6,8 tỷ đồng"] == MATCH


def test_r6_control_the_plan_given(son_la_alone):
    text = "Năm 2025, Sơn La được phân bổ 6,8 tỷ đồng, chỉ thực hiện 6,52 tỷ đồng."
    found = verdicts("r6_control_given", son_la_alone, text)
    assert found["6,8 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("27,78%", (MATCH,)), ("25%", FLAGGED)],
    ids=["ok", "bad"],
)
def test_r3_chiem_ty_le_in_parens(kon_tum, printed, expected):
    text = (
        "Năm 2024, Kon Tum được giao 9 tỷ đồng, trong đó vốn khuyến công quốc gia "
        f"2,5 tỷ đồng, chiếm tỷ lệ thấp ({printed})."
    )
    found = verdicts(f"r3_chiem_ty_le_{printed}", kon_tum, text)
    assert found[printed] in expected


def test_r3_tang_voi_ty_le_in_parens(ha_tinh_money):
    text = (
        "Năm 2024, Hà Tĩnh giải ngân 5,6 tỷ đồng, tăng so với năm 2023 với tỷ lệ "
        "khá cao (12%)."
    )
    found = verdicts("r3_tang_voi_ty_le", ha_tinh_money, text)
    assert found["12%"] == MATCH


def test_r3_dat_ty_le_in_parens(three_provinces):
    text = "Năm 2024, Nghệ An giải ngân 4 tỷ đồng, đạt tỷ lệ cao (95,24%)."
    found = verdicts("r3_dat_ty_le", three_provinces, text)
    assert found["95,24%"] == MATCH


def test_r1_pair_compared_with_the_same_period(reference_data, make_figure):
    here = area("Hà Tĩnh")
    figures = [
        make_figure(here, 2024, E, "4000000000", months=9),
        make_figure(here, 2025, E, "5000000000", months=9),
        make_figure(here, 2023, E, "3000000000", months=9),
    ]
    text = (
        "Chín tháng năm 2025, Hà Tĩnh giải ngân tăng từ 4 tỷ đồng lên 5 tỷ đồng, "
        "tăng 25% so với cùng kỳ năm 2024."
    )
    found = verdicts("r1_same_period", figures, text)
    assert found["4 tỷ đồng"] == MATCH


def test_r4_this_rate_over_another_province(north):
    text = (
        "Năm 2024, Cao Bằng giải ngân 4,5 tỷ đồng, đạt 90%. Tỷ lệ này cao hơn Điện "
        "Biên 3,67 điểm phần trăm."
    )
    found = verdicts("r4_this_rate", north, text)
    assert found["3,67 điểm phần trăm"] == MATCH
