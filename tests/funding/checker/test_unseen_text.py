"""Rules about Vietnamese report text the checker follows on text it has
not seen, each shown on sentences written for these tests (other areas,
words and numbers than the corpus's)."""

from decimal import Decimal

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Area, Indicator
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    area,
    area_before_merger,
    read,
    read_with_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def north(reference_data, make_figure):
    """Two mountain provinces' figures for 2024."""
    son_la, lai_chau = area("Sơn La"), area("Lai Châu")
    return [
        make_figure(son_la, 2024, P, "9400000000"),
        make_figure(son_la, 2024, E, "8050000000"),
        make_figure(lai_chau, 2024, P, "6150000000"),
        make_figure(lai_chau, 2024, E, "5800000000"),
        make_figure(son_la, 2024, E, "5210000000", months=8),
        make_figure(lai_chau, 2024, E, "3764000000", months=8),
    ]


def test_the_words_before_a_colon_name_what_follows_it(north):
    # Lai Châu 8 months: 3,764 / 6,15 = 61,20%; Sơn La's: 55,43%
    found = read(
        north, "Lai Châu: 8 tháng đầu năm 2024 giải ngân 61,2% kế hoạch khuyến công"
    )
    assert found == [("61,2%", MATCH)]
    wrong = read(
        north, "Sơn La: 8 tháng đầu năm 2024 giải ngân 61,2% kế hoạch khuyến công"
    )
    assert wrong == [("61,2%", UNSURE)]  # near it for no cause (``choose.UNCAUSED``)
    listed = read(
        north,
        "Năm 2024, kế hoạch kinh phí khuyến công được giao cho hai tỉnh: Sơn La "
        "9,4 tỷ đồng, Lai Châu 6,15 tỷ đồng.",
    )
    assert listed == [("9,4 tỷ đồng", MATCH), ("6,15 tỷ đồng", MATCH)]


def test_a_number_that_belongs_to_the_neighbouring_figure_is_a_swap(
    reference_data, make_figure
):
    here = area("Điện Biên")
    figures = [
        make_figure(here, 2024, E, "6070000000"),
        make_figure(here, 2024, E, "1350000000", source=KCQG),
        make_figure(here, 2024, E, "4720000000", source=KCDP),
    ]
    right = read(
        figures,
        "Năm 2024, kinh phí khuyến công quốc gia của Điện Biên là 1,35 tỷ đồng.",
    )
    assert right == [("1,35 tỷ đồng", MATCH)]
    # 4,72 is 3,5 times 1,35: no slip of it, but the KCĐP figure's value
    found, report = read_with_report(
        figures,
        "Năm 2024, kinh phí khuyến công quốc gia của Điện Biên là 4,72 tỷ đồng.",
    )
    assert found == [("4,72 tỷ đồng", MISMATCH)]
    assert report.findings[0].figures[0].fund == KCQG
    listed = read(
        figures,
        "Năm 2024, kinh phí khuyến công địa phương của Điện Biên là 4,72 tỷ đồng; "
        "thu nhập của lao động đạt 4,7 triệu đồng/tháng.",
    )
    assert listed[0] == ("4,72 tỷ đồng", MATCH)
    assert listed[1][1] == NO_DATA  # an income per month: no figure of the data


@pytest.fixture
def projects(reference_data, make_figure):
    son_la = area("Sơn La")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(son_la, 2024, P, "25", indicator=count),
        make_figure(son_la, 2024, E, "17", indicator=count, months=9),
        make_figure(son_la, 2024, P, "6", source=KCQG, indicator=count),
        make_figure(son_la, 2024, P, "4100000000", source=KCQG),
    ]


def test_done_so_far_over_the_year_plan(projects):
    found = read(projects, "Đến hết tháng 9/2024, Sơn La đã hoàn thành 17/25 đề án.")
    assert found == [("17", MATCH), ("25 đề án", MATCH)]
    wrong = read(projects, "Đến hết tháng 9/2024, Sơn La đã hoàn thành 17/26 đề án.")
    assert wrong == [("17", MATCH), ("26 đề án", MISMATCH)]


