"""A queryset compiled once and run again with new values
(``khuyencong.prepared``): the same instances as the ORM's, its SQL
compiled once per thread, and a query whose values would change its SQL
refused rather than run wrong. Its first user: the reader's article page
(``news.views.PUBLIC_PAGE``)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Value
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from khuyencong.prepared import PreparedQuery
from news.models import Article
from news.views import PUBLIC_PAGE, page_articles

pytestmark = pytest.mark.django_db

STAND_INS = {"slug": "stand-in-a", "now": datetime(1901, 1, 1, tzinfo=UTC)}
OTHERS = {"slug": "stand-in-b", "now": datetime(1902, 2, 2, tzinfo=UTC)}


def fields(article: Article) -> dict:
    """What the page reads of the article and the rows joined to it."""
    loaded = {
        name: value for name, value in vars(article).items() if not name.startswith("_")
    }
    joined = {
        relation: {
            name: value
            for name, value in vars(getattr(article, relation)).items()
            if not name.startswith("_")
        }
        for relation in ("category", "author", "cover", "snapshot")
    }
    return {**loaded, **joined}


@pytest.fixture
def compiles(monkeypatch):
    """How many times Django compiled a query to SQL."""
    count = {"n": 0}
    compile_ = SQLCompiler.as_sql

    def counted(self, *args, **kwargs):
        count["n"] += 1
        return compile_(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counted)
    return count


def test_the_article_page_reads_what_the_orm_reads(
    make_article, make_user, make_library_image, django_assert_num_queries
):
    author = make_user("tacgia", first_name="An", last_name="Lê")
    article = make_article(author=author, cover=make_library_image(size=(64, 48)))
    now = timezone.now()
    expected = page_articles().published(now).get(slug=article.slug)
    PUBLIC_PAGE.models(slug=article.slug, now=now)  # compiled
    with django_assert_num_queries(1):  # the joined rows included
        (found,) = PUBLIC_PAGE.models(slug=article.slug, now=now)
        assert fields(found) == fields(expected)
        assert found.author_name == "An Lê"
    assert found.get_deferred_fields() == expected.get_deferred_fields()
    assert "body" in found.get_deferred_fields()
    assert found._state.db == expected._state.db and not found._state.adding


def test_the_values_change_on_every_run_the_sql_compiled_once(make_article, compiles):
    soon = timezone.now() + timedelta(hours=1)
    scheduled = make_article(slug="hen-gio", published_at=soon)
    make_article(slug="da-go", unpublish_at=timezone.now() - timedelta(minutes=1))
    make_article(slug="nhap", status=Article.Status.DRAFT, published_at=None)
    PUBLIC_PAGE.models(slug="hen-gio", now=timezone.now())
    compiles["n"] = 0
    assert PUBLIC_PAGE.models(slug="hen-gio", now=timezone.now()) == []
    later = soon + timedelta(seconds=1)
    assert PUBLIC_PAGE.models(slug="hen-gio", now=later) == [scheduled]
    assert PUBLIC_PAGE.models(slug="da-go", now=timezone.now()) == []
    assert PUBLIC_PAGE.models(slug="nhap", now=later) == []
    assert PUBLIC_PAGE.models(slug="khong-co", now=later) == []
    assert compiles["n"] == 0


def test_the_article_page_compiles_no_sql(client, make_article, compiles):
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    compiles["n"] = 0
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and article.title in response.content.decode()
    assert compiles["n"] == 0
    assert client.get("/tin-tuc/khong-co-bai-nay/").status_code == 404


def test_values_that_change_the_sql_are_refused(make_article):
    # A list's length changes the SQL (one placeholder an item).
    by_count = PreparedQuery(
        lambda slug, now: Article.objects.filter(slug__in=[slug] * now.month),
        stand_ins=STAND_INS,
        others=OTHERS,
    )
    # A value the query leaves out cannot be put in its place.
    ignoring = PreparedQuery(
        lambda slug, now: Article.objects.filter(slug=slug),
        stand_ins=STAND_INS,
        others=OTHERS,
    )
    for refused in (by_count, ignoring):
        with pytest.raises(ImproperlyConfigured):
            refused.models(slug="x", now=timezone.now())


@pytest.mark.parametrize(
    "shape",
    [
        lambda qs: qs.annotate(so=Value(1)),
        lambda qs: qs.values("pk"),
        lambda qs: qs.values_list("slug", flat=True),
        lambda qs: qs.prefetch_related("tags"),
        lambda qs: qs.extra(select={"mot": "1"}),
    ],
)
def test_a_shape_it_would_not_make_as_the_orm_is_refused(make_article, shape):
    # Annotations dropped, values() as instances, prefetches ignored: wrong,
    # never an error, unless refused.
    query = PreparedQuery(
        lambda slug, now: shape(
            Article.objects.filter(slug=slug, published_at__lte=now)
        ),
        stand_ins=STAND_INS,
        others=OTHERS,
    )
    with pytest.raises(ImproperlyConfigured):
        query.models(slug="x", now=timezone.now())


def test_a_naive_time_is_refused(make_article):
    # Read as UTC here where the ORM reads the current zone (7 hours off).
    query = PreparedQuery(
        lambda slug, now: Article.objects.filter(slug=slug, published_at__lte=now),
        stand_ins=STAND_INS,
        others=OTHERS,
    )
    with pytest.raises(ImproperlyConfigured):
        query.models(slug="x", now=datetime(2026, 12, 5, 9, 0))
