"""Our minimal view against a bare Django project's, through the same
gunicorn (issue 18, item 3: within 10%).

Two servers at once, as ``make serve`` runs (2 sync workers each): the
portal's settings (``bench.settings``: every middleware, the request log at
INFO as in production) and the same with Django's ``startproject``
middleware (``bench.bare_settings``). ``wrk -t2 -c16`` on
``/__bench/bytes/1000`` of each in turn, ``ROUNDS`` rounds of ``DURATION``
seconds, interleaved; requests per second and their ratio.

    DATABASE_URL=postgres://… DURATION=10 .venv/bin/python bench/minimal_vs_bare.py
"""

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import ROOT, serve, server_env, stop, wrk

ROUNDS = int(os.environ.get("ROUNDS", "3"))
PATH = "/__bench/bytes/1000"
SERVERS = {
    "portal": ("bench.settings", 8771),
    "bare Django": ("bench.bare_settings", 8772),
}


def main() -> None:
    processes, bases = {}, {}
    try:
        for name, (module, port) in SERVERS.items():
            env = server_env(cache_on=True)
            env.update(
                DJANGO_SETTINGS_MODULE=module,
                GUNICORN_BIND=f"127.0.0.1:{port}",
                REQUEST_LOG_LEVEL=os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
            )
            bases[name] = f"http://127.0.0.1:{port}"
            log = ROOT / "bench" / "results" / f"gunicorn-minimal-{port}.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            processes[name] = serve(env, log, bases[name])
        rates: dict[str, list[float]] = {name: [] for name in SERVERS}
        for _ in range(ROUNDS):
            for name in SERVERS:
                rates[name].append(wrk(PATH, 16, base=bases[name])["rps"])
    finally:
        for process in processes.values():
            stop(process)
    median = {name: statistics.median(values) for name, values in rates.items()}
    for name, values in rates.items():
        runs = ", ".join(f"{v:,.0f}" for v in values)
        print(f"{name}: {median[name]:,.0f} req/s (median of {runs})")
    print(f"portal / bare Django: {median['portal'] / median['bare Django']:.2f}")


if __name__ == "__main__":
    main()
