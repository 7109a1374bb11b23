#!/usr/bin/env bash
# PostgreSQL restarted under load (part of `make bench`); see bench/pg_restart.py.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=khuyencong_load
pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect 15 main start
if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  createdb -h 127.0.0.1 -U postgres "$DB"
fi
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export MEDIA_ROOT="${MEDIA_ROOT:-$PWD/bench/results/media}"
cd bench && timeout 600 ../.venv/bin/python pg_restart.py
