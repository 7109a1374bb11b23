"""Backups: the database (``pg_dump -Fc``, or SQLite's own backup) and a tar
of MEDIA_ROOT, named by the time they were taken; and their restore into an
empty database."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from khuyencong import pagecache


class BackupError(Exception):
    pass


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def media_archive_for(database_file: Path) -> Path:
    return database_file.with_name(database_file.stem + "-media.tar.gz")


def backup(directory: Path) -> tuple[Path, Path]:
    """Write the database dump and the media archive; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        dump = directory / f"khuyencong-{stamp}.dump"
        args, env = _pg_env()
        subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "-f", str(dump), *args, db["NAME"]],
            check=True,
            env=env,
        )
    elif connection.vendor == "sqlite":
        dump = directory / f"khuyencong-{stamp}.sqlite3"
        source = sqlite3.connect(str(db["NAME"]))
        target = sqlite3.connect(str(dump))
        with target:
            source.backup(target)
        source.close()
        target.close()
    else:  # pragma: no cover - only the two supported databases
        raise BackupError(f"cannot back up a {connection.vendor} database")
    media = media_archive_for(dump)
    with tarfile.open(media, "w:gz") as archive:
        root = Path(settings.MEDIA_ROOT)
        if root.exists():
            archive.add(root, arcname="media")
    return dump, media


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore(dump: Path) -> None:
    """Restore a backup into the (empty) configured database and MEDIA_ROOT."""
    if not dump.exists():
        raise BackupError(f"no such backup: {dump}")
    if not _database_is_empty():
        raise BackupError(
            "the database is not empty: restore only into a new, empty database"
        )
    db = connection.settings_dict
    if dump.suffix == ".dump":
        if connection.vendor != "postgresql":
            raise BackupError("a pg_dump backup restores into PostgreSQL only")
        args, env = _pg_env()
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "-d",
                db["NAME"],
                *args,
                str(dump),
            ],
            check=True,
            env=env,
        )
    elif dump.suffix == ".sqlite3":
        if connection.vendor != "sqlite":
            raise BackupError("a SQLite backup restores into SQLite only")
        connection.close()
        shutil.copyfile(dump, db["NAME"])
    else:
        raise BackupError(f"not a backup made by manage.py backup: {dump.name}")
    media = media_archive_for(dump)
    if media.exists():
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(media, "r:gz") as archive:
            for member in archive.getmembers():
                if not member.name.startswith("media"):
                    continue
                member.name = member.name.removeprefix("media").lstrip("/")
                if not member.name:
                    continue
                # "data" refuses absolute paths, links out of the folder, devices.
                archive.extract(member, root, filter="data")
    # Pages cached before the restore (in Redis, and each worker's near
    # copies) show a state that is no longer the database's.
    pagecache.invalidate()
