# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_SETTINGS := khuyencong.test_settings
BACKUP_DIR ?= backups

.PHONY: run serve backup restore test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-installed

# The task worker (large imports: funding.imports.tasks) runs beside the
# server and is stopped with it, however the server stops.
WORKER = $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM;

## run: set up a development copy and serve it on http://$(HOST):$(PORT),
## with the task worker beside it
run: $(VENV)/.run-installed
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo
	export DEBUG=$${DEBUG:-1}; $(WORKER) \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## serve: run as in production: gunicorn (gunicorn.conf.py), DATABASE_URL,
## DEBUG off, collected static files, the task worker beside it. Needs
## SECRET_KEY (and ALLOWED_HOSTS).
serve: $(VENV)/.run-installed
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=0 $(BIN)/python manage.py migrate --noinput
	export DEBUG=0; $(WORKER) $(BIN)/gunicorn -c gunicorn.conf.py khuyencong.wsgi

## backup: pg_dump -Fc of the database and a tar of MEDIA_ROOT, timestamped, in $(BACKUP_DIR)
backup: $(VENV)/.run-installed
	$(BIN)/python manage.py backup --dir "$(BACKUP_DIR)"

## restore FILE=backups/khuyencong-….dump: into an empty database (and MEDIA_ROOT)
restore: $(VENV)/.run-installed
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/khuyencong-YYYYmmdd-HHMMSS.dump"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

## test: lint, format check, import contracts, migrations check and the test suite
test: lint
	$(BIN)/pytest --durations=20

## lint: the checks of .pre-commit-config.yaml (ruff, djhtml, django-upgrade,
## import-linter, migrations) on every tracked file
lint: $(VENV)/.dev-installed
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

## format: apply ruff's fixes and formatting
format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	git ls-files 'templates/*.html' '*/templates/*.html' | xargs $(BIN)/djhtml

## bench: server-time benchmark of the news pages on PostgreSQL
bench: $(VENV)/.dev-installed
	bash bench/run.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
