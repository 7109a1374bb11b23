"""The rate of carrying out a plan named in words ("tỷ lệ thực hiện kế
hoạch … đạt 94%": what was spent over the plan; a rank beside a
percentage, "xếp thứ hai (94%)", the same), a difference with an old
province named "(cũ)" between the comparative and the number, and a year
in force (an aim's) with no figure the words name (sentences written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area_before_merger,
    paragraph_verdicts,
    read_html,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_old_provinces(make_figure):
    """2024: Bắc Kạn spent 4,7 of 5 tỷ (94%), 1,6 tỷ of it KCQG; Thái
    Nguyên's KCQG spent 1,25 tỷ."""
    bac_kan, thai_nguyen = (
        area_before_merger("Bắc Kạn"),
        area_before_merger("Thái Nguyên"),
    )
    return [
        make_figure(bac_kan, 2024, P, "5000000000"),
        make_figure(bac_kan, 2024, E, "4700000000"),
        make_figure(bac_kan, 2024, E, "1600000000", KCQG),
        make_figure(thai_nguyen, 2024, E, "1250000000", KCQG),
    ]


# 96% for 94%: one digit of two changed, only unsure (slips.SURE_DIGITS)
@pytest.mark.parametrize(("printed", "verdict"), [("94%", MATCH), ("96%", UNSURE)])
def test_the_rate_of_carrying_out_the_plan(two_old_provinces, printed, verdict):
    found = paragraph_verdicts(
        two_old_provinces,
        f"Tỷ lệ thực hiện kế hoạch của Bắc Kạn năm 2024 đạt {printed}.",
    )
    assert found[printed] == verdict


@pytest.mark.parametrize(
    ("unit", "verdicts"), [("triệu", {MATCH}), ("tỷ", {MISMATCH, UNSURE})]
)
def test_more_than_an_old_province_named_with_its_mark(
    two_old_provinces, unit, verdicts
):
    found = paragraph_verdicts(
        two_old_provinces,
        "Năm 2024, kinh phí khuyến công quốc gia thực hiện tại Bắc Kạn là 1,6 tỷ "
        f"đồng, nhiều hơn Thái Nguyên (cũ) 350 {unit} đồng.",
    )
    assert found[f"350 {unit} đồng"] in verdicts  # a slip of the unit: flagged


@pytest.mark.parametrize(("printed", "verdict"), [("94%", MATCH), ("96%", UNSURE)])
def test_a_rank_beside_a_percentage_is_the_rate(two_old_provinces, printed, verdict):
    found = paragraph_verdicts(
        two_old_provinces,
        f"Năm 2024 có nhiều đề án lớn. Bắc Kạn xếp thứ hai ({printed}).",
    )
    assert found[printed] == verdict


@pytest.mark.parametrize(("printed", "verdict"), [("94%", MATCH), ("96%", UNSURE)])
def test_an_aims_year_with_no_figure_leaves_the_year_open(
    two_old_provinces, printed, verdict
):
    found = paragraph_verdicts(
        two_old_provinces,
        "Năm 2025, tỉnh phấn đấu giải ngân hết kế hoạch. "
        f"Bắc Kạn vươn lên hạng 2 với {printed}.",
    )
    assert found[printed] == verdict


@pytest.mark.parametrize(("change", "verdict"), [("giảm", MATCH), ("tăng", UNSURE)])
def test_points_after_an_aims_year_read_in_any_year(make_figure, change, verdict):
    """2023: 9 of 10 tỷ spent (90%); 2024: 4,4 of 5 tỷ (88%), 2 points less."""
    province = area_before_merger("Bắc Kạn")
    figures = [
        make_figure(province, 2023, P, "10000000000"),
        make_figure(province, 2023, E, "9000000000"),
        make_figure(province, 2024, P, "5000000000"),
        make_figure(province, 2024, E, "4400000000"),
    ]
    found = paragraph_verdicts(
        figures,
        "Năm 2025, tỉnh phấn đấu giải ngân hết kế hoạch. Bắc Kạn lùi xuống hạng 3: "
        f"giải ngân 4,4 tỷ đồng, đạt 88%, {change} 2 điểm phần trăm.",
    )
    assert found["2 điểm phần trăm"] == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("tăng 4%, tức tăng thêm 200 triệu đồng", MATCH),
        ("giảm 4%, tức tăng thêm 200 triệu đồng", UNSURE),
    ],
)
def test_a_change_after_a_list_ending_on_an_older_year(make_figure, text, verdict):
    """2023: 5 tỷ spent; 2024: 5,2 tỷ (4% and 200 triệu more). The list's
    last item names 2023, which gives nothing to compare with."""
    province = area_before_merger("Bắc Kạn")
    figures = [
        make_figure(province, 2023, E, "5000000000"),
        make_figure(province, 2024, E, "5200000000"),
    ]
    found = read_html(
        figures,
        "<ul><li>5,2 tỷ đồng – kinh phí thực hiện năm 2024.</li>"
        "<li>Năm 2023 tỉnh có nhiều đề án nhỏ.</li></ul>"
        f"<p>So với năm trước, tổng kinh phí thực hiện {text}.</p>",
    )
    assert found[1] == (text.split(",")[0].split()[-1], verdict)
