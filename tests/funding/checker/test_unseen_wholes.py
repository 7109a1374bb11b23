"""More rules of report text the checker follows on text it has not seen:
parts of a whole named just before, a percentage after an amount and its
counted noun, and "tổng kinh phí" of one fund (sentences written for these
tests, not taken from the corpus)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Area, Indicator
from tests.funding.checker.checking import (
    EST,
    KCDP,
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    read,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hill(reference_data, make_figure):
    """Tuyên Quang's and the nation's KCQG plans (no all-funds total)."""
    tuyen_quang, nation = area("Tuyên Quang"), Area.objects.get(kind=Area.Kind.NATION)
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(tuyen_quang, 2026, P, "31", source=KCDP, indicator=count),
        make_figure(tuyen_quang, 2026, E, "30", source=KCDP, indicator=count),
        make_figure(tuyen_quang, 2026, P, "5600000000", source=KCQG),
        make_figure(tuyen_quang, 2025, P, "5000000000", source=KCQG),
        make_figure(tuyen_quang, 2026, P, "14", source=KCQG, indicator=count),
        make_figure(nation, 2026, P, "160000000000", source=KCQG),
        make_figure(nation, 2026, P, "210", source=KCQG, indicator=count),
    ]


def test_a_part_named_after_trong_do_is_not_the_whole(hill):
    text = (
        "Năm 2026, Tuyên Quang triển khai 30/31 đề án khuyến công địa phương, "
        "trong đó 21 đề án đã hoàn thành."
    )
    assert read(hill, text)[-1] == ("21 đề án", NO_DATA)
    whole = read(hill, text.replace("30/31", "29/31"))
    assert whole[0][1] in (MISMATCH, UNSURE)


def test_a_percentage_after_an_amount_and_its_projects(hill):
    # 5,6 / 160 = 3,5% of the money; 14 / 210 = 6,67% of the projects
    text = (
        "Năm 2026, tỉnh Tuyên Quang được giao 5,6 tỷ đồng kinh phí khuyến công "
        "quốc gia cho 14 đề án, chiếm {} so với cả nước, tăng {}."
    )
    assert read(hill, text.format("3,5%", "12%"))[2:] == [
        ("3,5%", MATCH),
        ("12%", MATCH),
    ]
    assert read(hill, text.format("6,67%", "12%"))[2] == ("6,67%", MATCH)
    # neither the money's nor the projects' share: which one is wrong is unsure
    assert read(hill, text.format("4,1%", "12%"))[2] == ("4,1%", UNSURE)


def test_the_total_of_one_fund_when_no_all_funds_total_is_stored(hill):
    text = (
        "Kế hoạch kinh phí khuyến công quốc gia năm 2026 được giao với tổng "
        "kinh phí {}, trong đó tỉnh Tuyên Quang 5,6 tỷ đồng, chiếm {} tổng kinh phí."
    )
    assert read(hill, text.format("160 tỷ đồng", "3,5%")) == [
        ("160 tỷ đồng", MATCH),
        ("5,6 tỷ đồng", MATCH),
        ("3,5%", MATCH),
    ]
    wrong = read(hill, text.format("16 tỷ đồng", "3,9%"))
    assert wrong[0][1] in (MISMATCH, UNSURE)
    assert wrong[2][1] in (MISMATCH, UNSURE)


@pytest.fixture
def lake(reference_data, make_figure):
    """Điện Biên's year 2026: plan, 9 months executed, the year's estimate."""
    dien_bien = area("Điện Biên")
    return [
        make_figure(dien_bien, 2026, P, "8000000000", source=KCDP),
        make_figure(dien_bien, 2026, E, "5200000000", source=KCDP, months=9),
        make_figure(dien_bien, 2026, EST, "7700000000", source=KCDP),
    ]


def test_ca_nam_is_the_whole_year_after_months_in_force(lake):
    text = (
        "Đến hết tháng 9/2026, Điện Biên đã giải ngân 5,2 tỷ đồng kinh phí "
        "khuyến công địa phương, đạt 65% kế hoạch.\nCả năm ước đạt {} "
        "kế hoạch."
    )
    assert read(lake, text.format("96,25%"))[-1] == ("96,25%", MATCH)
    assert read(lake, text.format("94,25%"))[-1][1] in (MISMATCH, UNSURE)


def test_a_change_of_nam_nay_is_of_the_area_in_force(lake, make_figure):
    figures = [
        *lake,
        make_figure(area("Điện Biên"), 2025, P, "6400000000", source=KCDP),
    ]
    text = (
        "Kế hoạch kinh phí khuyến công địa phương năm 2026 của tỉnh Điện Biên là "
        "8 tỷ đồng. Như vậy, kế hoạch năm nay tăng {} so với năm trước."
    )
    assert read(figures, text.format("25%"))[-1] == ("25%", MATCH)
    assert read(figures, text.format("27%"))[-1][1] in (MISMATCH, UNSURE)


def test_a_total_before_the_parts_it_was_added_from(reference_data, make_figure):
    # printed parts 4,21 + 1,83 + 3,06 = 9,10; the exact sum 9,1147 prints 9,11
    old = area_before_merger("Lâm Đồng")
    absorbed = [area_before_merger(n) for n in ("Đắk Nông", "Bình Thuận")]
    figures = [
        make_figure(old, 2025, E, "4214900000", months=6),
        make_figure(absorbed[0], 2025, E, "1834900000", months=6),
        make_figure(absorbed[1], 2025, E, "3064900000", months=6),
        make_figure(area("Lâm Đồng"), 2025, E, "15120000000", months=11),
    ]
    text = (
        "6 tháng đầu năm 2025, trước khi hợp nhất, ba tỉnh giải ngân tổng cộng "
        "{} tỷ đồng, trong đó Lâm Đồng 4,21 tỷ đồng, Đắk Nông 1,83 tỷ đồng và "
        "Bình Thuận 3,06 tỷ đồng."
    )
    assert read(figures, text.format("9,10"))[0] == ("9,10 tỷ đồng", ROUNDING)
    assert read(figures, text.format("9,11"))[0] == ("9,11 tỷ đồng", MATCH)
    assert read(figures, text.format("9,21"))[0][1] in (MISMATCH, UNSURE)


def test_from_one_count_to_another_in_the_period_in_force(reference_data, make_figure):
    dien_bien, count = area("Điện Biên"), Indicator.objects.get(code="so-de-an")
    figures = [
        make_figure(dien_bien, 2026, E, "33", source=KCDP, indicator=count, months=8),
        make_figure(dien_bien, 2025, E, "27", source=KCDP, indicator=count, months=8),
        make_figure(dien_bien, 2025, E, "35", source=KCDP, indicator=count),
    ]
    text = (
        "Tính đến hết tháng 8/2026, Điện Biên đã triển khai 33 đề án khuyến công "
        "địa phương; so với cùng kỳ, số đề án triển khai tăng từ {} lên 33 đề án."
    )
    assert read(figures, text.format("27"))[1] == ("27", MATCH)
    assert read(figures, text.format("28"))[1][1] in (MISMATCH, UNSURE)


def test_more_projects_is_a_difference_of_the_projects_not_the_money(
    reference_data, make_figure
):
    dien_bien, count = area("Điện Biên"), Indicator.objects.get(code="so-de-an")
    figures = [
        make_figure(dien_bien, 2026, P, "33", source=KCDP, indicator=count),
        make_figure(dien_bien, 2025, P, "27", source=KCDP, indicator=count),
        make_figure(dien_bien, 2026, P, "8000000000", source=KCDP),
        make_figure(dien_bien, 2025, P, "7000000000", source=KCDP),
    ]
    text = (
        "Năm 2026, Điện Biên được giao kế hoạch 33 đề án với tổng kinh phí 8 tỷ "
        "đồng, nhiều hơn {} đề án so với năm trước."
    )
    assert read(figures, text.format("6"))[-1] == ("6 đề án", MATCH)
    assert read(figures, text.format("5"))[-1][1] in (MISMATCH, UNSURE)


@pytest.fixture
def nation(reference_data, make_figure):
    """The nation's executed KCQG and KCĐP in 2026 and 2024 (all funds derived)."""
    nation = Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(nation, 2026, E, "150000000000", source=KCQG),
        make_figure(nation, 2026, E, "210000000000", source=KCDP),
        make_figure(nation, 2024, E, "130000000000", source=KCQG),
        make_figure(nation, 2024, E, "170000000000", source=KCDP),
    ]


