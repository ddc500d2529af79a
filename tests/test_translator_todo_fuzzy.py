"""`l10n todo`, `l10n fuzzy` and `l10n reviewed` on a catalog the English moved away from."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from conftest import revision_path
from l10n.catalog.io import read_po
from l10n.catalog.lines import po_lines
from l10n.catalog.stats import catalog_stats
from l10n.config import load_config
from l10n.reports.review import fuzzy_items
from l10n.reports.todo import todo
from mini_project import complete_catalog
from translator_project import REPO, copy_project, run_cli

OLD = "The listing is in no particular order other than being grouped by the year."
NEW = "The listing is in no particular order other than being grouped by the year and month."
ADDED = "Entries marked with a star have a video."
PO = "locale/zh_CN/LC_MESSAGES/README.po"


def finish_catalogs(root: Path) -> None:
    """Every catalog of the copy complete (`mini_project.complete_catalog`)."""
    for path in sorted((root / "locale").glob("*/LC_MESSAGES/*.po")):
        complete_catalog(path)


def fresh_project(base: Path) -> Path:
    """The project, its catalogs finished, with one English sentence edited and a second paragraph
    added, updated: zh_CN then has one fuzzy entry (with the previous English) and one untranslated
    entry, and nothing else left to do."""
    root = copy_project(base / "project")
    finish_catalogs(root)
    source = root / "source" / "README.md"
    text = source.read_text(encoding="utf-8")
    assert OLD in text
    text = text.replace(OLD, NEW + "\n\n" + ADDED)
    source.write_text(text, encoding="utf-8")
    status, out, err = run_cli(root, "update", "-l", "zh_CN")
    assert status == 0, err
    assert "1 fuzzied" in out and "1 new" in out
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fresh_project(tmp_path_factory.mktemp("todo"))


def test_todo_counts_entries_and_words_and_puts_the_next_pick_first(project: Path) -> None:
    status, _, err = run_cli(project, "init", "fr", "--no-gettext")
    assert status == 0, err
    try:
        items = [item for item in todo(load_config(project)) if item.document == "README"]  # site.po: its own rows
        # zh_CN is nearly done: finish it first; the complete ja and zh_TW come last
        assert [i.language for i in items] == ["zh_CN", "fr", "ja", "zh_TW"]
        zh = items[0].stats
        assert (zh.fuzzy, zh.untranslated) == (1, 1)
        assert zh.translated == zh.total - 2
        expected_left = len(NEW.split()) + len(ADDED.split())
        assert zh.words_left == expected_left
        assert zh.percent_words == pytest.approx(100 * (zh.words_total - expected_left) / zh.words_total)
        fr = items[1].stats
        # the year headings, with nothing to translate, are done from the start (init fills them)
        assert fr.translated == 4 and fr.words_left == fr.words_total - 4 and fr.words_total == zh.words_total

        status, out, _ = run_cli(project, "todo")
        lines = out.splitlines()
        assert lines[0].split()[:2] == ["language", "document"]
        assert lines[1].split()[:6] == ["zh_CN", "README", f"{zh.translated}/{zh.total}", "1", "1",
                                        f"{expected_left}/{zh.words_total}"]
        assert lines[1].split()[6] == f"{zh.percent_words:.1f}%"
        assert lines[2].split()[0] == "fr" and lines[2].split()[-2:] == [f"{fr.percent_words:.1f}%",
                                                                          f"{fr.percent:.1f}%"]
        assert lines[-1] == "next: make fuzzy LANGUAGE=zh_CN"
    finally:
        shutil.rmtree(project / "locale" / "fr")


def test_fuzzy_lists_the_word_diff_of_the_english_and_the_translation(project: Path) -> None:
    catalog = read_po(project / PO)
    items = fuzzy_items(catalog, PO, po_lines(project / PO))
    assert len(items) == 1
    item = items[0]
    assert (item.msgid, item.previous_msgid) == (NEW, OLD)
    assert [(op.op, op.text) for op in item.diff if op.op != "equal"] == [("insert", " and month")]
    assert item.msgstr == "这些记录按年份分组，没有特定顺序。"
    assert (project / PO).read_text(encoding="utf-8").splitlines()[item.line - 1].startswith('msgstr "这些记录')

    status, out, _ = run_cli(project, "fuzzy", "--color", "never")
    assert status == 0
    assert f"{PO}:{item.line}: fuzzy" in out
    assert "English changed: The listing is in no particular order other than being grouped by the year" \
           "{+ and month+}." in out
    assert "translation:     这些记录按年份分组，没有特定顺序。" in out
    assert f"make reviewed ENTRY={PO}:{item.line}" in out


def test_reviewed_clears_fuzzy_and_previous_msgid_of_the_named_entry_only(tmp_path: Path) -> None:
    root = fresh_project(tmp_path)
    path = root / PO
    before = read_po(path)
    item = fuzzy_items(before, PO, po_lines(path))[0]  # at its msgstr line, as `make fuzzy` prints it

    status, out, err = run_cli(root, "reviewed", f"{PO}:{item.line}")
    assert status == 0, err
    assert f"{PO}:{item.line}: reviewed" in out

    after = read_po(path)
    entry = next(e for e in after if e.msgid == NEW)
    assert "fuzzy" not in entry.flags and entry.previous_msgid is None
    assert entry.msgstr == "这些记录按年份分组，没有特定顺序。"
    assert "#| msgid" not in path.read_text(encoding="utf-8")
    unchanged = [(e.msgid, e.msgstr, e.flags, e.obsolete) for e in before if e.msgid != NEW]
    assert unchanged == [(e.msgid, e.msgstr, e.flags, e.obsolete) for e in after if e.msgid != NEW]
    assert catalog_stats(after).fuzzy == 0
    assert run_cli(root, "wrap", "--check")[0] == 0  # written in the normal form


def test_reviewed_by_msgid_text_and_by_any_line_of_the_entry(tmp_path: Path) -> None:
    root = fresh_project(tmp_path)
    status, out, _ = run_cli(root, "fuzzy", "--done", "grouped by the year and month", "-l", "zh_CN")
    assert status == 0 and "reviewed" in out
    assert fuzzy_items(read_po(root / PO), PO) == []

    root2 = fresh_project(tmp_path / "second")
    item = fuzzy_items(read_po(root2 / PO), PO)[0]
    lines = (root2 / PO).read_text(encoding="utf-8").splitlines()
    msgid_line = lines.index(f'msgid "{NEW}"') + 1  # a line inside the entry, not its first
    assert msgid_line > item.line and lines[msgid_line - 2].startswith("#| msgid")
    flag_line = msgid_line
    assert run_cli(root2, "reviewed", str(flag_line), "-l", "zh_CN")[0] == 0
    assert fuzzy_items(read_po(root2 / PO), PO) == []


def test_reviewed_reports_what_it_cannot_do(project: Path) -> None:
    before = (project / PO).read_bytes()
    status, _, err = run_cli(project, "reviewed", "no such English text", "-l", "zh_CN")
    assert status == 1
    assert "no entry matches 'no such English text' (run `make fuzzy`" in err
    status, out, _ = run_cli(project, "reviewed", "Resources", "-l", "zh_CN")
    assert status == 0 and "is not fuzzy; nothing to clear" in out
    assert (project / PO).read_bytes() == before


def test_a_finished_catalog_has_nothing_fuzzy_and_todo_says_so(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    finish_catalogs(root)
    status, out, _ = run_cli(root, "fuzzy", "-l", "zh_CN")
    assert status == 0 and out.strip() == "no fuzzy entries"
    status, out, _ = run_cli(root, "todo", "-l", "zh_CN")
    assert status == 0 and out.splitlines()[-1] == "everything is translated"


def test_fuzzy_and_todo_report_the_shipped_catalog_as_it_is() -> None:
    """Whatever state the shipped zh_CN catalogs are in (complete, or behind a sync: `make stale`
    is the gate on that), `fuzzy` lists exactly their fuzzy entries and `todo` says what is left."""
    config = load_config(REPO)
    fuzzy, untranslated = [], []
    for document in config.catalogs_of("zh_CN"):
        path = config.po_path("zh_CN", document)
        for entry in read_po(path):
            if not entry.msgid or entry.obsolete:
                continue
            if not entry.msgstr:
                untranslated.append(entry.msgid)
            elif "fuzzy" in entry.flags:
                fuzzy.append((path, entry.msgid))

    status, out, _ = run_cli(REPO, "fuzzy", "-l", "zh_CN", "--color", "never")
    assert status == 0
    if not fuzzy:
        assert out.strip() == "no fuzzy entries"
    else:
        listed = [line for line in out.splitlines() if line.endswith(": fuzzy")]
        assert len(listed) == len(fuzzy)
        for (path, msgid), line in zip(fuzzy, listed, strict=True):
            where = line.removesuffix(": fuzzy")
            name, number = where.rsplit(":", 1)
            assert name == str(config.relative(path))
            # LINE is the entry's msgstr line, and the msgid above it is the fuzzy entry's
            text = path.read_text(encoding="utf-8").splitlines()[:int(number)]
            assert text[-1].startswith("msgstr ")
            assert next(t for t in reversed(text) if t.startswith("msgid ")) == f'msgid "{polib.escape(msgid)}"'
            assert f"  once reviewed:   make reviewed ENTRY={where}" in out
        assert out.splitlines()[-1].startswith(f"{len(fuzzy)} fuzzy entr")

    status, out, _ = run_cli(REPO, "todo", "-l", "zh_CN")
    assert status == 0
    if fuzzy:
        assert out.splitlines()[-1] == "next: make fuzzy LANGUAGE=zh_CN"
    elif untranslated:
        assert out.splitlines()[-1].startswith("next: translate the empty msgstr entries of locale/zh_CN/")
    else:
        assert out.splitlines()[-1] == "everything is translated"


def test_fuzzy_shows_why_the_seed_import_left_an_entry_fuzzy(tmp_path: Path) -> None:
    """The real history: the seed translation (revision 15) imported, then updated to revision 23,
    the master when this was written down (the copy's master is set to it: a later sync changes
    nothing here)."""
    root = copy_project(tmp_path / "project")
    shutil.copy(revision_path(23), root / "source" / "README.md")
    seed = REPO / "tests/fixtures/seeds/README.zh_CN.md"
    english = REPO / "tests/fixtures/upstream/15-2024-10-26-48cbcef.md"
    status, _, err = run_cli(root, "import", str(seed), "--english", str(english), "--language", "zh_CN",
                             "--revision", "15 48cbcef", "--force")
    assert status == 0, err
    assert run_cli(root, "update", "-l", "zh_CN")[0] == 0
    items = fuzzy_items(read_po(root / PO), PO, po_lines(root / PO))
    assert len(items) == 1 and items[0].previous_msgid == "" and items[0].msgid.startswith("[@StellaAthena]")
    status, out, _ = run_cli(root, "fuzzy", "-l", "zh_CN")
    assert f"{PO}:{items[0].line}: fuzzy\n  English:         [@StellaAthena]" in out
    assert "  note:            import: link https://github.com/StellaAthena of the English is missing" in out
    todo_items = todo(load_config(root), ["zh_CN"])
    assert (todo_items[0].stats.fuzzy, todo_items[0].stats.untranslated) == (1, 6)


def test_an_entry_named_without_its_language_is_refused_when_there_are_several(project: Path) -> None:
    status, _, err = run_cli(project, "init", "fr", "--no-gettext")
    assert status == 0, err
    try:
        before = (project / PO).read_bytes()
        for selector in ("README.po:67", "67", "grouped by the year"):
            status, out, err = run_cli(project, "reviewed", selector)
            assert status == 2 and out == ""
            assert err.startswith("--language: error: an entry named by line or msgid text is ambiguous")
        assert (project / PO).read_bytes() == before
    finally:
        shutil.rmtree(project / "locale" / "fr")
