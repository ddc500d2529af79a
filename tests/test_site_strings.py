"""The site's own words go through gettext: build/gettext/site.pot extracted with Babel's
extractors from the site templates and build/ui.py, locale/<lang>/LC_MESSAGES/site.po made by
`make init`, merged by `make update`, checked (placeholders) and rendered escaped."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from l10n.build.pages import landing_page
from l10n.build.plan import plan_language, plan_site
from l10n.build.site import build_site
from l10n.build.sphinx_build import compiled_dir
from l10n.build.ui import BELOW_THRESHOLD, FALLBACK, READ_ENGLISH, SITE_NAME, SWITCHER, load_site_words, ui_strings
from l10n.catalog import sync
from l10n.catalog.boundary import UNCHECKED_CATALOG, scan_locale_tree
from l10n.catalog.io import read_po, write_po
from l10n.catalog.site_strings import extract_site, site_template
from l10n.checks.runner import check_catalogs
from l10n.config import SITE_CATALOG, Config
from l10n.text.placeholders import placeholder_problem
from partial_fr import write_partial_fr_project

FRENCH = {
    SITE_NAME: "Ingénierie de l'apprentissage automatique",
    SWITCHER: "Langue <script>alert(1)</script>",
    FALLBACK: "Certains passages sont en anglais : %(untranslated)s non traduits, %(changed)s modifiés depuis.",
    READ_ENGLISH: "Lire l'original anglais",
    BELOW_THRESHOLD: "Traduit à %(percent)s%%, sous le seuil de %(threshold)s%%.",
    "Machine Learning Engineering: Resources": "Ingénierie ML : ressources <script>x</script>",
    "Translation status": "État des traductions",
    "Open check findings": "Résultats des vérifications",
}


def site_po(config: Config, language: str = "fr", translations: dict[str, str] | None = None) -> Path:
    """The language's site.po from the current site.pot (as `make update` makes it), translated."""
    extract_site(config)
    sync.update(config, [language], (SITE_CATALOG,))
    path = config.po_path(language, SITE_CATALOG)
    po = read_po(path)
    for entry in po:
        entry.msgstr = (translations or {}).get(entry.msgid, entry.msgstr)
    write_po(path, po)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Config:
    return write_partial_fr_project(tmp_path / "project")


def test_extraction_finds_template_and_python_words_flagged(project: Config) -> None:
    pot = {entry.msgid: entry for entry in site_template(project)}
    assert pot[READ_ENGLISH].occurrences == [("scripts/l10n/build/ui.py", pot[READ_ENGLISH].occurrences[0][1])]
    status = pot["Translation status"]
    assert ("source/_templates/site/status.html", "3") in status.occurrences
    trans_block = pot["Review each one in %(path)s, then remove its fuzzy flag."]
    assert [path for path, _ in trans_block.occurrences] == ["source/_templates/site/status.html"]
    assert all(entry.flags == ["python-format"] for entry in pot.values())
    assert "%(percent)s%%" in BELOW_THRESHOLD and BELOW_THRESHOLD in pot


def test_placeholder_rule() -> None:
    assert placeholder_problem(FALLBACK, FRENCH[FALLBACK]) is None
    assert placeholder_problem(FALLBACK, "Des passages : %(untranslated)s")[0] == "placeholder-dropped"
    assert placeholder_problem(SWITCHER, "Langue %(x)s")[0] == "placeholder-added"
    assert placeholder_problem(BELOW_THRESHOLD, "%(percent)s% et %(threshold)s%%")[0] == "placeholder-invalid"


def test_a_dropped_placeholder_is_a_check_error_that_refuses_the_language(project: Config) -> None:
    path = site_po(project, translations={**FRENCH, FALLBACK: "Certains passages : %(untranslated)s non traduits."})
    errors = [f for f in check_catalogs(project, ["fr"]) if f.severity == "error"]
    assert [(f.path, f.code) for f in errors] == [("locale/fr/LC_MESSAGES/site.po", "placeholder-dropped")]
    line = path.read_text(encoding="utf-8").splitlines()[errors[0].line - 1]
    assert line.startswith('msgstr "Certains passages')
    refusal = plan_language(project, "fr").refusal()
    assert refusal is not None and "placeholder-dropped" in refusal.message


