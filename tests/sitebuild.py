"""One build of the multilingual site per test session, in a temporary copy of the project.

The copy's zh_CN catalog is changed so the site has real fallbacks: the heading "Useful
compilations" is fuzzy (its previous English recorded), the paragraph "Logbooks and
chronicles ..." is untranslated, and the heading "2024" is translated as "2024" (not a
fallback). Shared by test_site.py and test_browser.py (imported, cached).
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

REPO = conftest.ROOT
FUZZY_MSGID = "Useful compilations"
FUZZY_PREVIOUS = "Useful compilation of links"
UNTRANSLATED_PREFIX = "Logbooks and chronicles"
SAME_AS_ENGLISH = "2024"
LANGUAGES = ("en", "ja", "zh_CN", "zh_TW")


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
    for entry in po:
        if entry.msgid == FUZZY_MSGID:
            mark_fuzzy(entry, FUZZY_PREVIOUS)
        elif entry.msgid.startswith(UNTRANSLATED_PREFIX):
            entry.msgstr = ""
        elif entry.msgid == SAME_AS_ENGLISH:
            entry.msgstr = entry.msgid  # a deliberate translation identical to the English
    write_po(path, po)


@lru_cache(maxsize=1)
def built_site() -> BuiltSite:
    root = Path(tempfile.mkdtemp(prefix="l10n-site-"))
    atexit.register(shutil.rmtree, root, True)
    copy_project(root / "project")
    config = load_config(root / "project")
    make_fallbacks(config)
    extract.gettext(config)
    build_site(config)
    write_status(config)
    write_markdown(config)
    return BuiltSite(root / "project", config)