def test_the_fund_named_after_a_counted_noun_is_its_fund(projects):
    text = (
        "Năm 2024, Sơn La được giao 6 đề án khuyến công quốc gia với kinh phí "
        "4,1 tỷ đồng."
    )
    found = read(projects, text)
    assert found == [("6 đề án", MATCH), ("4,1 tỷ đồng", MATCH)]
    wrong = read(projects, text.replace("6 đề án", "7 đề án"))
    assert wrong[0] == ("7 đề án", MISMATCH)


def test_respectively_pairs_names_and_numbers_and_together_sums_them(
    north, make_figure
):
    region = Area.objects.get(name="Vùng Trung du và miền núi phía Bắc")
    figures = [*north, make_figure(region, 2024, E, "40880000000")]
    # (5,8 + 8,05) / 40,88 = 33,88%
    text = (
        "Năm 2024, Lai Châu và Sơn La là hai tỉnh giải ngân nhiều nhất vùng, lần "
        "lượt 5,8 tỷ đồng và 8,05 tỷ đồng, cộng lại chiếm 33,88% kinh phí thực "
        "hiện toàn vùng."
    )
    found, report = read_with_report(figures, text)
    assert found == [
        ("5,8 tỷ đồng", MATCH),
        ("8,05 tỷ đồng", MATCH),
        ("33,88%", MATCH),
    ]
    assert report.findings[2].readings[0].ident.startswith("share:(sum:")
    swapped = read(figures, text.replace("Lai Châu và Sơn La", "Sơn La và Lai Châu"))
    assert [v for _t, v in swapped[:2]] == [MISMATCH, MISMATCH]


def test_points_against_the_average_of_the_region(north, make_figure):
    region = Area.objects.get(name="Vùng Trung du và miền núi phía Bắc")
    figures = [
        *north,
        make_figure(region, 2024, E, "40880000000"),
        make_figure(region, 2024, P, "47500000000"),
    ]
    # Lai Châu 5,8 / 6,15 = 94,31%; the region 40,88 / 47,5 = 86,06%
    text = (
        "Năm 2024, Lai Châu giải ngân 94,31% kế hoạch, cao hơn 8,25 điểm phần "
        "trăm so với bình quân toàn vùng."
    )
    found, report = read_with_report(figures, text)
    assert found == [("94,31%", MATCH), ("8,25 điểm phần trăm", MATCH)]
    assert {f.area for f in report.findings[1].figures} == {area("Lai Châu"), region}
    wrong = read(figures, text.replace("8,25", "8,52"))
    assert wrong[1] == ("8,52 điểm phần trăm", MISMATCH)


def test_cao_hon_compares_it_does_not_round(reference_data, make_figure):
    here = area("Lai Châu")
    trained = Indicator.objects.get(code="so-luot-dao-tao")
    figures = [
        make_figure(here, 2024, E, "2081", indicator=trained),
        make_figure(here, 2023, E, "1850", indicator=trained),
    ]
    # 2081 / 1850 − 1 = 12,486…%: "12,5%" as printed, not "more than 12,5%"
    found = read(
        figures,
        "Năm 2024, Lai Châu đào tạo 2.081 lượt người, cao hơn 12,5% so với năm 2023.",
    )
    assert found == [("2.081 lượt người", MATCH), ("12,5%", MATCH)]
    more = read(
        figures,
        "Năm 2024, Lai Châu đào tạo 2.081 lượt người, tăng hơn 12,4% so với năm 2023.",
    )
    assert more[1] == ("12,4%", ROUNDING)  # "hơn 12,4%": more than 12,4%


