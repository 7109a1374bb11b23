"""An amount "đã giao cho tỉnh B" is B's: the area it was given to, named
right after it, is whose it is, as "của B" after it would be — even when
the clause before it named another area (lines written for these tests)."""

import pytest

from funding.checker import MATCH
from tests.funding.checker.checking import P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_provinces(make_figure):
    return [
        make_figure(area("Sơn La"), 2024, P, "5200000000"),
        make_figure(area("Điện Biên"), 2024, P, "3800000000"),
    ]


@pytest.mark.parametrize("given", ["đã giao cho", "được phân bổ cho", "bố trí cho"])
def test_the_area_given_to_after_an_amount_is_its_own(two_provinces, given):
    found = paragraph_verdicts(
        two_provinces,
        f"Kế hoạch khuyến công năm 2024: 5,2 tỷ đồng {given} tỉnh Sơn La "
        f"và 3,8 tỷ đồng {given} tỉnh Điện Biên để hỗ trợ các cơ sở.",
    )
    assert found == {"5,2 tỷ đồng": MATCH, "3,8 tỷ đồng": MATCH}
