"""Tables of a self-assessment or a reply (a unit column under a caption's
unit, a rate column that names a plan, "Chưa giải ngân" before "Tỷ lệ giải
ngân"), a caption naming whose figures some years' rows are, an aside after
a rate ("– gần bằng con số … mà Sở ước tính"), a second comparison of the
same fund and a number compared with in parentheses (tables and sentences
written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import (
    EST,
    KCDP,
    KCQG,
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
def lao_cai(reference_data, make_figure):
    """The merged Lào Cai in 2025: planned 12 tỷ, spent 11,43 (95,25%), an
    estimate of 11,5; the old provinces' 2025 plans 5,2 and 6,45 (11,65
    together); 2024, the two old provinces: planned 5 + 6, spent 4,8 + 5,7."""
    old_lao_cai, yen_bai = area_before_merger("Lào Cai"), area_before_merger("Yên Bái")
    return [
        make_figure(area("Lào Cai"), 2025, P, "12000000000"),
        make_figure(area("Lào Cai"), 2025, E, "11430000000"),
        make_figure(area("Lào Cai"), 2025, EST, "11500000000"),
        make_figure(old_lao_cai, 2025, P, "5200000000"),
        make_figure(yen_bai, 2025, P, "6450000000"),
        make_figure(old_lao_cai, 2024, P, "5000000000"),
        make_figure(yen_bai, 2024, P, "6000000000"),
        make_figure(old_lao_cai, 2024, E, "4800000000"),
        make_figure(yen_bai, 2024, E, "5700000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("95,25%", (MATCH,)), ("95,52%", (MISMATCH,))],
    ids=["right", "wrong"],
)
def test_an_aside_after_a_rate_names_no_base(lao_cai, printed, verdicts):
    found = paragraph_verdicts(
        lao_cai,
        f"Cả năm 2025, tỉnh Lào Cai giải ngân 11,43 tỷ đồng, đạt {printed} kế "
        "hoạch – gần bằng con số 11,5 tỷ đồng mà Sở Tài chính ước tính hồi "
        "tháng 10.",
    )
    assert found[printed] in verdicts
    assert found["11,5 tỷ đồng"] == MATCH  # the estimate, as its giver says


def test_a_number_compared_with_is_not_the_subject_s_figure(lao_cai):
    found = paragraph_verdicts(
        lao_cai,
        "Kế hoạch năm 2025 của tỉnh Lào Cai là 12 tỷ đồng, nhiều hơn 350 triệu "
        "đồng so với tổng kế hoạch hai tỉnh giao đầu năm (11,65 tỷ đồng).",
    )
    assert found["12 tỷ đồng"] == MATCH
    assert found["11,65 tỷ đồng"] != MISMATCH


YEARS_TABLE = (
    "<table><caption>Đơn vị: triệu đồng; năm 2024 là số cộng của Lào Cai (cũ) "
    "và Yên Bái</caption><tr><th>Năm</th><th>Kế hoạch</th><th>Thực hiện</th>"
    "</tr><tr><td>2024</td><td>11.000</td><td>10.500</td></tr>"
    "<tr><td>2025</td><td>{}</td><td>11.430</td></tr></table>"
)


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("12.000", (MATCH,)), ("12.600", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_caption_names_whose_some_years_rows_are(lao_cai, printed, verdicts):
    found = html_verdicts(lao_cai, YEARS_TABLE.format(printed))
    assert found["11.000"] == MATCH  # the old provinces' sum, as the caption says
    assert found["10.500"] == MATCH
    assert found[printed] in verdicts  # the merged province's own
    assert found["11.430"] == MATCH


@pytest.fixture
def dien_bien_funds(reference_data, make_figure):
    """Điện Biên 2025: KCQG planned 3.000 triệu, spent 2.610 (87%); KCĐP
    5.000 and 4.900 (98%); 2024 KCQG 2.800 and 2.688 (96%)."""
    place = area("Điện Biên")
    return [
        make_figure(place, 2025, P, "3000000000", source=KCQG),
        make_figure(place, 2025, E, "2610000000", source=KCQG),
        make_figure(place, 2025, P, "5000000000", source=KCDP),
        make_figure(place, 2025, E, "4900000000", source=KCDP),
        make_figure(place, 2024, P, "2800000000", source=KCQG),
        make_figure(place, 2024, E, "2688000000", source=KCQG),
    ]


FUNDS_TABLE = (
    "<p>Đơn vị tính: triệu đồng</p><table><tr><th>Nguồn kinh phí</th>"
    "<th>Dự toán</th><th>Đã giải ngân</th><th>Chưa giải ngân</th>"
    "<th>Tỷ lệ giải ngân (%)</th></tr>"
    "<tr><td>KCQG</td><td>3.000</td><td>2.610</td><td>390</td><td>{}</td></tr>"
    "<tr><td>KCĐP</td><td>5.000</td><td>4.900</td><td>100</td><td>98,00</td></tr>"
    "</table>"
)


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("87,00", (MATCH,)), ("13,00", FLAGGED)],
    ids=["right", "wrong-the-unspent-share"],
)
def test_a_spending_rate_after_the_unspent_column(dien_bien_funds, printed, verdicts):
    found = html_verdicts(dien_bien_funds, FUNDS_TABLE.format(printed))
    assert found["390"] == MATCH and found["100"] == MATCH  # what is left
    assert found[printed] in verdicts
    assert found["98,00"] == MATCH


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("9 điểm phần trăm", (MATCH,)), ("7 điểm phần trăm", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_second_comparison_is_of_the_first_fund(dien_bien_funds, printed, verdicts):
    found = paragraph_verdicts(
        dien_bien_funds,
        "Năm 2025, tỷ lệ giải ngân vốn khuyến công quốc gia thấp hơn vốn khuyến "
        f"công địa phương 11 điểm phần trăm và thấp hơn {printed} so với năm 2024.",
    )
    assert found["11 điểm phần trăm"] == MATCH
    assert found[printed] in verdicts


@pytest.fixture
def dien_bien_half_year(reference_data, make_figure):
    """Điện Biên 2025: planned 8.000 triệu and 20 projects; by June 3.200
    triệu spent (40%) and 9 projects done (45%)."""
    place, projects = area("Điện Biên"), Indicator.objects.get(code="so-de-an")
    return [
        make_figure(place, 2025, P, "8000000000"),
        make_figure(place, 2025, E, "3200000000", months=6),
        make_figure(place, 2025, P, "20", indicator=projects),
        make_figure(place, 2025, E, "9", months=6, indicator=projects),
    ]


FORM_TABLE = (
    "<table><caption>Kinh phí tính bằng triệu đồng; tỷ lệ tính bằng %</caption>"
    "<tr><th>TT</th><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Kế hoạch năm "
    "2025</th><th>Thực hiện 6 tháng</th><th>Tỷ lệ so với kế hoạch năm</th>"
    "<th>Cùng kỳ năm 2024</th><th>Ghi chú</th></tr>"
    "<tr><td>1</td><td>Tổng kinh phí khuyến công</td><td>triệu đồng</td>"
    "<td>8.000</td><td>3.200</td><td>{rate}</td><td>–</td><td></td></tr>"
    "<tr><td>2</td><td>Đề án hoàn thành</td><td>đề án</td><td>20</td>"
    "<td>{done}</td><td>45,00</td><td>–</td><td>Đề án còn lại dự kiến tổ chức nghiệm "
    "thu trong tháng 9</td></tr></table>"
)


@pytest.mark.parametrize(
    ("rate", "done", "rate_verdicts", "done_verdicts"),
    [
        ("40,00", "9", (MATCH,), (MATCH,)),
        ("44,00", "9", FLAGGED, (MATCH,)),
        ("40,00", "10", (MATCH,), FLAGGED),
    ],
    ids=["right", "wrong-rate", "wrong-count"],
)
def test_a_unit_column_and_a_rate_column_under_a_caption_s_unit(
    dien_bien_half_year, rate, done, rate_verdicts, done_verdicts
):
    found = html_verdicts(dien_bien_half_year, FORM_TABLE.format(rate=rate, done=done))
    assert found["8.000"] == MATCH and found["3.200"] == MATCH
    assert found[rate] in rate_verdicts
    assert found["20"] == MATCH  # a count, not 20 triệu đồng
    assert found[done] in done_verdicts
    # the next cells ("–", a note of what is planned) are not the rate's base
    assert found["45,00"] == MATCH


@pytest.fixture
def two_provinces_2025(reference_data, make_figure):
    return [
        make_figure(area("Điện Biên"), 2025, P, "13200000000"),
        make_figure(area("Điện Biên"), 2025, E, "12874600000"),
        make_figure(area("Sơn La"), 2025, P, "10000000000"),
        make_figure(area("Sơn La"), 2025, E, "9000000000"),
    ]


RANKED_TABLE = (
    "<table><caption>Kinh phí khuyến công năm 2025 (kế hoạch, giải ngân: tỷ "
    "đồng; tỷ lệ, tỷ trọng: %)</caption><tr><th>Hạng</th><th>Địa phương</th>"
    "<th>Kế hoạch</th><th>Giải ngân cả năm</th><th>Tỷ lệ giải ngân cả năm</th>"
    "</tr><tr><td>1</td><td>Điện Biên</td><td>13,2</td><td>12,87</td>"
    "<td>{}</td></tr><tr><td>2</td><td>Sơn La</td><td>10</td><td>9</td>"
    "<td>90,00</td></tr></table>"
)


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("97,53", (MATCH,)), ("97,35", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_caption_s_legend_of_units_names_no_measure(
    two_provinces_2025, printed, verdicts
):
    found = html_verdicts(two_provinces_2025, RANKED_TABLE.format(printed))
    assert found[printed] in verdicts
    assert found["90,00"] == MATCH


@pytest.fixture
def dien_bien_plans(reference_data, make_figure):
    """Điện Biên planned 7,5 tỷ in 2024 and 8 tỷ in 2025 (+500 triệu, +6,67%)."""
    place = area("Điện Biên")
    return [
        make_figure(place, 2024, P, "7500000000"),
        make_figure(place, 2025, P, "8000000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("500 triệu đồng", (MATCH,)), ("600 triệu đồng", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_difference_stressed_as_exact(dien_bien_plans, printed, verdicts):
    found = paragraph_verdicts(
        dien_bien_plans,
        "Kế hoạch khuyến công năm 2025 của Điện Biên là 8 tỷ đồng, nhiều hơn năm "
        f"2024 đúng {printed} (+6,67%).",
    )
    assert found[printed] in verdicts
    assert found["6,67%"] == MATCH


@pytest.mark.parametrize(
    ("printed", "verdicts"),
    [("6,67%", (MATCH,)), ("7,67%", FLAGGED)],
    ids=["right", "wrong"],
)
def test_a_change_against_an_amount_whose_year_follows_it(
    dien_bien_plans, printed, verdicts
):
    found = paragraph_verdicts(
        dien_bien_plans,
        "Kế hoạch khuyến công năm 2025 của Điện Biên là 8 tỷ đồng. Con số này nhích "
        f"lên so với mức 7,5 tỷ đồng của năm 2024, tăng {printed}.",
    )
    assert found["7,5 tỷ đồng"] == MATCH
    assert found[printed] in verdicts
