"""The code's version of what is kept in the database computed (an
article's page parts: ``news.snapshots``; its figure check:
``news.stored_checks``): a digest of the source that computes it, so that
what other code computed is stale after a deploy."""

import hashlib
import importlib.util
from pathlib import Path

from django.template.loader import get_template


def fingerprint(fmt: int, templates=(), modules=()) -> str:
    """The code's version of something stored (the parts, the figure
    check): what other templates or arithmetic built is stale after a deploy."""
    digest = hashlib.sha256(str(fmt).encode())
    for name in templates:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    for name in modules:
        digest.update(Path(importlib.util.find_spec(name).origin).read_bytes())
    return digest.hexdigest()[:16]
