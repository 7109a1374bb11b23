"""Are the page cache's per-worker near copies needed for the cached-page
target (at least 80% of the minimal view's requests per second)?

Two servers as ``bench/load.py`` starts them (the page cache on, 2 workers,
the same database and Redis), one with the near copies at their default
size and one with ``PAGE_NEAR_CACHE_BYTES=0`` (every hit one round trip to
Redis), on ports ``LOAD_PORT`` and ``LOAD_PORT + 1``. For each cached page
and each number of connections, both are driven in turn, ``ROUNDS`` times
(the order swapped every round, so a change in the machine's load falls on
both), each run against the minimal view of the same size on the same
server. Prints one line per run, then the mean ratio of each.

Run as ``bench/load.py`` is (``bench/load.sh`` sets the database and Redis):
DATABASE_URL, REDIS_URL, LOAD_PORT, DURATION and LOAD_PAGES apply.
"""

import json
import os
import statistics
import urllib.request

import load

ROUNDS = int(os.environ.get("ROUNDS", 2))
VARIANTS = {"near": {}, "redis-only": {"PAGE_NEAR_CACHE_BYTES": "0"}}


def base_of(variant: str) -> str:
    return f"http://127.0.0.1:{load.PORT + list(VARIANTS).index(variant)}"


def start(variant: str):
    env = load.server_env(True)
    env.update(VARIANTS[variant], GUNICORN_BIND=base_of(variant).split("//")[1])
    log = load.ROOT / "bench" / "results" / f"gunicorn-{variant}.log"
    return load.serve(env, log, base_of(variant))


def served_as(variant: str, path: str) -> str:
    """How the cache served ``path`` on a warm server (near, hit, miss)."""
    for _ in range(3):
        with urllib.request.urlopen(base_of(variant) + path, timeout=10) as response:
            how = response.headers.get("X-Page-Cache", "")
    return how


def drive(name, path, script, connections, rows):
    for round_number in range(ROUNDS):
        order = list(VARIANTS) if round_number % 2 == 0 else list(VARIANTS)[::-1]
        for variant in order:
            base = base_of(variant)
            size = load.fetch(path, base)[1]
            page = load.wrk(path, connections, script, base=base)
            minimal = load.wrk(f"/__bench/bytes/{size}", connections, base=base)
            row = {
                "variant": variant,
                "page": name,
                "connections": connections,
                "round": round_number,
                "load1": os.getloadavg()[0],
                "rps": page["rps"],
                "p99_ms": page["p99_ms"],
                "errors": page["errors"] + page["non_2xx"],
                "minimal_rps": minimal["rps"],
                "ratio": page["rps"] / minimal["rps"],
            }
            rows.append(row)
            print(json.dumps(row), flush=True)


def main():
    (load.ROOT / "bench" / "results").mkdir(exist_ok=True)
    load.PAGES["article"] = load.prepare()
    pages = [(name, path, None) for name, path in load.PAGES.items()]
    pages += [(name, load.PAGES["article"], s) for name, s in load.VARIANTS.items()]
    pages = [p for p in pages if not load.ONLY or p[0] in load.ONLY]
    print(f"load average before: {os.getloadavg()}", flush=True)
    servers = []
    rows = []
    try:
        for variant in VARIANTS:
            servers.append(start(variant))
        for name, path, script in pages:
            for variant in VARIANTS:
                print(f"{name} on {variant}: {served_as(variant, path)}", flush=True)
            for connections in load.CONNECTIONS:
                drive(name, path, script, connections, rows)
    finally:
        for process in servers:
            load.stop(process)
    print(f"load average after: {os.getloadavg()}")
    print(f"\n{'page':<9}{'conn':>5}" + "".join(f"{v:>24}" for v in VARIANTS))
    for name, _path, _script in pages:
        for connections in load.CONNECTIONS:
            cells = []
            for variant in VARIANTS:
                runs = [
                    r
                    for r in rows
                    if (r["page"], r["connections"], r["variant"])
                    == (name, connections, variant)
                ]
                rps = statistics.mean(r["rps"] for r in runs)
                ratio = statistics.mean(r["ratio"] for r in runs)
                cells.append(f"{rps:>9.0f} req/s {ratio:>6.2f}")
            print(f"{name:<9}{connections:>5}" + "".join(f"{c:>24}" for c in cells))
    print(f"errors: {sum(r['errors'] for r in rows)}")


if __name__ == "__main__":
    main()
