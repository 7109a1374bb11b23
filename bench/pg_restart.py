"""Survives a database restart: PostgreSQL is restarted under load.

``make serve`` (2 workers, page cache off so every request needs the
database) is driven by four client threads on the seed article while
``pg_ctlcluster 15 main restart`` runs. Checked: requests fail only while
PostgreSQL is down (from the restart command until it accepts connections
again, plus 2 s), every failure is the branded 500 page, requests succeed
again within 2 s, the gunicorn workers are the same processes before and
after, and the log has no stale-connection error after recovery. Loopback
only; about 30 s. Exit status 1 if a check fails.
"""

import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from load import PORT as LOAD_PORT
from load import ROOT, prepare, serve, server_env, stop

PORT = LOAD_PORT + 1
BRAND = "Hệ thống đang gặp sự cố (lỗi 500)"


def start_server():
    env = {**server_env(False), "GUNICORN_BIND": f"127.0.0.1:{PORT}"}
    log_path = ROOT / "bench" / "results" / "gunicorn-pg-restart.log"
    return serve(env, log_path, f"http://127.0.0.1:{PORT}"), log_path


def request(path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def workers(log_path) -> set[int]:
    """The workers gunicorn has booted so far, from its own log: a worker
    restarted after the outage would be a new pid there."""
    return {
        int(pid)
        for pid in re.findall(r"Booting worker with pid: (\d+)", log_path.read_text())
    }


def main():
    path = prepare()
    process, log_path = start_server()
    # (started, ended, status, branded 500 page)
    results: list[tuple[float, float, int, bool]] = []
    stopping = threading.Event()

    def hammer():
        while not stopping.is_set():
            at = time.time()
            try:
                status, body = request(path)
                results.append((at, time.time(), status, BRAND in body))
            except OSError:
                results.append((at, time.time(), 0, False))

    try:
        before = workers(log_path)
        threads = [threading.Thread(target=hammer) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(5)
        down_at = time.time()
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"],
            check=True,
            timeout=120,
        )
        while subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode:
            time.sleep(0.05)
        up_at = time.time()
        time.sleep(10)
        stopping.set()
        for thread in threads:
            thread.join()
        after = workers(log_path)
    finally:
        stopping.set()
        stop(process)
    log = log_path.read_text(errors="replace")
    failures = [r for r in results if r[2] != 200]
    # A request in flight when PostgreSQL went down fails with it.
    outside = [f for f in failures if f[1] < down_at or f[0] > up_at + 2]
    unbranded = [f for f in failures if f[2] != 500 or not f[3]]
    recovered = [r[0] for r in results if r[2] == 200 and r[0] >= up_at]
    recovery = (min(recovered) - up_at) if recovered else None
    # Errors logged (with their time) once service was back: a stale
    # connection would show here.
    late_errors = []
    for line in log.splitlines():
        match = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d+ ERROR", line)
        if match:
            # Django runs in its TIME_ZONE and logs local time.
            logged = (
                datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S")
                .replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
                .timestamp()
            )
            if logged > up_at + 2:
                late_errors.append(line)
    report = {
        "requests": len(results),
        "postgres_down_s": round(up_at - down_at, 2),
        "failed_requests": len(failures),
        "failures_outside_the_outage": len(outside),
        "failures_not_branded_500": len(unbranded),
        "first_success_after_up_s": None if recovery is None else round(recovery, 3),
        "workers_same": before == after and bool(before),
        "errors_logged_after_recovery": len(late_errors),
    }
    print(json.dumps(report, indent=2))
    ok = (
        not outside
        and not unbranded
        and recovery is not None
        and recovery <= 2
        and report["workers_same"]
        and not late_errors
    )
    print("OK" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
