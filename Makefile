# foi — the two commands of the README, and a few more.
PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
FLASK     := FLASK_APP=wsgi $(BIN)/flask
PG_URL    ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
PYTEST    := $(BIN)/python -m pytest

.PHONY: run test test-sqlite test-postgres test-browser install install-dev postgres db demo \
        scheduler bench translations extract lint clean redis varnish wrk ocr

$(BIN)/activate:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed translations
install-dev: $(VENV)/.installed-dev translations

## make translations: compile the az, en, ru catalogues (.po) into the .mo files the app reads.
translations: $(VENV)/.installed
	@if ls foi/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q compile -d foi/translations; fi

## make extract: collect every message of foi/ and templates/ and merge it into the catalogues;
## then translate the new (empty) and fuzzy entries of foi/translations/*/LC_MESSAGES/messages.po.
## Keep the -k list equal to EXTRACT_KEYWORDS in foi/i18n.py (tests/i18n extracts with that).
extract: $(VENV)/.installed
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext -k gettext_noop \
		-k ngettext_noop:1,2 -k lazy_ngettext:1,2 --add-location=file -c TRANSLATORS: \
		--project=foi -o foi/translations/messages.pot .
	$(BIN)/pybabel -q update -i foi/translations/messages.pot -d foi/translations \
		--ignore-obsolete

## make run: migrate the SQLite database, load demo data once, serve the app with its scheduler
## and one worker of the task queue (its queue a SQLite file in instance/: no server to install).
run: install
	mkdir -p instance
	$(FLASK) db upgrade
	$(FLASK) foi seed-demo
	@echo "Serving foi at http://127.0.0.1:5000 (Ctrl+C stops the web server, scheduler and worker)"
	@trap 'kill 0' INT TERM EXIT; \
		$(FLASK) foi scheduler & \
		$(FLASK) foi worker & \
		$(BIN)/gunicorn --bind 127.0.0.1:5000 --workers 2 --access-logfile - wsgi:app

## make test: the whole suite on SQLite, the database tests again on PostgreSQL, the browser tests.
test: install-dev postgres redis varnish ocr
	$(MAKE) --no-print-directory test-sqlite test-postgres test-browser

test-sqlite: translations
	FOI_TEST_DATABASE_URL= $(PYTEST) -m "not browser" -q -p no:cacheprovider

test-postgres: translations
	FOI_TEST_DATABASE_URL=$(PG_URL) $(PYTEST) -m "db and not browser" -q -p no:cacheprovider

test-browser: translations chromium
	FOI_TEST_DATABASE_URL= $(PYTEST) -m browser -q -p no:cacheprovider

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null); }

## The tests start their own redis-server on a free port; install Debian's when it is missing.
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
		echo "Installing Debian's redis-server for the tests"; \
		(apt-get update -qq && apt-get install -y -qq redis-server >/dev/null); }

## tests/web/test_varnish.py runs deploy/varnish/default.vcl in Debian's varnishd.
varnish:
	@command -v varnishd >/dev/null 2>&1 || test -x /usr/sbin/varnishd || { \
		echo "Installing Debian's varnish for the proxy tests"; \
		(apt-get update -qq && apt-get install -y -qq varnish >/dev/null); }

## OCR of scans (foi/documents/ocr.py) runs Debian's ocrmypdf and Tesseract (Azerbaijani, Russian,
## English): the tests read real scans, so install them when missing. `make run` works without
## them: the worker says OCR is off, and scanned uploads are kept unread.
ocr:
	@{ command -v ocrmypdf >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx aze \
		&& tesseract --list-langs 2>/dev/null | grep -qx rus; } || { \
		echo "Installing Debian's ocrmypdf and Tesseract (aze, rus) for the OCR tests"; \
		(apt-get update -qq && apt-get install -y -qq ocrmypdf tesseract-ocr tesseract-ocr-aze \
			tesseract-ocr-rus >/dev/null); }

## PostgreSQL must answer on 127.0.0.1:5432; start the local cluster when it does not.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || { \
		echo "Starting PostgreSQL"; \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | sort -n | tail -1) main start; \
		for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }

## benchmarks/http.py measures the public pages over HTTP with Debian's wrk.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the HTTP benchmark"; \
		(apt-get update -qq && apt-get install -y -qq wrk >/dev/null); }

bench: install-dev postgres wrk ocr
	$(BIN)/python -m benchmarks

## make lint: ruff's rules and its formatting, and mypy on the packages of [tool.mypy] in
## pyproject.toml (foi/law strictly, foi/services, foi/search); .ci/run checks them, and so does pre-commit.
lint: install-dev
	$(BIN)/ruff check foi tests benchmarks migrations config.py wsgi.py
	$(BIN)/ruff format --check --quiet .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) instance .pytest_cache
