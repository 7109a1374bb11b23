"""An article's tags, related documents and descriptions are stored with its page's
parts (``news.snapshots``) and read with it; the chrome and the most-read
list are kept by each process (``news.site.shared``). A change to any of
them shows on the next read of the page, with the page cache off."""

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from funding.models import SourceDocument
from news import views
from news.models import Article, ArticleSnapshot, SiteLink, SiteSettings, Tag
from news.mostread import record_read
from news.site import shared

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article, client):
    article = make_article(title="Bài có thẻ")
    article.tags.add(Tag.objects.create(name="Thẻ Mộc Châu"))
    article.documents.add(document("Quyết định 12"))
    page(client, article)  # its parts stored, the chrome kept
    return article


def document(title: str, **fields) -> SourceDocument:
    fields.setdefault("is_published", True)
    return SourceDocument.objects.create(title=title, number="5/QĐ", **fields)


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def tag_list(html: str) -> str:
    return html.split('class="tag-list"', 1)[1].split("</ul>", 1)[0]


def test_a_tag_renamed_shows_on_the_next_read(client, article):
    tag = Tag.objects.get(name="Thẻ Mộc Châu")
    tag.name, tag.slug = "Công nghiệp nông thôn", "cong-nghiep-nong-thon"
    tag.save()
    tags = tag_list(page(client, article))
    assert "Công nghiệp nông thôn" in tags and "Mộc Châu" not in tags
    assert f'href="{tag.get_absolute_url()}"' in tags


@pytest.mark.parametrize("side", ["article", "tag"])
def test_a_tag_attached_or_detached_from_either_side_shows(client, article, side):
    tag = Tag.objects.create(name="Làng nghề")
    if side == "article":
        article.tags.add(tag)
    else:
        tag.articles.add(article)
    assert "Làng nghề" in tag_list(page(client, article))
    if side == "article":
        article.tags.remove(tag)
    else:
        tag.articles.clear()
    assert "Làng nghề" not in page(client, article)


def test_a_tag_deleted_leaves_the_page(client, article):
    Tag.objects.get(name="Thẻ Mộc Châu").delete()
    assert "Mộc Châu" not in page(client, article)


def test_a_document_attached_changed_or_detached_shows(client, article):
    added = document("Kế hoạch khuyến công 2025")
    added.articles.add(article)
    assert "Kế hoạch khuyến công 2025" in page(client, article)
    added.title = "Kế hoạch khuyến công 2026"
    added.save()
    html = page(client, article)
    assert "Kế hoạch khuyến công 2026<" in html and "công 2025<" not in html
    added.articles.clear()
    assert "Kế hoạch khuyến công 2026" not in page(client, article)
    article.documents.clear()
    assert "Văn bản liên quan" not in page(client, article)


def test_a_scheduled_document_shows_once_due_with_no_save(client, article):
    later = document(
        "Văn bản hẹn giờ", published_at=timezone.now() + timedelta(hours=1)
    )
    article.documents.add(later)
    assert "Văn bản hẹn giờ" not in page(client, article)
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert "Văn bản hẹn giờ" in page(client, article)


def test_the_site_settings_changed_show_on_the_next_read(client, article):
    site = SiteSettings.objects.get(pk=1)
    site.agency_name = "Trung tâm Khuyến công tỉnh Đổi Tên"
    site.save()
    assert "Trung tâm Khuyến công tỉnh Đổi Tên" in page(client, article)


def test_a_menu_item_changed_shows_on_the_next_read(client, article):
    link = SiteLink.objects.create(
        settings_id=1, place="menu", kind="url", label="Cổng cũ", url="https://a.vn/"
    )
    assert "Cổng cũ" in page(client, article)
    link.label = "Cổng mới"
    link.save()
    html = page(client, article)
    assert "Cổng mới" in html and "Cổng cũ" not in html
    link.delete()
    assert "Cổng mới" not in page(client, article)


def test_a_copy_read_before_the_commit_is_read_again_after_it(
    django_capture_on_commit_callbacks,
):
    reads = []
    kept = shared.Kept(lambda: reads.append(1) or len(reads), 300)
    assert kept.get() == kept.get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        shared.bump()
        # Another process reading now would see the rows before the commit.
        assert kept.get() == 2
    assert kept.get() == 3  # the commit moved the version again
    assert kept.get() == 3