@pytest.fixture
def merged(reference_data, make_figure):
    """Tuyên Quang took in Hà Giang on 1/7/2025; the old Tuyên Quang's
    first half and the new one's eleven months."""
    old, absorbed = area_before_merger("Tuyên Quang"), area_before_merger("Hà Giang")
    return [
        make_figure(old, 2025, E, "2640000000", months=6),
        make_figure(absorbed, 2025, E, "1970000000", months=6),
        make_figure(area("Tuyên Quang"), 2025, E, "9120000000", months=11),
    ]


def test_before_the_merger_a_surviving_name_is_the_old_province(merged):
    text = (
        "6 tháng đầu năm 2025, trước khi hợp nhất, tỉnh Tuyên Quang giải ngân "
        "2,64 tỷ đồng."
    )
    found, report = read_with_report(merged, text)
    assert found == [("2,64 tỷ đồng", MATCH)]
    assert report.findings[0].figures == (merged[0],)
    slip = read(merged, text.replace("2,64 tỷ", "2,64 triệu"))
    assert slip == [("2,64 triệu đồng", MISMATCH)]
    old = read(
        merged, "6 tháng đầu năm 2025, Tuyên Quang cũ giải ngân 2,64 triệu đồng."
    )
    assert old == [("2,64 triệu đồng", MISMATCH)]


def test_an_amount_added_since_an_earlier_period_is_a_difference(merged):
    # 9,12 − (2,64 + 1,97) = 4,51
    text = (
        "11 tháng năm 2025, tỉnh Tuyên Quang giải ngân 9,12 tỷ đồng; riêng từ "
        "khi hợp nhất đến nay đã giải ngân thêm 4,51 tỷ đồng."
    )
    found, report = read_with_report(merged, text)
    assert found == [("9,12 tỷ đồng", MATCH), ("4,51 tỷ đồng", MATCH)]
    assert report.findings[1].readings[0].ident.startswith("diff:")
    wrong = read(merged, text.replace("4,51", "4,15"))
    assert wrong[1] == ("4,15 tỷ đồng", MISMATCH)


@pytest.fixture
def funds(reference_data, make_figure):
    here = area("Lai Châu")
    return [
        make_figure(here, 2024, E, "5800000000"),
        make_figure(here, 2024, E, "1346000000", source=KCQG),
        make_figure(here, 2024, E, "4454000000", source=KCDP),
        make_figure(here, 2023, E, "4900000000"),
    ]


def test_a_total_of_the_parts_as_printed_is_within_rounding(funds):
    # 1,346 prints as 1,35; 4,454 as 4,45, so "4,46" is a wrong amount (one
    # above the value is no truncation); the printed sum 5,81 is not the
    # stored 5,80 rounded, but what the text shows
    text = (
        "Năm 2024, Lai Châu: khuyến công quốc gia 1,35 tỷ đồng và khuyến công "
        "địa phương 4,46 tỷ đồng, tổng cộng 5,81 tỷ đồng."
    )
    found, report = read_with_report(funds, text)
    assert found == [
        ("1,35 tỷ đồng", MATCH),
        ("4,46 tỷ đồng", MISMATCH),
        ("5,81 tỷ đồng", ROUNDING),
    ]
    assert report.findings[2].figures == (funds[0],)
    alone = read(funds, "Năm 2024, Lai Châu giải ngân tổng cộng 5,81 tỷ đồng.")
    assert alone == [("5,81 tỷ đồng", MISMATCH)]  # no printed parts: no slack
    wrong = read(funds, text.replace("5,81", "5,83"))
    assert wrong[2] == (
        "5,83 tỷ đồng",
        UNSURE,
    )  # near it for no cause (``choose.UNCAUSED``)


def test_an_amount_rising_from_one_to_another(funds):
    found = read(
        funds,
        "Năm 2024, kinh phí khuyến công của Lai Châu tăng từ 4,9 lên 5,8 tỷ đồng.",
    )
    assert found == [("4,9", MATCH), ("5,8 tỷ đồng", MATCH)]
    wrong = read(
        funds,
        "Năm 2024, kinh phí khuyến công của Lai Châu tăng từ 4,7 tỷ đồng lên "
        "5,8 tỷ đồng.",
    )
    assert wrong == [("4,7 tỷ đồng", MISMATCH), ("5,8 tỷ đồng", MATCH)]


