"""A multiple ("gấp 3 lần") far from every ratio of the stored figures is
some other ratio (of a figure the data does not hold, a fund derived from
two others), not a slip of the pen: never a confident mismatch (a
sentence written for these tests)."""

import pytest

from funding.checker import MISMATCH
from tests.funding.checker.checking import KCQG, P, figures_of, read

pytestmark = pytest.mark.django_db


@pytest.fixture
def ha_tinh(reference_data, make_figure):
    return figures_of(
        make_figure,
        "Hà Tĩnh",
        (2024, P, "3000000000"),
        (2023, P, "2900000000"),
        source=KCQG,
    )


def test_a_multiple_three_times_the_nearest_ratio_is_not_a_mismatch(ha_tinh):
    text = (
        "Năm 2024, vốn KCQG của Hà Tĩnh là 3 tỷ đồng, cao hơn năm 2023 "
        "100 triệu đồng; vốn KCĐP gấp 3 lần vốn KCQG."
    )
    found = dict(read(ha_tinh, text))
    assert found["3 tỷ đồng"] != MISMATCH
    assert found["gấp 3 lần"] != MISMATCH


def test_a_multiple_one_digit_off_is_still_flagged(ha_tinh):
    text = "Kế hoạch vốn KCQG năm 2024 của Hà Tĩnh gấp 1,93 lần năm 2023."
    # 3 / 2,9 is 1,03: one digit changed
    assert dict(read(ha_tinh, text))["gấp 1,93 lần"] == MISMATCH
