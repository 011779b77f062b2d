# The project's verbs. `make run` and `make test` each work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install pdf-libs browser redis-binary run test suite lint deploy-check security bench loadtest clean

$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(INSTALLED)

# The translation catalogues are compiled (.po to .mo) on every install: .mo files are not committed.
install: $(INSTALLED)
	$(BIN)/python scripts/compile_messages.py

# Debian packages: Pango for WeasyPrint's PDFs, and Chromium for the browser tests.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation
define apt_install
	@dpkg -s $(1) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(1); }
endef

pdf-libs:
	$(call apt_install,$(PDF_PACKAGES))

browser: pdf-libs
	$(call apt_install,chromium)

# The reliability tests start a Redis server of their own (tests/reliability/), never the machine's.
redis-binary:
	$(call apt_install,redis-server)

# Installs, migrates, loads the Warwickshire demo, sends its deadline reminders (printed to the
# console unless EMAIL_URL says otherwise), then serves on http://127.0.0.1:8000 with a
# Celery worker and beat. With DATABASE_URL and REDIS_URL set it uses PostgreSQL and Redis.
run: install pdf-libs
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py check_deadlines
	@echo "Open http://$${HOST:-127.0.0.1}:$${PORT:-8000}/ and sign in with a demo login listed after \"Demo loaded.\" above."
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile -p $${PORT:-8000}

# Installs everything the tests need, checks the code, and runs the whole suite.
test: install browser redis-binary lint deploy-check security suite

# Benchmarks, not tests: figures to read, which vary with the machine. The pages' part needs
# PostgreSQL (BENCH_DATABASE_URL, default the local `bench` database) and wrk to load them.
bench: install
	$(call apt_install,wrk)
	$(BIN)/python scripts/bench/run.py

# Load test, not a test: gunicorn with the production settings and a PostgreSQL cluster of its own
# under 50 locust users, PostgreSQL restarted part way; figures in var/loadtest-report.md.
loadtest: install
	$(BIN)/python scripts/loadtest/run.py

suite: install
	E2E_REQUIRED=1 $(BIN)/pytest -n 2 --dist loadfile

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

deploy-check: install
	DJANGO_SETTINGS_MODULE=partnership.settings_production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  ALLOWED_HOSTS=governance.example.org DATABASE_URL=sqlite:///:memory: \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=partnership.settings_production SECRET_KEY=collectstatic-only \
	  ALLOWED_HOSTS=governance.example.org DATABASE_URL=sqlite:///:memory: \
	  $(BIN)/python manage.py collectstatic --no-input --clear -v0

# bandit on the application's code (settings in pyproject.toml), then pip-audit on its requirements
# (scripts/pip_audit.sh says loudly when the vulnerability service cannot be reached).
security: install
	$(BIN)/bandit -q -c pyproject.toml -r partnership actionplans meetings governance
	sh scripts/pip_audit.sh

clean:
	rm -rf $(VENV) var staticfiles
