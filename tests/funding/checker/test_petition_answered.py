""" "Trả lời kiến nghị cử tri" names a petition (a noun), not a request the
numbers after it are asked for: the rate the answer gives is checked
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH
from tests.funding.checker.checking import E, P, area, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(reference_data, make_figure):
    here = area("Điện Biên")
    return [
        make_figure(here, 2024, P, "5000000000"),
        make_figure(here, 2024, E, "4750000000"),
    ]


@pytest.mark.parametrize(("printed", "verdict"), [("95%", MATCH), ("59%", MISMATCH)])
def test_the_rate_in_an_answer_to_a_petition(answered, printed, verdict):
    text = (
        "Sở Công Thương Điện Biên trả lời kiến nghị cử tri về kinh phí khuyến "
        f"công: năm 2024 giải ngân {printed} kế hoạch."
    )
    assert read(answered, text) == [(printed, verdict)]
