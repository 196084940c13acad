# SafeBoard: `make run` sets up and serves the demo partnership; `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SAFEBOARD := $(BIN)/safeboard
ASSETS := var/assets
PYTEST_ARGS ?=
# The suite without the browser runs on every core, one test file per worker at a time so
# that a module's shared fixtures (the demo partnership) are built once.
TEST_WORKERS ?= auto
PARALLEL := -n $(TEST_WORKERS) --dist loadfile

.PHONY: run test test-fast test-browser bench lint assets install chromium clean

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(ASSETS)/.built: node_modules/.package-lock.json
	rm -rf $(ASSETS)
	mkdir -p $(ASSETS)/static/govuk-frontend/dist $(ASSETS)/static/htmx $(ASSETS)/root
	cp -r node_modules/govuk-frontend/dist/govuk $(ASSETS)/static/govuk-frontend/dist/govuk
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(ASSETS)/root/assets
	cp node_modules/htmx.org/dist/htmx.min.js $(ASSETS)/static/htmx/htmx.min.js
	touch $@

assets: $(ASSETS)/.built

# The browser tests drive Debian's Chromium; install it on a machine that lacks it.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	@SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium \
	|| { $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; }

chromium: $(CHROMIUM)

run: install assets
	@mkdir -p var
	$(SAFEBOARD) migrate --no-input
	$(SAFEBOARD) demo --if-empty
	$(SAFEBOARD) reminders schedule
	@$(SAFEBOARD) db_worker & echo $$! > var/worker.pid; \
	trap 'kill $$(cat var/worker.pid) 2>/dev/null; rm -f var/worker.pid' EXIT INT TERM; \
	echo "SafeBoard is at http://127.0.0.1:8000 (the background worker is running too)"; \
	$(SAFEBOARD) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check safeboard tests bench
	$(BIN)/ruff format --check safeboard tests bench
	$(BIN)/mypy safeboard
	$(BIN)/lint-imports

test: install assets lint chromium
	$(BIN)/pytest $(PARALLEL) -m "not browser and not production" $(PYTEST_ARGS)
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

test-fast: install assets
	$(BIN)/pytest $(PARALLEL) -m "not browser and not production" $(PYTEST_ARGS)

test-browser: install assets chromium
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

bench: install assets
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules var/assets
