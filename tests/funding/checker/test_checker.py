"""The figure checker on hand-written sentences, against the seed figures
(on whole articles: tests/news/test_figure_check.py)."""

import pytest

from funding.checker import (
    MATCH,
    MISMATCH,
    NO_DATA,
    ROUNDING,
    UNSURE,
    Checker,
    find_quotes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def checker(seed_figures):
    return Checker(seed_figures)


# Hand-written sentences against the seed figures: each expected number with
# its verdict, and distractors that are not figures at all.
SENTENCES = [
    (
        "Năm 2021, kinh phí khuyến công thực hiện của khu vực miền Trung - Tây "
        "Nguyên là 48,79 tỷ đồng, đạt 95,24% kế hoạch.",
        [("48,79 tỷ đồng", MATCH), ("95,24%", MATCH)],
    ),
    (
        "Kế hoạch kinh phí khuyến công năm 2021 của khu vực là 51,23 tỷ đồng.",
        [("51,23 tỷ đồng", MATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công quốc gia thực hiện 11,07 tỷ đồng, đạt 99,37% kế hoạch.",
        [("11,07 tỷ đồng", MATCH), ("99,37%", MATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công địa phương thực hiện 37,73 tỷ đồng, đạt "
        "94,11% kế hoạch (40,09 tỷ đồng).",
        [("37,73 tỷ đồng", MATCH), ("94,11%", MATCH), ("40,09 tỷ đồng", MATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công địa phương thực hiện của cả nước là 158,79 tỷ đồng.",
        [("158,79 tỷ đồng", MATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công địa phương thực hiện 37,73 tỷ đồng, chiếm "
        "77,32% kinh phí khuyến công toàn vùng.",
        [("37,73 tỷ đồng", MATCH), ("77,32%", ROUNDING)],
    ),
    (
        "Kế hoạch kinh phí năm 2022 của khu vực là 72,8 tỷ đồng, tăng 42,11% so với năm 2021.",
        [("72,8 tỷ đồng", MATCH), ("42,11%", ROUNDING)],
    ),
    (
        "Năm 2022, kinh phí KCQG giao theo kế hoạch 29,21 tỷ đồng, chiếm 20,86% "
        "tổng kinh phí KCQG cả nước (140 tỷ đồng).",
        [("29,21 tỷ đồng", MATCH), ("20,86%", MATCH), ("140 tỷ đồng", MATCH)],
    ),
    (
        "7 tháng đầu năm 2022, kinh phí toàn vùng đã thực hiện 20,7 tỷ đồng, đạt "
        "28,44% kế hoạch năm.",
        [("20,7 tỷ đồng", MATCH), ("28,44%", ROUNDING)],
    ),
    (
        "7 tháng đầu năm 2022, kinh phí khuyến công quốc gia thực hiện 3,54 tỷ "
        "đồng, đạt 12,11% kế hoạch năm.",
        [("3,54 tỷ đồng", MATCH), ("12,11%", ROUNDING)],
    ),
    (
        "7 tháng đầu năm 2022, kinh phí KCĐP thực hiện 17,17 tỷ đồng, đạt 39,38% kế hoạch năm.",
        [("17,17 tỷ đồng", MATCH), ("39,38%", ROUNDING)],
    ),
    (
        "Năm 2021, doanh thu tư vấn phát triển công nghiệp đạt 12,61 tỷ đồng.",
        [("12,61 tỷ đồng", MATCH)],
    ),
    (
        "7 tháng đầu năm 2022, toàn vùng tư vấn cho 59 dự án với doanh thu 4,78 tỷ đồng.",
        [("59 dự án", MATCH), ("4,78 tỷ đồng", MATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công thực hiện của khu vực là 47,79 tỷ đồng.",
        [("47,79 tỷ đồng", MISMATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công quốc gia thực hiện đạt 11,07/11,41 tỷ đồng "
        "(đạt 97,01%).",
        [("11,07 tỷ đồng", MATCH), ("11,41 tỷ đồng", MISMATCH), ("97,01%", UNSURE)],
    ),
    (
        "7 tháng đầu năm 2022, toàn vùng tư vấn cho 95 dự án.",
        [("95 dự án", MISMATCH)],
    ),
    (
        "Kế hoạch năm 2022 của khu vực là 72,8 tỷ đồng, cao hơn 24,11% so với kế "
        "hoạch năm 2021.",
        [("72,8 tỷ đồng", MATCH), ("24,11%", UNSURE)],
    ),
    (
        "Năm 2022, kinh phí KCQG được giao 29,21 tỷ đồng, chiếm 40,21% kinh phí "
        "khuyến công toàn vùng.",
        [("29,21 tỷ đồng", MATCH), ("40,21%", MISMATCH)],
    ),
    (
        "Năm 2020, kinh phí khuyến công thực hiện của khu vực là 40,5 tỷ đồng.",
        [("40,5 tỷ đồng", NO_DATA)],
    ),
    (
        "Năm 2021, kinh phí khuyến công quốc gia thực hiện 11,07 tỷ đồng, chiếm "
        "14,71% tổng kinh phí khuyến công quốc gia thực hiện của cả nước.",
        [("11,07 tỷ đồng", MATCH), ("14,71%", NO_DATA)],
    ),
    ("Lãi suất cho vay ưu đãi là 6%.", [("6%", NO_DATA)]),
    (
        "Tỷ lệ giải ngân kinh phí khuyến công quốc gia năm 2021 của khu vực đạt 99,37%.",
        [("99,37%", MATCH)],
    ),
    (
        "Năm 2021, kinh phí khuyến công của khu vực đạt 48.790.000.000 đồng.",
        [("48.790.000.000 đồng", MATCH)],
    ),
    (
        "Kế hoạch kinh phí KCĐP năm 2021 là 40,09 tỷ đồng; thực hiện 37,73 tỷ "
        "đồng, bằng 94,11% kế hoạch.",
        [("40,09 tỷ đồng", MATCH), ("37,73 tỷ đồng", MATCH), ("94,11%", MATCH)],
    ),
    (
        "Năm 2021, doanh thu tư vấn đạt 12, 61 tỷ đồng.",
        [("12, 61 tỷ đồng", MATCH)],
    ),
    (
        "7 tháng đầu năm 2022 doanh thu tư vấn đạt 4,78 tỷ đồng, thấp hơn 32,19% so "
        "với cùng kỳ năm 2021.",
        [("4,78 tỷ đồng", MATCH), ("32,19%", NO_DATA)],
    ),
    # Distractors: dates, decision numbers, people and places, phone numbers.
    (
        "Theo Quyết định 1881/QĐ-TTg ngày 20/11/2020 của Thủ tướng Chính phủ, hơn "
        "200 đại biểu từ 15 tỉnh dự hội nghị ngày 18/8/2022.",
        [],
    ),
    (
        "Dù dịch Covid – 19 kéo dài, đường dây nóng 0259.3822.135 vẫn hoạt động; "
        "liên hệ số 0918 123 456.",
        [],
    ),
    ("Năm 2023, hội nghị sẽ tổ chức tại Đắk Nông với 300 khách mời.", []),
    (
        "Đồng chí Nguyễn Văn A phát biểu tại hội nghị năm 2022. Đồng thời, 6 nội "
        "dung chính được nêu.",
        [],
    ),
]


def finder_scores(checker):
    expected = found = correct = 0
    for sentence, numbers in SENTENCES:
        quotes = {q.text for q in find_quotes(sentence)}
        wanted = {text for text, _verdict in numbers}
        expected += len(wanted)
        found += len(quotes)
        correct += len(quotes & wanted)
    return correct / found, correct / expected, expected


def test_finder_precision_and_recall(checker, capsys):
    precision, recall, total = finder_scores(checker)
    with capsys.disabled():
        print(
            f"\nfinder on {total} hand-written figures: precision {precision:.3f}, "
            f"recall {recall:.3f}"
        )
    assert total >= 40
    assert recall >= 0.95
    assert precision >= 0.95


@pytest.mark.parametrize(("sentence", "numbers"), SENTENCES)
def test_each_sentence_gets_its_verdicts(checker, sentence, numbers):
    report = checker.check_parts([("body", sentence)])
    got = [(f.quote.text, f.verdict) for f in report.findings]
    assert got == numbers
