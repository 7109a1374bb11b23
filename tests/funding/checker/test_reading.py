"""The kinds of text issue 14 names, each in sentences written for these
tests (not the corpus's): what the checker reads and says."""

from decimal import Decimal

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA, ROUNDING, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    E,
    P,
    area_before_merger,
    read,
    read_with_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(reference_data, make_figure):
    """A province's figures, as a year-end review would quote them."""
    here = area_before_merger("Quảng Ngãi")  # before the 2025 merger
    projects = Indicator.objects.get(code="so-de-an")
    made = [
        make_figure(here, 2024, E, "14290000000"),
        make_figure(here, 2024, P, "14650000000"),
        make_figure(here, 2024, E, "3410000000", source=KCQG),
        make_figure(here, 2023, E, "2280000000", source=KCQG),
        make_figure(here, 2023, E, "11870000000"),
        make_figure(here, 2023, P, "12000000000"),
        make_figure(here, 2024, E, "46", indicator=projects),
        make_figure(here, 2024, P, "48", indicator=projects),
        make_figure(here, 2023, E, "40", indicator=projects),
    ]
    return made


def test_a_counted_noun_beside_an_amount_leaves_both_readable(province):
    found = read(
        province,
        "Năm 2024, tỉnh Quảng Ngãi triển khai 46 đề án với tổng kinh phí "
        "thực hiện 14,29 tỷ đồng.",
    )
    assert found == [("46 đề án", MATCH), ("14,29 tỷ đồng", MATCH)]


def test_a_year_after_the_numbers_does_not_carry_and_so_voi_resets_it(province):
    found = read(
        province,
        "Năm 2024, kinh phí thực hiện là 14,29 tỷ đồng; 2 đề án được chuyển "
        "sang thực hiện trong năm 2025.\n"
        "Nguồn khuyến công quốc gia thực hiện 3,41 tỷ đồng.\n"
        "So với năm 2023, năm 2024 kinh phí khuyến công quốc gia thực hiện "
        "3,41 tỷ đồng.",
    )
    assert found == [
        ("14,29 tỷ đồng", MATCH),
        ("2 đề án", NO_DATA),  # a sub-count: no data, never a mismatch
        ("3,41 tỷ đồng", MATCH),
        ("3,41 tỷ đồng", MATCH),
    ]


def test_a_year_in_parentheses_binds_only_inside_them(province):
    found, report = read_with_report(
        province,
        "Năm 2024, nguồn khuyến công quốc gia là 3,41 tỷ đồng (năm 2023: 2,28 "
        "tỷ đồng), gấp 1,5 lần năm trước.",
    )
    assert found == [
        ("3,41 tỷ đồng", MATCH),
        ("2,28 tỷ đồng", MATCH),
        ("gấp 1,5 lần", MATCH),
    ]
    assert report.findings[2].readings[0].ident.startswith("times:")


def test_pairs_and_rises_of_counts(province):
    found = read(
        province,
        "Năm 2024, toàn tỉnh triển khai 46/48 đề án theo kế hoạch, tăng từ 40 "
        "lên 46 đề án so với năm 2023.",
    )
    assert found == [
        ("46", MATCH),
        ("48 đề án", MATCH),
        ("40", MATCH),
        ("46 đề án", MATCH),
    ]
    swapped, report = read_with_report(
        province, "Năm 2024, toàn tỉnh triển khai 48/46 đề án theo kế hoạch."
    )
    assert [v for _t, v in swapped] == [MISMATCH, MISMATCH]
    assert report.has_mismatch


def test_a_number_with_no_data_behind_it_is_never_a_mismatch(province):
    found, report = read_with_report(
        province,
        "Năm 2024, thu nhập bình quân đạt 6,5 triệu đồng/người/tháng; năm "
        "2025 tỉnh phấn đấu triển khai 50 đề án, vốn đối ứng hơn 21 tỷ đồng.",
    )
    assert {v for _t, v in found} == {NO_DATA}
    assert not report.has_mismatch


def test_a_percentage_of_printed_rounded_inputs_is_within_rounding(
    reference_data, make_figure
):
    here = area_before_merger("Quảng Ngãi")
    figures = [
        make_figure(here, 2022, E, "42530850000", source=KCDP),
        make_figure(here, 2022, E, "61437250000"),
    ]
    # 42,53 / 61,44 = 69,22% as printed; the exact figures give 69,226…%
    found = read(
        figures,
        "Năm 2022, kinh phí khuyến công địa phương thực hiện 42,53 tỷ đồng, "
        "chiếm 69,22% tổng kinh phí khuyến công.",
    )
    assert found == [("42,53 tỷ đồng", MATCH), ("69,22%", ROUNDING)]


