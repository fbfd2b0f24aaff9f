# Every target does its own setup: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# 29 June 2017, the adoption date: a fixed date makes builds reproducible.
export SOURCE_DATE_EPOCH ?= 1498694400
export NO_MKDOCS_2_WARNING := 1
# mkdocs-redirects prints a notice about a future MkDocs 2 on every build; it is not a build problem.
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site serve test pages bench bench-web page-bytes clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# `make site CORPUS=DIR` also builds every English resolution in DIR (e.g. a copy of UNxml/SCresolutions)
# that parses: `check` links them, one file per resolution that source_texts/ does not give, into build/corpus.
CORPUS ?=
CORPUS_LINKS := build/corpus

pages: $(STAMP)
ifeq ($(CORPUS),)
	$(BIN)/python -m build_scripts build
else
	$(BIN)/python -m build_scripts check $(CORPUS) --no-round-trip --besides source_texts --parsed-into $(CORPUS_LINKS)
	$(BIN)/python -m build_scripts build --source source_texts --source $(CORPUS_LINKS)
endif

# `make site SHARDS=4 -j4` builds the site as 4 MkDocs builds side by side, then merges them.
SHARDS ?= 1
SHARD_DIR := build/shards
SHARD_TARGETS := $(addprefix shard-,$(shell seq 0 $$(( $(SHARDS) - 1 ))))

# Never `--strict --quiet`: with -q, mkdocs 1.6 exits 0 on warnings that --strict should turn into
# a failure (mkdocs/mkdocs#4126), so a broken link would pass. tests/test_hostile.py proves it fails.
site: pages
ifeq ($(SHARDS),1)
	$(BIN)/mkdocs build --strict
else
	$(BIN)/python -m build_scripts shard-split $(SHARDS) --into $(SHARD_DIR)
	$(MAKE) $(SHARD_TARGETS)
	$(BIN)/python -m build_scripts shard-merge $(SHARD_DIR)/*/site --into site
endif
	$(BIN)/python -m pagefind --site site --silent

shard-%: $(STAMP)
	$(BIN)/mkdocs build --strict -f $(SHARD_DIR)/$*/mkdocs.yml -d $(CURDIR)/$(SHARD_DIR)/$*/site

# Search needs the Pagefind index, so serve the built site rather than `mkdocs serve`.
serve: site
	$(BIN)/python -m http.server --directory site --bind 127.0.0.1 8000

test: $(TEST_STAMP) site
	$(BIN)/python -m pytest -q

# Lighthouse (npm, pinned in the script) with Debian's Chromium on home, paragraph 20 and the full text.
bench-web: site
	$(BIN)/python scripts/bench_web.py site

# Corpora of 1, 10 and 100 resolutions (the seed plus synthetic copies), or with CORPUS=DIR of 1, 100,
# 500 and all real resolutions in DIR, the largest built as `make site SHARDS=$(BENCH_SHARDS) -j2` builds
# it, with Lighthouse on it: time, memory, bytes per kind of page, first-search-query sizes, and the
# site's size, time and memory targets as ok/MISSED; then the time to align every renewal with the one before it. `make bench SIZES=1,10` is quicker. Not a test.
SIZES ?=
BENCH_SHARDS ?= 2
BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(TEST_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check 'pagefind[bin]==1.5.2'  # the wheel carries the binary
	touch $@

bench: $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py $(if $(SIZES),--sizes $(SIZES)) $(if $(CORPUS),--corpus $(CORPUS) --shards $(BENCH_SHARDS) --web)
	$(BIN)/python scripts/bench_alignment.py source_texts 2>/dev/null  # mandate history: every consecutive pair of each series

# Where each kind of page's bytes go (text, navigation, icons, scripts, meta tags, JSON-LD), in the built site.
page-bytes: site
	$(BIN)/python scripts/page_bytes.py site

clean:
	rm -rf site build .cache $(VENV)
