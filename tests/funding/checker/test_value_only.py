"""Two ways a wrong or unsupported number hid behind a right-looking
verdict (sentences written for these tests):

- a printed amount cut short is "within rounding" only when it is cut
  toward zero and keeps many significant digits ("21.586 triệu" for
  21.586.640.000): "36 tỷ" for 36,79 tỷ is a wrong number, and one above
  the value is no truncation at all;
- a number that no word names (no year, area, fund, measure or indicator,
  its own or carried) is not matched by its value alone: the editor
  confirms which figure it is."""

from decimal import Decimal

import pytest

from funding.checker import MATCH, MISMATCH, ROUNDING, UNSURE
from funding.models import Indicator
from tests.funding.checker.checking import E, P, area, check, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def nghe_an(reference_data, make_figure):
    province = area("Nghệ An")
    advice = Indicator.objects.get(code="doanh-thu-tu-van")
    ten_million = {"rounding": Decimal(10_000_000)}
    return [
        make_figure(province, 2023, E, "36790000000", **ten_million),
        make_figure(province, 2023, P, "39120000000", **ten_million),
        make_figure(province, 2022, E, "21586640000"),
        make_figure(province, 2021, E, "19473200000"),
        make_figure(province, 2024, P, "40250000000", **ten_million),
        make_figure(province, 2024, E, "3860000000", indicator=advice, months=9),
    ]


def test_a_coarse_amount_cut_short_is_a_mismatch(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Năm 2023, Nghệ An đã giải ngân 36 tỷ đồng khuyến công."
    )
    assert found["36 tỷ đồng"] == MISMATCH


def test_more_than_the_cut_amount_is_within_rounding(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Năm 2023, Nghệ An đã giải ngân hơn 36 tỷ đồng khuyến công."
    )
    assert found["36 tỷ đồng"] == ROUNDING


def test_an_amount_with_many_digits_cut_short_is_within_rounding(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Riêng năm 2022, Nghệ An thực hiện 21.586 triệu đồng."
    )
    assert found["21.586 triệu đồng"] == ROUNDING


def test_an_amount_above_the_value_is_no_truncation(nghe_an):
    # 19.473,2 triệu: "19.473" is right, "19.474" is one too many
    found = paragraph_verdicts(
        nghe_an,
        "Năm 2021, Nghệ An thực hiện 19.474 triệu đồng, năm 2022 thực hiện "
        "21.587 triệu đồng.",
    )
    assert found["19.474 triệu đồng"] == MISMATCH
    assert found["21.587 triệu đồng"] == MATCH


def test_a_number_no_word_names_is_unsure_not_matched_by_value(nghe_an):
    report = check(
        nghe_an, "Những con số được nhắc lại nhiều lần là 17,5% và 4 tỷ đồng."
    )
    finding = next(f for f in report.findings if f.quote.text == "4 tỷ đồng")
    assert finding.verdict == UNSURE
    assert len(finding.readings) > 1  # the editor chooses among them


def test_a_far_number_no_word_names_is_no_sure_mismatch(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Những con số được nhắc lại nhiều lần là 17,5% và 3,68 tỷ đồng."
    )
    assert found["3,68 tỷ đồng"] != MISMATCH


def test_a_number_its_words_name_is_still_matched(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Chín tháng đầu năm 2024, doanh thu tư vấn phát triển công nghiệp "
        "của Nghệ An đạt 4 tỷ đồng.",
    )
    assert found["4 tỷ đồng"] == MATCH


def test_a_number_named_by_the_sentence_before_is_still_matched(nghe_an):
    found = paragraph_verdicts(
        nghe_an,
        "Năm 2023, Nghệ An được giao kế hoạch khuyến công. Con số được nhắc "
        "lại nhiều lần là 39,12 tỷ đồng.",
    )
    assert found["39,12 tỷ đồng"] in (MATCH, ROUNDING)


def test_a_little_under_an_amount_is_within_rounding(nghe_an):
    # 36,79 tỷ: "ngót 37 tỷ", "chưa đến 36,8 tỷ" say a little under it
    found = paragraph_verdicts(
        nghe_an,
        "Năm 2023, Nghệ An giải ngân ngót 37 tỷ đồng; năm 2022 chưa đến 21,6 tỷ đồng.",
    )
    assert found["37 tỷ đồng"] == ROUNDING
    assert found["21,6 tỷ đồng"] == ROUNDING


def test_under_an_amount_the_value_passes_is_a_mismatch(nghe_an):
    found = paragraph_verdicts(
        nghe_an, "Năm 2023, Nghệ An giải ngân chưa tới 36 tỷ đồng."
    )
    assert found["36 tỷ đồng"] == MISMATCH


def test_the_demo_region_truncated_coarsely_and_an_unnamed_number(seed_figures):
    # the region's 2021 executed is 48,79 tỷ; its consulting revenue in the
    # first 7 months of 2022 is 4,78 tỷ
    report = check(seed_figures, "Năm 2021, toàn vùng thực hiện 48 tỷ đồng.")
    (coarse,) = report.findings
    # the region's revenue of 2021 is as well named: a mismatch or unsure
    assert coarse.verdict in (MISMATCH, UNSURE)
    assert coarse.readings[0].verdict == MISMATCH
    assert coarse.readings[0].expected == "49 tỷ đồng"
    report = check(seed_figures, "Các con số đáng chú ý: 22,68% và 5 tỷ đồng.")
    finding = next(f for f in report.findings if f.quote.text == "5 tỷ đồng")
    assert finding.verdict == UNSURE
    assert finding.figures == ()  # no figure linked until an editor confirms
