"""`reviewed` is an operation (`catalog/review.py`): it clears the named fuzzy entries, writes only
the catalogs it changed, and returns what it did in which file; the command prints it. And one
entry state (`catalog/stats.py: entry_state`) decides what is fuzzy for `make fuzzy`, `make todo`
and `make stale` alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.catalog.io import read_po
from l10n.catalog.review import review
from l10n.catalog.stats import catalog_stats
from l10n.catalog.update import TemplateEntry
from l10n.config import Config
from l10n.errors import L10nError
from l10n.reports.review import list_fuzzy
from l10n.reports.stale import assess_catalog
from mini_project import ALICE, BOB, CAROL, HEADING, INTRO, LABEL, translated, write_catalog, write_project
from translator_project import run_cli

ZH = "locale/zh_CN/LC_MESSAGES/README.po"
JA = "locale/ja/LC_MESSAGES/README.po"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """zh_CN and ja, each with ALICE and BOB fuzzy (translated before an English edit)."""
    config = write_project(tmp_path / "project", code=())
    for language in ("zh_CN", "ja"):
        write_catalog(config, language, {m: translated(m) for m in (HEADING, ALICE, BOB, CAROL)},
                      fuzzy=(ALICE, BOB))
    return config


def line_of(config: Config, relative: str, msgid: str) -> int:
    [item] = [i for i in list_fuzzy(config, [relative.split("/")[1]]) if i.msgid == msgid]
    return item.line


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_review_clears_the_named_entry_writes_its_catalog_and_says_what_it_did(
        config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    line = line_of(config, ZH, ALICE)
    ja = snapshot(config.root / JA)
    run = review(config, ["zh_CN", "ja"], [f"{ZH}:{line}"])
    assert capsys.readouterr() == ("", "")  # an operation: nothing printed
    assert run.problems == 0 and run.unmatched == []
    assert [(r.path, [msgid for _, msgid in r.cleared]) for r in run.results] == [(ZH, [ALICE]), (JA, [])]
    entries = {e.msgid: e for e in read_po(config.root / ZH)}
    assert "fuzzy" not in entries[ALICE].flags and entries[ALICE].previous_msgid is None
    assert "fuzzy" in entries[BOB].flags and entries[BOB].previous_msgid
    assert snapshot(config.root / JA) == ja  # cleared nothing there: not even rewritten


def test_review_that_clears_nothing_writes_nothing(config: Config) -> None:
    before = snapshot(config.root / ZH)
    run = review(config, ["zh_CN"], [HEADING, "no such English"])
    assert [r.not_fuzzy for r in run.results] == [[(HEADING, run.results[0].not_fuzzy[0][1])]]
    assert run.unmatched == ["no such English"] and run.problems == 1
    assert snapshot(config.root / ZH) == before


def test_review_an_ambiguous_fragment_is_a_problem_and_clears_nothing(config: Config) -> None:
    before = snapshot(config.root / ZH)
    run = review(config, ["zh_CN"], ["wrote ["])  # in ALICE and BOB, both fuzzy
    [result] = run.results
    assert [selector for selector, _ in result.ambiguous] == ["wrote ["] and run.problems == 1
    assert run.unmatched == [] and result.cleared == []
    assert snapshot(config.root / ZH) == before


def test_review_refuses_an_entry_named_without_its_catalog_when_there_are_several_languages(
        config: Config) -> None:
    before = snapshot(config.root / ZH), snapshot(config.root / JA)
    for selector in (ALICE, str(line_of(config, ZH, ALICE)), f"README.po:{line_of(config, ZH, ALICE)}"):
        with pytest.raises(L10nError, match="ambiguous with several languages"):
            review(config, ["zh_CN", "ja"], [selector])
    assert (snapshot(config.root / ZH), snapshot(config.root / JA)) == before


def test_the_command_prints_what_the_operation_returns(config: Config) -> None:
    line = line_of(config, ZH, BOB)
    status, out, err = run_cli(config.root, "reviewed", "-l", "zh_CN", f"{ZH}:{line}", HEADING, "no such English")
    assert status == 1
    [cleared] = [line for line in out.splitlines() if ": reviewed: " in line]
    assert cleared.startswith(f"{ZH}:") and "fuzzy flag and previous English removed (Bob wrote" in cleared
    assert f"{HEADING!r} is not fuzzy; nothing to clear" in out
    assert err.strip() == "error: no entry matches 'no such English' (run `make fuzzy` to list the fuzzy " \
                          "entries as FILE:LINE)"


def test_fuzzy_todo_and_stale_agree_on_which_entries_are_fuzzy(tmp_path: Path) -> None:
    """A `#, fuzzy` flag on an empty msgstr leaves the entry untranslated (there is nothing to
    review), for every report: the one entry state decides."""
    config = write_project(tmp_path / "project", code=())
    write_catalog(config, "zh_CN", {HEADING: translated(HEADING), ALICE: translated(ALICE), BOB: "", INTRO: ""},
                  fuzzy=(ALICE, BOB))
    catalog = read_po(config.po_path("zh_CN"))
    stats = catalog_stats(catalog)
    listed = list_fuzzy(config, ["zh_CN"])
    gate = assess_catalog([TemplateEntry(e.msgid) for e in catalog if e.msgid], catalog, "zh_CN", ZH, LABEL)
    codes = [f.code for f in gate.findings]
    assert [item.msgid for item in listed] == [ALICE]
    assert (stats.fuzzy, stats.untranslated) == (1, 2)
    assert (codes.count("fuzzy"), codes.count("untranslated")) == (1, 2)
    # and the fragment of the empty one names no fuzzy entry to review
    assert review(config, ["zh_CN"], ["Bob wrote"]).unmatched == ["Bob wrote"]
