# CTO Assess — the two commands of the README, and a few helpers.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: validate-html run test lint format messages compilemessages clean bench-report bench-org bench bench-two-nodes audit slow-clients

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when a requirements file changed.
$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-test.txt
	touch $(VENV)/.installed $@

compilemessages:
	$(VENV)/bin/pybabel compile --domain=django --directory=locale --statistics

run: $(VENV)/.installed compilemessages
	DEBUG=1 $(PY) manage.py migrate --no-input
	@if [ -f content/management/commands/load_guide.py ]; then DEBUG=1 $(PY) manage.py load_guide; fi
	@echo ""
	@echo "  CTO Assess is starting on http://127.0.0.1:$(PORT)/"
	@echo "  Create an admin account (in another terminal):  DEBUG=1 $(PY) manage.py createsuperuser"
	@echo "  Give it two-step verification (admin asks for it):  DEBUG=1 $(PY) manage.py otp_enrol NAME"
	@echo "  Then log in at http://127.0.0.1:$(PORT)/admin/ with the password and the app's code"
	@echo "  A task worker runs beside the server (it draws the reports' PDFs)."
	@echo ""
	@DEBUG=1 nice -n 10 $(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test compilemessages
	$(PY) -m pytest

# The Nu Html Checker (npm package vnu-jar, a Java program) over every page the app serves,
# in both languages: tests/project/test_html_validity.py, skipped by `make test` without it.
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --prefix .cache/vnu --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)

validate-html: $(VENV)/.installed-test compilemessages $(VNU_JAR)
	VNU_JAR=$(abspath $(VNU_JAR)) $(PY) -m pytest -n 0 -p no:randomly tests/project/test_html_validity.py

$(VENV)/.installed-audit: requirements-audit.txt $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-audit.txt
	touch $@

# Known vulnerabilities in the pinned requirements (pip-audit, with a canary that proves
# the vulnerability service answers; see .ci/audit.py). AUDIT_ARGS=--if-unreachable=warn
# only warns when the service cannot be reached.
audit: $(VENV)/.installed-audit
	$(PY) .ci/audit.py $(AUDIT_ARGS) requirements.txt requirements-test.txt

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the .po files after changing translatable strings (needs GNU gettext).
messages:
	DEBUG=1 $(PY) manage.py makemessages --locale=ja --locale=en --ignore=.venv --ignore=staticfiles --no-obsolete

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Time the report: build, page, PDF and cached PDF (medians), see bench/report_bench.py.
bench-report: $(VENV)/.installed-test compilemessages
	$(PY) bench/report_bench.py

# Time an organisation of 5,000 members and 20,000 shared assessments: heatmap, coverage,
# bench and the API list (medians and query counts), see bench/org_bench.py.
bench-org: $(VENV)/.installed-test compilemessages
	$(PY) bench/org_bench.py $(BENCH_ARGS)

$(VENV)/.installed-bench: requirements.txt requirements-test.txt requirements-bench.txt $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-bench.txt
	touch $(VENV)/.installed $(VENV)/.installed-test $@

# Load benchmark: gunicorn on loopback, 10,000 seeded assessments, wrk and locust, a
# killed worker (see bench/load_bench.py). PostgreSQL when DATABASE_URL is set.
bench: $(VENV)/.installed-bench compilemessages
	@command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
	$(PY) bench/load_bench.py $(BENCH_ARGS)

# Two gunicorn nodes behind nginx with Redis and PostgreSQL, 100 users for 60 s, one node
# killed halfway (see bench/two_nodes.py). Needs DATABASE_URL=postgres://... and Redis.
bench-two-nodes: $(VENV)/.installed-bench compilemessages
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "Installing nginx (Debian package)"; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx >/dev/null; }
	$(PY) bench/two_nodes.py $(BENCH_ARGS)

# Slow clients against gunicorn behind nginx, as bench-two-nodes starts it (about a minute,
# so not in `make test`): tests/project/test_slow_clients.py.
slow-clients: $(VENV)/.installed-bench compilemessages
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "Installing nginx (Debian package)"; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx >/dev/null; }
	SLOW_CLIENTS=1 $(PY) -m pytest -n 0 -m slow_clients tests/project/test_slow_clients.py
