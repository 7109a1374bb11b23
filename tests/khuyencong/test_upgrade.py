"""An upgrade loses nothing: a database made by the code before the
restructure (tests/fixtures/upgrade/, made by its make_before.sh: the demo,
quotes, imports and an undo, edits, a correction, a data block with every
many-to-many, permissions outside the roles, admin log entries) is migrated
by this code, as a deployment does, on the database the suite runs on.

Read straight from the database before and after: every table keeps every
row with every value, and its columns, indexes and constraints, except
what the upgrade is for (the new migrations recorded, and the content types
of data blocks and figure quotes moved to ``news``). Then this code reads
the same rows through its own models, the permissions end up as a fresh
install makes them (the test database), and no migration is missing.
"""

import gzip
import importlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from funding.core.reference import COUNT_INDICATORS

SITE_GRANTS = importlib.import_module("news.migrations.0009_site_roles").GRANTS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "upgrade"
MOVED = {"datablock", "figurequote"}
#: Models added since (by app): their tables, and content types, are new.
ADDED = {
    "news": {
        "checkedquote",
        "figurebinding",
        # Review that moves (issue 17): review notes, autosaved drafts.
        "reviewnote",
        "historicalreviewnote",
        "draftautosave",
        # The image library (issue 17).
        "libraryimage",
        # The site's settings and links, tags, read counts (news 0008).
        "sitesettings",
        "sitelink",
        "tag",
        "readcount",
        # The article page computed on write (issue 18).
        "articlesnapshot",
        # The add form's one-time tokens (news 0015).
        "articlesubmission",
    },
    # django-tasks' database backend (the import jobs' worker).
    "django_tasks_database": {"dbtaskresult"},
    "funding": {"areaname", "documentfile"},
}
#: Many-to-many tables added since (no content type of their own): articles'
#: related documents (funding 0014, news 0008) and tags (news 0008).
ADDED_M2M = {"news_article_documents", "news_article_tags"}
NEW_TABLES = {
    f"{app}_{model}" for app, models in ADDED.items() for model in models
} | ADDED_M2M


#: Permissions later migrations grant the roles, by group (funding 0015:
#: the documents library); every permission held before is held still.
_LIBRARY = {
    "news.add_libraryimage",
    "news.change_libraryimage",
    "news.view_libraryimage",
}
#: ... and the image library's (news 0009).
GRANTED = {
    group: set(permissions)
    for group, permissions in importlib.import_module(
        "funding.migrations.0015_document_roles"
    ).ROLES.items()
}
GRANTED["Biên tập viên"] |= _LIBRARY
GRANTED["Thư ký tòa soạn"] |= _LIBRARY | {"news.delete_libraryimage"}

#: Tables later migrations extend with columns (every old row's values kept).
EXTENDED = {
    "funding_area",
    "funding_regionmembership",
    "funding_sourcedocument",
    # unpublish_at ("gỡ lúc"), and its constraint; the cover chosen from the
    # image library.
    # An article's video (news 0008).
    "news_article",
    "news_historicalarticle",
    "khuyencong_pagechange",
}


#: Constraints later migrations add to tables otherwise unchanged (funding
#: 0017, news 0013: a figure's and a data block's years bounded).
NEW_CONSTRAINTS = {"funding_figure_year_known", "funding_datablock_years_known"}


def without_new(schema: list[str]) -> list[str]:
    """A schema less the parts of the tables added or extended since, and
    the constraints added since."""
    return [
        _without_new_constraints(item)
        for item in schema
        if not any(re.search(rf"\b{table}\b", item) for table in NEW_TABLES)
        and not any(f"'{table}'" in item for table in EXTENDED)
        and not any(f"'{name}'" in item for name in NEW_CONSTRAINTS)
    ]


def _without_new_constraints(item: str) -> str:
    # SQLite keeps a table's constraints in its CREATE TABLE (one item).
    for name in NEW_CONSTRAINTS:
        item = re.sub(
            rf', CONSTRAINT \\?"{name}\\?" CHECK \(.*?\)\)(?=, |\))', "", item
        )
    return item


#: Columns the upgrade renames, by table (``Figure.source_fund`` became
#: ``fund``): the "before" side is read with their new names.
RENAMED = {
    "funding_figure": {"source_fund": "fund"},
    "funding_historicalfigure": {"source_fund": "fund"},
}
_RENAMED_WORDS = re.compile(
    r"\b({})\b".format("|".join({old for n in RENAMED.values() for old in n}))
)


