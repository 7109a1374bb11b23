import pytest

from funding.imports import apply_import, plan_file
from funding.models import Figure
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article, Correction


@pytest.fixture
def data(reference_data, make_user):
    """The demo content, a correction and an import: a row for most admins."""
    load_demo_content()
    article = Article.objects.get(slug=SEED_SLUG)
    Correction.objects.create(article=article, text="Đính chính mẫu.")
    source = Figure.objects.first().source
    template = "Tỉnh, thành phố;Năm;Kế hoạch (tỷ đồng)\nNinh Thuận;2022;12,61\n"
    plan = plan_file(template.encode(), file_name="mau.csv", source=source)
    apply_import(plan=plan, user=make_user("importer"))
    return article
