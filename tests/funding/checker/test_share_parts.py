"""A share's part named by a few words ("trong đó Tuyên Quang chiếm 3,5%",
"Trong 9 tháng, tỉnh chiếm 4% số giải ngân … của cả nước"): the amount
before it is the whole when the part is an area inside its area, and the
part is of the measure, fund and indicator of the whole the words after
the share name (sentences written for these tests)."""

import pytest

from funding.checker import MATCH, UNSURE
from funding.models import Area
from tests.funding.checker.checking import KCQG, E, P, area, paragraph_verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuyen_quang(reference_data, make_figure):
    """Tuyên Quang's and the nation's KCQG plans for 2026 (5,6 and 160 tỷ)
    and what they spent in its first 9 months (2 and 50 tỷ)."""
    province, nation = area("Tuyên Quang"), Area.objects.get(kind=Area.Kind.NATION)
    return [
        make_figure(province, 2026, P, "5600000000", source=KCQG),
        make_figure(nation, 2026, P, "160000000000", source=KCQG),
        make_figure(province, 2026, E, "2000000000", source=KCQG, months=9),
        make_figure(nation, 2026, E, "50000000000", source=KCQG, months=9),
    ]


@pytest.mark.parametrize(("rate", "verdict"), [("3,5%", MATCH), ("3,8%", UNSURE)])
def test_an_area_inside_the_amount_before_is_its_part(tuyen_quang, rate, verdict):
    found = paragraph_verdicts(
        tuyen_quang,
        "Kế hoạch khuyến công quốc gia cả nước năm 2026 là 160 tỷ đồng, trong "
        f"đó Tuyên Quang chiếm {rate}.",
    )
    assert found == {"160 tỷ đồng": MATCH, rate: verdict}


@pytest.mark.parametrize(("rate", "verdict"), [("4%", MATCH), ("4,6%", UNSURE)])
def test_the_part_is_of_the_wholes_measure(tuyen_quang, rate, verdict):
    found = paragraph_verdicts(
        tuyen_quang,
        "Năm 2026 là năm thứ hai của giai đoạn. Sau 9 tháng, tỉnh Tuyên Quang "
        f"chiếm {rate} số giải ngân khuyến công quốc gia của cả nước.",
    )
    assert found[rate] == verdict
