"""One build of the multilingual site per test session, in a temporary copy of the project.

The copy's zh_CN catalog is first completed (complete_catalog: a sync to a newer upstream leaves
the shipped one with fallbacks of its own), then changed so the site has real fallbacks on exactly
the passages chosen from the English master by their kind (never by their words, which an
upstream sync changes): the first level-2 heading is fuzzy (its previous English recorded), the
first paragraph outside any list is untranslated, and the last other heading is "translated" as
its English (not a fallback).
Shared by test_site.py and test_browser.py (imported, cached).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import conftest
from l10n.build.site import build_site, write_markdown, write_status
from l10n.catalog import extract
from l10n.catalog.io import mark_fuzzy, read_po, write_po
from l10n.config import Config, load_config
from l10n.text.segments import segments
from mini_project import complete_catalog

REPO = conftest.ROOT
MASTER = segments(load_config(REPO).source_file().read_text(encoding="utf-8"))
HEADINGS = [segment for segment in MASTER if segment.kind == "heading"]
FUZZY = next(segment for segment in HEADINGS if segment.level == 2)
FUZZY_MSGID = FUZZY.msgid
FUZZY_PREVIOUS = f"Earlier {FUZZY_MSGID}"  # the English before an edit: one word more
UNTRANSLATED = next(segment for segment in MASTER if segment.kind == "paragraph" and not segment.containers)
SAME_AS_ENGLISH = [segment for segment in HEADINGS if segment is not FUZZY][-1]
SECTIONS = len(HEADINGS)  # a section per heading, in every language
LANGUAGES = ("en", *load_config(REPO).languages())


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    config: Config

    @property
    def html(self) -> Path:
        return self.root / "build" / "html"


def copy_project(target: Path) -> Path:
    return conftest.copy_project(target).root


def make_fallbacks(config: Config) -> None:
    path = config.po_path("zh_CN")
    po = read_po(path)
    changed: set[str] = set()
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid == FUZZY.msgid:
            mark_fuzzy(entry, FUZZY_PREVIOUS)
            changed.add(entry.msgid)
        elif entry.msgid == UNTRANSLATED.msgid:
            entry.msgstr = ""
            changed.add(entry.msgid)
        elif entry.msgid == SAME_AS_ENGLISH.msgid:
            entry.msgstr = entry.msgid  # a deliberate translation identical to the English
            changed.add(entry.msgid)
    assert len(changed) == 3, "the zh_CN catalog lacks a passage of the master: run `make update`"
    write_po(path, po)


@lru_cache(maxsize=1)
def built_site() -> BuiltSite:
    root = Path(tempfile.mkdtemp(prefix="l10n-site-"))
    atexit.register(shutil.rmtree, root, True)
    copy_project(root / "project")
    config = load_config(root / "project")
    complete_catalog(config.po_path("zh_CN"))
    make_fallbacks(config)
    extract.gettext(config)
    build_site(config)
    write_status(config)
    write_markdown(config)
    return BuiltSite(root / "project", config)
