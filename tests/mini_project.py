"""A small project of the tests' own: a dozen lines of English, settings written here, catalogs
and templates built from the lines below. Only code is copied from the repository (conf.py, and
the Makefile when a test runs make), never its English, catalogs or upstream revision."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib

import conftest
from l10n.catalog.io import clear_fuzzy, new_catalog, read_po, write_po
from l10n.catalog.sync import SOURCE_REVISION_HEADER
from l10n.config import Config, load_config

REVISION, COMMIT = 7, "abc1234def5678"
LABEL = "7 abc1234"  # what `Upstream.label` makes of them
OLDER_LABEL = "6 9f8e7d6"

HEADING = "Resources"
INTRO = "A short list of guides about training large models."
ALICE = "Alice wrote [A Guide to Clusters](https://example.org/clusters) about networks."
BOB = "Bob wrote [Scaling Notes](https://example.org/scaling) for everyone."
CAROL = "Carol keeps [a list of papers](https://example.org/papers) up to date."
ENGLISH = f"""# {HEADING}

{INTRO}

## Guides

- {ALICE}
- {BOB}

## Useful compilations

- {CAROL}
"""
MSGIDS = [HEADING, INTRO, "Guides", ALICE, BOB, "Useful compilations", CAROL]  # what gettext extracts

PYPROJECT = f"""[tool.l10n]
project_name = "mini-l10n"
documents = ["README"]

[tool.l10n.upstream]
repository = "https://example.org/upstream"
path = "README.md"
revision = {REVISION}
commit = "{COMMIT}"
date = "2030-01-02"
"""


def write_project(root: Path, english: str = ENGLISH, code: tuple[str, ...] = ("conf.py",)) -> Config:
    """The project's settings, its English master, an empty locale/ and the repository's `code`
    files (conf.py for Sphinx; add "Makefile" to run make)."""
    (root / "source").mkdir(parents=True)
    (root / "locale").mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "source" / "README.md").write_text(english, encoding="utf-8")
    for name in code:
        shutil.copy(conftest.ROOT / name, root / name)
    return load_config(root)


def translated(msgid: str) -> str:
    """A translation every check accepts: the English's links and markup, in other words."""
    return f"译 {msgid}"


def write_template(config: Config, msgids: list[str]) -> Path:
    """build/gettext/README.pot as Sphinx writes it, without running Sphinx."""
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for line, msgid in enumerate(msgids, start=1):
        pot.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=[("../../source/README.md", str(line))]))
    write_po(config.pot_path(), pot)
    return config.pot_path()


def write_catalog(config: Config, language: str, translations: dict[str, str], revision: str | None = LABEL,
                  fuzzy: tuple[str, ...] = ()) -> Path:
    """locale/<language>/LC_MESSAGES/README.po: the entries in order (an empty msgstr is
    untranslated; `fuzzy` msgids get the flag and a previous English), synced to `revision`
    (None: no X-Source-Revision header)."""
    po = new_catalog(language, config.project_name)
    if revision is not None:
        po.metadata[SOURCE_REVISION_HEADER] = revision
    for msgid, msgstr in translations.items():
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=[("source/README.md", "1")])
        if msgid in fuzzy:
            entry.flags.append("fuzzy")
            entry.previous_msgid = f"Before the edit: {msgid}"
        po.append(entry)
    path = config.po_path(language)
    write_po(path, po)
    return path


def translate_all(config: Config, language: str) -> None:
    """Fill every empty msgstr of the language's catalog, as a translator would."""
    path = config.po_path(language)
    po = read_po(path)
    for entry in po:
        if entry.msgid and not entry.obsolete and not entry.msgstr:
            entry.msgstr = translated(entry.msgid)
    write_po(path, po)


def complete_entries(po: polib.POFile) -> bool:
    """Leave the catalog as a translator who finished the work does: each fuzzy entry reviewed
    (its translation kept), each empty msgstr translated; whether anything changed. A shipped
    catalog may lag the English after a sync: tests start from this known state, not from its."""
    changed = False
    for entry in po:
        if not entry.msgid or entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            clear_fuzzy(entry)
            changed = True
        if not entry.msgstr:
            entry.msgstr = translated(entry.msgid)
            changed = True
    return changed


def complete_catalog(path: Path) -> None:
    """`complete_entries` on the catalog at `path`, rewritten only when something changed."""
    po = read_po(path)
    if complete_entries(po):
        write_po(path, po)
