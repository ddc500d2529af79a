"""site.po (the site's own words) is one more catalog of its language for every translator
command: `make todo` counts it, `make fuzzy` lists its fuzzy entries, `make reviewed` clears them
and `make wrap` normalizes it, as they do README.po."""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.catalog.io import new_catalog, read_po, write_po
from l10n.config import SITE_CATALOG, Config
from l10n.reports.review import list_fuzzy
from l10n.reports.todo import todo
from mini_project import MSGIDS, translated, write_catalog, write_project
from translator_project import run_cli

SWITCHER = "Language"
BANNER = "Some passages are shown in English: %(untranslated)s not yet translated."


def _project(root: Path) -> Config:
    config = write_project(root)
    write_catalog(config, "fr", {msgid: translated(msgid) for msgid in MSGIDS})
    site = new_catalog("fr", config.project_name)
    site.append(polib.POEntry(msgid=SWITCHER, msgstr="Langue", occurrences=[("source/_templates/site/x.html", "1")]))
    banner = polib.POEntry(msgid=BANNER, msgstr="Passages en anglais : %(untranslated)s.", flags=["python-format"],
                           occurrences=[("scripts/l10n/build/ui.py", "9")])
    banner.flags.insert(0, "fuzzy")
    banner.previous_msgid = "Some passages are in English: %(untranslated)s not yet translated."
    site.append(banner)
    site.append(polib.POEntry(msgid="Status", msgstr="", occurrences=[("source/_templates/site/x.html", "2")]))
    write_po(config.po_path("fr", SITE_CATALOG), site)
    return config


def test_todo_and_fuzzy_cover_the_site_catalog(tmp_path: Path) -> None:
    config = _project(tmp_path / "project")
    rows = {(item.language, item.document): item.stats for item in todo(config, ["fr"])}
    assert set(rows) == {("fr", "README"), ("fr", SITE_CATALOG)}
    site = rows[("fr", SITE_CATALOG)]
    assert (site.translated, site.fuzzy, site.untranslated) == (1, 1, 1)
    [item] = list_fuzzy(config, ["fr"])
    assert item.path == "locale/fr/LC_MESSAGES/site.po" and item.msgid == BANNER
    status, _, err = run_cli(config.root, "reviewed", f"{item.path}:{item.line}")
    assert status == 0, err
    assert "fuzzy" not in read_po(config.po_path("fr", SITE_CATALOG)).find(BANNER).flags


def test_wrap_normalizes_the_site_catalog(tmp_path: Path) -> None:
    config = _project(tmp_path / "project")
    path = config.po_path("fr", SITE_CATALOG)
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Langue"', 'msgstr ""\n"Langue"'),
                    encoding="utf-8")  # as another editor may save it
    status, out, _ = run_cli(config.root, "wrap", "--check", "-l", "fr")
    assert status == 1 and "locale/fr/LC_MESSAGES/site.po" in out, out
    status, out, _ = run_cli(config.root, "wrap", "-l", "fr")
    assert status == 0
    assert 'msgstr "Langue"' in path.read_text(encoding="utf-8")
