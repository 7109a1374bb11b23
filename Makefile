# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_SETTINGS := khuyencong.test_settings

.PHONY: run test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-installed

## run: set up a development copy and serve it on http://$(HOST):$(PORT)
run: $(VENV)/.run-installed
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: lint, format check, migrations check and the test suite
test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

## format: apply ruff's fixes and formatting
format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: server-time benchmark of the news pages on PostgreSQL
bench: $(VENV)/.dev-installed
	bash bench/run.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
