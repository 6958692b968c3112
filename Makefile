# Samverkan – the team's shared vocabulary. `make run` and `make test` are the two
# commands of the README; everything else is a step they use.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON_FOR_VENV = $(shell scripts/find-python)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-sqlite test-postgres lint fmt messages compilemessages \
        migrations-check load-data browser-deps system-deps bench clean

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

compilemessages: install
	$(BIN)/samverkan compilemessages --ignore '.venv' --ignore 'node_modules' >/dev/null

messages: install
	cd samverkan && ../$(BIN)/samverkan makemessages --locale sv --add-location file --ignore 'test*' --ignore '*/tests/*'
	$(BIN)/samverkan makemessages --locale sv --add-location file --ignore '.venv' --ignore 'samverkan' --ignore 'node_modules'
	$(MAKE) compilemessages

## The main job: set up, load the bundled real data and serve on http://$(HOST):$(PORT)
run: system-deps install compilemessages
	DEBUG=true $(BIN)/samverkan migrate --no-input
	DEBUG=true $(BIN)/samverkan load-bundled-data
	@DEBUG=true $(BIN)/samverkan demo-login-info --address $(HOST):$(PORT)
	@echo "Background worker for exports: samverkan db_worker (stops with the server)."
	export DEBUG=true TASKS_BACKEND=django_tasks_db.DatabaseBackend; \
	  $(BIN)/samverkan db_worker --interval 1 --no-startup-delay & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/samverkan runserver $(HOST):$(PORT)

load-data: install
	$(BIN)/samverkan migrate --no-input
	$(BIN)/samverkan load-bundled-data

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(BIN)/samverkan makemigrations --check --dry-run

browser-deps:
	@scripts/ensure-browser

# What `make run` needs from Debian: gettext (translations), fonts and harfbuzz (PDFs).
system-deps:
	@SAMVERKAN_SKIP_BROWSER=1 scripts/ensure-browser

## All tests: lint, migrations check, translations, pytest on SQLite and on PostgreSQL
test: browser-deps install lint migrations-check compilemessages test-sqlite test-postgres

test-sqlite: install
	env -u DATABASE_URL $(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-postgres: install
	@scripts/test-postgres $(PYTEST_ARGS)

bench: install
	$(BIN)/python scripts/bench_import.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
