"""Settings come from the environment; checked in fresh interpreters."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": db["ENGINE"],
    "name": str(db["NAME"]),
    "conn_max_age": db["CONN_MAX_AGE"],
    "health_checks": db["CONN_HEALTH_CHECKS"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "hosts": settings.ALLOWED_HOSTS,
    "csrf": settings.CSRF_TRUSTED_ORIGINS,
    "media": str(settings.MEDIA_ROOT),
    "lang": settings.LANGUAGE_CODE,
    "tz": settings.TIME_ZONE,
    "use_tz": settings.USE_TZ,
}))
"""


def run_with_env(code: str, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "REDIS_URL",
            # Set by the browser tests' fixture while they run.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    base.update(env, DJANGO_SETTINGS_MODULE="khuyencong.settings")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_secret_key_required_when_debug_is_off():
    result = run_with_env(PRINT_SETTINGS, DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_set_and_defaults_are_safe():
    result = run_with_env(PRINT_SETTINGS, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["hosts"] == []
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["conn_max_age"] > 0 and values["health_checks"] is True
    assert (values["lang"], values["tz"], values["use_tz"]) == (
        "vi",
        "Asia/Ho_Chi_Minh",
        True,
    )


def test_environment_overrides(tmp_path):
    result = run_with_env(
        PRINT_SETTINGS,
        SECRET_KEY="y" * 50,
        DATABASE_URL="postgres://u:p@db.internal:5432/kc",
        REDIS_URL="redis://127.0.0.1:6379/3",
        ALLOWED_HOSTS="a.gov.vn,b.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://a.gov.vn",
        MEDIA_ROOT=str(tmp_path),
        CONN_MAX_AGE="30",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "kc"
    assert values["conn_max_age"] == 30
    assert values["cache"] == "khuyencong.cache.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/3"
    assert values["hosts"] == ["a.gov.vn", "b.gov.vn"]
    assert values["csrf"] == ["https://a.gov.vn"]
    assert values["media"] == str(tmp_path)


def test_env_example_documents_every_variable():
    documented = (ROOT / ".env.example").read_text()
    settings_source = (ROOT / "khuyencong" / "settings.py").read_text()
    import re

    used = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', settings_source))
    assert used, "settings read no variables?"
    missing = {name for name in used if f"{name}=" not in documented}
    assert not missing


def test_manage_py_without_configuration_says_why_in_one_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={
            k: v
            for k, v in os.environ.items()
            if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("manage.py: SECRET_KEY is not set.")
    assert "Traceback" not in result.stderr


def test_media_on_s3_compatible_storage_when_set():
    code = (
        "import json, django; django.setup();"
        "from django.core.files.storage import storages;"
        "default_storage = storages['default'];"
        "from django.conf import settings;"
        "print(json.dumps([type(default_storage).__name__, default_storage.bucket_name,"
        " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    )
    local = run_with_env(
        code.replace("default_storage.bucket_name", "None"), SECRET_KEY="x" * 50
    )
    assert json.loads(local.stdout)[0] == "FileSystemStorage", local.stderr
    result = run_with_env(
        code,
        SECRET_KEY="x" * 50,
        MEDIA_STORAGE="s3",
        S3_BUCKET="khuyencong-media",
        S3_ENDPOINT_URL="https://s3.example.gov.vn",
        MEDIA_URL="https://media.example.gov.vn/media/",
    )
    assert result.returncode == 0, result.stderr
    backend, bucket, images = json.loads(result.stdout)
    assert (backend, bucket) == ("S3Storage", "khuyencong-media")
    assert "https://media.example.gov.vn" in images


def test_a_replica_is_configured_from_the_environment():
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps([sorted(settings.DATABASES), getattr(settings, 'DATABASE_ROUTERS', [])]))"
    )
    plain = run_with_env(code, SECRET_KEY="x" * 50)
    assert json.loads(plain.stdout) == [["default"], []]
    replica = run_with_env(
        code,
        SECRET_KEY="x" * 50,
        DATABASE_REPLICA_URL="postgres://reader@replica.example:5432/khuyencong",
    )
    assert json.loads(replica.stdout) == [
        ["default", "replica"],
        ["khuyencong.db_routers.PublicReadsRouter"],
    ]
