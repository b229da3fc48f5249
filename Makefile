# All set-up is here: `make run` and `make test` create .venv and install first.
# The Python: PY=/path/to/python, or PYTHON_VERSION=3.12, or the first of 3.11 and 3.12
# found (packaging/find-python.sh says what to install when there is none).
PY ?=
PYTHON_VERSION ?=
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHELL := /bin/bash
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run demo check test fuzz bench bundle bundle-test clean

$(STAMP): pyproject.toml setup.py
	@python=$$(PY='$(PY)' PYTHON_VERSION='$(PYTHON_VERSION)' packaging/find-python.sh) || exit 1; \
	if [ -x $(BIN)/python ] && ! $(BIN)/python leadfit/python_support.py 2>/dev/null; then rm -rf $(VENV); fi; \
	echo "$$python -m venv $(VENV)"; "$$python" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python tests/tools/package_links.py >/dev/null
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/leadfit-desktop

demo: $(STAMP)
	$(BIN)/leadfit evaluate forms/examples/example-case.yaml

# Layer contracts (import-linter) and types of the core (mypy), both configured in
# pyproject.toml, on leadfit/ with the top-level folders linked in (docs/layers.md).
# No import-linter cache: one kept from before the links hides imports.
check: $(STAMP)
	$(BIN)/python tests/tools/package_links.py >/dev/null
	$(BIN)/lint-imports --no-cache && $(BIN)/mypy

# The register tests also run against a real PostgreSQL server. As root (as CI
# and these machines run) it is installed and started here; otherwise they skip.
test: $(STAMP) check
	@if [ -z "$${LEADFIT_TEST_PG_URL:-}" ] && [ "$$(id -u)" = 0 ]; then source .ci/postgres.sh; fi; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

# The property tests of tests/test_fuzz.py run long: LEADFIT_FUZZ_EXAMPLES each (default
# 2000), with hypothesis statistics (the counts) printed per test.
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen LEADFIT_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/test_fuzz.py --hypothesis-show-statistics

BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

# Each figure against its baseline in the same run, in the order of issue 15's table:
# one evaluation, fresh processes and the window (startup.py), the rationale PDF (pdf_text.py
# --rationale; the field-by-field table is pdf_text.py alone), pack diff, the register, then
# answers not known.
# evaluate.py takes --before PYTHON (a venv of an earlier commit), packs.py --before TREE or PYTHON,
# pdf_text.py --start TREE, startup.py and register.py --before TREE: before and after.
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/evaluate.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/pdf_text.py --rationale
	$(BIN)/python benchmarks/packs.py
	$(BIN)/python benchmarks/register.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/unknowns.py

# The desktop bundle (no Python needed to run it): dist/leadfit-VERSION-PLATFORM{/,.tar.gz}.
bundle:
	@python=$$(PY='$(PY)' PYTHON_VERSION='$(PYTHON_VERSION)' packaging/find-python.sh) || exit 1; \
	nice -n 10 "$$python" packaging/build_bundle.py

# The built bundle, unpacked from its archive and run from a clean environment.
bundle-test: $(STAMP)
	@if [ -z "$${LEADFIT_TEST_PG_URL:-}" ] && [ "$$(id -u)" = 0 ]; then source .ci/postgres.sh; fi; \
	$(BIN)/python -m pytest -q -m bundle tests/test_bundle.py

clean:
	rm -rf $(VENV) .venv-* build dist *.egg-info .pytest_cache