def test_ty_trong_of_one_fund_in_the_total(nation):
    # 150 / 360 = 41,67%; 130 / 300 = 43,33%: 1,67 points lower
    text = (
        "Năm 2026, tỷ trọng kinh phí khuyến công quốc gia trong tổng kinh phí "
        "khuyến công cả nước là {}, thấp hơn {} điểm phần trăm so với năm 2024."
    )
    assert read(nation, text.format("41,67%", "1,67")) == [
        ("41,67%", MATCH),
        ("1,67 điểm phần trăm", MATCH),
    ]
    wrong = read(nation, text.format("58,33%", "1,87"))
    assert [verdict for _text, verdict in wrong] == [MISMATCH, MISMATCH]


def test_an_amount_that_is_a_percent_of_the_plan_is_not_the_plan(
    reference_data, make_figure
):
    dien_bien = area("Điện Biên")
    figures = [
        make_figure(dien_bien, 2026, P, "8000000000", source=KCDP),
        make_figure(dien_bien, 2026, E, "7600000000", source=KCDP),
    ]
    text = (
        "Năm 2026, kinh phí khuyến công địa phương của Điện Biên đạt {} tỷ đồng, "
        "bằng 95% kế hoạch."
    )
    assert read(figures, text.format("7,6"))[0] == ("7,6 tỷ đồng", MATCH)
    assert read(figures, text.format("8,0"))[0] == ("8,0 tỷ đồng", MISMATCH)


