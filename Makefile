# All set-up is here: `make run` and `make test` create .venv and install first.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHELL := /bin/bash
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run demo check test bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/leadfit-desktop

demo: $(STAMP)
	$(BIN)/leadfit evaluate forms/examples/example-case.yaml

# Layer contracts (import-linter) and types of the core (mypy), both configured in
# pyproject.toml, read one symlinked package tree: the editable install's hook hides it.
check: $(STAMP)
	$(BIN)/python tests/tools/package_tree.py build/tree >/dev/null
	cd build/tree && ../../$(BIN)/lint-imports ../../pyproject.toml && ../../$(BIN)/mypy --config-file ../../pyproject.toml

# The register tests also run against a real PostgreSQL server. As root (as CI
# and these machines run) it is installed and started here; otherwise they skip.
test: $(STAMP) check
	@if [ -z "$${LEADFIT_TEST_PG_URL:-}" ] && [ "$$(id -u)" = 0 ]; then source .ci/postgres.sh; fi; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

bench: $(STAMP)
	$(BIN)/python benchmarks/evaluate.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/register.py
	$(BIN)/python benchmarks/packs.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
