"""Load benchmark: the portal under gunicorn, driven by wrk, as a ratio to a
minimal Django view of the same size served by the same gunicorn.

For the page cache on and off, ``make serve`` is started on 127.0.0.1 with 2
workers (PostgreSQL from DATABASE_URL, Redis from REDIS_URL); each page
(home, an article, the news list, a search, /so-lieu/) and then the minimal
view returning the same number of bytes are driven at 16 and 64 connections
for DURATION seconds each. With the cache on, the article is also driven as
opened from a shared link, a new click id on every request ("shared"), and
with a new invented session cookie on every request ("forged": only a
signed staff mark may skip the cache); with it off, /healthz and
/robots.txt are driven too, as references. LOAD_PAGES (comma-separated
names) limits a run to some pages.
Loopback only, every step under a timeout.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("LOAD_PORT", 8765))
BASE = f"http://127.0.0.1:{PORT}"
DURATION = int(os.environ.get("DURATION", 30))
CONNECTIONS = [16, 64]
ONLY = {name for name in os.environ.get("LOAD_PAGES", "").split(",") if name}
PAGES = {
    "home": "/",
    "article": None,  # the seed article, found below
    "list": "/tin-tuc/",
    "search": "/tim-kiem/?q=khuyen+cong",
    "so-lieu": "/so-lieu/",
}
# The article as opened from a shared link: a new click id on every request
# (bench/shared_link.lua), and with a random sessionid (and a made-up staff
# mark) on every request (bench/forged_session.lua); with the cache on only.
VARIANTS = {"shared": "shared_link.lua", "forged": "forged_session.lua"}
# With the cache off only, and under no target: what one bare database round
# trip (/healthz) and one small template without the database (robots.txt)
# cost through the same stack, to read the pages' ratios against.
REFERENCES = {"healthz": "/healthz", "robots": "/robots.txt"}


def server_env(cache_on: bool) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-" + "x" * 40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        WEB_CONCURRENCY="2",
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        # The portal's settings plus the yardstick view (bench.settings).
        DJANGO_SETTINGS_MODULE="bench.settings",
        PAGE_CACHE_SECONDS="600" if cache_on else "0",
        REQUEST_LOG_LEVEL="WARNING",
        STATIC_ROOT=str(ROOT / "bench" / "results" / "static"),
    )
    return env


def serve(env: dict, log: Path, base: str):
    """``make serve`` with ``env``, its output in ``log``; the process, once
    ``base``/healthz answers."""
    with log.open("w") as output:  # the child keeps its own copy of the file
        process = subprocess.Popen(
            ["make", "-s", "serve"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise SystemExit(f"gunicorn did not start; see {log}")


def start(cache_on: bool):
    log = ROOT / "bench" / "results" / f"gunicorn-{'on' if cache_on else 'off'}.log"
    return serve(server_env(cache_on), log, BASE)


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def fetch(path: str, base: str = BASE) -> tuple[int, int]:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return response.status, len(response.read())


def wrk(
    path: str, connections: int, script: str | None = None, base: str = BASE
) -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{DURATION}s",
            "--latency",
            "--timeout",
            "10s",
            *(["-s", str(ROOT / "bench" / script)] if script else []),
            base + path,
        ],
        capture_output=True,
        text=True,
        timeout=DURATION + 60,
    ).stdout

    def unit(value: str) -> float:
        number, suffix = re.match(r"([\d.]+)(\w+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[suffix]

    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": unit(latency["50"]),
        "p99_ms": unit(latency["99"]),
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def cpu_seconds(group: int) -> float:
    """CPU seconds (user and system) the gunicorn processes of the process
    group ``group`` (a server started in its own session) used so far: what
    a request costs, whatever else the shared machine is doing."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended meanwhile
            continue
        name, fields = (
            text[text.index("(") + 1 : text.rindex(")")],
            text[text.rindex(")") + 2 :].split(),
        )
        if int(fields[2]) == group and "gunicorn" in name:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk_cpu(path: str, connections: int, group: int, base: str = BASE) -> dict:
    """``wrk``'s figures, and ``cpu_us``: the CPU microseconds a request
    cost the server in process group ``group`` (its workers not recycled
    meanwhile: a page's few thousand requests stay under max_requests)."""
    before = cpu_seconds(group)
    result = wrk(path, connections, base=base)
    used = cpu_seconds(group) - before
    result["cpu_us"] = round(used / max(result["requests"], 1) * 1e6)
    return result


def prepare() -> str:
    """Demo content in the benchmark database; the seed article's address."""
    env = server_env(False)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
        capture_output=True,
    )
    slug = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from news.models import Article;"
            "from news.demo.content import SEED_SLUG; print(Article.objects.get(slug=SEED_SLUG).get_absolute_url())",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "khuyencong.settings"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    return slug


def main():
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    PAGES["article"] = prepare()
    rows = []
    for cache_on in (True, False):
        process = start(cache_on)
        try:
            pages = [(name, path, None) for name, path in PAGES.items()]
            if cache_on:
                pages += [
                    (name, PAGES["article"], script)
                    for name, script in VARIANTS.items()
                ]
            else:
                pages += [(name, path, None) for name, path in REFERENCES.items()]
            for name, path, script in pages:
                if ONLY and name not in ONLY:
                    continue
                status, size = fetch(path)
                assert status == 200, (path, status)
                fetch(path)  # warm the cache (and the connection)
                for connections in CONNECTIONS:
                    page = wrk(path, connections, script)
                    yardstick = wrk(f"/__bench/bytes/{size}", connections)
                    row = {
                        "cache": "on" if cache_on else "off",
                        "page": name,
                        "bytes": size,
                        "connections": connections,
                        **page,
                        "minimal_rps": yardstick["rps"],
                        "minimal_p50_ms": yardstick["p50_ms"],
                        "minimal_p99_ms": yardstick["p99_ms"],
                        "minimal_errors": yardstick["errors"] + yardstick["non_2xx"],
                        "ratio": page["rps"] / yardstick["rps"],
                    }
                    rows.append(row)
                    print(json.dumps(row), flush=True)
        finally:
            stop(process)
    print(
        f"\n{'cache':<6}{'page':<9}{'bytes':>7}{'conn':>5}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'err':>5}{'non2xx':>7}{'min req/s':>10}{'ratio':>7}"
    )
    for r in rows:
        print(
            f"{r['cache']:<6}{r['page']:<9}{r['bytes']:>7}{r['connections']:>5}{r['rps']:>9.0f}"
            f"{r['p50_ms']:>8.1f}{r['p99_ms']:>8.1f}{r['errors']:>5}{r['non_2xx']:>7}"
            f"{r['minimal_rps']:>10.0f}{r['ratio']:>7.2f}"
        )
    failed = [r for r in rows if r["errors"] or r["non_2xx"] or r["minimal_errors"]]
    cached_slow = [r for r in rows if r["cache"] == "on" and r["ratio"] < 0.8]
    article_slow = [
        r
        for r in rows
        if r["cache"] == "off" and r["page"] == "article" and r["ratio"] < 0.3
    ]
    print(
        f"\nerrors or non-2xx: {len(failed)}; cache on below 80% of minimal: "
        f"{[(r['page'], r['connections']) for r in cached_slow]}; article without cache below 30%: "
        f"{[r['connections'] for r in article_slow]}"
    )


if __name__ == "__main__":
    main()
