"""What each middleware costs a request in instructions (issue 18, item 3):
``middleware_cost.py``'s table counted by callgrind instead of timed, so
that it holds on a busy machine.

The minimal view (``/__bench/bytes/1000``) is called in-process through
Django's WSGI handler (``minimal_instructions.py``'s child, an anonymous
reader's GET) with the first k of the portal's middleware for every k, and
with ``startproject``'s; each stack in its own process under callgrind,
``JOBS`` at a time, ``REQUESTS`` measured requests after 50 unmeasured ones.
A middleware's cost is the count with it less the count with the ones above
it alone. ``BEFORE`` (a git ref): that tree's portal instead; ``ONLY``
(k, comma-separated): those stacks alone.

    REQUESTS=100 .venv/bin/python bench/middleware_instructions.py
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import article_ab  # (bench/article_ab.py: a git ref's tree)
import minimal_instructions as counted

JOBS = int(os.environ.get("JOBS", "2"))


def layers(tree: Path) -> list[str]:
    """The portal's middleware in ``tree``, by name."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print('\\n'.join(settings.MIDDLEWARE))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-" + "k" * 50,
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "",
        "PYTHONPATH": str(tree),
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", code],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.split()


def count_all(tree: Path, stacks: dict, tmp: Path) -> dict[str, float]:
    """Each of ``stacks`` (label: (settings, environment)) counted, ``JOBS``
    at a time: instructions a request."""
    counts, pending = {}, list(stacks.items())
    while pending:
        batch, pending = pending[:JOBS], pending[JOBS:]
        running = {}
        for label, (settings, more) in batch:
            log = tmp / f"{len(counts) + len(running)}.log"
            running[label] = (log, counted.start(tree, settings, log, more))
        for label, (log, process) in running.items():
            counts[label] = counted.collected(log, process) / counted.REQUESTS
    return counts


def main() -> None:
    os.environ.pop("DATABASE_URL", None)  # the minimal view reads no database
    before = os.environ.get("BEFORE", "")
    with tempfile.TemporaryDirectory(prefix="kc-layers-") as tmp:
        tree = ROOT
        if before:
            (Path(tmp) / "tree").mkdir()
            tree = article_ab.unpack(before, Path(tmp) / "tree")
        names = layers(tree)
        only = {int(k) for k in os.environ.get("ONLY", "").split(",") if k}
        stacks = {
            ("none" if k == 0 else f"+ {names[k - 1].rsplit('.', 1)[-1]}"): (
                "bench.settings",
                {"KC_LAYERS": str(k)},
            )
            for k in range(len(names) + 1)
            if not only or k in only
        }
        if not only:
            stacks["Django's startproject"] = ("bench.bare_settings", {})
        for more in (m for _s, m in stacks.values()):
            more.setdefault("KC_TREE", str(tree))
        counts = count_all(tree, stacks, Path(tmp))
    print(
        f"{counted.REQUESTS} requests, instructions a request (callgrind)"
        + (f", the portal at {before}" if before else "")
    )
    print("| stack (top down) | instructions | this middleware |")
    print("| --- | ---: | ---: |")
    previous = None
    for label, value in counts.items():
        cost = (
            f"{value - previous:,.0f}"
            if label.startswith("+ ") and previous is not None
            else ""
        )
        print(f"| {label} | {value:,.0f} | {cost} |")
        previous = value


if __name__ == "__main__":
    main()
