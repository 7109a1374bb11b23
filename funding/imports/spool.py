"""Import plans made at preview time, kept for the confirmation.

django-import-export keeps the uploaded file itself between the preview and
the confirmation (its temporary storage). Reading and validating a large
spreadsheet is the slowest part of an import, so the validated figures are
kept too, keyed by the file's SHA-256, the reading options, the source and
the name of the kept upload (so each preview has its own), and signed with
the SECRET_KEY so that a file planted in the folder is never unpickled. A
plan holds what its preview found stored; the confirmation writes it only
if that still holds (``funding.imports.apply_import``), and without its
plan a confirmation writes nothing and asks for a new preview. The folder
is outside MEDIA_ROOT (never served) and must be shared by the workers of a
host.
"""

import hashlib
import hmac
import logging
import os
import pickle
import re
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.utils.crypto import salted_hmac
from import_export.tmp_storages import TempFolderStorage

logger = logging.getLogger(__name__)
MAX_AGE_SECONDS = 24 * 3600
_SALT = "funding.spool.plan"
_KEY = re.compile(r"^[0-9a-f]{64}$")
#: The names ``tempfile`` gives the kept uploads ("tmp" and a few letters,
#: digits or "_"); any other name sent back with a form was not ours.
_UPLOAD = re.compile(r"^tmp\w{1,32}\Z", re.ASCII)


def _folder() -> Path:
    folder = (
        Path(getattr(settings, "IMPORT_SPOOL_DIR", "") or tempfile.gettempdir())
        / "khuyencong-imports"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def plan_key(*parts) -> str:
    """The name of a kept plan, from the file's SHA-256 and every option that
    shapes it: the same file read with other options is another plan."""
    text = "\x00".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def _path(key: str) -> Path | None:
    return _folder() / f"{key}.plan" if _KEY.match(key) else None


def job_path(job_id: str) -> Path | None:
    """Where the state of an import job is kept (``funding.imports.jobs``)."""
    return _folder() / f"{job_id}.job" if _KEY.match(job_id) else None


def save(key: str, value) -> None:
    """Keep a plan; plans and uploads older than a day are swept meanwhile."""
    path = _path(key)
    if path is None:
        raise ValueError("invalid spool key")
    cutoff = time.time() - MAX_AGE_SECONDS
    # Plans and uploads alike: a preview never confirmed leaves both.
    for old in path.parent.iterdir():
        if old.is_file() and old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    signature = salted_hmac(_SALT, key.encode() + payload, algorithm="sha256").digest()
    path.write_bytes(signature + payload)


def load(key: str):
    """What is kept under ``key``, or None when it is missing or not ours."""
    path = _path(key)
    if path is None or not path.exists():
        return None
    blob = path.read_bytes()
    size = hashlib.sha256().digest_size
    signature, payload = blob[:size], blob[size:]
    expected = salted_hmac(_SALT, key.encode() + payload, algorithm="sha256").digest()
    if not hmac.compare_digest(signature, expected):
        return None
    try:
        return pickle.loads(payload)
    except Exception:
        # Ours, but from another release (its classes changed since): as
        # good as missing, so the preview is made again.
        logger.warning("Kept import plan %s no longer loads", key, exc_info=True)
        return None


def discard(key: str) -> None:
    if path := _path(key):
        path.unlink(missing_ok=True)


class SpoolFolderStorage(TempFolderStorage):
    """django-import-export's temporary storage of the upload, in the same
    folder as the plans (IMPORT_SPOOL_DIR): one shared volume makes the
    preview and the confirmation work on any app server."""

    def get_full_path(self):
        return str(upload_path(self.name))

    def remove(self):
        # A confirmation sent twice (a double click) finds the upload gone
        # after the first: that one's own outcome is what the page shows.
        Path(self.get_full_path()).unlink(missing_ok=True)

    def _open(self, mode="r"):
        if self.name:
            return open(self.get_full_path(), mode, encoding=self.encoding)
        # Returned open, as the base class does: its caller writes and closes.
        folder = _folder()
        handle = tempfile.NamedTemporaryFile(delete=False, dir=folder)  # noqa: SIM115
        self.name = os.path.basename(handle.name)
        return handle


def upload_path(name: str) -> Path:
    """Where the upload kept under ``name`` is; FileNotFoundError for a name
    that cannot be one (a form's hidden field edited: a path, 5.000 letters)
    as for one already swept."""
    if not _UPLOAD.match(name or ""):
        raise FileNotFoundError(name)
    return _folder() / name


def read_upload(name: str) -> bytes:
    """The bytes of an upload kept by ``SpoolFolderStorage`` under ``name``
    (FileNotFoundError once it is gone)."""
    return upload_path(name).read_bytes()