def test_what_is_left_of_a_whole_once_its_named_parts_are_taken(hill, make_figure):
    figures = [
        *hill,
        make_figure(area("Điện Biên"), 2026, P, "4000000000", source=KCQG),
        make_figure(area("Lai Châu"), 2026, P, "3400000000", source=KCQG),
    ]
    text = (
        "Năm 2026, kinh phí khuyến công quốc gia của cả nước là 160 tỷ đồng; "
        "tỉnh Tuyên Quang được giao 5,6 tỷ đồng, Điện Biên 4 tỷ đồng, Lai Châu "
        "3,4 tỷ đồng.\nSố còn lại, {} tỷ đồng, dành cho các địa phương khác."
    )
    assert read(figures, text.format("147"))[-1] == ("147 tỷ đồng", MATCH)
    assert read(figures, text.format("137"))[-1][1] in (MISMATCH, UNSURE)


def test_what_is_still_to_be_disbursed_after_the_months_done(lake):
    # plan 8 − 9 months 5,2 = 2,8; the year's estimate 7,7 − 5,2 = 2,5
    text = (
        "Chín tháng năm 2026, Điện Biên giải ngân 5,2 tỷ đồng kinh phí khuyến "
        "công địa phương. Để về đích, quý IV tỉnh còn phải giải ngân khoảng {} tỷ "
        "đồng."
    )
    assert read(lake, text.format("2,5"))[-1] == ("2,5 tỷ đồng", ROUNDING)  # khoảng
    assert read(lake, text.format("2,8"))[-1] == ("2,8 tỷ đồng", ROUNDING)
    assert read(lake, text.format("3,4"))[-1][1] in (MISMATCH, UNSURE)


def test_years_listed_then_lan_luot_pair_with_the_numbers(reference_data, make_figure):
    dien_bien = area("Điện Biên")
    figures = [
        make_figure(dien_bien, 2024, E, "5310000000", source=KCDP),
        make_figure(dien_bien, 2025, E, "6020000000", source=KCDP),
    ]
    text = (
        "Kinh phí khuyến công địa phương Điện Biên thực hiện năm 2024 và 2025 lần "
        "lượt là {} và {}."
    )
    # the unit printed once, after the last: the list's numbers share it
    assert read(figures, text.format("5,31", "6,02 tỷ đồng")) == [
        ("5,31", MATCH),
        ("6,02 tỷ đồng", MATCH),
    ]
    assert read(figures, text.format("5,31 tỷ đồng", "6,02 tỷ đồng")) == [
        ("5,31 tỷ đồng", MATCH),
        ("6,02 tỷ đồng", MATCH),
    ]
    swapped = read(figures, text.format("6,02 tỷ đồng", "5,31 tỷ đồng"))
    assert [verdict for _text, verdict in swapped] == [MISMATCH, MISMATCH]


def test_a_percentage_beside_a_listed_value_is_no_item_of_the_list(
    reference_data, make_figure
):
    dien_bien = area("Điện Biên")
    figures = [
        make_figure(dien_bien, year, E, value, source=KCDP)
        for year, value in [(2024, "5310000000"), (2025, "6020000000")]
    ]
    figures.append(make_figure(dien_bien, 2026, E, "7100000000", source=KCDP))
    text = (
        "Kinh phí khuyến công địa phương Điện Biên thực hiện năm 2024, 2025 và "
        "2026 lần lượt là 5,31 tỷ đồng {}, 6,02 tỷ đồng và 7,1 tỷ đồng."
    )
    for aside in ("(tăng 5%)", "tăng 5%"):
        amounts = [q for q in read(figures, text.format(aside)) if "tỷ" in q[0]]
        assert amounts == [
            ("5,31 tỷ đồng", MATCH),
            ("6,02 tỷ đồng", MATCH),
            ("7,1 tỷ đồng", MATCH),
        ], aside