#: What migrations after the upgrade add (funding 0012: regions, areas'
#: former names and slugs): a table, and tables given columns, a constraint
#: or rows (the new model's content type and permissions too).
def renamed(text: str) -> str:
    """A piece of schema (DDL, a column name) as it reads after the renames."""
    new = {old: new for names in RENAMED.values() for old, new in names.items()}
    return _RENAMED_WORDS.sub(lambda match: new[match.group(1)], text)


def _top_level_parts(body: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(body[start:index].strip())
            start = index + 1
    parts.append(body[start:].strip())
    return parts


def table_definition(sql: str | None) -> str | None:
    """A CREATE TABLE with its columns and constraints in a stable order:
    SQLite rebuilds a table to change a constraint, and may list its
    columns in another order, which is no change of schema."""
    if not sql or not sql.startswith("CREATE TABLE"):
        return sql
    head, _, body = sql.partition("(")
    body = body.strip().removesuffix(")")
    return head + "(" + ", ".join(sorted(_top_level_parts(body))) + ")"


pytestmark = pytest.mark.django_db


# --- the database as it is stored ---------------------------------------


class SQLiteFile:
    def __init__(self, tmp_path):
        self.path = tmp_path / "upgrade.sqlite3"
        with gzip.open(FIXTURES / "before.sqlite3.gz") as packed:
            self.path.write_bytes(packed.read())
        self.url = f"sqlite:///{self.path}"

    def query(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.path) as db:
            return db.execute(sql).fetchall()

    def tables(self) -> list[str]:
        rows = self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
        return sorted(name for (name,) in rows)

    def schema(self, *, rename: bool = False) -> list[str]:
        # Every table, index and trigger as SQLite keeps it (its DDL).
        change = renamed if rename else str
        return sorted(
            repr((kind, name, table, table_definition(sql and change(sql))))
            for kind, name, table, sql in self.query(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%'"
            )
        )

    def rows(self, table: str) -> list[dict]:
        with sqlite3.connect(self.path) as db:
            cursor = db.execute(f'SELECT * FROM "{table}"')
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    def drop(self):
        pass


class PostgresDatabase:
    def __init__(self, tmp_path):
        import psycopg

        if shutil.which("psql") is None:
            pytest.skip("needs psql to restore the PostgreSQL dump")
        settings = connection.settings_dict
        self.name = f"{settings['NAME']}_upgrade"
        self.params = {
            "host": settings["HOST"] or "127.0.0.1",
            "port": settings["PORT"] or 5432,
            "user": settings["USER"],
            "password": settings["PASSWORD"] or None,
        }
        self.psycopg = psycopg
        with self._server() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            server.execute(f'CREATE DATABASE "{self.name}"')
        auth = self.params["user"] + (
            f":{self.params['password']}" if self.params["password"] else ""
        )
        self.url = (
            f"postgres://{auth}@{self.params['host']}:{self.params['port']}/{self.name}"
        )
        dump = tmp_path / "before.sql"
        with gzip.open(FIXTURES / "before.sql.gz") as packed:
            dump.write_bytes(packed.read())
        subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.url, "-f", dump],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def _server(self):
        return self.psycopg.connect(
            dbname=connection.settings_dict["NAME"], autocommit=True, **self.params
        )

    def query(self, sql: str) -> list[tuple]:
        with self.psycopg.connect(dbname=self.name, **self.params) as db:
            return db.execute(sql).fetchall()

    def rows(self, table: str) -> list[dict]:
        with self.psycopg.connect(dbname=self.name, **self.params) as db:
            cursor = db.execute(f'SELECT * FROM "{table}"')
            names = [column.name for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    def tables(self) -> list[str]:
        rows = self.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        return sorted(name for (name,) in rows)

    def schema(self, *, rename: bool = False) -> list[str]:
        columns = self.query(
            "SELECT table_name, column_name, data_type, is_nullable, "
            "column_default, character_maximum_length, numeric_precision, "
            "numeric_scale FROM information_schema.columns "
            "WHERE table_schema = 'public'"
        )
        indexes = self.query(
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = 'public'"
        )
        constraints = self.query(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
        )
        change = renamed if rename else str
        return sorted(change(repr(item)) for item in columns + indexes + constraints)

    def drop(self):
        with self._server() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def contents(database, *, rename: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table as (column, value) pairs, in a stable order;
    with ``rename``, the renamed columns under their new names."""
    tables = {}
    for table in database.tables():
        names = RENAMED.get(table, {}) if rename else {}
        tables[table] = sorted(
            (
                tuple(
                    sorted(
                        (names.get(column, column), value)
                        for column, value in row.items()
                    )
                )
                for row in database.rows(table)
            ),
            key=repr,
        )
    return tables


def held_permissions(database) -> dict[str, set[str]]:
    """Who holds which permission (``app_label.codename``): groups by name,
    users by username."""
    ct = (
        "JOIN auth_permission p ON p.id = h.permission_id "
        "JOIN django_content_type c ON c.id = p.content_type_id"
    )
    held: dict[str, set[str]] = {}
    for holder, app_label, codename in database.query(
        "SELECT g.name, c.app_label, p.codename FROM auth_group_permissions h "
        f"JOIN auth_group g ON g.id = h.group_id {ct}"
    ) + database.query(
        "SELECT u.username, c.app_label, p.codename FROM auth_user_user_permissions h "
        f"JOIN auth_user u ON u.id = h.user_id {ct}"
    ):
        held.setdefault(holder, set()).add(f"{app_label}.{codename}")
    return held


def moved_to_news(permission: str) -> str:
    app_label, codename = permission.split(".")
    model = codename.split("_", 1)[1]
    return f"news.{codename}" if model in MOVED else permission


# --- this code, on the upgraded database -----------------------------------


def manage(url: str, *args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "khuyencong.test_settings",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


READ_THROUGH_MODELS = """
import json
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from news.models import DataBlock, FigureQuote

blocks = {
    block.pk: {
        "article": block.article_id,
        "title": block.title,
        "indicators": sorted(i.pk for i in block.indicators.all()),
        "areas": sorted(a.pk for a in block.areas.all()),
        "sources": sorted(s.pk for s in block.sources.all()),
        "figures": [f.pk for f in block.figures()],
    }
    for block in DataBlock.objects.all()
}
quotes = sorted(FigureQuote.objects.values_list("article", "figure", "quoted"))
logged = sorted(
    (entry.content_type.app_label, type(entry.get_edited_object()).__name__)
    for entry in LogEntry.objects.all()
)
print(json.dumps({
    "blocks": blocks,
    "quotes": quotes,
    "logged": logged,
    "content_types": sorted(ContentType.objects.values_list("app_label", "model")),
    "permissions": sorted(
        Permission.objects.values_list("content_type__app_label", "codename")
    ),
}))
"""


@pytest.fixture
def before_database(tmp_path):
    database = (
        PostgresDatabase(tmp_path)
        if connection.vendor == "postgresql"
        else SQLiteFile(tmp_path)
    )
    yield database
    database.drop()


#: An app this release adds (django-tasks' database backend, for the
#: background import jobs): its table is made, empty, with its content type
#: and permissions; nothing else of the database changes for it.
def test_an_upgrade_from_the_code_before_loses_nothing(before_database, tmp_path):
    database = before_database
    before = contents(database, rename=True)
    schema_before = database.schema(rename=True)
    held_before = held_permissions(database)
    m2m = {
        name: database.query(
            f"SELECT datablock_id, {column}_id FROM funding_datablock_{name}"
        )
        for name, column in (
            ("indicators", "indicator"),
            ("areas", "area"),
            ("sources", "sourcedocument"),
        )
    }
    assert before["funding_datablock"] and before["funding_figurequote"]
    assert all(m2m.values()) and before["django_admin_log"]

    migrated = manage(database.url, "migrate", "--noinput", tmp_path=tmp_path)
    assert migrated.returncode == 0, migrated.stderr[-3000:]

    after = contents(database)
    # No table made or dropped, no column, index or constraint changed.
    assert set(after) - NEW_TABLES == set(before)
    assert set(after) >= NEW_TABLES
    assert without_new(database.schema()) == without_new(schema_before)
    # Every row of every table kept with its values, but for what the
    # upgrade is for (and SQLite's counters of the rows it added).
    upgraded = {
        "django_migrations",
        "django_content_type",
        "sqlite_sequence",
        "funding_indicator",
        "auth_group_permissions",
    }
    # The roles' permissions: every row kept, those granted since added
    # (checked by holder below).
    assert set(before["auth_group_permissions"]) <= set(after["auth_group_permissions"])
    new_types = {
        dict(row)["id"]
        for row in after["django_content_type"]
        if dict(row)["model"] in ADDED.get(dict(row)["app_label"], ())
    }
    # The permissions of the models added since are new rows, and so are
    # the roles' grants of them (news 0009: the image library).
    new_permissions = {
        dict(row)["id"]
        for row in after["auth_permission"]
        if dict(row)["content_type_id"] in new_types
    }
    after["auth_permission"] = [
        row
        for row in after["auth_permission"]
        if dict(row)["content_type_id"] not in new_types
    ]
    after["auth_group_permissions"] = [
        row
        for row in after["auth_group_permissions"]
        if dict(row)["permission_id"] not in new_permissions
    ]
    for table in set(before) - upgraded - EXTENDED:
        assert after[table] == before[table], table
    for table in EXTENDED:
        columns = {column for row in before[table] for column, _value in row}
        kept = {
            tuple(pair for pair in row if pair[0] in columns) for row in after[table]
        }
        assert set(before[table]) <= kept, table
    # The count indicators the figure checker reads (0010) join the others.
    assert set(before["funding_indicator"]) <= set(after["funding_indicator"])
    codes = {dict(row)["code"] for row in before["funding_indicator"]}
    added = {dict(row)["code"] for row in after["funding_indicator"]} - codes
    assert added == {code for code, *_ in COUNT_INDICATORS} - codes

    # The migrations applied before are still recorded, as they were; the
    # new ones are exactly those this code has and the database had not.
    assert set(before["django_migrations"]) <= set(after["django_migrations"])
    was = {(dict(r)["app"], dict(r)["name"]) for r in before["django_migrations"]}
    now = {(dict(r)["app"], dict(r)["name"]) for r in after["django_migrations"]}
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    assert now == on_disk
    assert now - was >= {
        ("funding", "0007_datablock_figurequote_to_news"),
        ("news", "0005_datablock_figurequote"),
    }

    # The same content-type rows, same ids; only the moved ones say news.
    def types(rows):
        return {row["id"]: (row["app_label"], row["model"]) for row in map(dict, rows)}

    types_before = types(before["django_content_type"])
    types_after = types(after["django_content_type"])
    added = {pk: t for pk, t in types_after.items() if t[1] in ADDED.get(t[0], ())}
    assert set(added.values()) == {(a, m) for a, ms in ADDED.items() for m in ms}
    types_after = {pk: t for pk, t in types_after.items() if pk not in added}
    assert types_after == {
        pk: ("news" if app == "funding" and model in MOVED else app, model)
        for pk, (app, model) in types_before.items()
    }
    assert {t for pk, t in types_after.items() if pk not in types_before} <= {
        ("funding", "areaname"),
        ("funding", "documentfile"),
    }

    # Whoever held a permission holds it still (data blocks' now news').
    held_after = held_permissions(database)
    assert held_after == {
        holder: {moved_to_news(p) for p in held_before.get(holder, ())}
        | set(GRANTED.get(holder, ()))
        | {f"news.{c}" for c in SITE_GRANTS.get(holder, ())}
        for holder in held_before.keys() | GRANTED.keys() | SITE_GRANTS.keys()
    }

    # This code reads the same rows through its models.
    read = manage(database.url, "shell", "-c", READ_THROUGH_MODELS, tmp_path=tmp_path)
    assert read.returncode == 0, read.stderr[-3000:]
    seen = json.loads(read.stdout.strip().splitlines()[-1])
    blocks = seen["blocks"]
    assert sorted(map(int, blocks)) == sorted(
        dict(row)["id"] for row in before["funding_datablock"]
    )
    for name, rows in m2m.items():
        through_models = [
            (int(pk), item) for pk, block in blocks.items() for item in block[name]
        ]
        assert sorted(through_models) == sorted(rows), name
    assert all(block["figures"] for block in blocks.values())
    quotes = database.query(
        "SELECT article_id, figure_id, quoted FROM funding_figurequote"
    )
    assert sorted(map(list, quotes)) == seen["quotes"]
    assert {model for _app, model in seen["logged"]} >= {
        "DataBlock",
        "Figure",
        "Article",
    }
    assert ["funding", "DataBlock"] not in seen["logged"]

    # Content types and permissions as a fresh install of this code has them.
    fresh_types = sorted(ContentType.objects.values_list("app_label", "model"))
    fresh_permissions = sorted(
        Permission.objects.values_list("content_type__app_label", "codename")
    )
    assert seen["content_types"] == [list(t) for t in fresh_types]
    assert seen["permissions"] == [list(p) for p in fresh_permissions]

    # And the models agree with the migrations.
    check = manage(
        database.url, "makemigrations", "--check", "--dry-run", tmp_path=tmp_path
    )
    assert check.returncode == 0, check.stdout + check.stderr
