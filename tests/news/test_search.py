import pytest
from django.db import connection
from django.urls import reverse

from khuyencong.text import fold
from news.demo.content import SEED_SLUG, load_demo_content
from news.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    load_demo_content()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.mark.parametrize(
    "query",
    [
        "khuyen cong ninh thuan",
        "đồng nai",
        "Dong Nai",
        "TÂY NGUYEN 2022",
    ],
)
def test_search_ignores_case_and_diacritics(client, seed, query):
    response = client.get(reverse("news:search"), {"q": query})
    assert response.status_code == 200
    assert list(response.context["articles"]) == [seed]
    assert seed.title in response.content.decode()


@pytest.mark.parametrize("query", ["KHUYẾN CÔNG", "miền trung tây nguyên"])
def test_a_common_phrase_finds_every_article_holding_it(client, seed, query):
    # The demo's other articles speak of khuyến công and the region too:
    # each one found holds every word, however written, and the seed is one.
    response = client.get(reverse("news:search"), {"q": query})
    found = list(response.context["articles"])
    assert seed in found
    words = fold(query).split()
    for article in Article.objects.filter(pk__in=[a.pk for a in found]):
        text = f"{article.search_title} {article.search_text}"
        assert all(word in text for word in words), article.title
    holding = [
        a
        for a in Article.objects.published()
        if all(w in f"{a.search_title} {a.search_text}" for w in words)
    ]
    assert len(found) == len(holding) > 1


def test_search_needs_every_word(client, seed):
    response = client.get(reverse("news:search"), {"q": "khuyen cong hanoi"})
    assert list(response.context["articles"]) == []
    assert "Không tìm thấy" in response.content.decode()


def test_empty_and_punctuation_queries_find_nothing(client, seed):
    for query in ("", "   ", "!!! ---"):
        response = client.get(reverse("news:search"), {"q": query})
        assert response.status_code == 200
        assert list(response.context["articles"]) == []


def test_title_matches_rank_first(client, make_article):
    in_body = make_article(title="Tin khác", body="<p>Làng nghề gốm Bàu Trúc</p>")
    in_title = make_article(title="Làng nghề gốm Bàu Trúc", body="<p>Tin</p>")
    # newer first would put in_body first; rank must win over date
    assert in_body.published_at > in_title.published_at
    response = client.get(reverse("news:search"), {"q": "lang nghe gom"})
    assert list(response.context["articles"]) == [in_title, in_body]


def test_search_is_paginated(client, make_article):
    for n in range(15):
        make_article(title=f"Khuyến công bài {n}")
    first = client.get(reverse("news:search"), {"q": "khuyen cong"})
    assert first.context["paginator"].count == 15
    assert len(first.context["articles"]) == 12
    second = client.get(reverse("news:search"), {"q": "khuyen cong", "page": 2})
    assert len(second.context["articles"]) == 3
    assert "q=khuyen%20cong&amp;page=1" in second.content.decode()


def test_search_never_returns_unpublished(client, make_article):
    make_article(
        title="Khuyến công nháp", status=Article.Status.DRAFT, published_at=None
    )
    response = client.get(reverse("news:search"), {"q": "khuyen cong nhap"})
    assert list(response.context["articles"]) == []


def test_postgres_search_uses_the_gin_index(postgres_only, make_article):
    for n in range(30):
        make_article(title=f"Bài {n}", body=f"<p>nội dung {n}</p>")
    # The match alone: with few rows the planner would rather filter the
    # publication index (the benchmark shows the plan on 100,000 rows).
    queryset = Article.objects.search("khuyen cong ninh thuan")
    with connection.cursor() as cursor:
        # With a handful of rows a sequential scan is cheaper; forbid it to
        # see whether the planner *can* answer the query from the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "news_article_search_gin" in plan, plan


def test_common_words_rank_only_the_newest_matches(client, make_article, monkeypatch):
    monkeypatch.setattr("news.search.SEARCH_CANDIDATES", 3)
    articles = [make_article(title=f"Khuyến công tin {n}") for n in range(5)]
    response = client.get(reverse("news:search"), {"q": "khuyen cong"})
    newest_three = sorted(articles, key=lambda a: a.published_at, reverse=True)[:3]
    assert set(response.context["articles"]) == set(newest_three)
    assert "Chỉ xếp hạng 3 bài mới nhất phù hợp" in response.content.decode()
