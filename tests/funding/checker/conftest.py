import pytest

from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, DataBlock
from tests.funding.checker.checking import KCQG, E, P, figures_of


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
