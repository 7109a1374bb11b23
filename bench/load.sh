#!/usr/bin/env bash
# Load benchmark (part of `make bench`): gunicorn under wrk, with the page
# cache on and off, each page against a minimal view of the same size.
# Loopback only; DURATION (seconds per run, default 30) bounds it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
PGHOST=127.0.0.1
DB=khuyencong_load
pg_isready -h "$PGHOST" -q || pg_ctlcluster --skip-systemctl-redirect 15 main start
if ! psql -h "$PGHOST" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  createdb -h "$PGHOST" -U postgres "$DB"
fi
export DATABASE_URL="postgres://postgres@$PGHOST:5432/$DB"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/5}"
export MEDIA_ROOT="${MEDIA_ROOT:-$PWD/bench/results/media}"
timeout 3600 .venv/bin/python bench/load.py
