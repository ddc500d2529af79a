"""The site stays whole after any build (issue 13): every page's switcher and hreflang links list
exactly the languages with a published build, after a full build and after a one-language build;
a refused language keeps its last good build, with a notice and its real figures on the landing
page; no page links to a missing page; a second `make html` with nothing changed runs no Sphinx.

The project is the partial French one (tests/partial_fr.py) with a second language, ja, made
here (every entry translated). The builds run in order, in one module-scoped project: ja and
English first, then fr is added and built alone, then built again, then refused.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from l10n.build.manifest import read_manifest
from l10n.build.plan import plan_site
from l10n.build.site import SiteResult, build_site
from l10n.build.sphinx_build import BUILT, RELINKED, UP_TO_DATE
from l10n.catalog.io import read_po, write_po
from l10n.catalog.stats import catalog_stats
from l10n.cli import main
from l10n.config import Config, load_config
from mini_project import translated, write_catalog
from partial_fr import entries, write_partial_fr_project

RAW_HTML = "<img src=x onerror=alert(1)>"


@dataclass
class Links(HTMLParser):
    """A page's language links: the switcher's (a.l10n-lang) and the hreflang alternates."""

    switcher: dict[str, str] = field(default_factory=dict)  # data-lang -> href
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> href
    anchors: list[str] = field(default_factory=list)  # every <a href>

    def __post_init__(self) -> None:
        HTMLParser.__init__(self)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "l10n-lang" in a.get("class", "").split():
            self.switcher[a["data-lang"]] = a["href"]
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "a" and "href" in a:
            self.anchors.append(a["href"])


def links(path: Path) -> Links:
    parsed = Links()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def language_pages(html: Path) -> dict[str, list[Path]]:
    return {folder.name: sorted(folder.rglob("*.html")) for folder in sorted(html.iterdir()) if folder.is_dir()}


def dead_links(html: Path) -> list[str]:
    """Every switcher and hreflang href of every built page (and the landing page's links to a
    language) whose target file does not exist."""
    dead = []
    for pages in language_pages(html).values():
        for page in pages:
            found = links(page)
            for href in [*found.switcher.values(), *found.alternates.values()]:
                if not (page.parent / href).is_file():
                    dead.append(f"{page.relative_to(html)} -> {href}")
    landing = html / "index.html"
    dead += [f"index.html -> {href}" for href in links(landing).anchors if not (html / href).is_file()]
    return dead


def assert_every_page_lists(html: Path, languages: list[str]) -> None:
    """Every page of every listed language links exactly `languages`, in both link kinds."""
    for code in languages:
        pages = language_pages(html)[code]
        assert len(pages) >= 3, code  # README, index, search...
        for page in pages:
            found = links(page)
            assert sorted(found.switcher) == sorted(languages), page
            assert sorted(found.alternates) == sorted([c.replace("_", "-") for c in languages] + ["x-default"]), page


def add_ja(config: Config) -> None:
    """A second language, every entry translated, synced to the master."""
    write_catalog(config, "ja", {e.msgid: translated(e.msgid) for e in entries(config)},
                  revision=config.upstream.label)


def plant_check_error(config: Config, language: str = "fr") -> None:
    po = read_po(config.po_path(language))
    entry = next(e for e in po if e.msgid and e.msgstr and not e.obsolete and "fuzzy" not in e.flags)
    entry.msgstr += RAW_HTML
    write_po(config.po_path(language), po)


def states(result: SiteResult) -> dict[str, str]:
    return {build.language: build.state for build in result.built}


@dataclass
class Site:
    config: Config
    first: SiteResult
    fr_alone: SiteResult
    again: SiteResult
    fr_catalog: Path  # the good fr catalog, kept aside before the check error is planted

    @property
    def html(self) -> Path:
        return self.config.build_dir / "html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("whole") / "project"
    config = write_partial_fr_project(root)
    add_ja(config)
    fr = root / "locale" / "fr"
    aside = root.parent / "fr-aside"
    shutil.move(fr, aside)  # fr is new: it arrives after the first full build
    first = build_site(config)
    shutil.move(aside, fr)
    fr_alone = build_site(config, ["fr"])  # make html LANGUAGE=fr
    again = build_site(config)  # nothing changed
    return Site(config, first, fr_alone, again, config.po_path("fr"))


def test_a_full_build_links_every_language(site: Site) -> None:
    assert states(site.first) == {"en": BUILT, "ja": BUILT}
    assert list(states(site.again)) == ["en", "fr", "ja"]  # after fr came: all three, full build
    assert_every_page_lists(site.html, ["en", "fr", "ja"])


def test_one_language_build_relinks_every_other_language(site: Site) -> None:
    """`make html LANGUAGE=fr` with fr new: fr is built first, and the pages of en and ja, whose
    language list changed, are built again; every page then lists fr."""
    assert list(states(site.fr_alone).items()) == [("fr", BUILT), ("en", BUILT), ("ja", BUILT)]
    assert_every_page_lists(site.html, ["en", "fr", "ja"])
    assert dead_links(site.html) == []
    manifest = read_manifest(site.config)
    assert sorted(manifest) == ["en", "fr", "ja"]
    assert all(record.links == ("en", "fr", "ja") for record in manifest.values())


def test_second_build_with_nothing_changed_runs_no_sphinx(site: Site) -> None:
    assert states(site.again) == {"en": UP_TO_DATE, "fr": UP_TO_DATE, "ja": UP_TO_DATE}
    assert not site.again.refused and not site.again.removed


def test_a_refused_language_keeps_its_last_good_build(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    config = site.config
    good = (site.html / "fr" / "README.html").read_text(encoding="utf-8")
    plant_check_error(config)
    capsys.readouterr()
    assert main(["--root", str(config.root), "site"]) == 2
    out, err = capsys.readouterr()
    assert "raw-html" in err and "fr not built" in err
    assert "kept build/html/fr/index.html: the last good build of" in out and "removed" not in out
    assert (site.html / "fr" / "README.html").read_text(encoding="utf-8") == good
    assert_every_page_lists(site.html, ["en", "fr", "ja"])
    assert dead_links(site.html) == []

    landing = (site.html / "index.html").read_text(encoding="utf-8")
    record = read_manifest(config)["fr"]
    assert (f"fr: refused, showing the last good build of {record.built} (upstream revision "
            f"{config.upstream.label}); run <code>make check</code>") in landing
    counted = catalog_stats(read_po(config.po_path("fr")))  # the refused catalog, counted here
    assert counted.total == 28 and 0 < counted.translated < counted.total
    assert f"{counted.percent:.0f}% ({counted.translated} of {counted.total})" in landing
    assert "(0 of 0)" not in landing and 'href="fr/index.html"' in landing


def test_a_language_that_never_built_is_linked_nowhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A refused language with no good build is linked by no page, and its figures are real; the
    English changed since ja's last update: a warning with the count and `make update`."""
    config = write_partial_fr_project(tmp_path / "p")
    add_ja(config)
    plant_check_error(config)
    english = config.source_file()
    text = english.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    english.write_text(text.replace(heading, f"{heading} and more", 1), encoding="utf-8")
    config = load_config(config.root)
    assert main(["--root", str(config.root), "site"]) == 2
    out, err = capsys.readouterr()
    assert "built build/html/en/index.html" in out and "built build/html/ja/index.html" in out
    assert not (config.build_dir / "html" / "fr").exists()
    html = config.build_dir / "html"
    assert_every_page_lists(html, ["en", "ja"])
    assert dead_links(html) == []
    landing = (html / "index.html").read_text(encoding="utf-8")
    assert 'href="fr/index.html"' not in landing and "refused, showing" not in landing
    counted = catalog_stats(read_po(config.po_path("fr")))
    assert f"{counted.percent:.0f}% ({counted.translated} of {counted.total})" in landing
    warnings = [line for line in err.splitlines() if "warning: the English master changed" in line]
    assert warnings == ["locale/ja/LC_MESSAGES/README.po: warning: the English master changed since its last "
                        "update (2 entries added, edited or removed); run `make update LANGUAGE=ja`"]
    assert [c.diff.changed for c in plan_site(config).languages[2].catalogs if c.diff] == [2]


def test_a_kept_build_is_linked_again_when_the_languages_change(site: Site) -> None:
    """fr refused (as above: planted here too, for a worker that did not run that test), then ja's
    catalog goes: en is built again and fr's last good build is built again from its compiled
    catalogs (build/locale/fr), so neither links ja any more."""
    plant_check_error(site.config)
    shutil.rmtree(site.config.locale_dir / "ja")
    result = build_site(site.config)
    assert states(result) == {"en": BUILT, "fr": RELINKED}
    assert_every_page_lists(site.html, ["en", "fr"])
    assert RAW_HTML not in (site.html / "fr" / "README.html").read_text(encoding="utf-8")
    assert dead_links(site.html) == []
    assert sorted(read_manifest(site.config)) == ["en", "fr"]
