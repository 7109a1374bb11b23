"""Public pages make a fixed number of queries however many articles exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

# The site's chrome (links and settings, and the categories while no menu
# is set) and the most-read list are read once per change in each process
# (news.site.shared), so after the first request a page makes its own
# queries only; the article page reads its tags and related documents with
# its snapshot, and its related articles' cards are kept (news.related). A
# page's library covers take one more.
MAX_QUERIES = 8


def pages(article):
    return {
        "home": reverse("news:home"),
        "list": reverse("news:list"),
        "category": article.category.get_absolute_url(),
        "article": article.get_absolute_url(),
        "search": reverse("news:search") + "?q=bai+viet",
        "feed": reverse("news:feed"),
    }


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_articles(
    client, make_article, make_library_image, make_user, django_assert_max_num_queries
):
    author = make_user("tacgia", first_name="An")

    def add(n):
        return [
            make_article(author=author, cover=make_library_image(size=(64, 48)))
            for _ in range(n)
        ]

    article = add(5)[0]
    # The article's page computes its parts on its first view (after any
    # change) and reads them stored afterwards (news.snapshots).
    count_queries(client, article.get_absolute_url())
    few = {name: count_queries(client, url) for name, url in pages(article).items()}
    add(45)
    # The new articles changed what each process keeps (the most-read list,
    # the related articles' cards): read again once.
    for url in pages(article).values():
        count_queries(client, url)
    for name, url in pages(article).items():
        with django_assert_max_num_queries(MAX_QUERIES):
            many = count_queries(client, url)
        assert many == few[name], name
