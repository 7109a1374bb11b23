"""What is left, named after the number ("12 đề án còn lại đang chờ
nghiệm thu"): the plan less what was done in the period in force
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(reference_data, make_figure):
    """Hà Tĩnh plans 40 projects for 2025; 28 done after 8 months."""
    province = area("Hà Tĩnh")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2025, P, "40", indicator=count),
        make_figure(province, 2025, E, "28", months=8, indicator=count),
    ]


TEXT = (
    "Hết tháng 8/2025, Hà Tĩnh đã nghiệm thu 28/40 đề án khuyến công; "
    "{} còn lại đang hoàn thiện hồ sơ."
)


@pytest.mark.parametrize(("printed", "verdict"), [("12", MATCH), ("13", MISMATCH)])
def test_the_rest_named_after_a_count(projects, printed, verdict):
    found = paragraph_verdicts(projects, TEXT.format(f"{printed} đề án"))
    assert found[f"{printed} đề án"] == verdict


@pytest.fixture
def money(reference_data, make_figure):
    """Hà Tĩnh's 2025 plan of 8 tỷ đồng; 5,75 tỷ spent after 10 months."""
    province = area("Hà Tĩnh")
    return [
        make_figure(province, 2025, P, "8000000000"),
        make_figure(province, 2025, E, "5750000000", months=10),
    ]


@pytest.mark.parametrize(
    ("left", "verdicts"),
    [
        ("khoảng 2,25 tỷ", {MATCH, ROUNDING}),
        ("gần 2,3 tỷ", {MATCH, ROUNDING}),
        ("khoảng 3,25 tỷ", {MISMATCH}),
    ],
)
def test_an_approximate_amount_still_to_spend(money, left, verdicts):
    # 8 − 5,75 = 2,25 tỷ left for the last two months
    found = paragraph_verdicts(
        money,
        "Năm 2025, hết tháng 10 Hà Tĩnh giải ngân 5,75 tỷ đồng kinh phí khuyến "
        f"công; còn {left} đồng phải giải ngân trong hai tháng cuối năm.",
    )
    assert found[left.split(" ", 1)[1] + " đồng"] in verdicts


@pytest.fixture
def year_projects(reference_data, make_figure):
    """Quảng Trị planned 25 projects for 2024 and carried out 21."""
    province = area("Quảng Trị")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2024, P, "25", indicator=count),
        make_figure(province, 2024, E, "21", indicator=count),
    ]


@pytest.mark.parametrize(
    "dropped", ["không thực hiện được", "phải dừng", "bị hủy", "xin dừng thực hiện"]
)
@pytest.mark.parametrize(("printed", "verdict"), [("4", MATCH), ("5", MISMATCH)])
def test_the_projects_dropped_are_the_plan_less_those_done(
    year_projects, dropped, printed, verdict
):
    # "21/25 đề án; 4 đề án phải dừng": the plan less what was done
    found = paragraph_verdicts(
        year_projects,
        f"Năm 2024, Quảng Trị triển khai 21/25 đề án khuyến công; {printed} đề án "
        f"{dropped} vì cơ sở thiếu vốn đối ứng.",
    )
    assert found[f"{printed} đề án"] == verdict


@pytest.mark.parametrize(
    "tail",
    [
        "còn {}.",
        "còn {}, tập trung ở hai đề án máy móc.",
        "còn {} đang chờ về đích.",
        "nhưng vẫn còn {}; tháng 12 tập trung thanh toán.",
    ],
)
@pytest.mark.parametrize(("left", "verdicts"), [("gần 2,3 tỷ đồng", {MATCH, ROUNDING})])
def test_what_is_left_ending_its_clause(money, tail, left, verdicts):
    # "còn gần 2,3 tỷ đồng." with nothing after: what is left of the plan
    text = (
        "Năm 2025, hết tháng 10 Hà Tĩnh giải ngân 5,75 tỷ đồng kinh phí khuyến "
        "công, " + tail.format(left)
    )
    assert paragraph_verdicts(money, text)["2,3 tỷ đồng"] in verdicts


def test_a_level_after_a_fall_is_not_what_is_left(money):
    # "giảm …, chỉ còn 5,75 tỷ đồng": the level it came to, the spent figure
    text = (
        "Năm 2025, hết tháng 10, kinh phí khuyến công Hà Tĩnh giải ngân giảm so "
        "với cùng kỳ, chỉ còn 5,75 tỷ đồng."
    )
    assert paragraph_verdicts(money, text)["5,75 tỷ đồng"] == MATCH


def test_a_level_with_its_fall_after_it_is_not_what_is_left(money):
    text = (
        "Năm 2025, hết tháng 10, kinh phí khuyến công Hà Tĩnh giải ngân chỉ còn "
        "5,75 tỷ đồng, thấp hơn cùng kỳ."
    )
    assert paragraph_verdicts(money, text)["5,75 tỷ đồng"] == MATCH


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "Năm 2025, kế hoạch kinh phí khuyến công của Hà Tĩnh chỉ còn 8 tỷ đồng.",
            "8 tỷ đồng",
        ),
        (
            "Năm 2025, hết tháng 10 Hà Tĩnh giải ngân chỉ còn 5,75 tỷ đồng.",
            "5,75 tỷ đồng",
        ),
        (
            "Năm 2025, sau khi rà soát, kế hoạch kinh phí khuyến công của Hà Tĩnh còn "
            "8 tỷ đồng.",
            "8 tỷ đồng",
        ),
    ],
)
def test_a_figure_that_came_down_to_a_level_is_that_level(money, text, printed):
    assert paragraph_verdicts(money, text)[printed] == MATCH
