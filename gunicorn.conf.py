"""gunicorn, as the portal runs in production (``make serve``).

Every value can be set from the environment; the defaults suit one host
behind a reverse proxy on the same machine.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Sync workers: each request has a whole process; slow clients are the
# reverse proxy's job (it buffers them).
worker_class = "sync"
# A 100,000-row import (preview or confirmation) fits in this.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 2
# Recycle workers now and then so that no leak grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = 2000
# Proxy headers (X-Forwarded-*) are believed only from these addresses;
# Django trusts them only with TRUSTED_PROXY_COUNT set.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Django logs one line per request itself (khuyencong.middleware).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Import the application once, before forking: workers share its memory and
# a broken deployment fails at start, not at the first request.
preload_app = True


def post_fork(server, worker):
    # Database connections must not be shared across the fork.
    from django.db import connections

    connections.close_all()
