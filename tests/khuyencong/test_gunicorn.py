"""gunicorn believes proxy headers exactly when Django does: not at all
unless TRUSTED_PROXY_COUNT is set (README, "Secure by default")."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from .test_settings import ROOT, run_with_env

LOAD_CONFIG = """
import json, sys
sys.argv = ["gunicorn", "-c", "gunicorn.conf.py", "khuyencong.wsgi"]
from gunicorn.app.wsgiapp import WSGIApplication
cfg = WSGIApplication().cfg
print(json.dumps([cfg.forwarded_allow_ips, cfg.secure_scheme_headers,
                  cfg.forwarder_headers]))
"""


def gunicorn_config(**env):
    result = run_with_env(LOAD_CONFIG, SECRET_KEY="x" * 50, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"TRUSTED_PROXY_COUNT": "0"},
        # The proxies' addresses alone do not make gunicorn trust them.
        {"FORWARDED_ALLOW_IPS": "127.0.0.1,10.0.0.0/8"},
    ],
)
def test_without_trusted_proxies_gunicorn_trusts_no_proxy_header(env):
    assert gunicorn_config(**env) == [[], {}, []]


def test_with_trusted_proxies_only_their_addresses_and_django_s_header():
    allowed, schemes, _forwarded = gunicorn_config(TRUSTED_PROXY_COUNT="1")
    assert allowed == ["127.0.0.1"]
    assert schemes == {"X-FORWARDED-PROTO": "https"}
    allowed, _schemes, _forwarded = gunicorn_config(
        TRUSTED_PROXY_COUNT="1", FORWARDED_ALLOW_IPS="10.0.0.0/8,192.0.2.7"
    )
    assert allowed == ["10.0.0.0/8", "192.0.2.7"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scheme_seen_by_django(tmp_path, **env) -> str:
    """Run gunicorn as ``make serve`` does, send ``X-Forwarded-Proto: https``
    from loopback, and read the scheme Django used (robots.txt prints it)."""
    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        SECRET_KEY="x" * 50,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        PAGE_CACHE_SECONDS="0",
        WEB_CONCURRENCY="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        **env,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "khuyencong.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request(
                    "GET", "/robots.txt", headers={"X-Forwarded-Proto": "https"}
                )
                body = connection.getresponse().read().decode()
                break
            except ConnectionRefusedError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        (line,) = [row for row in body.splitlines() if row.startswith("Sitemap:")]
        return line.split()[1].split("://")[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


def test_a_loopback_client_cannot_claim_https_through_gunicorn(tmp_path):
    assert scheme_seen_by_django(tmp_path) == "http"
    assert scheme_seen_by_django(tmp_path, TRUSTED_PROXY_COUNT="1") == "https"
