"""gunicorn, as the portal runs in production (``make serve``).

Every value can be set from the environment; the defaults suit one host
behind a reverse proxy on the same machine.
"""

import multiprocessing
import os

# The portal's own settings (environment or .env), so that gunicorn and
# Django read TRUSTED_PROXY_COUNT from one place and agree on it.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khuyencong.settings")
from django.conf import settings as portal

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
# Proxy headers are believed as Django believes them: not at all unless
# TRUSTED_PROXY_COUNT is set (gunicorn would otherwise take X-Forwarded-Proto
# from any client on loopback, or on a unix socket, as the scheme); then only
# X-Forwarded-Proto (Django's SECURE_PROXY_SSL_HEADER), and only from
# FORWARDED_ALLOW_IPS.
if portal.TRUSTED_PROXY_COUNT:
    forwarded_allow_ips = portal.FORWARDED_ALLOW_IPS
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
    forwarder_headers = ""
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