def test_a_merged_province_is_the_sum_of_those_it_was_made_of(
    reference_data, make_figure
):
    old = area_before_merger("Khánh Hòa")
    absorbed = area_before_merger("Ninh Thuận")
    figures = [
        make_figure(old, 2024, E, "7426300000"),
        make_figure(absorbed, 2024, E, "5913800000"),
    ]
    found, report = read_with_report(
        figures,
        "Năm 2024, tổng kinh phí khuyến công thực hiện của hai tỉnh là 13,34 tỷ "
        "đồng, trong đó Khánh Hòa 7,43 tỷ đồng, Ninh Thuận 5,91 tỷ đồng.",
    )
    assert [v for _t, v in found] == [MATCH, MATCH, MATCH]
    assert report.findings[0].readings[0].ident.startswith("sum:")


def test_a_unit_slip_is_a_confident_mismatch(province):
    found = read(
        province, "Năm 2024, kinh phí khuyến công quốc gia thực hiện 3,41 triệu đồng."
    )
    assert found == [("3,41 triệu đồng", MISMATCH)]


def test_a_wrong_direction_is_a_mismatch(province):
    found = read(
        province,
        "Năm 2024, tổng kinh phí thực hiện 14,29 tỷ đồng, giảm 20,39% so với năm 2023.",
    )
    assert found == [("14,29 tỷ đồng", MATCH), ("20,39%", MISMATCH)]
    right = read(
        province,
        "Năm 2024, tổng kinh phí thực hiện 14,29 tỷ đồng, tăng 20,39% so với năm 2023.",
    )
    assert right[1] == ("20,39%", MATCH)


def test_two_readings_the_words_cannot_tell_apart_make_it_unsure(
    reference_data, make_figure
):
    one, two = area_before_merger("Quảng Ngãi"), area_before_merger("Ninh Thuận")
    figures = [
        make_figure(one, 2024, E, "7000000000"),
        make_figure(two, 2024, E, "9000000000"),
    ]
    found, report = read_with_report(
        figures, "Năm 2024, kinh phí khuyến công thực hiện 8 tỷ đồng."
    )
    assert found == [("8 tỷ đồng", UNSURE)]
    assert {r.figures[0].pk for r in report.findings[0].readings} == {
        f.pk for f in figures
    }
    assert not report.has_mismatch


def test_a_table_cell_takes_its_column_unit_and_its_row_label(
    reference_data, make_figure
):
    here = area_before_merger("Ninh Thuận")
    figures = [
        make_figure(here, 2023, E, "1150000000"),
    ]
    text = (
        "Kinh phí khuyến công năm 2023 theo địa phương:\n"
        "Địa phương\tKinh phí (triệu đồng)\t\n"
        "Ninh Thuận\t1.150,0\t\n"
    )
    found = read(figures, text)
    assert found == [("1.150,0", MATCH)]
    wrong = read(figures, text.replace("1.150,0", "1.250,0"))
    assert wrong == [("1.250,0", MISMATCH)]
    assert Decimal("1150000000") == figures[0].value


def test_a_table_with_grouped_headers_reads_each_column(reference_data, make_figure):
    from funding.checker import plain_text

    here = area_before_merger("Ninh Thuận")
    figures = [
        make_figure(here, 2023, P, "1200500000"),
        make_figure(here, 2023, E, "1100000000"),
    ]
    body = (
        "<p>Kinh phí khuyến công năm 2023:</p><table><tr><th rowspan='2'>Tỉnh</th>"
        "<th colspan='2'>Kinh phí (triệu đồng)</th></tr><tr><th>Kế hoạch</th>"
        "<th>Thực hiện</th></tr><tr><td>Ninh Thuận</td><td>1.200,5</td>"
        "<td>1.100,0</td></tr></table>"
    )
    found, report = read_with_report(figures, plain_text(body))
    assert found == [("1.200,5", MATCH), ("1.100,0", MATCH)]
    assert [f.figures[0].measure for f in report.findings] == [P, E]
