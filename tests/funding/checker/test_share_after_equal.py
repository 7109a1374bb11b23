"""A percentage "bằng x%" followed by the whole ("của cả nước", "số đề án
cả nước", "cả năm") is a share of that whole, of the measure the part is
of: not a ratio to the whole's plan (lines written for these tests)."""

import pytest

from funding.checker import MATCH, MISMATCH, UNSURE
from funding.models import Area
from tests.funding.checker.checking import KCQG, E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_and_nation(reference_data, make_figure):
    """Sơn La's and the nation's KCQG 2023: planned 4 and 150 tỷ, spent 3,6
    and 128 tỷ; Sơn La spent 2,7 tỷ in the first 9 months."""
    province, nation = area("Sơn La"), Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(province, 2023, P, "4000000000", source=KCQG),
        make_figure(nation, 2023, P, "150000000000", source=KCQG),
        make_figure(province, 2023, E, "3600000000", source=KCQG),
        make_figure(nation, 2023, E, "128000000000", source=KCQG),
        make_figure(province, 2023, E, "2700000000", source=KCQG, months=9),
    ]


@pytest.mark.parametrize(("rate", "verdict"), [("2,81%", MATCH), ("2,4%", MISMATCH)])
def test_equal_to_a_share_of_the_nation(province_and_nation, rate, verdict):
    found = paragraph_verdicts(
        province_and_nation,
        "Năm 2023, Sơn La giải ngân 3,6 tỷ đồng vốn khuyến công quốc gia. "
        f"Số giải ngân của tỉnh bằng {rate} của cả nước (128 tỷ đồng).",
    )
    assert found[rate] == verdict


@pytest.mark.parametrize(
    ("rate", "verdicts"), [("25%", {MATCH}), ("28%", {MISMATCH, UNSURE})]
)
def test_equal_to_a_share_of_the_whole_year(province_and_nation, rate, verdicts):
    found = paragraph_verdicts(
        province_and_nation,
        "Năm 2023, Sơn La giải ngân 3,6 tỷ đồng vốn khuyến công quốc gia; hết "
        f"9 tháng mới giải ngân 2,7 tỷ đồng, nên quý IV giải ngân 0,9 tỷ đồng, "
        f"bằng {rate} cả năm.",
    )
    assert found[rate] in verdicts
