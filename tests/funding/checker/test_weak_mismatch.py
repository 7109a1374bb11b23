"""How sure a mismatch is (``funding.checker.calibrate``): a derived number
that another formula next to its reading gives exactly (the year after,
its operands the other way round) is "unsure" with both readings, and so
are numbers of one sentence, printed differently, all read as one figure;
a number no neighbouring reading gives stays a mismatch (sentences written
for these tests)."""

import pytest

from funding.checker import MISMATCH, UNSURE
from tests.funding.checker.checking import KCQG, E, P, area, read_with_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def son_la(reference_data, make_figure):
    """Sơn La: 2022 80%, 2023 90%, 2024 97% of the plan."""
    province = area("Sơn La")
    figures = []
    for year, plan, executed in [
        (2022, "5000000000", "4000000000"),
        (2023, "6000000000", "5400000000"),
        (2024, "7000000000", "6790000000"),
    ]:
        figures.append(make_figure(province, year, P, plan))
        figures.append(make_figure(province, year, E, executed))
    return figures


POINTS = (
    "Năm 2024, Sơn La giải ngân kinh phí khuyến công đạt 97% kế hoạch. "
    "Năm 2023, tỷ lệ ấy ở Sơn La là 90%; như vậy đã cao hơn {}."
)


def _points(figures, printed):
    _found, report = read_with_report(figures, POINTS.format(printed))
    return next(f for f in report.findings if f.quote.text == printed)


def test_points_another_pair_of_years_gives_are_unsure_naming_it(son_la):
    # 7 points is 2024 over 2023 (97% − 90%); whatever the words made of the
    # year in the clause before, the editor is asked, 7 points among them
    finding = _points(son_la, "7 điểm phần trăm")
    assert finding.verdict == UNSURE
    assert [r.expected for r in finding.readings] == [
        "10 điểm phần trăm",  # 2023 over 2022, as the words were taken
        "7 điểm phần trăm",  # 2024 over 2023
    ]


def test_points_no_neighbouring_reading_gives_stay_flagged(son_la):
    finding = _points(son_la, "4 điểm phần trăm")
    assert finding.verdict == UNSURE  # near it for no cause (``choose.UNCAUSED``)
    assert finding.readings[0].expected == "10 điểm phần trăm"


def test_numbers_of_one_sentence_read_as_one_figure_are_unsure(son_la):
    # three numbers (9,8 tỷ a slip of 6,8 tỷ among them) cannot all be its copies
    text = "Năm 2024, Sơn La thực hiện 8,9 tỷ đồng, 9,8 tỷ đồng và 10,5 tỷ đồng."
    found, report = read_with_report(son_la, text)
    assert [v for _t, v in found] == [UNSURE, UNSURE, UNSURE]
    assert all(f.readings[0].expected.startswith("6,8") for f in report.findings)


def test_one_number_read_as_that_figure_stays_flagged(son_la):
    found, _report = read_with_report(son_la, "Năm 2024, Sơn La thực hiện 8,9 tỷ đồng.")
    assert [v for _t, v in found] == [
        UNSURE
    ]  # near it for no cause (``choose.UNCAUSED``)


@pytest.fixture
def son_la_funds(son_la, make_figure):
    """… and 2 tỷ of the 2024 executed from the national fund."""
    return [*son_la, make_figure(area("Sơn La"), 2024, E, "2000000000", KCQG)]


SHARE = (
    "Năm 2024, Sơn La thực hiện 6,79 tỷ đồng; nguồn khuyến công quốc gia "
    "2 tỷ đồng, chiếm {}."
)


def test_a_share_of_the_plan_where_no_base_is_named_is_unsure(son_la_funds):
    # 28,57% is 2 of the 7 tỷ planned, not of the 6,79 tỷ spent (29,46%)
    found, report = read_with_report(son_la_funds, SHARE.format("28,57%"))
    assert dict(found)["28,57%"] == UNSURE
    finding = next(f for f in report.findings if f.quote.text == "28,57%")
    assert [r.expected for r in finding.readings][:2] == ["29,46%", "28,57%"]


def test_a_share_of_the_base_its_words_name_stays_a_mismatch(son_la_funds):
    text = SHARE.format("28,57% tổng kinh phí thực hiện")
    found, _report = read_with_report(son_la_funds, text)
    assert dict(found)["28,57%"] == MISMATCH


CHANGE = "Năm 2024, Sơn La chi 6,79 tỷ đồng, tăng 25,74% so với {}."


@pytest.mark.parametrize(
    ("compared", "verdict"),
    [
        # 25,74% is over the 5,4 tỷ spent in 2023, not the 6 tỷ planned: the
        # plan named after "nhờ" is another clause's
        ("năm 2023 nhờ kế hoạch được giao sớm", UNSURE),
        # the words name the planned base: a number of the spent one's is wrong
        ("kế hoạch năm 2023", MISMATCH),
    ],
)
def test_a_change_against_a_base_its_words_leave_unsaid_is_unsure(
    son_la, compared, verdict
):
    found, _report = read_with_report(son_la, CHANGE.format(compared))
    assert dict(found)["25,74%"] == verdict


def test_numbers_read_as_one_figure_stay_flagged_when_one_is_a_slip_of_it(son_la):
    # 6,7 tỷ is 6,79 tỷ with one digit changed: a wrong copy of that figure
    text = "Năm 2024, Sơn La thực hiện 8,9 tỷ đồng và 6,7 tỷ đồng."
    found, _report = read_with_report(son_la, text)
    # 8,9 tỷ is near it for no cause (``choose.UNCAUSED``)
    assert [v for _t, v in found] == [UNSURE, MISMATCH]
