"""Instructions a request for the seed article with the page cache off
(issue 18: the first reader after a change, every staff request), counted
by valgrind's callgrind as ``minimal_instructions.py`` counts the minimal
view's: the same count on a busy machine as on a quiet one.

The portal's stack (``bench.settings``, request log at INFO, page cache off)
is called in-process through Django's WSGI handler, an anonymous reader's
GET of the seed article, on the PostgreSQL database of ``DATABASE_URL``
(migrated, with the demo loaded: ``manage.py load_demo``) and the Redis of
``REDIS_URL`` if set (as the load benchmarks serve it); with ``BEFORE`` (a
git ref) that tree's portal too, on the same database. The stored page
parts are fresh after the unmeasured requests, so the count is a reader's
of an unchanged article: this process's instructions only (not
PostgreSQL's, not Redis's, not the kernel's).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kc_x BEFORE=main \\
        .venv/bin/python bench/article_instructions.py
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import minimal_instructions as counted  # bench/minimal_instructions.py

ROOT = counted.ROOT
# Few: under valgrind a request takes ~50 times as long, and the measured
# ones must end before a process's most-read list is read again (60 s after
# the warm-up's), or its query and cards are counted too.
REQUESTS = int(os.environ.get("REQUESTS", "20"))
WARM = 10
SEED_URL = (
    "import django; django.setup(); from news.models import Article;"
    "from news.demo.content import SEED_SLUG;"
    "print(Article.objects.get(slug=SEED_SLUG).get_absolute_url())"
)


def seed_path() -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-" + "k" * 50,
        "DEBUG": "",
    }
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", SEED_URL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()


def static(tree: Path, tmp: str, number: int) -> dict:
    """``tree``'s static files collected (the pages name them by their
    manifest): the environment that serves them."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-" + "k" * 50,
        "DEBUG": "",
        "STATIC_ROOT": str(Path(tmp) / f"static-{number}"),
    }
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic"]
        + ["--noinput", "-v0"],
        cwd=tree,
        env=env,
        check=True,
        timeout=600,
    )
    return {"STATIC_ROOT": env["STATIC_ROOT"]}


def main() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import article_ab  # bench/article_ab.py: a git ref's tree

    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("DATABASE_URL: a database with the demo loaded")
    path = seed_path()
    more = {
        "KC_PATH": path,
        "KC_WARM": str(WARM),
        "REQUESTS": str(REQUESTS),
        "PAGE_CACHE_SECONDS": "0",
    }
    before = os.environ.get("BEFORE", "")
    with tempfile.TemporaryDirectory(prefix="kc-instructions-") as tmp:
        targets = {"portal": ROOT}
        if before:
            (Path(tmp) / "tree").mkdir()
            targets[f"portal at {before}"] = article_ab.unpack(
                before, Path(tmp) / "tree"
            )
        logs = {name: Path(tmp) / f"{i}.log" for i, name in enumerate(targets)}
        # One after the other: two trees whose stored parts differ in
        # version would each find the other's stale and rebuild it live.
        counts = {}
        for i, (name, tree) in enumerate(targets.items()):
            environment = {**more, **static(tree, tmp, i)}
            process = counted.start(tree, "bench.settings", logs[name], environment)
            counts[name] = counted.collected(logs[name], process) / REQUESTS
    print(f"{path}: {REQUESTS} requests, instructions a request (callgrind)")
    first = counts["portal"]
    for name, count in counts.items():
        print(f"{name}: {count:,.0f}  ({count / first:.3f} of the portal's)")


if __name__ == "__main__":
    main()