def test_init_creates_site_po(project: Config) -> None:
    result = sync.init_language(project, "de")
    path = project.po_path("de", SITE_CATALOG)
    assert result.site is not None and path.is_file()
    entries = [e for e in polib.pofile(str(path)) if not e.obsolete]
    assert {e.msgid for e in entries} >= {SWITCHER, "Translation status"}
    assert all("python-format" in e.flags and not e.msgstr for e in entries)


def test_update_merges_a_changed_template_string_as_fuzzy(project: Config) -> None:
    site_po(project, translations=FRENCH)
    status = project.source_dir / "_templates" / "site" / "status.html"
    status.write_text(status.read_text(encoding="utf-8").replace(
        '_("Open check findings")', '_("Open check findings, by file")'), encoding="utf-8")
    extract_site(project)
    (report,) = sync.update(project, ["fr"], (SITE_CATALOG,))
    entry = next(e for e in read_po(project.po_path("fr", SITE_CATALOG)) if not e.obsolete
                 and e.msgid == "Open check findings, by file")
    assert "fuzzy" in entry.flags and "python-format" in entry.flags
    assert entry.previous_msgid == "Open check findings" and entry.msgstr == "Résultats des vérifications"
    assert report.fuzzied == [("Open check findings, by file", "Open check findings")]


def test_boundary_accepts_site_po_and_refuses_sphinx_po(project: Config) -> None:
    folder = project.po_path("fr").parent
    (folder / "site.po").write_text("", encoding="utf-8")
    (folder / "sphinx.po").write_text("", encoding="utf-8")
    problems = scan_locale_tree(project).problems_of("fr")
    assert [(p.path.name, p.code) for p in problems] == [("sphinx.po", UNCHECKED_CATALOG)]


def test_no_site_catalog_means_english_words_marked_en(tmp_path: Path) -> None:
    ui = ui_strings(load_site_words("fr", [tmp_path]))
    assert (ui.lang, ui.switcher, ui.site_name) == ("en", "Language", "Machine Learning Engineering")


@pytest.fixture(scope="module")
def built_fr(tmp_path_factory: pytest.TempPathFactory) -> Config:
    config = write_partial_fr_project(tmp_path_factory.mktemp("site-words") / "project")
    site_po(config, translations=FRENCH)
    result = build_site(config, ["fr"])
    assert not result.refused and "fr" in [b.language for b in result.built]
    return config


def test_french_site_words_on_the_built_page_escaped(built_fr: Config) -> None:
    page = (built_fr.build_dir / "html" / "fr" / "README.html").read_text(encoding="utf-8")
    assert "Langue &lt;script&gt;alert(1)&lt;/script&gt;:" in page
    assert "<script>alert" not in page
    assert 'aria-label="Langue &lt;script&gt;' in page and 'lang="fr"' in page
    title = page.split("<title>")[1].split("</title>")[0]
    assert title.endswith(" &#8212; Ingénierie de l&#39;apprentissage automatique")
    assert "Resources &#8212; Resources" not in title and "Machine Learning Engineering" not in title
    assert "Lire l&#39;original anglais" in page  # the partial fr page has fallbacks: the banner
    english = (built_fr.build_dir / "html" / "en" / "README.html").read_text(encoding="utf-8")
    assert "<title>Resources &#8212; Machine Learning Engineering</title>" in english and "Langue" not in english


def test_french_site_words_on_the_landing_page_escaped(built_fr: Config) -> None:
    words = load_site_words("fr", [built_fr.build_dir / "locale"])
    assert (compiled_dir(built_fr, "fr") / "site.mo").is_file()
    page = landing_page(built_fr, plan_site(built_fr), words)
    assert '<html lang="fr">' in page
    assert "<h1>Ingénierie ML : ressources &lt;script&gt;x&lt;/script&gt;</h1>" in page
    assert "<script>" not in page
    assert '<a href="status.html">État des traductions</a>' in page  # a variable's markup stays markup
    english = landing_page(built_fr, plan_site(built_fr))
    assert '<html lang="en">' in english and "<h1>Machine Learning Engineering: Resources</h1>" in english


def test_shipped_languages_have_every_ui_word(tmp_path: Path) -> None:
    """zh_CN, zh_TW and ja ship a site.po with every word of the Sphinx pages translated."""
    from conftest import ROOT

    for language in ("zh_CN", "zh_TW", "ja"):
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "site.po"))
        po.save_as_mofile(str(folder / "site.mo"))
        ui = ui_strings(load_site_words(language, [tmp_path]))
        assert ui.lang == language and ui.switcher != SWITCHER
    shutil.rmtree(tmp_path)
