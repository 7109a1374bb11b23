"""Text pasted from a PDF, its lines broken inside sentences: the words
before a number on the line above still say what it is (lines written for
these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, NO_DATA
from funding.checker.lines import joined_lines
from funding.models import Indicator
from tests.funding.checker.checking import E, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def cao_bang(reference_data, make_figure):
    """Cao Bằng: 6,4 tỷ đồng executed in 2023, 7,1 tỷ đồng and 41 projects in 2024."""
    province = area("Cao Bằng")
    count = Indicator.objects.get(code="so-de-an")
    return [
        make_figure(province, 2023, E, "6400000000"),
        make_figure(province, 2024, E, "7100000000"),
        make_figure(province, 2024, E, "41", indicator=count),
    ]


@pytest.mark.parametrize(("word", "verdict"), [("tăng", MATCH), ("giảm", MISMATCH)])
def test_a_change_word_at_the_end_of_the_line_above(cao_bang, word, verdict):
    text = (
        "Năm 2024 Cao Bằng giải ngân 7,1 tỷ đồng, so với năm 2023 kinh phí "
        f"{word}\n10,94%, tương đương 0,7 tỷ đồng."
    )
    assert dict(read(cao_bang, text))["10,94%"] == verdict


def test_an_aim_broken_over_two_lines_is_still_an_aim(cao_bang):
    text = (
        "Năm 2024 tỉnh thực hiện 41 đề án. Thời gian tới, Sở phấn đấu giải ngân\n"
        "hết kế hoạch, thực hiện ít nhất 45 đề án mỗi năm."
    )
    found = dict(read(cao_bang, text))
    assert found["41 đề án"] == MATCH
    assert found["45 đề án"] == NO_DATA


def test_only_soft_breaks_become_spaces():
    text = (
        "BÁO CÁO\nKết quả năm 2024 của tỉnh\nĐến hết năm, kinh phí tăng\n"
        "10,94% so với\nnăm 2023.\n3. Kết quả khác\n- 41 đề án\nNăm\t2023\t6,4\n"
        "Tổng\t2024\t7,1"
    )
    joined = joined_lines(text)
    assert len(joined) == len(text)
    assert joined.split("\n") == [
        "BÁO CÁO",
        "Kết quả năm 2024 của tỉnh",
        "Đến hết năm, kinh phí tăng 10,94% so với năm 2023.",
        "3. Kết quả khác",
        "- 41 đề án",
        "Năm\t2023\t6,4",
        "Tổng\t2024\t7,1",
    ]
