"""Rules of the writers that a change could break without any other test noticing: the order
`render_po` writes, and `l10n reviewed FILE:LINE` writing only the file it names."""

from __future__ import annotations

import polib
import pytest

from l10n.catalog.io import mark_fuzzy, parse_po_text, read_po, render_po, write_po
from l10n.catalog.lines import po_lines
from l10n.cli import main
from l10n.config import Config
from l10n.reports.review import entry_at_line, fuzzy_items
from mini_project import complete_catalog


def entry(msgid: str, obsolete: bool = False) -> polib.POEntry:
    flags = ["fuzzy"] if msgid.endswith("fuzzy") else []
    return polib.POEntry(msgid=msgid, msgstr=f"译 {msgid}", obsolete=obsolete, flags=flags, tcomment=f"note {msgid}",
                         occurrences=[] if obsolete else [("source/README.md", "1")])


def catalog(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
    po.extend(entries)
    return po


def _object_order(self: polib.POFile) -> str:
    """A polib writer that keeps the object's order (polib 1.2.0's moves obsolete entries last)."""
    return "\n".join(e.__unicode__(self.wrapwidth) for e in [self.metadata_as_entry(), *self])


@pytest.mark.parametrize("polib_writer", ["polib", "object order"])
def test_render_po_writes_obsolete_entries_last_in_their_order_whatever_the_object_order(
        polib_writer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """render_po orders the entries itself: it does not count on polib's writer for it."""
    if polib_writer == "object order":
        monkeypatch.setattr(polib._BaseFile, "__unicode__", _object_order)
    for order in (["gone 1", "live 1", "gone 2 fuzzy", "live 2", "live 3", "gone 3"],  # interleaved
                  ["gone 1", "gone 2 fuzzy", "gone 3", "live 1", "live 2", "live 3"]):  # obsolete first
        entries = [entry(msgid, obsolete=msgid.startswith("gone")) for msgid in order]
        po = catalog(*entries)
        text = render_po(po)
        lines = text.splitlines()
        msgids = [line for line in lines if line.startswith(("msgid ", "#~ msgid "))]
        assert msgids == ['msgid ""', 'msgid "live 1"', 'msgid "live 2"', 'msgid "live 3"',
                          '#~ msgid "gone 1"', '#~ msgid "gone 2 fuzzy"', '#~ msgid "gone 3"'], order
        # every line of an obsolete entry (its comments and flags too) comes after the last live entry
        last_live = max(i for i, line in enumerate(lines) if line.startswith("msgstr "))
        assert lines.index("# note gone 1") > last_live and lines.index("#, fuzzy") > last_live
        assert [(e.msgid, bool(e.obsolete)) for e in parse_po_text(text, "x.po")] == \
            [(m, m.startswith("gone")) for m in sorted(order, key=lambda m: m.startswith("gone"))]
        assert list(po) == entries and all(a is b for a, b in zip(po, entries, strict=True)), "po is unchanged"


def fuzzy_line(config: Config, path_name: str) -> tuple[int, polib.POEntry]:
    """The line `make fuzzy` prints for the catalog's one fuzzy entry, and that entry."""
    path = config.root / path_name
    [item] = fuzzy_items(read_po(path), path_name, po_lines(path))
    [fuzzy] = [e for e in read_po(path) if e.msgid == item.msgid and not e.obsolete]
    return item.line, fuzzy


def at_line(config: Config, path_name: str, line: int) -> tuple[polib.POFile, polib.POEntry | None]:
    """The catalog, and its entry that `reviewed PATH:LINE` would pick."""
    path = config.root / path_name
    po = read_po(path)
    return po, entry_at_line(po, path.read_text(encoding="utf-8"), line)


def test_reviewed_file_line_writes_only_the_named_catalog(project: Config) -> None:
    """zh_CN and ja each hold a fuzzy entry whose lines include LINE: `reviewed zh_CN's FILE:LINE`
    clears zh_CN's only; ja's file keeps its bytes and its mtime (it is not even rewritten)."""
    zh, ja = "locale/zh_CN/LC_MESSAGES/README.po", "locale/ja/LC_MESSAGES/README.po"
    for name in (zh, ja):  # from a known state: neither has a fuzzy entry of its own
        complete_catalog(project.root / name)
    po = read_po(project.root / zh)
    active = [e for e in po if e.msgid and not e.obsolete]
    middle = active[len(active) // 2]
    mark_fuzzy(middle, "The English before the last edit.")
    write_po(project.root / zh, po)
    line, _ = fuzzy_line(project, zh)

    other, target = at_line(project, ja, line)
    if target is None:  # LINE is a blank line of ja: one more header line moves an entry onto it
        other.header += "\nOne more header line."
        write_po(project.root / ja, other)
        other, target = at_line(project, ja, line)
    assert target is not None
    mark_fuzzy(target, "The English before the last edit.")
    write_po(project.root / ja, other)
    ja_line, ja_fuzzy = fuzzy_line(project, ja)
    assert at_line(project, ja, line)[1] == ja_fuzzy, "LINE names a fuzzy entry of ja too"

    untouched = {name: ((project.root / name).read_bytes(), (project.root / name).stat().st_mtime_ns)
                 for name in (ja, "locale/zh_TW/LC_MESSAGES/README.po")}
    assert main(["--root", str(project.root), "reviewed", f"{zh}:{line}"]) == 0

    [cleared] = [e for e in read_po(project.root / zh) if e.msgid == middle.msgid]
    assert "fuzzy" not in cleared.flags and cleared.previous_msgid is None
    assert fuzzy_items(read_po(project.root / zh), zh) == []
    for name, (data, mtime) in untouched.items():
        assert ((project.root / name).read_bytes(), (project.root / name).stat().st_mtime_ns) == (data, mtime), name
    assert fuzzy_line(project, ja) == (ja_line, ja_fuzzy)
