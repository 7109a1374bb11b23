""" "Kế hoạch năm 2025 của tỉnh là 12 tỷ đồng, …; riêng phần của Yên Bái
chiếm 40,83%": a share whose clause names only its area is of what the
sentence named before it (the plan), of the whole the sentence is about
(sentences written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from tests.funding.checker.test_old_provinces_together import lao_cai  # noqa: F401

pytestmark = pytest.mark.django_db

from funding.models import Indicator  # noqa: E402
from tests.funding.checker.checking import P, area, paragraph_verdicts  # noqa: E402

TEXT = (
    "Năm 2025, kế hoạch khuyến công của tỉnh Lào Cai là 12 tỷ đồng, gồm kế "
    "hoạch của hai tỉnh cũ và 600 triệu đồng bổ sung từ ngân sách tỉnh; riêng "
    "phần của Yên Bái "
    "chiếm {}."
)


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("40,83%", {MATCH}), ("41,83%", {MISMATCH, UNSURE})]
)
def test_the_share_is_of_the_plan_named_before(lao_cai, printed, verdicts):  # noqa: F811
    assert paragraph_verdicts(lao_cai, TEXT.format(printed))[printed] in verdicts


COUNTED = (
    "Năm 2025, kế hoạch khuyến công của tỉnh Lào Cai là 12 tỷ đồng với 30 đề "
    "án, gồm kế hoạch của hai tỉnh cũ và 600 triệu đồng bổ sung; riêng phần "
    "của Yên Bái chiếm {}."
)


@pytest.mark.parametrize(
    ("printed", "verdicts"), [("40,83%", {MATCH}), ("41,83%", {MISMATCH, UNSURE})]
)
def test_the_count_an_amount_is_for_is_not_the_subject(
    lao_cai,  # noqa: F811
    make_figure,
    printed,
    verdicts,
):
    """ "12 tỷ đồng với 30 đề án": the count goes with the amount; the
    sentence is about the amount (the new province's count is stored)."""
    count = Indicator.objects.get(code="so-de-an")
    figures = [*lao_cai, make_figure(area("Lào Cai"), 2025, P, "30", indicator=count)]
    assert paragraph_verdicts(figures, COUNTED.format(printed))[printed] in verdicts
