"""A reviewer's probes, each written again with sentences and figures made
up for these tests: a fund-less sentence means the total of all funds, the
province named as subject owns its figure (the region only describes it),
a merged province's total after its old parts, an area named after the
amount it receives, and an unsure rate that lists the reading which fits."""

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from funding.models import Area
from tests.funding.checker.checking import (
    KCDP,
    KCQG,
    P,
    area,
    area_before_merger,
    check,
    figures_of,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


def finding_of(figures, text, quoted):
    (finding,) = [f for f in check(figures, text).findings if f.quote.text == quoted]
    return finding


# 1. a sentence without a fund word means the province's total
@pytest.fixture
def dien_bien_funds(reference_data, make_figure):
    """Điện Biên 2024 plan: 11,5 tỷ of all funds, 8,3 tỷ of them KCĐP."""
    return figures_of(
        make_figure,
        "Điện Biên",
        (2024, P, "11500000000"),
        (2024, P, "8300000000", KCDP),
    )


FUNDLESS = "Năm 2024, Điện Biên chú trọng hỗ trợ cơ sở nông thôn. {}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kế hoạch khuyến công năm 2024 của tỉnh là 8,3 tỷ đồng.",
        "Tỉnh được giao kế hoạch 8,3 tỷ đồng cho công tác khuyến công.",
    ],
)
def test_the_provincial_fund_printed_as_the_total(dien_bien_funds, sentence):
    finding = finding_of(dien_bien_funds, FUNDLESS.format(sentence), "8,3 tỷ đồng")
    assert finding.verdict in (MISMATCH, UNSURE)
    if finding.verdict == UNSURE:
        assert "11,5 tỷ đồng" in [r.expected for r in finding.readings]


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("Kế hoạch khuyến công năm 2024 của tỉnh là 11,5 tỷ đồng.", "11,5 tỷ đồng"),
        (
            "Kế hoạch khuyến công địa phương năm 2024 của tỉnh là 8,3 tỷ đồng.",
            "8,3 tỷ đồng",
        ),
        ("Năm 2024, KCĐP của tỉnh là 8,3 tỷ đồng.", "8,3 tỷ đồng"),
    ],
)
def test_the_fund_named_or_the_total(dien_bien_funds, sentence, quoted):
    found = paragraph_verdicts(dien_bien_funds, FUNDLESS.format(sentence))
    assert found[quoted] == MATCH


# 2. the province named as subject owns the figure; its region describes it
@pytest.fixture
def son_la_in_the_north(reference_data, make_figure):
    """2024 KCQG plans: the northern region 41,2 tỷ, Sơn La 3 tỷ."""
    north = Area.objects.get(short_name="Phía Bắc (khuyến công)")
    return [
        make_figure(north, 2024, P, "41200000000", KCQG),
        make_figure(area("Sơn La"), 2024, P, "3000000000", KCQG),
    ]


@pytest.mark.parametrize(
    ("amount", "verdict"), [("3 tỷ đồng", MATCH), ("4 tỷ đồng", MISMATCH)]
)
def test_the_province_owns_what_its_region_describes(
    son_la_in_the_north, amount, verdict
):
    found = paragraph_verdicts(
        son_la_in_the_north,
        f"Năm 2024, tỉnh Sơn La thuộc khu vực phía Bắc được giao {amount} "
        "kinh phí khuyến công quốc gia.",
    )
    assert found[amount] == verdict


# 3. a merged province's total printed after its old parts
@pytest.fixture
def lao_cai_2025(reference_data, make_figure):
    """2025 plans: old Lào Cai 3,15 tỷ, Yên Bái 2,47 tỷ; the merged Lào Cai
    5,62 tỷ."""
    return [
        make_figure(area_before_merger("Lào Cai"), 2025, P, "3150000000"),
        make_figure(area_before_merger("Yên Bái"), 2025, P, "2470000000"),
        make_figure(area("Lào Cai"), 2025, P, "5620000000"),
    ]


@pytest.mark.parametrize("stored_total", [True, False])
def test_the_merged_total_after_its_parts(lao_cai_2025, stored_total):
    figures = lao_cai_2025 if stored_total else lao_cai_2025[:2]
    found = paragraph_verdicts(
        figures,
        "Năm 2025, kế hoạch khuyến công của Lào Cai cũ là 3,15 tỷ đồng, cộng "
        "2,47 tỷ đồng của Yên Bái, toàn tỉnh 5,62 tỷ đồng.",
    )
    assert found["3,15 tỷ đồng"] == MATCH
    assert found["2,47 tỷ đồng"] == MATCH
    assert found["5,62 tỷ đồng"] in (MATCH, ROUNDING)


# 4. the area after the amount it receives
@pytest.fixture
def two_provinces(reference_data, make_figure):
    """2024 KCQG plans: Sơn La 3 tỷ, Lai Châu 3,8 tỷ."""
    return [
        make_figure(area("Sơn La"), 2024, P, "3000000000", KCQG),
        make_figure(area("Lai Châu"), 2024, P, "3800000000", KCQG),
    ]


@pytest.mark.parametrize(
    ("amount", "province", "verdict"),
    [
        ("3 tỷ đồng", "Sơn La", MATCH),
        ("3,8 tỷ đồng", "Lai Châu", MATCH),
        ("3,8 tỷ đồng", "Sơn La", MISMATCH),
        ("3 tỷ đồng", "Lai Châu", MISMATCH),
    ],
)
def test_the_area_after_the_amount(two_provinces, amount, province, verdict):
    found = paragraph_verdicts(
        two_provinces,
        f"Năm 2024, Bộ Công Thương phân bổ {amount} kinh phí khuyến công quốc "
        f"gia cho tỉnh {province}.",
    )
    assert found[amount] == verdict


# 5. an unsure rate lists the reading that makes it right
def test_an_unsure_rate_lists_the_reading_that_fits(son_la_demo):
    finding = finding_of(
        son_la_demo,
        "Năm 2024, Sơn La giải ngân cho mô hình trình diễn kỹ thuật 6,79 tỷ "
        "đồng, đạt 84,9% kế hoạch.",
        "84,9%",
    )
    assert finding.verdict == UNSURE
    assert "84,9%" in [r.expected for r in finding.readings]


def test_a_rate_of_a_provinces_total_still_reads_right(son_la_demo):
    found = paragraph_verdicts(
        son_la_demo, "Năm 2024, Sơn La giải ngân 6,79 tỷ đồng, đạt 84,9% kế hoạch."
    )
    assert found == {"6,79 tỷ đồng": MATCH, "84,9%": MATCH}
