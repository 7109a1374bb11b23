"""Phrasings of report text the checker reads on text it has not seen:
a table whose unit is in its caption, approximate words, lists with one
unit, periods set apart ("từ tháng 7 đến tháng 11", "quý III"), and what
is left of a whole. Sentences written for these tests (other areas, words
and numbers than the corpus's)."""

import pytest
from django.utils.text import slugify

from funding.checker import (
    MATCH,
    MISMATCH,
    NO_DATA,
    ROUNDING,
    UNSURE,
    plain_text,
)
from funding.models import Area, Indicator, ProgrammeContent
from tests.funding.checker.checking import EST, KCDP, KCQG, E, P, area, read

pytestmark = pytest.mark.django_db


def content(name):
    found, _ = ProgrammeContent.objects.get_or_create(
        name=name, defaults={"code": slugify(name)[:60]}
    )
    return found


@pytest.fixture
def by_content(reference_data, make_figure):
    """Sơn La's 2026 KCĐP plan by two contents: amounts and projects."""
    here = area("Sơn La")
    count = Indicator.objects.get(code="so-de-an")
    demo, machines = (
        content("Mô hình trình diễn kỹ thuật"),
        content("Ứng dụng máy móc thiết bị tiên tiến"),
    )
    made = []
    for what, amount, projects in (
        (demo, "1240000000", "2"),
        (machines, "3760000000", "9"),
    ):
        made.append(make_figure(here, 2026, P, amount, source=KCDP, content=what))
        made.append(
            make_figure(
                here, 2026, P, projects, source=KCDP, content=what, indicator=count
            )
        )
    made.append(make_figure(here, 2026, P, "5000000000", source=KCDP))
    made.append(make_figure(here, 2026, P, "11", source=KCDP, indicator=count))
    return made


TABLE = (
    "<p>Kế hoạch kinh phí khuyến công địa phương tỉnh Sơn La năm 2026 (đơn vị "
    "tính: triệu đồng)</p><table><tr><th>TT</th><th>Nội dung</th><th>Số đề án</th>"
    "<th>Kinh phí</th><th>Tỷ trọng (%)</th></tr>"
    "<tr><td>1</td><td>Mô hình trình diễn kỹ thuật</td><td>2</td><td>1.240</td>"
    "<td>24,80</td></tr>"
    "<tr><td>2</td><td>Ứng dụng máy móc thiết bị tiên tiến</td><td>9</td><td>3.760</td>"
    "<td>75,20</td></tr>"
    "<tr><td></td><td>Tổng cộng</td><td>11</td><td>5.000</td><td>100</td></tr></table>"
)


def test_a_table_column_of_money_takes_the_unit_of_its_caption(by_content):
    found = read(by_content, plain_text(TABLE))
    assert found == [
        ("2", MATCH),
        ("1.240", MATCH),
        ("24,80", MATCH),  # of the money, not of the projects (18,18%)
        ("9", MATCH),
        ("3.760", MATCH),
        ("75,20", MATCH),
        ("11", MATCH),
        ("5.000", MATCH),
    ]
    wrong = read(by_content, plain_text(TABLE.replace("3.760", "3.670")))
    assert wrong[4] == ("3.670", MISMATCH)


@pytest.fixture
def mountain(reference_data, make_figure):
    """Sơn La's plans and spending 2023-2025, all funds and KCQG."""
    here = area("Sơn La")
    return [
        make_figure(here, 2023, E, "8200000000"),
        make_figure(here, 2024, E, "9300000000"),
        make_figure(here, 2025, P, "10400000000"),
        make_figure(here, 2025, P, "3100000000", source=KCQG),
    ]


def test_a_request_or_an_average_is_no_figure_of_the_data(mountain):
    asked = read(
        mountain,
        "Năm 2025, Sở Công Thương kiến nghị mỗi năm bố trí khoảng 15 tỷ đồng cho "
        "khuyến công. Tỉnh đề nghị hỗ trợ 2 đề án khuyến công quốc gia với kinh phí "
        "dự kiến 2,4 tỷ đồng.",
    )
    assert asked == [
        ("15 tỷ đồng", NO_DATA),
        ("2 đề án", NO_DATA),
        ("2,4 tỷ đồng", NO_DATA),
    ]
    averaged = read(
        mountain,
        "Năm 2025, kế hoạch khuyến công là 10,4 tỷ đồng; bình quân mỗi năm giai đoạn "
        "2023-2025 tỉnh giải ngân khoảng 9,1 tỷ đồng.",
    )
    assert averaged == [("10,4 tỷ đồng", MATCH), ("9,1 tỷ đồng", NO_DATA)]
    # the plan itself, with no request before it, is still checked
    stated = read(mountain, "Năm 2025, kế hoạch khuyến công là 11,4 tỷ đồng.")
    assert stated == [("11,4 tỷ đồng", MISMATCH)]


