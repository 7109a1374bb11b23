"""The seed article without the page cache, before and after a change, in
one run: two gunicorns (2 sync workers each, as ``make serve``) on one
PostgreSQL database, one serving this tree and one ``BEFORE`` (a git ref,
default ``main``, unpacked to a temporary directory with ``git archive``),
driven by wrk (``-t2 -c16``, DURATION seconds, default 10) interleaved:
before, after, and the minimal view of the same size (after's stack), for
ROUNDS rounds (default 3). Prints each run and the medians, as ratios.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/khuyencong_ab \\
        .venv/bin/python bench/article_ab.py

Loopback only, every step under a timeout.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import load  # bench/load.py: wrk, the server's environment, stop

ROOT = load.ROOT
BEFORE = os.environ.get("BEFORE", "main")
ROUNDS = int(os.environ.get("ROUNDS", 3))
load.DURATION = int(os.environ.get("DURATION", 10))
PORTS = {"before": 8811, "after": 8812}


def unpack(ref: str, into: Path) -> Path:
    """``ref``'s tree, the shared virtualenv linked in."""
    archive = subprocess.run(
        ["git", "archive", ref], cwd=ROOT, capture_output=True, check=True, timeout=120
    ).stdout
    subprocess.run(["tar", "-x", "-C", into], input=archive, check=True, timeout=120)
    (into / ".venv").symlink_to(ROOT / ".venv")
    return into


def gunicorn(tree: Path, port: int, log: Path, **settings):
    """``tree`` served on ``port`` (cache off; ``settings``: more of the
    environment)."""
    env = {**load.server_env(False), **settings}
    env.update(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # Outside the tree: bench/results is not tracked.
        STATIC_ROOT=str(ROOT / "bench" / "results" / f"static-{port}"),
        PYTHONPATH=str(tree),
    )
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=tree,
        env=env,
        check=True,
        timeout=600,
    )
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py"]
            + ["khuyencong.wsgi"],
            cwd=tree,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.5)
    load.stop(process)
    raise SystemExit(f"gunicorn did not start; see {log}")


def main():
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    article = load.prepare()  # this tree's migrations and demo content
    servers = {}
    with tempfile.TemporaryDirectory(prefix="kc-before-") as tmp:
        trees = {"before": unpack(BEFORE, Path(tmp)), "after": ROOT}
        try:
            for name, tree in trees.items():
                log = results / f"gunicorn-ab-{name}.log"
                servers[name] = gunicorn(tree, PORTS[name], log)
            runs = drive(article, servers)
        finally:
            for process, _base in servers.values():
                load.stop(process)
    report(runs)


def drive(article: str, servers: dict) -> list[dict]:
    bases = {name: base for name, (_process, base) in servers.items()}
    sizes = {}
    for name, base in bases.items():
        for _ in range(3):  # the first view computes what later ones read
            status, sizes[name] = load.fetch(article, base)
            assert status == 200, (name, status)
    runs = []
    for round_ in range(1, ROUNDS + 1):
        row = {"round": round_}
        for name, base in bases.items():
            # Each server in its own session: its process group.
            group = servers[name][0].pid
            row[name] = load.wrk_cpu(article, 16, group, base=base)
        row["minimal"] = load.wrk(
            f"/__bench/bytes/{sizes['after']}", 16, base=bases["after"]
        )
        runs.append(row)
        print(json.dumps(row), flush=True)
    return runs


def report(runs: list[dict]) -> None:
    def median(name, key="rps"):
        return statistics.median(run[name][key] for run in runs)

    print(f"\n{'':<10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'of minimal':>12}")
    for name in ("before", "after", "minimal"):
        print(
            f"{name:<10}{median(name):>9.0f}{median(name, 'p50_ms'):>9.1f}"
            f"{median(name, 'p99_ms'):>9.1f}{median(name) / median('minimal'):>12.1%}"
        )
    ratios = [run["after"]["rps"] / run["before"]["rps"] for run in runs]
    print(f"after / before per round: {', '.join(f'{r:.2f}' for r in ratios)}")
    # What the machine's other work does not change: CPU a request.
    cpu = [run["before"]["cpu_us"] / run["after"]["cpu_us"] for run in runs]
    print(
        f"CPU a request, before {median('before', 'cpu_us'):.0f} µs, after "
        f"{median('after', 'cpu_us'):.0f} µs; before's / after's per round: "
        f"{', '.join(f'{r:.2f}' for r in cpu)}"
    )
    errors = sum(
        run[n]["errors"] + run[n]["non_2xx"]
        for run in runs
        for n in run
        if n != "round"
    )
    print(f"errors or non-2xx: {errors}")


if __name__ == "__main__":
    sys.exit(main())
