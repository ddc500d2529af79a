"""Nothing to translate means nothing to do: a msgid without a letter outside code and URLs (a
year, a number, a code span, an autolink) gets its English as msgstr at update, init and import
time, never fuzzy; every count then says it is done, and the page shows it without a fallback mark.
A translator's own msgstr for it is kept."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from conftest import revision_path
from l10n.catalog.importer import import_translation
from l10n.catalog.io import new_catalog, read_po
from l10n.catalog.stats import catalog_stats, entry_state
from l10n.catalog.sync import init_language
from l10n.catalog.update import TemplateEntry, merge
from l10n.cli import main
from l10n.reports.todo import todo
from l10n.text.segments import nothing_to_translate
from mini_project import write_project, write_template
from partial_fr import write_partial_fr_project

YEARS = ["2021", "2023", "2024"]  # the partial fr's untranslated year headings ("2022" is translated)


@pytest.mark.parametrize(("msgid", "nothing"), [
    ("2021", True), ("1.5", True), ("2021–2023", True), ("100%", True), ("**2024**", True),
    ("`torch.compile`", True), ("<https://x.y>", True), ("https://x.y", True), ("[2](https://x.y)", True),
    ("GPU", False), ("BLOOM-176B", False), ("v2", False), ("2021 logs", False), ("`a` or `b`", False),
    ("![chart](a.png)", False), ("[1](https://x.y) | [docs](https://x.y)", False),
    ("<b>1</b>", False), ("{sub}`2`", False),  # raw HTML and roles hold text it cannot see
])
def test_what_has_nothing_to_translate(msgid: str, nothing: bool) -> None:
    assert nothing_to_translate(msgid) is nothing


def test_update_fills_the_year_headings_of_the_partial_french(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = write_partial_fr_project(tmp_path / "project")
    assert catalog_stats(read_po(config.po_path("fr"))).translated == 12
    assert main(["--root", str(config.root), "update"]) == 0
    catalog = read_po(config.po_path("fr"))
    years = {e.msgid: e for e in catalog if e.msgid in YEARS}
    assert {m: (e.msgstr, e.flags, entry_state(e)) for m, e in years.items()} == {
        m: (m, [], "translated") for m in YEARS}
    stats = catalog_stats(catalog)
    assert (stats.translated, stats.fuzzy, stats.untranslated) == (15, 2, 11)
    assert not [e for e in catalog if not e.msgstr and nothing_to_translate(e.msgid)]
    (item,) = [i for i in todo(config, ["fr"]) if i.document == "README"]
    assert item.stats == stats
    capsys.readouterr()
    assert main(["--root", str(config.root), "todo", "--language", "fr"]) == 0
    assert "15/28" in capsys.readouterr().out
    assert main(["--root", str(config.root), "update", "--no-gettext"]) == 0
    assert "(unchanged)" in capsys.readouterr().out.splitlines()[0]  # a fixed point


def test_a_translators_msgstr_is_kept_and_a_new_year_is_not_fuzzy() -> None:
    old = new_catalog("fr", "p")
    old.append(polib.POEntry(msgid="2022", msgstr="2022"))
    old.append(polib.POEntry(msgid="2021", msgstr="l'an 2021"))
    template = [TemplateEntry(m) for m in ("2021", "2025", "`make html`", "Logbooks")]
    new, report = merge(old, template, "fr")
    assert [(e.msgid, e.msgstr, e.flags) for e in new if not e.obsolete] == [
        ("2021", "l'an 2021", []), ("2025", "2025", []), ("`make html`", "`make html`", []), ("Logbooks", "", [])]
    assert report.filled == ["2025", "`make html`"] and report.fuzzied == []


def test_init_fills_them(tmp_path: Path) -> None:
    config = write_project(tmp_path / "project")
    write_template(config, ["Resources", "2021", "`torch.compile`", "GPU"])
    result = init_language(config, "fr", extract_first=False)
    catalog = read_po(config.po_path("fr"))
    assert [(e.msgid, e.msgstr) for e in catalog] == [
        ("Resources", ""), ("2021", "2021"), ("`torch.compile`", "`torch.compile`"), ("GPU", "")]
    assert (result.report.translated, result.report.untranslated) == (2, 2)


def test_import_fills_an_unpaired_one() -> None:
    english = revision_path(23).read_text(encoding="utf-8")
    result = import_translation(english, "# Ressources\n", "fr", "p")
    catalog = result.catalog
    assert {e.msgid: e.msgstr for e in catalog if e.msgid in (*YEARS, "2022")} == {
        year: year for year in (*YEARS, "2022")}
    assert catalog.find("Resources").msgstr == "Ressources"  # type: ignore[union-attr]


def test_the_page_shows_the_english_without_a_fallback_mark(tmp_path: Path) -> None:
    config = write_partial_fr_project(tmp_path / "project")
    assert main(["--root", str(config.root), "update"]) == 0
    assert main(["--root", str(config.root), "html", "--language", "fr"]) == 0
    html = (config.build_dir / "html" / "fr" / "index.html").read_text(encoding="utf-8")
    for year in YEARS:  # a fallback heading is <h3 class="l10n-fallback ..." lang="en">
        assert f'<h3>{year}<a class="headerlink"' in html
    assert "11 not yet translated" in html  # the banner counts them as done
