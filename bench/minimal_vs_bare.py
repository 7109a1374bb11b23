"""Our minimal view against a bare Django project's, through the same
gunicorn (issue 18, item 3: within 10%).

Two servers at once, as ``make serve`` runs (2 sync workers each): the
portal's settings (``bench.settings``: every middleware, the request log at
INFO as in production) and the same with Django's ``startproject``
middleware (``bench.bare_settings``). ``wrk -t2 -c16`` on
``/__bench/bytes/1000`` of each in turn, ``ROUNDS`` rounds of ``DURATION``
seconds, interleaved; requests per second and their ratio, and the CPU
time the servers' gunicorn processes used per request (read from /proc:
what the machine's other work does not change, unlike the rates).

    DATABASE_URL=postgres://… DURATION=10 .venv/bin/python bench/minimal_vs_bare.py

With ``BEFORE`` (a git ref, e.g. ``main``), that tree's portal is served
too (unpacked by ``git archive``, as ``article_ab.py`` does) and driven in
the same rounds: the ratio before and after a change, in one run.
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import article_ab  # bench/article_ab.py: a git ref's tree under gunicorn

from bench.load import ROOT, serve, server_env, stop, wrk_cpu

ROUNDS = int(os.environ.get("ROUNDS", "3"))
PATH = "/__bench/bytes/1000"
SERVERS = {
    "portal": ("bench.settings", 8771),
    "bare Django": ("bench.bare_settings", 8772),
}


BEFORE = os.environ.get("BEFORE", "")
BEFORE_PORT = 8773


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kc-minimal-before-") as tmp:
        run(Path(tmp))


def run(tmp: Path) -> None:
    processes, bases = {}, {}
    try:
        if BEFORE:
            name = f"portal at {BEFORE}"
            SERVERS[name] = (None, BEFORE_PORT)
            tree = article_ab.unpack(BEFORE, tmp)
            log = ROOT / "bench" / "results" / "gunicorn-minimal-before.log"
            level = os.environ.get("REQUEST_LOG_LEVEL", "INFO")
            processes[name], bases[name] = article_ab.gunicorn(
                tree,
                BEFORE_PORT,
                log,
                GUNICORN_MAX_REQUESTS="0",
                REQUEST_LOG_LEVEL=level,
                PAGE_CACHE_SECONDS="600",
            )
        for name, (module, port) in SERVERS.items():
            if module is None:
                continue  # the BEFORE tree's, started above
            env = server_env(cache_on=True)
            env.update(
                DJANGO_SETTINGS_MODULE=module,
                GUNICORN_BIND=f"127.0.0.1:{port}",
                REQUEST_LOG_LEVEL=os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
                # A worker recycled mid-run would take its CPU time with it.
                GUNICORN_MAX_REQUESTS="0",
            )
            bases[name] = f"http://127.0.0.1:{port}"
            log = ROOT / "bench" / "results" / f"gunicorn-minimal-{port}.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            processes[name] = serve(env, log, bases[name])
        rates: dict[str, list[float]] = {name: [] for name in SERVERS}
        cpu: dict[str, list[float]] = {name: [] for name in SERVERS}
        for _ in range(ROUNDS):
            for name in SERVERS:
                # Each server was started in its own session.
                result = wrk_cpu(PATH, 16, processes[name].pid, base=bases[name])
                rates[name].append(result["rps"])
                cpu[name].append(result["cpu_us"])
    finally:
        for process in processes.values():
            stop(process)
    report(rates, cpu)


def report(rates: dict, cpu: dict) -> None:
    median = {name: statistics.median(values) for name, values in rates.items()}
    for name, values in rates.items():
        runs = ", ".join(f"{v:,.0f}" for v in values)
        print(f"{name}: {median[name]:,.0f} req/s (median of {runs})")
    for name in rates:
        if name.startswith("portal"):
            ratio = median[name] / median["bare Django"]
            rounds = ", ".join(
                f"{mine / bare:.2f}"
                for mine, bare in zip(rates[name], rates["bare Django"], strict=True)
            )
            print(f"{name} / bare Django: {ratio:.2f} (per round: {rounds})")
    spent = {name: statistics.median(values) for name, values in cpu.items()}
    for name, values in cpu.items():
        runs = ", ".join(f"{v:.0f}" for v in values)
        print(f"{name}: {spent[name]:.0f} µs of CPU a request (median of {runs})")
    for name in cpu:
        if name.startswith("portal"):
            ratio = spent["bare Django"] / spent[name]
            print(f"{name}, bare Django's CPU a request / its own: {ratio:.2f}")


if __name__ == "__main__":
    main()
