import pytest

from funding.models import ProgrammeContent
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, DataBlock
from tests.funding.checker.checking import (
    KCQG,
    E,
    P,
    area,
    dien_bien_2021_2024,
    figures_of,
    kon_tum_and_gia_lai_2024,
)


@pytest.fixture
def seed_figures(reference_data):
    """The figures the demo's seed article shows in its data blocks, each once."""
    load_demo_content()
    seed = Article.objects.get(slug=SEED_SLUG)
    found = {
        f.pk: f
        for block in DataBlock.objects.filter(article=seed)
        for f in block.figures()
    }
    return list(found.values())


@pytest.fixture
def dien_bien_2021_to_2024(reference_data, make_figure):
    """Điện Biên 2021-2024 (``checking.dien_bien_2021_2024``): the figures
    of the tests of changes and rates over several years."""
    return dien_bien_2021_2024(make_figure)


@pytest.fixture
def kon_tum(reference_data, make_figure):
    """Kon Tum and Gia Lai 2024 (``checking.kon_tum_and_gia_lai_2024``)."""
    return kon_tum_and_gia_lai_2024(make_figure)


@pytest.fixture
def dien_bien_2024(reference_data, make_figure):
    """Điện Biên's 2024: 7,252 of the 8,4 tỷ đồng planned executed (86,33%)."""
    return figures_of(
        make_figure, "Điện Biên", (2024, P, "8400000000"), (2024, E, "7252000000")
    )


@pytest.fixture
def lai_chau(reference_data, make_figure):
    """Lai Châu's KCQG 2024: 3,4 tỷ đồng planned, 3,213 tỷ đồng executed."""
    return figures_of(
        make_figure,
        "Lai Châu",
        (2024, P, "3400000000"),
        (2024, E, "3213000000"),
        source=KCQG,
    )


@pytest.fixture
def son_la_demo(reference_data, make_figure):
    """Sơn La's 2024: 6,79 of 8 tỷ đồng spent (84,9%); on technique
    demonstration models, 6,2 of 6,5 tỷ đồng."""
    province = area("Sơn La")
    demo, _ = ProgrammeContent.objects.get_or_create(
        name="Mô hình trình diễn kỹ thuật",
        defaults={"code": "mo-hinh-trinh-dien-ky-thuat"},
    )
    return [
        make_figure(province, 2024, P, "8000000000"),
        make_figure(province, 2024, E, "6790000000"),
        make_figure(province, 2024, P, "6500000000", content=demo),
        make_figure(province, 2024, E, "6200000000", content=demo),
    ]
