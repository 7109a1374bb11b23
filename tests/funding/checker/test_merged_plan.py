"""A merged province's plan and the old plans it was made of: a share whose
whole is named after it ("chiếm 52,63% kế hoạch của tỉnh mới") is of the
same measure as the whole, not of an earlier sentence's figure; what was
"bổ sung" on top of the old plans is the new plan less their sum
and an amount "của" an old province named after it is that province's
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.checking import (
    E,
    P,
    area,
    area_before_merger,
    check,
    paragraph_verdicts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuyen_quang(make_figure):
    """The new Tuyên Quang (+ Hà Giang) plans 9,5 tỷ for 2025: old Tuyên
    Quang 5 tỷ, Hà Giang 4 tỷ, 500 triệu added; old Tuyên Quang spent 4,2
    tỷ in 2024."""
    new, old = area("Tuyên Quang"), area_before_merger("Tuyên Quang")
    return [
        make_figure(new, 2025, P, "9500000000"),
        make_figure(old, 2025, P, "5000000000"),
        make_figure(area_before_merger("Hà Giang"), 2025, P, "4000000000"),
        make_figure(old, 2024, E, "4200000000"),
    ]


def test_a_share_of_the_new_plan_is_of_the_old_plan(tuyen_quang):
    found = paragraph_verdicts(
        tuyen_quang,
        "Kế hoạch khuyến công năm nay của tỉnh mới là 9,5 tỷ đồng, gồm kế "
        "hoạch giao đầu năm của Tuyên Quang cũ 5 tỷ đồng và Hà Giang 4 tỷ đồng. "
        "Tuyên Quang cũ chiếm 52,63% kế hoạch của tỉnh mới.",
    )
    assert found["52,63%"] == MATCH


ADDED = (
    "Kế hoạch năm 2025 của Tuyên Quang cũ là 5 tỷ đồng, của Hà Giang là 4 tỷ "
    "đồng; sau hợp nhất, tỉnh bổ sung {}, nâng kế hoạch của tỉnh mới lên "
    "9,5 tỷ đồng."
)


def test_what_was_added_is_the_new_plan_less_the_old_plans(tuyen_quang):
    found = paragraph_verdicts(tuyen_quang, ADDED.format("500 triệu đồng"))
    assert found == {
        "5 tỷ đồng": MATCH,
        "4 tỷ đồng": MATCH,
        "500 triệu đồng": MATCH,
        "9,5 tỷ đồng": MATCH,
    }


def test_what_was_added_in_the_wrong_unit_is_flagged(tuyen_quang):
    report = check(tuyen_quang, ADDED.format("500 tỷ đồng"))
    added = next(f for f in report.findings if f.quote.text == "500 tỷ đồng")
    # a mismatch, or unsure naming the new plan less the old ones
    assert added.verdict in (MISMATCH, UNSURE)
    assert added.readings[0].ident.startswith("diff:")


def test_an_amount_is_of_the_province_named_after_it(tuyen_quang):
    found = paragraph_verdicts(
        tuyen_quang,
        "Kế hoạch năm 2025 của tỉnh mới giữ nguyên nhiệm vụ đầu năm, gồm 5 tỷ "
        "đồng của Tuyên Quang (cũ) và 4 tỷ đồng của Hà Giang.",
    )
    assert found == {"5 tỷ đồng": MATCH, "4 tỷ đồng": MATCH}


@pytest.fixture
def spent_2024(make_figure):
    """In 2024 old Tuyên Quang spent 4,2 tỷ, Hà Giang 3,8 tỷ (8 tỷ in all)."""
    return [
        make_figure(area_before_merger("Tuyên Quang"), 2024, E, "4200000000"),
        make_figure(area_before_merger("Hà Giang"), 2024, E, "3800000000"),
    ]


@pytest.mark.parametrize(
    ("printed", "verdict"), [("47,5%", MATCH), ("52,5%", MISMATCH)]
)
def test_a_share_of_the_sum_of_two_provinces(spent_2024, printed, verdict):
    found = paragraph_verdicts(
        spent_2024,
        "Cộng cả hai tỉnh, kinh phí khuyến công giải ngân năm 2024 là 8 tỷ "
        f"đồng, trong đó Hà Giang chiếm {printed}.",
    )
    assert found == {"8 tỷ đồng": MATCH, printed: verdict}


@pytest.mark.parametrize(("printed", "verdict"), [("4,2", MATCH), ("3,8", MISMATCH)])
def test_the_number_a_reader_quoted_is_what_the_words_after_it_say(
    spent_2024, printed, verdict
):
    found = paragraph_verdicts(
        spent_2024,
        "Bạn đọc hỏi vì sao kinh phí khuyến công lại thấp như vậy. Con số "
        f"{printed} tỷ đồng mà bạn đọc nêu là kinh phí giải ngân năm 2024 của "
        "riêng Tuyên Quang cũ.",
    )
    assert found == {f"{printed} tỷ đồng": verdict}


@pytest.mark.parametrize(
    ("printed", "verdict"), [("500 triệu", MATCH), ("500 tỷ", MISMATCH)]
)
def test_what_was_added_after_the_parts_of_a_total(tuyen_quang, printed, verdict):
    # the clause names only the last part's area, not the whole's
    found = paragraph_verdicts(
        tuyen_quang,
        "Kế hoạch khuyến công năm 2025: 9,5 tỷ đồng = Tuyên Quang (cũ) 5 tỷ + "
        f"Hà Giang 4 tỷ + bổ sung {printed}.",
    )
    assert found[printed] in ((MISMATCH, UNSURE) if verdict == MISMATCH else (MATCH,))


@pytest.mark.parametrize(("word", "verdict"), [("tăng", MATCH), ("giảm", MISMATCH)])
def test_a_change_against_the_number_just_quoted(
    tuyen_quang, make_figure, word, verdict
):
    # old Tuyên Quang spent 4,2 tỷ in 2024 (``tuyen_quang``), Hà Giang 3,8 tỷ
    ha_giang = make_figure(area_before_merger("Hà Giang"), 2024, E, "3800000000")
    found = paragraph_verdicts(
        [*tuyen_quang, ha_giang],
        "Cộng cả hai tỉnh, kinh phí khuyến công giải ngân năm 2024 là 8 tỷ đồng. "
        f"So với con số này, kế hoạch năm 2025 của tỉnh mới {word} 18,75%.",
    )
    assert found["18,75%"] == verdict


ADDED_AFTER = (
    "Kế hoạch năm 2025 của tỉnh mới là 9,5 tỷ đồng, gồm kế hoạch đầu năm của "
    "Tuyên Quang cũ 5 tỷ đồng, của Hà Giang 4 tỷ đồng và {} bổ sung sau hợp nhất."
)


@pytest.mark.parametrize(
    ("added", "verdicts"),
    [("500 triệu đồng", {MATCH}), ("500 tỷ đồng", {MISMATCH, UNSURE})],
)
def test_what_was_added_said_after_the_amount(tuyen_quang, added, verdicts):
    found = paragraph_verdicts(tuyen_quang, ADDED_AFTER.format(added))
    assert found[added] in verdicts