def test_the_most_read_list_lags_its_refresh_at_most(client, make_article, monkeypatch):
    first, second = make_article(title="Bài A"), make_article(title="Bài B")
    record_read(article_id=first.pk, day=timezone.localdate())
    home = reverse("news:home")

    def most_read() -> str:
        html = client.get(home).content.decode()
        return html.split('id="most-read-heading"', 1)[1].split("</aside>", 1)[0]

    assert "Bài A" in most_read() and "Bài B" not in most_read()
    for _ in range(3):
        record_read(article_id=second.pk, day=timezone.localdate())
    assert "Bài B" not in most_read()  # counted, shown at the next refresh
    monkeypatch.setattr(views._most_read, "max_age", 0)
    assert most_read().index("Bài B") < most_read().index("Bài A")
    monkeypatch.setattr(views._most_read, "max_age", 60)
    # A change to an article in it shows at once.
    second.status = Article.Status.DRAFT
    second.save()
    assert "Bài B" not in most_read()


def related(html: str) -> str:
    return html.split('id="related-heading"', 1)[1].split("</aside>", 1)[0]


def test_the_related_cards_follow_every_change(client, article, make_article, category):
    other = make_article(title="Bài cùng chuyên mục")
    assert "Bài cùng chuyên mục" in related(page(client, article))
    other.title = "Bài cùng chuyên mục, sửa tên"
    other.save()
    assert "Bài cùng chuyên mục, sửa tên" in related(page(client, article))
    category.name = "Tin khuyến công đổi tên"
    category.save()
    assert "Tin khuyến công đổi tên" in related(page(client, article))
    other.status = Article.Status.DRAFT
    other.save()
    assert "Bài cùng chuyên mục" not in page(client, article)


def test_a_scheduled_related_article_shows_once_due_with_no_save(
    client, article, make_article
):
    make_article(title="Bài hẹn giờ", published_at=timezone.now() + timedelta(hours=1))
    make_article(title="Bài đã đăng")
    assert "Bài hẹn giờ" not in related(page(client, article))
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert "Bài hẹn giờ" in related(page(client, article))


def test_a_page_reads_the_site_version_once(client, article, monkeypatch):
    reads = []
    read = shared._read_version
    monkeypatch.setattr(shared, "_read_version", lambda: reads.append(1) or read())
    page(client, article)  # the chrome, the most-read list, the related cards
    assert len(reads) == 1
    # Outside a request, and after a change, it is read again.
    token = shared.version()
    shared.bump()
    assert shared.version() != token


def test_with_a_cache_per_process_nothing_is_kept(
    client, article, settings, django_assert_max_num_queries
):
    # locmem under several workers: a change in one would not reach the
    # others, so each page reads the chrome and its lists again.
    settings.SHARED_CACHE = False
    with django_assert_max_num_queries(10) as queries:
        page(client, article)
    assert any("news_sitelink" in q["sql"] for q in queries.captured_queries)
    site = SiteSettings.objects.get(pk=1)
    site.agency_name = "Tên mới, một tiến trình khác"
    SiteSettings.objects.filter(pk=1).update(agency_name=site.agency_name)
    assert "Tên mới, một tiến trình khác" in page(client, article)


def test_the_descriptions_are_stored_and_follow_a_new_lead(client, article):
    lead = "Sapo <b>dài</b> " + "khuyến công " * 40
    article.lead = lead
    with transaction.atomic():
        article.save()
        # Stale in the change's own transaction: no reader sees the old one.
        assert not ArticleSnapshot.objects.get(article=article).is_fresh
    html = page(client, article)
    head = ArticleSnapshot.objects.get(article=article).parts["head"]
    assert head["plain_lead"] == "Sapo dài " + "khuyến công " * 40
    assert len(head["description"]) == 300 and head["description"].endswith("…")
    assert len(head["short_description"]) == 200
    assert f'<meta name="description" content="{escape(head["description"])}">' in html
    assert f'content="{escape(head["short_description"])}"' in html
    assert '"description": "Sapo dài khuyến công' in html  # JSON-LD
