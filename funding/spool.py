"""Uploaded import files kept between the preview and the confirmation.

Files live outside MEDIA_ROOT (never served) under generated names. The
table read at preview time is kept too, signed with the SECRET_KEY, so the
confirmation does not parse a large spreadsheet a second time; it is used
only for the same file (same SHA-256).
"""

import hashlib
import hmac
import pickle
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.utils.crypto import salted_hmac

MAX_AGE_SECONDS = 24 * 3600
_SALT = "funding.spool.table"


def _folder() -> Path:
    folder = (
        Path(getattr(settings, "IMPORT_SPOOL_DIR", "") or tempfile.gettempdir())
        / "khuyencong-imports"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _valid(token: str) -> bool:
    return len(token) == 32 and all(c in "0123456789abcdef" for c in token)


def store(data: bytes, name: str) -> str:
    """Keep an upload; return its token. Old uploads are swept at the same time."""
    folder = _folder()
    cutoff = time.time() - MAX_AGE_SECONDS
    for old in folder.iterdir():
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    token = uuid.uuid4().hex
    (folder / f"{token}.bin").write_bytes(data)
    (folder / f"{token}.name").write_text(name, encoding="utf-8")
    return token


def load(token: str) -> tuple[bytes, str] | None:
    if not _valid(token):
        return None
    folder = _folder()
    data = folder / f"{token}.bin"
    if not data.exists():
        return None
    return data.read_bytes(), (folder / f"{token}.name").read_text(encoding="utf-8")


def save_table(token: str, sha256: str, table) -> None:
    payload = pickle.dumps((sha256, table), protocol=pickle.HIGHEST_PROTOCOL)
    signature = salted_hmac(_SALT, payload, algorithm="sha256").digest()
    (_folder() / f"{token}.table").write_bytes(signature + payload)


def load_table(token: str, sha256: str):
    """The table read at preview time, if it is intact and of this file."""
    if not _valid(token):
        return None
    path = _folder() / f"{token}.table"
    if not path.exists():
        return None
    blob = path.read_bytes()
    signature, payload = (
        blob[: hashlib.sha256().digest_size],
        blob[hashlib.sha256().digest_size :],
    )
    expected = salted_hmac(_SALT, payload, algorithm="sha256").digest()
    if not hmac.compare_digest(signature, expected):
        return None
    stored_sha, table = pickle.loads(payload)
    return table if stored_sha == sha256 else None


def discard(token: str) -> None:
    if _valid(token):
        for suffix in (".bin", ".name", ".table"):
            (_folder() / f"{token}{suffix}").unlink(missing_ok=True)