@pytest.fixture
def yearly(reference_data, make_figure):
    """Điện Biên's plans and spending 2021-2024, and its first halves."""
    here = area("Điện Biên")
    made = []
    for year, plan, spent in (
        (2021, "5000000000", "4600000000"),
        (2022, "5400000000", "5100000000"),
        (2023, "6000000000", "5700000000"),
        (2024, "6500000000", "6400000000"),
    ):
        made.append(make_figure(here, year, P, plan))
        made.append(make_figure(here, year, E, spent))
    made.append(make_figure(here, 2024, E, "2900000000", months=6))
    made.append(make_figure(here, 2023, E, "2500000000", months=6))
    return made


def test_points_against_the_year_the_sentence_named_before(yearly):
    # 2021: 4,6 / 5 = 92%; 2024: 6,4 / 6,5 = 98,46%; 6,46 points higher
    # (against 2023's 95% it would be 3,46)
    text = (
        "Năm 2021 Điện Biên giải ngân 92% kế hoạch; sang năm 2024 tỷ lệ đó đạt "
        "98,46%, cao hơn {} điểm phần trăm."
    )
    assert read(yearly, text.format("6,46"))[-1] == ("6,46 điểm phần trăm", MATCH)
    assert read(yearly, text.format("5,46"))[-1][1] in (MISMATCH, UNSURE)


def test_a_change_is_of_the_amount_not_of_the_plan_it_is_measured_against(yearly):
    # 6,4 / 5,7 − 1 = 12,28% (of the plans: 6,5 / 6 − 1 = 8,33%)
    text = (
        "Năm 2024, Điện Biên giải ngân 6,4 tỷ đồng trên kế hoạch 6,5 tỷ đồng, "
        "tăng {} so với năm trước."
    )
    assert read(yearly, text.format("12,28%"))[-1] == ("12,28%", MATCH)
    assert read(yearly, text.format("12,82%"))[-1] == ("12,82%", MISMATCH)


def test_the_same_period_of_another_year(yearly):
    text = (
        "Năm 2024, nửa đầu năm tỉnh giải ngân 6 tháng đầu năm 2,9 tỷ đồng, cùng kỳ "
        "năm 2023 chỉ đạt {} tỷ đồng."
    )
    assert read(yearly, text.format("2,5"))[-1] == ("2,5 tỷ đồng", MATCH)
    assert read(yearly, text.format("2,6"))[-1] == ("2,6 tỷ đồng", MISMATCH)


@pytest.mark.parametrize(
    "text",
    [
        "Theo đề nghị của Sở Công Thương, năm 2024 Điện Biên đã giải ngân {} tỷ đồng.",
        "Thực hiện kiến nghị của Kiểm toán nhà nước, năm 2024 Điện Biên giải ngân "
        "{} tỷ đồng.",
        "Trên cơ sở đề xuất của tỉnh năm 2024, Điện Biên đã giải ngân {} tỷ đồng.",
        "Giai đoạn 2021-2024, bình quân mỗi năm Điện Biên giải ngân khoảng 5,45 tỷ "
        "đồng, riêng năm 2024 giải ngân {} tỷ đồng.",
        "So với mức trung bình cả nước, năm 2024 Điện Biên giải ngân {} tỷ đồng.",
    ],
)
def test_a_request_or_an_average_does_not_hide_the_figures_after_it(yearly, text):
    # A request's or an average's noun, or one before a comma, does not
    # govern the figure the clause then states: it is checked as any other.
    assert read(yearly, text.format("6,4"))[-1] == ("6,4 tỷ đồng", MATCH)
    assert read(yearly, text.format("7,4"))[-1] == ("7,4 tỷ đồng", MISMATCH)


def test_an_average_set_before_a_comma_governs_the_per_year_amount(yearly):
    # 5,9 is no year's figure (the years' mean): no data, never a mismatch
    text = "Bình quân giai đoạn 2021-2024, kế hoạch mỗi năm của Điện Biên khoảng 5,9 tỷ đồng."
    assert read(yearly, text) == [("5,9 tỷ đồng", NO_DATA)]