def test_bang_a_percentage_of_another_year_is_of_the_same_figure(funds, make_figure):
    figures = [*funds, make_figure(area("Lai Châu"), 2023, P, "5000000000")]
    # 5,8 / 4,9 = 118,37% (of 2023's executed, not of 2023's plan: 116%)
    found = read(
        figures, "Năm 2024, Lai Châu giải ngân 5.800 triệu đồng, bằng 118,4% năm 2023."
    )
    assert found == [("5.800 triệu đồng", MATCH), ("118,4%", MATCH)]
    wrong = read(
        figures, "Năm 2024, Lai Châu giải ngân 5.800 triệu đồng, bằng 116% năm 2023."
    )
    assert wrong[1] == ("116%", MISMATCH)


@pytest.fixture
def highland(reference_data, make_figure):
    here = area("Điện Biên")
    chosen = Indicator.objects.get(code="so-san-pham-binh-chon")
    return [
        make_figure(here, 2024, E, "7350000000"),
        make_figure(here, 2024, E, "4120000000", months=9),
        make_figure(here, 2024, E, "2510000000", months=6),
        make_figure(here, 2024, E, "14", indicator=chosen),
        make_figure(here, 2023, E, "11", indicator=chosen),
    ]


def test_a_direction_named_before_what_it_compares_with(highland):
    text = (
        "Năm 2024, Điện Biên có 14 sản phẩm được bình chọn, nhiều hơn năm 2023 "
        "là 3 sản phẩm."
    )
    found, report = read_with_report(highland, text)
    assert found == [("14 sản phẩm", MATCH), ("3 sản phẩm", MATCH)]
    assert report.findings[1].readings[0].ident.startswith("diff:")
    flipped = read(highland, text.replace("nhiều hơn", "ít hơn"))
    assert flipped[1] == ("3 sản phẩm", MISMATCH)


def test_a_quarter_on_its_own_is_the_year_less_nine_months(highland):
    text = "Năm 2024, Điện Biên giải ngân 7,35 tỷ đồng; riêng quý IV giải ngân 3,23 tỷ đồng."
    found, report = read_with_report(highland, text)
    assert found == [("7,35 tỷ đồng", MATCH), ("3,23 tỷ đồng", MATCH)]
    assert report.findings[1].explanation == "7,35 − 4,12"


def test_a_new_count_indicator_changes_no_other_reading(highland):
    text = (
        "Năm 2024, Điện Biên tổ chức 4 lớp tập huấn; 14 sản phẩm được bình chọn, "
        "kinh phí giải ngân 7,35 tỷ đồng."
    )
    before = read(highland, text)
    Indicator.objects.create(
        code="so-lop-tap-huan",
        name="Số lớp tập huấn",
        unit=Indicator.Unit.COUNT,
        count_noun="lớp",
    )
    after = read(highland, text)
    assert before == [("14 sản phẩm", MATCH), ("7,35 tỷ đồng", MATCH)]
    assert after == [("4 lớp", NO_DATA), *before]


def test_a_bar_that_a_count_of_areas_reaches_is_no_figure(north):
    found, report = read_with_report(
        north,
        "Năm 2024, Sơn La giải ngân 8,05 tỷ đồng, đạt 85,64% kế hoạch; 1/2 tỉnh "
        "giải ngân trên 90% kế hoạch.",
    )
    assert found == [("8,05 tỷ đồng", MATCH), ("85,64%", MATCH), ("90%", NO_DATA)]
    assert not report.has_mismatch


