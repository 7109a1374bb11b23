"""Full-text search on PostgreSQL: fill ``search_vector`` and index it.

GIN is PostgreSQL's, so the index is made here rather than in ``Meta``
(SQLite has none and searches by substring). A test checks with EXPLAIN that
searches use it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(fields=["search_vector"], name="news_article_search_gin")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("news", "Article")
    Article.objects.update(
        search_vector=SearchVector("search_title", weight="A", config="simple")
        + SearchVector("search_text", weight="B", config="simple")
    )
    schema_editor.add_index(Article, INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("news", "Article"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("news", "0002_roles")]

    operations = [migrations.RunPython(add_index, remove_index)]
