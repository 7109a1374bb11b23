"""wrk started right after an invalidation (issue 18, item 5): how many
times the page is rendered.

The portal under ``make serve``'s gunicorn (2 sync workers), the page cache
in a Redis of the benchmark's own (a ``redis-server`` on a free port); the
seed article is cached, then a correction is added to it from another
process (``manage.py shell``: the change is applied as the admin's would
be), and at once ``wrk -t2 -c16`` asks for the article for ``DURATION``
seconds, counting the answers by ``X-Page-Cache`` (``bench/count_cache.lua``).
Expected: one render (at most one per worker).

    DATABASE_URL=postgres://… DURATION=5 .venv/bin/python bench/stampede.py
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import DURATION, ROOT, serve, server_env, stop

PORT = 8773
BASE = f"http://127.0.0.1:{PORT}"
CORRECT = (
    "from news.models import Article; from news.demo.content import SEED_SLUG; "
    "Article.objects.get(slug=SEED_SLUG).corrections.create(text='Đính chính (bench).')"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    folder = tempfile.mkdtemp()
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--dir", folder, "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    env = server_env(cache_on=True)
    env.update(
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        REQUEST_LOG_LEVEL="WARNING",
    )
    server = None
    try:
        log = ROOT / "bench" / "results" / "gunicorn-stampede.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        server = serve(env, log, BASE)
        subprocess.run(
            [".venv/bin/python", "manage.py", "load_demo"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        path = (
            "/tin-tuc/"
            + os.environ.get(
                "STAMPEDE_SLUG",
                "hoi-nghi-cong-tac-khuyen-cong-khu-vuc-mien-trung-tay-nguyen-nam-2022-tai-ninh-thuan",
            )
            + "/"
        )
        for _ in range(3):
            with urllib.request.urlopen(BASE + path, timeout=30) as response:
                print("before:", response.headers["X-Page-Cache"])
        subprocess.run(
            [".venv/bin/python", "manage.py", "shell", "-c", CORRECT],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                "-c16",
                f"-d{DURATION}s",
                "--latency",
                "-s",
                str(ROOT / "bench" / "count_cache.lua"),
                BASE + path,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        print(out)
    finally:
        if server is not None:
            stop(server)
        redis.terminate()
        redis.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