def test_the_whole_of_a_share_in_parentheses_may_be_a_wider_area(
    reference_data, make_figure
):
    region = Area.objects.get(name="Vùng Trung du và miền núi phía Bắc")
    nation = Area.objects.get(kind=Area.Kind.NATION)
    figures = [
        make_figure(region, 2024, P, "12400000000", source=KCQG),
        make_figure(nation, 2024, P, "125000000000", source=KCQG),
    ]
    text = (
        "Kế hoạch năm 2024 của vùng Trung du và miền núi phía Bắc: kinh phí "
        "khuyến công quốc gia 12,4 tỷ đồng, chiếm 9,92% tổng kinh phí khuyến công "
        "quốc gia năm 2024 (125 tỷ đồng)."
    )
    found, report = read_with_report(figures, text)
    assert found == [
        ("12,4 tỷ đồng", MATCH),
        ("9,92%", MATCH),
        ("125 tỷ đồng", MATCH),
    ]
    assert report.findings[2].figures == (figures[1],)


def test_a_share_in_parentheses_and_a_province_named_bang(reference_data, make_figure):
    here = area("Cao Bằng")
    nation = Area.objects.get(kind=Area.Kind.NATION)
    figures = [
        make_figure(here, 2024, E, "6480000000"),
        make_figure(here, 2024, E, "1500000000", source=KCQG),
        make_figure(here, 2023, E, "1380000000", source=KCQG),
        make_figure(nation, 2024, E, "152300000000", source=KCQG),
        make_figure(nation, 2024, P, "160000000000", source=KCQG),
    ]
    # "Bằng" in "Cao Bằng" says nothing of what 23,1% is: 1,5 / 6,48
    found = read(
        figures,
        "Năm 2024, Cao Bằng giải ngân 6,48 tỷ đồng, trong đó KCQG 1,5 tỷ đồng "
        "(chiếm 23,1%), KCĐP 4,98 tỷ đồng (chiếm 76,9%).",
    )
    assert [v for _t, v in found] == [MATCH] * 5
    # "bằng … tổng …": a share of the nation's executed, 1,5 / 152,3
    share = read(
        figures,
        "Năm 2024, kinh phí khuyến công quốc gia của Cao Bằng chỉ bằng 0,98% tổng "
        "kinh phí khuyến công quốc gia thực hiện của cả nước.",
    )
    assert share == [("0,98%", MATCH)]


def test_quarters_the_first_is_three_months_a_later_one_a_difference(
    reference_data, make_figure
):
    here = area("Lạng Sơn")
    figures = [
        make_figure(here, 2023, E, "5720000000"),
        make_figure(here, 2024, E, "1200000000", months=3),
        make_figure(here, 2024, E, "3300000000", months=6),
        make_figure(here, 2024, E, "6480000000"),
    ]
    found = read(
        figures,
        "Năm 2023 tỉnh giải ngân 5,72 tỷ đồng. Quý I/2024, Lạng Sơn giải ngân "
        "1,2 tỷ đồng; riêng quý II giải ngân 2,1 tỷ đồng; 6 tháng cuối năm giải "
        "ngân 3,18 tỷ đồng.",
    )
    assert found == [
        ("5,72 tỷ đồng", MATCH),
        ("1,2 tỷ đồng", MATCH),
        ("2,1 tỷ đồng", MATCH),  # 3,3 − 1,2
        ("3,18 tỷ đồng", MATCH),  # 6,48 − 3,3
    ]


def test_who_came_and_capital_invested_are_no_figures(reference_data, make_figure):
    here = area("Lạng Sơn")
    units = Indicator.objects.get(code="so-co-so-cnnt")
    figures = [
        make_figure(here, 2024, E, "64", indicator=units),
        make_figure(here, 2024, E, "5100000000"),
        make_figure(here, 2024, E, "1200000000", source=KCQG),
    ]
    found, report = read_with_report(
        figures,
        "Năm 2024, hội nghị tổng kết thu hút 70 cơ sở tham gia, trong khi tỉnh "
        "hỗ trợ 64 cơ sở. Tổng vốn đầu tư của các đề án là 21 tỷ đồng, trong đó "
        "kinh phí khuyến công quốc gia 1,2 tỷ đồng.",
    )
    assert found == [
        ("70 cơ sở", NO_DATA),
        ("64 cơ sở", MATCH),
        ("21 tỷ đồng", NO_DATA),
        ("1,2 tỷ đồng", MATCH),
    ]
    assert not report.has_mismatch


