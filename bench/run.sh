#!/usr/bin/env bash
# `make bench`: benchmarks on a dedicated PostgreSQL database (kept between runs).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=127.0.0.1
PGPORT=5432
DB=khuyencong_bench
pg_isready -h "$PGHOST" -p "$PGPORT" -q || pg_ctlcluster --skip-systemctl-redirect 15 main start
if ! psql -h "$PGHOST" -p "$PGPORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  createdb -h "$PGHOST" -p "$PGPORT" -U postgres "$DB"
fi
export DATABASE_URL="postgres://postgres@$PGHOST:$PGPORT/$DB"
export DJANGO_SETTINGS_MODULE=khuyencong.test_settings
export MEDIA_ROOT="${MEDIA_ROOT:-$PWD/bench/results/media}"
.venv/bin/python manage.py migrate --noinput -v0
timeout 1800 .venv/bin/python bench/news_pages.py | tee bench/results-news_pages.txt
timeout 1800 .venv/bin/python bench/funding_pages.py | tee bench/results-funding_pages.txt
timeout 1800 .venv/bin/python bench/api_ranking.py | tee bench/results-api_ranking.txt
timeout 1800 .venv/bin/python bench/import_figures.py | tee bench/results-import_figures.txt
# Under load through gunicorn (its own database, khuyencong_load).
bash bench/load.sh | tee bench/results-load.txt
# The uncached article before (main) and after this tree, interleaved.
DATABASE_URL="postgres://postgres@$PGHOST:$PGPORT/khuyencong_load" REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/5}" \
  timeout 1800 .venv/bin/python bench/article_ab.py | tee bench/results-article_ab.txt
# Against a Wagtail blog page of the same content (its own virtualenv).
DATABASE_URL="postgres://postgres@$PGHOST:$PGPORT/khuyencong_load" REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/5}" \
  timeout 2400 .venv/bin/python bench/wagtail_reference.py | tee bench/results-wagtail_reference.txt
# PostgreSQL restarted under load.
bash bench/pg_restart.sh | tee bench/results-pg_restart.txt
