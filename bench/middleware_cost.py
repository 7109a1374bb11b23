"""What each middleware costs a request (issue 18, item 3).

The minimal view (``/__bench/bytes/1000``, ``bench.views``) is called
in-process through Django's WSGI handler with the first k of the portal's
middleware for every k (a middleware needs the ones above it: auth the
sessions), with Django's own project template's middleware, and with none;
interleaved rounds, the least (and the median) of each, on the CPU clock. A middleware's cost is the time
with it less the time with the ones above it alone. An anonymous reader's request (no cookie); no network, no gunicorn (for
those: ``bench/load.py``).

    .venv/bin/python bench/middleware_cost.py
"""

import os
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("SECRET_KEY", "bench-" + "k" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
PATH = "/__bench/bytes/1000"

# What `django-admin startproject` writes.
DJANGO_DEFAULT = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]


def _environ() -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": PATH,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "443",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": BytesIO(b""),
        "wsgi.url_scheme": "https",  # the production settings redirect http
    }


def _start_response(status, headers, exc_info=None):
    assert status.startswith("200"), status


def handler_for(middleware: list[str]) -> WSGIHandler:
    settings.MIDDLEWARE = middleware
    return WSGIHandler()


def per_request(handler: WSGIHandler) -> float:
    """Microseconds of this thread's CPU time a request, over ``REQUESTS``
    of them (the CPU clock: what the machine's other work changes least)."""
    started = time.thread_time()
    for _ in range(REQUESTS):
        response = handler(_environ(), _start_response)
        b"".join(response)
        response.close()
    return (time.thread_time() - started) / REQUESTS * 1e6


def main() -> None:
    full = list(settings.MIDDLEWARE)
    configs = {"none": []}
    for k, name in enumerate(full, start=1):
        configs[f"+ {name.rsplit('.', 1)[-1]}"] = full[:k]
    configs["Django's startproject"] = DJANGO_DEFAULT
    handlers = {label: handler_for(m) for label, m in configs.items()}
    settings.MIDDLEWARE = full
    times: dict[str, list[float]] = {label: [] for label in configs}
    for handler in handlers.values():
        per_request(handler)  # warm up
    for _ in range(ROUNDS):
        for label, handler in handlers.items():
            times[label].append(per_request(handler))
    # The least of the rounds: what other work on the machine adds to a
    # round only ever adds, so the fastest is the layer's own cost.
    least = {label: min(values) for label, values in times.items()}
    median = {label: statistics.median(values) for label, values in times.items()}
    print(f"{REQUESTS} requests x {ROUNDS} rounds, µs of CPU per request")
    print("| stack (top down) | least µs | median µs | this middleware (least) |")
    print("| --- | ---: | ---: | ---: |")
    before = None
    for label, value in least.items():
        cost = f"{value - before:.0f}" if label.startswith("+ ") else ""
        print(f"| {label} | {value:.0f} | {median[label]:.0f} | {cost} |")
        before = value


if __name__ == "__main__":
    main()
