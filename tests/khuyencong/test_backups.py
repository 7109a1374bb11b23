"""make backup / make restore: a round trip into an empty database."""

import json
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

from funding.models import Figure
from khuyencong import pagecache
from khuyencong.backups import backup
from news.demo.content import load_demo_content
from news.demo.images import give_demo_images
from news.models import Article, DataBlock

from .test_settings import run_with_env

REDIS_URL = "redis://127.0.0.1:6379/13"


def _redis_cache():
    """The cache a restore on a Redis-backed deployment would share, or None
    without Redis."""
    import redis
    from django.core.cache.backends.redis import RedisCache

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        return None
    return RedisCache(REDIS_URL, {"KEY_PREFIX": "khuyencong"})


COUNTS = """
import json, django
django.setup()
from news.models import Article, DataBlock
from funding.models import Figure
print(json.dumps({
    "articles": Article.objects.count(),
    "article_history": Article.history.count(),
    "figures": Figure.objects.count(),
    "figure_history": Figure.history.count(),
    "blocks": DataBlock.objects.count(),
    "cover": Article.objects.exclude(cover=None).values_list("cover__file", flat=True).first(),
    "value": str(Figure.objects.order_by("pk").values_list("value", flat=True).first()),
}))
"""


@pytest.fixture
def empty_database(tmp_path):
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        name = f"khuyencong_restore_{uuid.uuid4().hex[:8]}"
        host = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
        user = ["-U", db["USER"]] if db["USER"] else []
        subprocess.run(["createdb", *host, *user, name], check=True)
        auth = f"{db['USER']}@" if db["USER"] else ""
        yield f"postgres://{auth}{host[1]}:{host[3]}/{name}"
        subprocess.run(["dropdb", "--force", *host, *user, name], check=True)
    else:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database(
    reference_data, tmp_path, settings, empty_database
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    load_demo_content()
    give_demo_images()
    article = Article.objects.exclude(cover=None).first()
    cover = Path(article.cover.file.path).read_bytes()
    expected = {
        "articles": Article.objects.count(),
        "article_history": Article.history.count(),
        "figures": Figure.objects.count(),
        "figure_history": Figure.history.count(),
        "blocks": DataBlock.objects.count(),
        "cover": article.cover.file.name,
        "value": str(
            Figure.objects.order_by("pk").values_list("value", flat=True).first()
        ),
    }
    assert expected["figures"] == 16 and expected["blocks"] == 3

    dump, media = backup(tmp_path / "backups")
    assert dump.exists() and media.exists()
    assert dump.name.startswith("khuyencong-2") and media.name.endswith("-media.tar.gz")

    restored_media = tmp_path / "restored-media"
    env = {
        "SECRET_KEY": "k" * 50,
        "DATABASE_URL": empty_database,
        "MEDIA_ROOT": str(restored_media),
    }
    shared_cache = _redis_cache()
    if shared_cache is not None:
        env["REDIS_URL"] = REDIS_URL
        shared_cache.set(pagecache.GENERATION_KEY, ("before-restore", 0.0, None), None)
    restore = run_with_env(
        "import sys; from django.core.management import execute_from_command_line;"
        f"execute_from_command_line(['manage.py', 'restore', {str(dump)!r}])",
        **env,
    )
    assert restore.returncode == 0, restore.stderr
    counts = run_with_env(COUNTS, **env)
    assert json.loads(counts.stdout) == expected, counts.stderr
    assert (restored_media / expected["cover"]).read_bytes() == cover
    if shared_cache is not None:
        # Pages cached from the database as it was are stale from now on.
        generation = shared_cache.get(pagecache.GENERATION_KEY)
        assert generation is not None and generation[0] != "before-restore"

    # A second restore would overwrite: refused.
    again = run_with_env(
        "import sys; from django.core.management import execute_from_command_line;"
        f"execute_from_command_line(['manage.py', 'restore', {str(dump)!r}])",
        **env,
    )
    assert again.returncode != 0
    assert "not empty" in again.stderr
