"""Two versions of an article compared as a reader sees them: the body's
text by paragraph with the changed words marked, never HTML source; the
title, lead and other fields beside it; reachable from the history page."""

import re

import pytest
from django.urls import reverse

from news.models import Article
from news.review.diff import compare_texts, paragraphs

pytestmark = pytest.mark.django_db


def compare_url(article, **query):
    url = reverse("admin:news_article_compare", args=[article.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def edited(make_article):
    article = make_article(
        title="Hội nghị khuyến công",
        body=(
            "<h2>Kết quả</h2><p>Kinh phí <strong>48,79 tỷ đồng</strong>.</p>"
            "<p>Đoạn giữ nguyên.</p><p>Đoạn sẽ bị xoá.</p>"
        ),
    )
    article.title = "Hội nghị khuyến công miền Trung"
    article.body = (
        "<h2>Kết quả</h2><p>Kinh phí <strong>49 tỷ đồng</strong>.</p>"
        "<p>Đoạn giữ nguyên.</p><p>Đoạn mới thêm.</p>"
    )
    article.save()
    return article


def test_the_body_is_compared_as_text_by_paragraph():
    html = '<p>Một &amp; <em>hai</em></p><figure><img src="/a.png" alt="Hội nghị"><figcaption>Ảnh: A</figcaption></figure>'
    assert paragraphs(html) == ["Một & hai", "[Ảnh: Hội nghị]", "Ảnh: A"]
    rows = compare_texts(
        ["Kinh phí 48,79 tỷ đồng.", "Giữ"], ["Kinh phí 49 tỷ đồng.", "Giữ"]
    )
    assert [row.kind for row in rows] == ["changed", "equal"]
    assert [text for text, marked in rows[0].old if marked] == ["48,79"]
    assert [text for text, marked in rows[0].new if marked] == ["49"]


def test_the_page_shows_what_a_reader_would_see_changed(admin_client, edited):
    response = admin_client.get(compare_url(edited))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<del>48,79</del>" in page and "<ins>49</ins>" in page
    assert "Hội nghị khuyến công <ins>miền Trung</ins>" in page
    assert "Đoạn giữ nguyên." in page
    assert "Đoạn <del>sẽ bị xoá.</del>" in page
    assert "Đoạn <ins>mới thêm.</ins>" in page
    # Text, not source: no tag of the body is shown as text.
    assert "&lt;p&gt;" not in page and "&lt;strong&gt;" not in page
    assert "So sánh hai phiên bản" in page


def test_two_chosen_versions_in_either_order(admin_client, edited):
    first, second = edited.history.order_by("history_date")
    forward = admin_client.get(compare_url(edited, a=first.pk, b=second.pk))
    backward = admin_client.get(compare_url(edited, a=second.pk, b=first.pk))
    tables = [
        re.search(r'<table class="compare">.*</table>', r.content.decode(), re.S)[0]
        for r in (forward, backward)
    ]
    assert tables[0] == tables[1]
    assert "<del>48,79</del>" in tables[0]


def test_versions_of_another_article_are_not_found(admin_client, edited, make_article):
    other = make_article()
    foreign = other.history.first()
    own = edited.history.first()
    response = admin_client.get(compare_url(edited, a=own.pk, b=foreign.pk))
    assert response.status_code == 404
    assert admin_client.get(compare_url(edited, a="x", b=1)).status_code == 404


def test_the_history_page_offers_the_comparison(admin_client, edited):
    page = admin_client.get(
        reverse("admin:news_article_history", args=[edited.pk])
    ).content.decode()
    assert f'action="{compare_url(edited)}"' in page
    assert "So sánh hai bản đã chọn" in page
    form = admin_client.get(
        reverse("admin:news_article_change", args=[edited.pk])
    ).content.decode()
    assert f'href="{compare_url(edited)}"' in form


def test_who_may_compare(client, make_user, edited):
    assert client.get(compare_url(edited)).status_code == 302  # to the login
    client.force_login(make_user("khongquyen"))  # staff, no permission
    assert client.get(compare_url(edited)).status_code == 403
    for role in ("Biên tập viên", "Thư ký tòa soạn"):
        client.force_login(make_user(role.replace(" ", ""), role))
        assert client.get(compare_url(edited)).status_code == 200


def test_unchanged_body_is_said(admin_client, make_article):
    article = make_article()
    article.title = "Tiêu đề khác"
    article.save()
    page = admin_client.get(compare_url(article)).content.decode()
    assert "(không đổi)" in page
    assert Article.objects.count() == 1
