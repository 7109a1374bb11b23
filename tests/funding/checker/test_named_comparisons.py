"""Comparisons whose other side the words name (sentences written for these
tests): the first number of "tăng từ a lên b năm 2025, gấp … năm 2023" is
of 2024; "bằng 80% của Hà Tĩnh" is of Hà Tĩnh's same figure; a rate named
before a parenthesis ("tỷ lệ chung của vùng … (90%)") is that rate; the
area named after "cao hơn" in points is the one compared with; "toàn tỉnh
mới giải ngân" is "has only just" where no province was merged; money
"không sử dụng hết" is the plan less what was spent."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, UNSURE
from funding.models import Area, Indicator
from tests.funding.checker.checking import (
    E,
    P,
    area,
    paragraph_verdicts,
    read,
    read_with_report,
)

pytestmark = pytest.mark.django_db

FLAGGED = (MISMATCH, UNSURE)


@pytest.fixture
def products(reference_data, make_figure):
    """Hà Nội's products chosen: 31 (2023), 36 (2024), 40 (2025)."""
    count = Indicator.objects.get(code="so-san-pham-binh-chon")
    here = area("Hà Nội")
    return [
        make_figure(here, year, E, value, indicator=count)
        for year, value in ((2023, "31"), (2024, "36"), (2025, "40"))
    ]


CHOSEN = (
    "Năm 2026, Trung tâm tiếp tục tổ chức bình chọn. Số sản phẩm được bình chọn "
    "tăng từ {old} lên 40 sản phẩm năm 2025, gấp 1,29 lần năm 2023 (31 sản phẩm)."
)


def test_the_pair_s_first_number_is_of_the_year_before_the_second(products):
    found = paragraph_verdicts(products, CHOSEN.format(old="36"))
    assert found == {
        "36": MATCH,
        "40 sản phẩm": MATCH,
        "gấp 1,29 lần": MATCH,
        "31 sản phẩm": MATCH,
    }


def test_the_pair_s_first_number_wrong_is_flagged(products):
    found = paragraph_verdicts(products, CHOSEN.format(old="33"))
    assert found["33"] in FLAGGED