def test_a_rate_asked_for_is_no_figure_of_the_data(yearly):
    # what is asked for is a target, even when it happens to be what was
    # done (6,4 / 6,5 = 98,46%)
    text = (
        "Năm 2024 Điện Biên giải ngân 6,4 tỷ đồng. Tôi đề nghị Sở Công Thương "
        "phấn đấu giải ngân {} kế hoạch năm 2024."
    )
    assert read(yearly, text.format("98,46%"))[-1] == ("98,46%", NO_DATA)
    assert read(yearly, text.format("100%"))[-1] == ("100%", NO_DATA)


def test_a_request_in_an_earlier_sentence_governs_nothing_after_it(yearly):
    text = (
        "Tỉnh đề nghị bổ sung 2 tỷ đồng cho năm sau. Năm 2024 Điện Biên giải ngân "
        "{} tỷ đồng."
    )
    assert read(yearly, text.format("6,4"))[-1] == ("6,4 tỷ đồng", MATCH)
    assert read(yearly, text.format("7,4"))[-1] == ("7,4 tỷ đồng", MISMATCH)


def test_the_first_half_with_its_year_written_out(yearly):
    # 2,9 of the first six months of 2024; 2,9 / 6,5 = 44,62% of the plan
    text = "Trong nửa đầu năm 2024, Điện Biên giải ngân {} tỷ đồng, bằng {} kế hoạch."
    assert read(yearly, text.format("2,9", "44,62%")) == [
        ("2,9 tỷ đồng", MATCH),
        ("44,62%", MATCH),
    ]
    assert read(yearly, text.format("3,9", "44,62%"))[0][1] == MISMATCH


@pytest.fixture
def nation(reference_data, make_figure):
    """The nation's 2023 spending, all funds and KCQG."""
    here = Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(here, 2023, E, "290000000000"),
        make_figure(here, 2023, E, "116000000000", source=KCQG),
    ]


def test_nguon_quoc_gia_and_nguon_dia_phuong_name_the_funds(nation):
    # 116 / 290 = 40%; the local part 290 − 116 = 174
    text = (
        "Cả nước thực hiện năm 2023 là 290 tỷ đồng kinh phí khuyến công, trong đó "
        "nguồn quốc gia chiếm {}, nguồn địa phương khoảng {} tỷ đồng."
    )
    assert read(nation, text.format("40%", "174")) == [
        ("290 tỷ đồng", MATCH),
        ("40%", MATCH),
        ("174 tỷ đồng", ROUNDING),
    ]
    assert read(nation, text.format("40%", "184"))[-1][1] == MISMATCH


def test_a_list_of_amounts_prints_its_unit_once(yearly):
    text = (
        "Kinh phí khuyến công Điện Biên giải ngân các năm 2021, 2022 và 2023 lần "
        "lượt là {}; {} và {} tỷ đồng."
    )
    assert read(yearly, text.format("4,6", "5,1", "5,7")) == [
        ("4,6", MATCH),
        ("5,1", MATCH),
        ("5,7 tỷ đồng", MATCH),
    ]
    wrong = read(yearly, text.format("4,6", "5,3", "5,7"))
    assert wrong[1][1] in (MISMATCH, UNSURE)  # flagged, not published as right
    # numbers without decimals before an amount are no list of it
    years = read(yearly, "Các năm 2022, 2023 và 5,7 tỷ đồng năm 2023.")
    assert [t for t, _v in years] == ["5,7 tỷ đồng"]


def test_what_must_still_be_spent_to_reach_the_estimate(reference_data, make_figure):
    here = area("Lai Châu")
    figures = [
        make_figure(here, 2024, P, "9400000000"),
        make_figure(here, 2024, EST, "9100000000"),
        make_figure(here, 2024, E, "7250000000", months=11),
    ]
    # 9,1 − 7,25 = 1,85 to reach the estimate (2,15 to reach the plan)
    text = (
        "11 tháng năm 2024, Lai Châu giải ngân 7,25 tỷ đồng; ước cả năm đạt 9,1 tỷ "
        "đồng, nên tháng 12 tỉnh phải giải ngân thêm xấp xỉ {} tỷ đồng."
    )
    assert read(figures, text.format("1,85"))[-1] == ("1,85 tỷ đồng", ROUNDING)
    assert read(figures, text.format("2,15"))[-1][1] in (MATCH, ROUNDING)
    assert read(figures, text.format("2,9"))[-1][1] in (MISMATCH, UNSURE)


