# Localization pipeline for the "Resources" chapter of Machine Learning Engineering.
#   (LANGUAGE=xx limits a target to one language, e.g. make html LANGUAGE=zh_CN)
#
# For translators (the daily loop; see CONTRIBUTING.md):
#   make update      extract the English master and merge it into every locale/<lang>/.../README.po
#   make todo        what is left to translate per language: fuzzy, untranslated, words, percent done
#   make fuzzy       list fuzzy entries: word diff of the previous vs the current English, translation
#   make reviewed ENTRY=FILE:LINE   after fixing a fuzzy msgstr: clear its fuzzy flag and previous English
#   make wrap        normalize PO formatting (what every writer does; run it after saving in Poedit)
#   make check       check every catalog; errors block `make html` for that language
#   make verifs      everything to run before opening a pull request, with one summary
#   make html        build build/html/en/, build/html/<lang>/ for every published language, build/html/index.html
#   make init LANGUAGE=xx   add a language: create its catalog (and glossary) with correct headers
#
# For maintainers and CI:
#   make stale       CI gate: fails if a catalog is out of date, fuzzy or untranslated (STALE_ARGS="--format github")
#   make check-build compare each built language with the English (after `make html`)
#   make compare-md TRANSLATED=x.md ENGLISH=y.md   compare a translated Markdown file's structure
#   make markdown    write build/markdown/<lang>/README.md: the translated Markdown, ready to publish
#   make status      write build/html/status.html: progress, stale entries with word diffs, check findings
#   make gettext     write build/gettext/README.pot from source/README.md
#   make import      import the hand-made seed translation into build/import/zh_CN/README.po
#   make test        run the test suite (creates the virtual environment first)
#   make lint        ruff + mypy
#   make bench       time update against msgmerge --previous and sphinx-intl (BENCH_CORPUS=../shared/corpus/ml-engineering)
#   make bench-check time `make check` on 20k-message catalogs against msgfmt -c (BENCH_MARKDOWN=dirs)
#   make clean       remove build/ and compiled .mo files
#
# Every target creates .venv/ with the pinned dependencies on first use: only Python 3.11+ is needed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
L10N := $(BIN)/l10n
LANGUAGE ?=
LANG_ARGS := $(if $(LANGUAGE),--language $(LANGUAGE),)

.DEFAULT_GOAL := help
.PHONY: help venv gettext update html init import check test lint clean
.PHONY: todo fuzzy reviewed wrap verifs check-build compare-md bench-check markdown status stale bench

help:  ## list the targets
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

$(BIN)/.installed: pyproject.toml requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Makefile: error: $(PYTHON) not found (install Python 3.11+, or run make PYTHON=/path/to/python3)"; exit 2; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "Makefile: error: $(PYTHON) is older than 3.11 (run make PYTHON=python3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

venv: $(BIN)/.installed  ## create the virtual environment

gettext: venv
	$(L10N) gettext

update: venv
	$(L10N) update $(LANG_ARGS)

html: venv
	$(L10N) site $(LANG_ARGS)

init: venv
	@test -n "$(LANGUAGE)" || { echo "Makefile: error: no language given (run make init LANGUAGE=xx)"; exit 2; }
	$(L10N) init $(LANGUAGE)

SEED ?= tests/fixtures/seeds/README.zh_CN.md
SEED_ENGLISH ?= tests/fixtures/upstream/15-2024-10-26-48cbcef.md
import: venv
	$(L10N) import $(SEED) --english $(SEED_ENGLISH) --language zh_CN --revision "15 48cbcef" --output build/import/zh_CN/README.po --force

check: venv
	$(L10N) check $(LANG_ARGS)

# Translator's day (scripts/l10n/commands/translator.py)
todo: venv
	@$(L10N) todo $(LANG_ARGS)

fuzzy: venv
	@$(L10N) fuzzy $(LANG_ARGS)

reviewed: venv
	@test -n "$(ENTRY)" || { echo "Makefile: error: no entry given (run make reviewed ENTRY=FILE:LINE, as make fuzzy prints it)"; exit 2; }
	@$(L10N) reviewed $(LANG_ARGS) $(ENTRY)

wrap: venv
	@$(L10N) wrap $(LANG_ARGS)

verifs: venv
	@$(L10N) verifs $(LANG_ARGS)

# --- checks of the built site and of translated Markdown; the check benchmark ---
check-build: venv
	$(L10N) check-build $(LANG_ARGS)

TRANSLATED ?= $(SEED)
ENGLISH ?= $(SEED_ENGLISH)
compare-md: venv
	$(L10N) compare-md $(TRANSLATED) --english $(ENGLISH)

# default (empty): the book (../shared/corpus/ml-engineering, when there) and this chapter's revisions
BENCH_MARKDOWN ?=
bench-check: venv
	$(BIN)/python benchmarks/bench_check.py $(BENCH_MARKDOWN)

test: venv
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check scripts tests benchmarks conf.py
	$(BIN)/mypy

# The multilingual site: translated Markdown and the status page (scripts/l10n/commands/site.py).
markdown: venv
	$(L10N) markdown $(LANG_ARGS)

status: venv
	$(L10N) status

clean:
	rm -rf build
	find locale -name '*.mo' -delete

# Fuzzy tracking, stale catalogs and CI (issue 3).
STALE_ARGS ?=
BENCH_CORPUS ?= ../shared/corpus/ml-engineering
BENCH_ARGS ?=
stale: venv
	$(L10N) stale $(LANG_ARGS) $(STALE_ARGS)

bench: venv
	@command -v msgmerge >/dev/null 2>&1 || { echo "Makefile: error: msgmerge not found (apt-get install gettext)"; exit 2; }
	$(BIN)/python benchmarks/bench_update.py --corpus $(BENCH_CORPUS) $(BENCH_ARGS)
