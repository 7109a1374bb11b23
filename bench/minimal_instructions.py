"""Instructions a request for the minimal view, ours against bare Django's
(issue 18, item 3), counted by valgrind's callgrind: the same count on a busy
machine as on a quiet one, where CPU times swing with the other work.

Each stack is called in-process through Django's WSGI handler, as
``middleware_cost.py`` calls it (no gunicorn, no network, an anonymous
reader's GET of ``/__bench/bytes/1000``): the portal's middleware
(``bench.settings``, request log at INFO) and ``startproject``'s
(``bench.bare_settings``), and with ``BEFORE`` (a git ref) that tree's portal.
Each runs in its own process under ``valgrind --tool=callgrind``, counting
only the ``REQUESTS`` measured requests (after 50 unmeasured ones), user-space
instructions only: the log line's write is the kernel's and is not counted.

    BEFORE=main .venv/bin/python bench/minimal_instructions.py
"""

import os
import re
import subprocess
import sys
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = int(os.environ.get("REQUESTS", "200"))
PATH = "/__bench/bytes/1000"
# Collection is on only inside this C function, which the request path never
# calls: the child measures its requests from a ``__divmod__``.
PROBE = "builtin_divmod"


def child() -> None:
    """Under valgrind: set the stack up, warm it, then the measured requests
    (of ``KC_PATH``, default the minimal view's; ``KC_WARM``: unmeasured
    requests first; ``KC_LAYERS``: only the first k middleware)."""
    sys.path.insert(0, os.environ["KC_TREE"])
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler

    if "KC_LAYERS" in os.environ:  # the first k of the stack's middleware
        settings.MIDDLEWARE = settings.MIDDLEWARE[: int(os.environ["KC_LAYERS"])]

    handler = WSGIHandler()
    path = os.environ.get("KC_PATH", PATH)
    warm = int(os.environ.get("KC_WARM", "50"))

    def requests(count: int) -> None:
        for _ in range(count):
            environ = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": path,
                "QUERY_STRING": "",
                "SERVER_NAME": "testserver",
                "SERVER_PORT": "443",
                "HTTP_HOST": "testserver",
                "REMOTE_ADDR": "127.0.0.1",
                "wsgi.input": BytesIO(b""),
                "wsgi.url_scheme": "https",
            }
            response = handler(environ, lambda status, headers, exc_info=None: None)
            assert response.status_code == 200, response.status_code
            b"".join(response)
            response.close()

    class Probe:
        def __divmod__(self, other):
            requests(REQUESTS)
            return (0, 0)

    requests(warm)
    divmod(Probe(), 1)


def start(
    tree: Path, settings: str, log: Path, more: dict | None = None
) -> subprocess.Popen:
    """``tree``'s stack counted under callgrind (``more``: more of the
    environment; with none, no database)."""
    env = {
        **os.environ,
        "KC_TREE": str(tree),
        "DJANGO_SETTINGS_MODULE": settings,
        "SECRET_KEY": "bench-" + "k" * 50,
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "",
        "REQUEST_LOG_LEVEL": "INFO",
        # The same dictionaries' order in every run.
        "PYTHONHASHSEED": "0",
    }
    if more is None:
        env.pop("DATABASE_URL", None)  # the minimal view reads no database
    env.update(more or {})
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        f"--log-file={log}",
        "--collect-atstart=no",
        f"--toggle-collect={PROBE}",
        str(ROOT / ".venv" / "bin" / "python"),
        str(Path(__file__).resolve()),
        "--child",
    ]
    with log.with_suffix(".err").open("w") as errors:  # the child's own copy
        return subprocess.Popen(
            command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )


def collected(log: Path, process: subprocess.Popen) -> int:
    """The count of a finished ``start``; a child that failed stops the run
    with its traceback (a count of its few instructions would mislead)."""
    if process.wait() != 0:
        raise SystemExit(
            f"the measured child failed:\n{log.with_suffix('.err').read_text()[-3000:]}"
        )
    match = re.search(r"Collected : (\d+)", log.read_text())
    if match is None:
        raise SystemExit(f"valgrind gave no count:\n{log.read_text()[-2000:]}")
    return int(match.group(1))


def main() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import article_ab  # bench/article_ab.py: a git ref's tree

    before = os.environ.get("BEFORE", "")
    with tempfile.TemporaryDirectory(prefix="kc-instructions-") as tmp:
        targets = {"portal": (ROOT, "bench.settings")}
        if before:
            (Path(tmp) / "tree").mkdir()
            tree = article_ab.unpack(before, Path(tmp) / "tree")
            targets[f"portal at {before}"] = (tree, "bench.settings")
        targets["bare Django"] = (ROOT, "bench.bare_settings")
        logs = {name: Path(tmp) / f"{i}.log" for i, name in enumerate(targets)}
        running = {
            name: start(tree, settings, logs[name])
            for name, (tree, settings) in targets.items()
        }
        counts = {}
        for name, process in running.items():
            counts[name] = collected(logs[name], process) / REQUESTS
    bare = counts["bare Django"]
    print(f"{REQUESTS} requests, instructions a request (callgrind)")
    for name, count in counts.items():
        print(f"{name}: {count:,.0f}  bare Django's / its own: {bare / count:.3f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child()
    else:
        main()