def test_a_share_of_the_parts_listed_before_it(reference_data, make_figure):
    region = Area.objects.get(short_name="Trung du và miền núi phía Bắc")
    lai_chau, son_la = area("Lai Châu"), area("Sơn La")
    figures = [
        make_figure(region, 2024, P, "90000000000"),
        make_figure(lai_chau, 2024, P, "6000000000"),
        make_figure(son_la, 2024, P, "9000000000"),
    ]
    # 9 / (6 + 9) = 60% of the two listed (10% of the region's plan)
    text = (
        "Năm 2024, kế hoạch giao cho Lai Châu và Sơn La lần lượt là 6 tỷ đồng và "
        "9 tỷ đồng, cộng hai tỉnh 15 tỷ đồng; riêng Sơn La chiếm {}."
    )
    assert read(figures, text.format("60%"))[-1] == ("60%", MATCH)
    assert read(figures, text.format("10%"))[-1] == ("10%", MATCH)
    assert read(figures, text.format("66%"))[-1][1] in (MISMATCH, UNSURE)


def test_a_unit_slip_on_a_reading_the_words_did_not_pick_is_flagged(yearly):
    # the second half of 2024: 6,4 − 2,9 = 3,5 tỷ, printed in triệu by mistake
    text = (
        "Năm 2024, 6 tháng đầu năm Điện Biên giải ngân 2,9 tỷ đồng, cùng kỳ năm "
        "2023 đạt 2,5 tỷ đồng; 6 tháng cuối năm giải ngân {}."
    )
    assert read(yearly, text.format("3,5 tỷ đồng"))[-1] == ("3,5 tỷ đồng", MATCH)
    assert read(yearly, text.format("3,5 triệu đồng"))[-1][1] in (MISMATCH, UNSURE)


def test_an_increase_printed_as_an_amount(yearly):
    # 2024 − 2023 spent: 6,4 − 5,7 = 0,7 tỷ
    text = "Năm 2024, Điện Biên giải ngân 6,4 tỷ đồng, tăng 12,28%, tức thêm {}."
    assert read(yearly, text.format("700 triệu đồng"))[-1] == ("700 triệu đồng", MATCH)
    # only an assumed reading: a wrong one asks, it never blocks
    assert read(yearly, text.format("800 triệu đồng"))[-1][1] == UNSURE


def test_a_count_whose_noun_comes_before_the_change(by_content, make_figure):
    count = Indicator.objects.get(code="so-de-an")
    last = make_figure(area("Sơn La"), 2025, P, "8", source=KCDP, indicator=count)
    figures = [*by_content, last]
    text = "Năm 2026, số đề án khuyến công địa phương của Sơn La tăng từ {} lên {}."
    assert read(figures, text.format("8", "11")) == [("8", MATCH), ("11", MATCH)]
    assert read(figures, text.format("8", "12"))[-1][1] in (MISMATCH, UNSURE)
    # the noun after the change too: one quote each, not a second reading
    both = read(figures, text.format("8", "11 đề án"))
    assert [t for t, _v in both] == ["8", "11 đề án"]


def test_nua_dau_nam_is_the_first_six_months(yearly):
    # 2024: the year 6,4 less the first half 2,9 = 3,5; 3,5 / 2,9 = 1,21
    text = (
        "Năm 2024, sáu tháng cuối năm Điện Biên giải ngân 3,5 tỷ đồng, gấp {} lần "
        "nửa đầu năm."
    )
    assert read(yearly, text.format("1,21"))[-1] == ("gấp 1,21 lần", MATCH)
    assert read(yearly, text.format("1,12"))[-1][1] in (MISMATCH, UNSURE)


def test_luy_ke_n_thang_is_the_first_months_of_the_year_in_force(yearly):
    text = "Năm 2024 là năm bản lề. Lũy kế 6 tháng, Điện Biên giải ngân {} tỷ đồng."
    assert read(yearly, text.format("2,9")) == [("2,9 tỷ đồng", MATCH)]
    assert (
        read(yearly, text.format("3,2"))[-1][1] == UNSURE
    )  # near it for no cause (``choose.UNCAUSED``)
