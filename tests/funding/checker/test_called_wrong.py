"""A number the text itself calls wrong (a correction, a rebuttal) is no
figure: "no data", never a mismatch; the corrected number next to it is
checked as usual (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, Checker
from funding.checker.quotes import plain_text
from funding.checker.report import NO_DATA
from funding.models import Area, Figure

pytestmark = pytest.mark.django_db

E, P = Figure.Measure.EXECUTED, Figure.Measure.PLAN


@pytest.fixture
def dien_bien(reference_data, make_figure):
    province = Area.objects.get(short_name="Điện Biên", valid_to=None)
    return [
        make_figure(province, 2024, P, "8400000000"),
        make_figure(province, 2024, E, "7252000000"),
    ]


def verdicts(figures, text):
    report = Checker(figures).check_parts([("body", plain_text(f"<p>{text}</p>"))])
    return {f.quote.text: f.verdict for f in report.findings}


def test_a_figure_said_to_be_inaccurate_is_no_data(dien_bien):
    found = verdicts(
        dien_bien,
        "Bản tin hôm trước ghi kinh phí khuyến công thực hiện năm 2024 của tỉnh "
        "Điện Biên là “6,9 tỷ đồng” là không chính xác; đúng ra là 7,252 tỷ đồng.",
    )
    assert found == {"6,9 tỷ đồng": NO_DATA, "7,252 tỷ đồng": MATCH}


def test_a_rate_denied_with_khong_phai_is_no_data(dien_bien):
    found = verdicts(
        dien_bien,
        "Năm 2024, tỷ lệ giải ngân kinh phí khuyến công của Điện Biên "
        "không phải 96% như đã đưa tin mà là 86,33% kế hoạch.",
    )
    assert found["96%"] == NO_DATA
    assert found["86,33%"] == MATCH


def test_a_number_printed_by_mistake_is_no_data(dien_bien):
    found = verdicts(
        dien_bien,
        "Kế hoạch khuyến công năm 2024 của Điện Biên là 8,4 tỷ đồng, "
        "bản in trước ghi nhầm thành 4,8 tỷ đồng.",
    )
    assert found == {"8,4 tỷ đồng": MATCH, "4,8 tỷ đồng": NO_DATA}


def test_behind_schedule_is_no_denial_of_the_number(dien_bien):
    found = verdicts(
        dien_bien,
        "Năm 2024, Điện Biên giải ngân 6,1 tỷ đồng kinh phí khuyến công, "
        "chưa đúng tiến độ đề ra.",
    )
    assert found["6,1 tỷ đồng"] == MISMATCH
