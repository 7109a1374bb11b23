"""Full-text index for article search, on PostgreSQL only.

It indexes the same expression that ``news.models.search_vector()`` builds
for queries (PostgreSQL uses an expression index only for an identical
expression); a test checks with EXPLAIN that searches use it. SQLite has no
such index and searches by substring instead.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "news_article_search_gin"


def _index():
    return GinIndex(
        SearchVector("search_title", weight="A", config="simple")
        + SearchVector("search_text", weight="B", config="simple"),
        name=INDEX_NAME,
    )


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("news", "Article"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("news", "Article"), _index())


class Migration(migrations.Migration):
    dependencies = [("news", "0002_roles")]

    operations = [migrations.RunPython(add_index, remove_index)]
