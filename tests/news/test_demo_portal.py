"""The demo looks like a portal: articles in every category over 2025 and
2026, tags, one video, the agency's details, the menu and footer; loading it
again changes nothing."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.timezone import localtime

from news.demo.content import SEED_SLUG
from news.models import Article, Category, SiteLink, SiteSettings, Tag

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo", stdout=StringIO())


def test_demo_articles_cover_every_category_over_two_years():
    load()
    demo = Article.objects.published().exclude(slug=SEED_SLUG)
    assert demo.count() >= 18
    assert set(demo.values_list("category", flat=True)) == set(
        Category.objects.values_list("pk", flat=True)
    )
    years = Counter(localtime(a.published_at).year for a in demo)
    assert set(years) == {2025, 2026} and min(years.values()) >= 8
    for article in demo:
        assert article.tags.exists(), article.title
        assert "Bài viết mẫu" in article.body and "(bài mẫu)" in article.byline
    assert demo.exclude(video_url="").count() == 1
    assert Tag.objects.count() >= 10


def test_demo_fills_the_footer_and_menu(client):
    load()
    site = SiteSettings.objects.get()
    assert all(
        (
            site.agency_name,
            site.address,
            site.phone,
            site.email,
            site.responsible_person,
            site.licence,
        )
    )
    assert "mẫu" in site.agency_name and "mẫu" in site.licence
    html = client.get(reverse("news:home")).content.decode()
    menu = html.split('id="site-menu"', 1)[1].split("</ul>", 1)[0]
    for label in ("Trang chủ", "Chính sách", "Thông báo", "Văn bản", "Số liệu"):
        assert f">{label}</a>" in menu, label
    assert "Tất cả tin" not in html
    assert site.licence in html.split('<footer class="site-footer">', 1)[1]


def test_loading_again_changes_nothing():
    load()
    before = (
        list(Article.objects.values("id", "title", "updated_at")),
        list(SiteLink.objects.values()),
        list(SiteSettings.objects.values()),
        list(Tag.objects.values()),
    )
    load()
    after = (
        list(Article.objects.values("id", "title", "updated_at")),
        list(SiteLink.objects.values()),
        list(SiteSettings.objects.values()),
        list(Tag.objects.values()),
    )
    assert after == before


def test_the_demo_keeps_what_staff_changed():
    load()
    SiteSettings.objects.filter(pk=1).update(phone="0123 456 789")
    SiteLink.objects.filter(place="menu").exclude(kind="home").delete()
    load()
    assert SiteSettings.objects.get().phone == "0123 456 789"
    assert list(
        SiteLink.objects.filter(place="menu").values_list("label", flat=True)
    ) == ["Trang chủ"]
