from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.timezone import localtime

from news.demo.content import SEED_SLUG
from news.models import Article, Category

pytestmark = pytest.mark.django_db

SEED_TITLE = (
    "Hội nghị công tác khuyến công khu vực miền Trung - Tây Nguyên năm 2022 "
    "tại Ninh Thuận"
)


def load(**kwargs):
    out = StringIO()
    call_command("load_demo", stdout=out, **kwargs)
    return out.getvalue()


def snapshot(media_root):
    return {
        "categories": list(Category.objects.values()),
        "articles": list(Article.objects.values()),
        "history": Article.history.count(),
        "users": list(get_user_model().objects.values("username", "password")),
        "files": sorted(p.name for p in media_root.rglob("*") if p.is_file()),
    }


@pytest.mark.parametrize("debug", [False, True])
def test_load_demo_twice_changes_nothing(settings, media_root, debug):
    settings.DEBUG = debug
    load()
    first = snapshot(media_root)
    output = load()
    assert snapshot(media_root) == first
    assert "0 categories and 0 articles created" in output


def test_seed_article_is_clean_and_published(media_root):
    load()
    article = Article.objects.get(slug=SEED_SLUG)
    assert article.title == SEED_TITLE
    assert article.category.name == "Tin tức"
    assert article.is_public
    assert localtime(article.published_at).strftime("%d/%m/%Y") == "18/08/2022"
    assert article.lead.startswith("Chiều ngày 18/8, tại tỉnh Ninh Thuận")
    text = f"{article.title} {article.lead} {article.body}"
    for chrome in ("Tin Tức", "Chung nhan", "Zalo", "news_detail", "h[n", "v[í"):
        assert chrome not in text
    assert "72,8 tỷ đồng cao hơn 42,11% so với kế hoạch năm 2021" in article.body
    assert article.cover_caption == (
        "Ông Ngô Quang Trung - Cục trưởng Cục Công Thương địa phương phát biểu tại Hội nghị."
    )
    assert article.cover_caption not in article.body
    # every figure the seed README lists is still in the text
    for figure in (
        "48,79 tỷ đồng",
        "95,24%",
        "51,23 tỷ đồng",
        "11,07/11,14 tỷ đồng",
        "99,37%",
        "14,71%",
        "22,68%",
        "37,73 tỷ đồng",
        "94,11%",
        "40,09 tỷ đồng",
        "23,76%",
        "158,79 tỷ đồng",
        "77,32%",
        "72,8 tỷ đồng",
        "29,21 tỷ đồng",
        "20,86%",
        "140 tỷ đồng",
        "40,12%",
        "20,7 tỷ đồng",
        "28,44%",
        "62,15%",
        "3,54 tỷ đồng",
        "12,11%",
        "17,17 tỷ đồng",
        "39,38%",
        "12, 61 tỷ đồng",
        "59 dự án",
        "4,78 tỷ đồng",
        "44,18%",
        "32,19%",
    ):
        assert figure in text, figure


def test_categories_are_the_usual_sections():
    load()
    names = set(Category.objects.values_list("name", flat=True))
    assert {"Tin tức", "Hoạt động khuyến công", "Thông báo"} <= names
    # Besides the seed, only demo articles, each saying it is one
    # (tests/news/test_demo_portal.py).
    others = Article.objects.exclude(slug=SEED_SLUG)
    assert all("Bài viết mẫu" in body for body in others.values_list("body", flat=True))


def test_demo_users_only_with_debug(settings):
    settings.DEBUG = False
    output = load()
    assert not get_user_model().objects.exists()
    assert "password" not in output
    settings.DEBUG = True
    output = load()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert "khuyencong-demo-2022" in output
    editor = get_user_model().objects.get(username="bientap")
    assert editor.is_staff and not editor.has_perm("news.publish_article")
    assert editor.check_password("khuyencong-demo-2022")
