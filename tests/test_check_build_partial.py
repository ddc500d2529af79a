"""`l10n check-build` on partial translations: a passage shown in English is compared as the
English it shows, so a correct partial catalog has no errors and one `fallback` note per passage,
while a real difference in a translated or a fallback passage is still reported at its entry.

Real Sphinx builds of projects made here: the partial French of tests/partial_fr.py, and a mini
project with a complete catalog whose English gained one paragraph with a link.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

import polib
import pytest

import conftest
import mini_project
from l10n.build import sphinx_build
from l10n.catalog.io import read_po
from l10n.catalog.lines import po_lines
from l10n.catalog.stats import entry_state
from l10n.config import Config
from l10n.text.segments import inline_features
from l10n.verify.built_html import Tracer, check_build, compare_pages
from l10n.verify.html_structure import page_structure
from partial_fr import write_partial_fr_project

PO = "locale/fr/LC_MESSAGES/README.po"
SITE_FILES = ("source/_templates", "source/_static")


@pytest.fixture(scope="module")
def partial_fr(tmp_path_factory: pytest.TempPathFactory) -> Config:
    config = write_partial_fr_project(tmp_path_factory.mktemp("partial") / "project")
    for language in ("en", "fr"):
        sphinx_build.build_html(config, language)
    return config


def fallback_entries(config: Config) -> dict[int, str]:
    """msgstr line -> state of each entry the catalog leaves in English (counted here)."""
    lines = po_lines(config.po_path("fr"))
    return {lines.msgstr_line(e.linenum): entry_state(e) for e in read_po(config.po_path("fr"))
            if e.msgid and entry_state(e) in ("fuzzy", "untranslated")}


def test_a_correct_partial_translation_has_no_errors_and_a_note_per_fallback(partial_fr: Config) -> None:
    findings = check_build(partial_fr, ["fr"])
    assert [f for f in findings if f.severity != "note"] == []
    expected = fallback_entries(partial_fr)
    assert sorted(expected.values()).count("fuzzy") == 2 and len(expected) == 16  # the fixture's own state
    notes = [(f.path, f.line, f.message.split(":")[0]) for f in findings if f.code == "fallback"]
    assert sorted(notes) == sorted((PO, line, state) for line, state in expected.items())
    page = page_structure((partial_fr.build_dir / "html" / "fr" / "README.html").read_text(encoding="utf-8"))
    assert len(page.fallbacks) == len(notes)  # one note per passage the reader sees in English


def _fr_page(config: Config) -> str:
    return (config.build_dir / "html" / "fr" / "README.html").read_text(encoding="utf-8")


def _entry(config: Config, predicate: Callable[[polib.POEntry], bool]) -> tuple[str, int]:
    """The first active entry with a link that `predicate(entry)` accepts: its first URL, msgstr line."""
    lines = po_lines(config.po_path("fr"))
    for entry in read_po(config.po_path("fr")):
        links = inline_features(entry.msgid).links
        if entry.msgid and links and predicate(entry):
            return links[0], lines.msgstr_line(entry.linenum)
    raise AssertionError("the fixture has no such entry")


@pytest.mark.parametrize("state", ["translated", "untranslated"])
def test_a_dropped_link_is_still_reported_at_its_entry(partial_fr: Config, state: str) -> None:
    """The built page is changed as a broken build would be: one link of a translated passage,
    or of a passage shown in English, is no link any more."""
    url, line = _entry(partial_fr, lambda e: entry_state(e) == state)
    html = _fr_page(partial_fr)
    assert html.count(f'href="{url}"') == 1
    broken = html.replace(f'href="{url}"', f'data-was="{url}"')
    english = page_structure((partial_fr.build_dir / "html" / "en" / "README.html").read_text(encoding="utf-8"))
    tracer = Tracer(partial_fr, "fr", "README", partial_fr.build_dir / "html" / "fr" / "README.html")
    assert compare_pages(english, page_structure(_fr_page(partial_fr)), tracer) == []
    found = [(f.path, f.line, f.severity, f.code) for f in compare_pages(english, page_structure(broken), tracer)]
    assert found == [(PO, line, "error", "built-link-dropped")]


NEW = "Dana added [a new guide](https://example.org/new-guide) this week."


@pytest.fixture(scope="module")
def one_new_entry(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """Complete zh_CN and ja catalogs, then the English gains one paragraph with a link: zh_CN is
    updated (the entry is there, untranslated), ja is not (the msgid is not in it yet)."""
    root = tmp_path_factory.mktemp("one-new") / "project"
    config = mini_project.write_project(root, english=mini_project.ENGLISH + f"\n{NEW}\n")
    for name in SITE_FILES:
        shutil.copytree(conftest.ROOT / name, root / name)
    complete = {msgid: mini_project.translated(msgid) for msgid in mini_project.MSGIDS}
    mini_project.write_catalog(config, "zh_CN", {**complete, NEW: ""})
    mini_project.write_catalog(config, "ja", complete)
    for language in ("en", "zh_CN", "ja"):
        sphinx_build.build_html(config, language)
    return config


def test_one_untranslated_new_entry_is_a_note_not_a_dropped_link(one_new_entry: Config) -> None:
    findings = check_build(one_new_entry, ["zh_CN", "ja"])
    line = po_lines(one_new_entry.po_path("zh_CN")).msgstr_line(
        next(e for e in read_po(one_new_entry.po_path("zh_CN")) if e.msgid == NEW).linenum)
    assert [(f.path, f.line, f.severity, f.code) for f in findings] == [
        ("build/html/ja/README.html", 0, "note", "fallback"),
        ("locale/zh_CN/LC_MESSAGES/README.po", line, "note", "fallback"),
    ]
    assert "not in locale/ja/LC_MESSAGES/README.po: 'Dana added a new guide this week.'" in findings[0].message


def test_the_site_chrome_is_not_compared(partial_fr: Config) -> None:
    """The banner and the switcher hold links of their own; the fr page has both."""
    html = _fr_page(partial_fr)
    assert 'class="l10n-banner l10n-fallback-banner"' in html and 'class="l10n-switcher"' in html
    links = page_structure(html).links
    assert not any(href.endswith(("en/README.html", "fr/README.html", "index.html")) for href in links)
