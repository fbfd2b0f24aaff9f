# Every target does its own setup: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# 29 June 2017, the adoption date: a fixed date makes builds reproducible.
export SOURCE_DATE_EPOCH ?= 1498694400
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test pages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

pages: $(STAMP)
	$(BIN)/python -m build_scripts build

site: pages
	$(BIN)/mkdocs build --strict --quiet

serve: pages
	$(BIN)/mkdocs serve

test: $(TEST_STAMP) site
	$(BIN)/python -m pytest -q

clean:
	rm -rf site docs/generated $(VENV)