def test_nam_nay_is_not_the_year_in_force(north):
    found, report = read_with_report(
        north,
        "Năm 2024, Sơn La giải ngân 8,05 tỷ đồng. Năm nay, tỉnh được giao kế "
        "hoạch 10,2 tỷ đồng.",
    )
    assert found == [("8,05 tỷ đồng", MATCH), ("10,2 tỷ đồng", UNSURE)]
    assert not report.has_mismatch


def test_a_table_total_row_and_a_table_with_years_as_columns(north):
    from funding.checker import plain_text

    # Sơn La 8,05 / 9,4; Lai Châu 5,8 / 6,15; together 13,85 / 15,55 = 89,07%
    body = (
        "<p>Kết quả giải ngân năm 2024 như sau:</p><table><tr><th>Tỉnh</th>"
        "<th>Kế hoạch (tỷ đồng)</th><th>Thực hiện (tỷ đồng)</th><th>Tỷ lệ (%)</th>"
        "</tr><tr><td>Sơn La</td><td>9,40</td><td>8,05</td><td>85,64</td></tr>"
        "<tr><td>Lai Châu</td><td>6,15</td><td>5,80</td><td>94,31</td></tr>"
        "<tr><td>Cộng</td><td>15,55</td><td>13,85</td><td>89,07</td></tr></table>"
    )
    found, report = read_with_report(north, plain_text(body))
    assert [v for _t, v in found] == [MATCH] * 9
    assert report.findings[6].readings[0].ident.startswith("sum:")
    wrong = read(north, plain_text(body.replace("13,85", "13,58")))
    assert wrong[7] == ("13,58", MISMATCH)
    years = (
        "<p>Kinh phí khuyến công của Lai Châu năm 2024 (tỷ đồng):</p><table><tr>"
        "<th>Chỉ tiêu</th><th>8 tháng đầu năm</th><th>Cả năm</th></tr><tr><td>Kế hoạch</td>"
        "<td></td><td>6,15</td></tr><tr><td>Thực hiện</td><td>3,76</td>"
        "<td>5,8</td></tr></table>"
    )
    found = read(north, plain_text(years))
    assert found == [("6,15", MATCH), ("3,76", MATCH), ("5,8", MATCH)]


def test_months_set_apart_after_the_merger_are_a_difference(merged):
    found = read(
        merged,
        "11 tháng năm 2025, tỉnh Tuyên Quang giải ngân 9,12 tỷ đồng; riêng 5 tháng "
        "sau hợp nhất giải ngân 4,51 tỷ đồng.",
    )
    assert found == [("9,12 tỷ đồng", MATCH), ("4,51 tỷ đồng", MATCH)]


def test_a_multiple_of_an_amount_added_since(merged):
    merged[2].value = Decimal("11500000000")
    merged[2].save()
    figures = merged
    # 11,5 − (2,64 + 1,97) = 6,89; 6,89 / 4,61 = 1,49
    text = (
        "11 tháng năm 2025, tỉnh Tuyên Quang giải ngân 11,5 tỷ đồng; riêng 5 tháng "
        "sau hợp nhất giải ngân 6,89 tỷ đồng, gấp gần 1,5 lần 6 tháng đầu năm."
    )
    found = read(figures, text)
    assert found == [
        ("11,5 tỷ đồng", MATCH),
        ("6,89 tỷ đồng", MATCH),
        ("gấp gần 1,5 lần", ROUNDING),
    ]
    wrong = read(figures, text.replace("gần 1,5", "gần 1,8"))
    # one digit of two changed (slips.SURE_DIGITS): flagged, only unsure
    assert wrong[2] == ("gấp gần 1,8 lần", UNSURE)