@pytest.fixture
def two_provinces(reference_data, make_figure):
    """2024: Nghệ An 4 of 4,2 tỷ spent; Hà Tĩnh 5 of 5,5 tỷ."""
    return [
        make_figure(area("Nghệ An"), 2024, P, "4200000000"),
        make_figure(area("Nghệ An"), 2024, E, "4000000000"),
        make_figure(area("Hà Tĩnh"), 2024, P, "5500000000"),
        make_figure(area("Hà Tĩnh"), 2024, E, "5000000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("80%", (MATCH,)), ("86%", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_share_of_another_area_s_same_figure(two_provinces, printed, verdicts):
    text = (
        "Năm 2024, Nghệ An chỉ có kế hoạch 4,2 tỷ đồng, số giải ngân chỉ bằng "
        f"{printed} của Hà Tĩnh."
    )
    found, report = read_with_report(two_provinces, text)
    assert dict(found)[printed] in verdicts
    finding = next(f for f in report.findings if f.quote.text == printed)
    # the spending of each, not Hà Tĩnh's plan
    assert {f.measure for f in finding.readings[0].figures} == {E}


@pytest.fixture
def province_and_region(reference_data, make_figure):
    """2024: the region 85,5 of 90 tỷ spent (95%); Cao Bằng 4,5 of 5 tỷ (90%)."""
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    return [
        make_figure(region, 2024, P, "90000000000"),
        make_figure(region, 2024, E, "85500000000"),
        make_figure(area("Cao Bằng"), 2024, P, "5000000000"),
        make_figure(area("Cao Bằng"), 2024, E, "4500000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("95%", (MATCH,)), ("93%", FLAGGED)],
    ids=["right", "wrong"],
)
def test_the_value_of_a_rate_named_before_a_parenthesis(
    province_and_region, printed, verdicts
):
    text = (
        "Năm 2024, Cao Bằng giải ngân 4,5 tỷ đồng, đạt 90%, thấp hơn tỷ lệ chung "
        f"của vùng Trung du và miền núi phía Bắc ({printed})."
    )
    assert dict(read(province_and_region, text))[printed] in verdicts


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("5 điểm phần trăm", (MATCH,)), ("4 điểm phần trăm", FLAGGED)],
    ids=["right", "wrong"],
)
def test_points_over_the_area_named_after_the_comparative(
    province_and_region, printed, verdicts
):
    text = f"Tỷ lệ giải ngân của vùng năm 2024 là 95%, cao hơn Cao Bằng {printed}."
    assert dict(read(province_and_region, text))[printed] in verdicts


@pytest.fixture
def son_la_2025(reference_data, make_figure):
    """2025, Sơn La: plan 6,8 tỷ; 4,58 tỷ spent by October, 6,52 in the
    year; the northern region's plan beside it (no merged province)."""
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    here = area("Sơn La")
    return [
        make_figure(here, 2025, P, "6800000000"),
        make_figure(here, 2025, E, "4580000000", months=10),
        make_figure(here, 2025, E, "6520000000"),
        make_figure(region, 2025, P, "90000000000"),
        make_figure(region, 2025, E, "70000000000", months=10),
    ]


def test_toan_tinh_moi_is_the_province_where_none_was_merged(son_la_2025):
    text = (
        "Năm 2025, tỉnh Sơn La được giao 6,8 tỷ đồng, bằng 7,56% kế hoạch của "
        "vùng Trung du và miền núi phía Bắc. Đến hết tháng 10, toàn tỉnh mới giải "
        "ngân 4,58 tỷ đồng, đạt 67,35% kế hoạch."
    )
    found = paragraph_verdicts(son_la_2025, text)
    assert found["4,58 tỷ đồng"] == MATCH
    assert found["67,35%"] == MATCH


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("280 triệu đồng", (MATCH,)), ("280 tỷ đồng", FLAGGED)],
    ids=["right", "tỷ-for-triệu"],
)
def test_money_left_unspent_is_the_plan_less_the_spending(
    son_la_2025, printed, verdicts
):
    text = (
        "Kết thúc năm 2025, tỉnh Sơn La thực hiện 6,52 tỷ đồng, bằng 95,88% kế "
        f"hoạch; {printed} không sử dụng hết phải hủy dự toán."
    )
    found = paragraph_verdicts(son_la_2025, text)
    assert found[printed] in verdicts
    assert found["6,52 tỷ đồng"] == MATCH


def test_a_number_without_data_stays_no_data(son_la_2025):
    text = "Năm 2025, tỉnh Sơn La có 12 cán bộ không sử dụng hết phép năm."
    assert paragraph_verdicts(son_la_2025, text).get("12", NO_DATA) == NO_DATA


@pytest.mark.parametrize(
    ("word", "points", "verdicts"),
    [
        ("thấp hơn", "5", (MATCH,)),
        ("cao hơn", "5", (MISMATCH,)),
        ("thấp hơn", "4", FLAGGED),
    ],
    ids=["right", "direction-wrong", "value-wrong"],
)
def test_points_against_a_rate_printed_in_parentheses(
    province_and_region, word, points, verdicts
):
    text = (
        f"Năm 2024, Cao Bằng giải ngân 4,5 tỷ đồng, đạt 90%, {word} tỷ lệ chung "
        f"của vùng Trung du và miền núi phía Bắc (95%) {points} điểm phần trăm."
    )
    found = dict(read(province_and_region, text))
    assert found[f"{points} điểm phần trăm"] in verdicts


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("95,24%", (MATCH,)), ("90,91%", FLAGGED)],
    ids=["its-own", "the-other-s"],
)
def test_a_rate_set_against_another_area_s(two_provinces, printed, verdicts):
    # Hà Tĩnh: 5 of 5,5 tỷ (90,91%); Nghệ An: 4 of 4,2 tỷ (95,24%)
    text = (
        "Năm 2024, Hà Tĩnh thực hiện 5 tỷ đồng, đạt 90,91% kế hoạch, trong khi "
        f"Nghệ An đạt {printed}."
    )
    quote, verdict = read(two_provinces, text)[-1]  # the second 90,91% if so
    assert quote == printed
    assert verdict in verdicts
