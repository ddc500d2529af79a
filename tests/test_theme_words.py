"""furo's own words (issue 16): extracted from the installed furo's templates into site.pot,
translated in site.po, and printed by furo through the templates' gettext, which looks in the
site catalog first and escapes each translation (text and attribute values alike), keeping only
the msgid's own tags; a word site.po leaves untranslated comes from Sphinx's catalog or stays
English. A sphinx.po under locale/ is still refused."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from jinja2 import Environment, FileSystemLoader

from l10n.build.plan import plan_language
from l10n.build.site import build_site
from l10n.build.theme_words import PlainWords, ThemeTranslations, theme_translation
from l10n.build.ui import SiteWords, load_site_words
from l10n.catalog import sync, theme_strings
from l10n.catalog.io import read_po, write_po
from l10n.catalog.site_strings import THEME_COMMENT, extract_site, site_template
from l10n.catalog.theme_strings import PLAIN_WORDS, missing_plain_words, theme_dir, theme_messages
from l10n.checks.runner import check_catalogs
from l10n.config import SITE_CATALOG, Config
from l10n.errors import L10nError
from l10n.text.markup import keep_markup, markup_problem
from partial_fr import write_partial_fr_project

SPHINX_LINK = '<a href="https://www.sphinx-doc.org/">Sphinx</a>'
FRENCH = {
    "Back to top": "Retour en haut",
    "Search": "Chercher",  # Sphinx's own French catalog says "Recherche"
    "Made with": "Fait avec",
    f"{SPHINX_LINK} and": f"{SPHINX_LINK} et <b>gras</b>",
    "Toggle site navigation sidebar": 'Navigation" onfocus="alert(1)',  # a plain word furo writes as text
    "Menu": "Menu <script>alert(1)</script>",  # an svg <title>
    "On this page": "Sur cette page",
}
UNTRANSLATED = "Skip to content"  # in no catalog
SPHINX_ONLY = ("Error", "Erreur")  # not in the fixture's site.po: Sphinx's French catalog has it


def translate_site_po(config: Config, language: str, translations: dict[str, str]) -> Path:
    """The language's site.po from the current site.pot (as `make update` makes it), translated."""
    extract_site(config)
    sync.update(config, [language], (SITE_CATALOG,))
    path = config.po_path(language, SITE_CATALOG)
    po = read_po(path)
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, entry.msgstr)
    write_po(path, po)
    return path


def words_of(folder: Path, translations: dict[str, str]) -> SiteWords:
    """French site words from a site.mo compiled from `translations`, as the build reads them."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.extend(polib.POEntry(msgid=msgid, msgstr=msgstr) for msgid, msgstr in translations.items())
    (folder / "fr" / "LC_MESSAGES").mkdir(parents=True)
    po.save_as_mofile(str(folder / "fr" / "LC_MESSAGES" / f"{SITE_CATALOG}.mo"))
    return load_site_words("fr", [folder])


# --- the markup rule ----------------------------------------------------------------------

def test_a_translation_is_text_but_for_the_msgids_own_tags() -> None:
    escaped = "Haut &lt;script&gt;x&lt;/script&gt; &#34;q&#34;"
    assert keep_markup("Back to top", 'Haut <script>x</script> "q"') == escaped
    kept = keep_markup(f"{SPHINX_LINK} and", f"{SPHINX_LINK} et <b>x</b>")
    assert kept == f"{SPHINX_LINK} et &lt;b&gt;x&lt;/b&gt;"
    assert keep_markup(f"{SPHINX_LINK} and", '<a href="https://evil.example/">Sphinx</a> et') is None
    assert keep_markup(f"{SPHINX_LINK} and", "Sphinx et") is None
    assert keep_markup(f"{SPHINX_LINK} and", f"</a>{SPHINX_LINK}<a href=\"https://www.sphinx-doc.org/\"> et") is None


def test_markup_problem_only_for_a_msgid_with_tags() -> None:
    assert markup_problem("Back to top", "<b>Haut</b>") is None  # shown as text, escaped
    assert markup_problem(f"{SPHINX_LINK} and", f"{SPHINX_LINK} et") is None
    code, message = markup_problem(f"{SPHINX_LINK} and", "Sphinx et") or ("", "")
    assert code == "markup-changed" and "</a>" in message


def test_theme_translation_trims_and_puts_the_templates_whitespace_back(tmp_path: Path) -> None:
    furo_link = '<a href="https://github.com/pradyunsg/furo">Furo</a>'
    words = words_of(tmp_path, {furo_link: f"{furo_link} « x »", "Made with": "Fait avec", "Next": "Suite %(x)s"})
    indent = "\n            "
    assert theme_translation(words, f"{indent}{furo_link}{indent}") == f"{indent}{furo_link} « x »{indent}"
    assert theme_translation(words, "Made with ") == "Fait avec "
    assert theme_translation(words, "Next") is None  # a placeholder the English has not: the English
    assert theme_translation(words, "Previous") is None


def test_a_plain_word_from_sphinxs_catalog_is_escaped_too() -> None:
    """Sphinx's catalogs are not escaped; a word furo writes as plain text is, wherever it comes from."""
    class SphinxCatalog(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return f'{message} "<i>' if message == "Menu" else message

    environment = Environment(loader=FileSystemLoader(theme_dir()), extensions=["jinja2.ext.i18n", PlainWords])
    environment.install_gettext_translations(ThemeTranslations(SiteWords(), SphinxCatalog()))  # type: ignore[attr-defined]
    icons = BeautifulSoup(environment.get_template("partials/icons.html").render(), "html.parser")
    assert icons.select_one("symbol#svg-menu title").get_text() == 'Menu "<i>' and not icons.find("i")


# --- extraction -----------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Config:
    return write_partial_fr_project(tmp_path / "project")


def test_extraction_lists_furos_words_with_references_into_the_package(project: Config) -> None:
    pot = {entry.msgid: entry for entry in site_template(project)}
    back = pot["Back to top"]
    (path, line), = back.occurrences
    assert path == "furo/theme/furo/page.html" and back.comment == THEME_COMMENT
    template_line = (theme_dir() / "page.html").read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert "Back to top" in template_line
    assert pot["Made with"].occurrences and "Made with " not in pot  # a trans block, trimmed
    assert [p for p, _ in pot["Menu"].occurrences] == ["furo/theme/furo/partials/icons.html"]  # a plain word
    assert "furo/theme/furo/base.html" in [p for p, _ in pot["Search"].occurrences]  # shared with the site's
    assert "tags" in pot[f"{SPHINX_LINK} and"].comment
    assert all(not p.startswith("/") for e in pot.values() for p, _ in e.occurrences)
    assert [e.msgid for e in site_template(project)] == list(pot)  # the same order every time
    assert "furo " in site_template(project).header


def test_every_plain_word_is_in_the_installed_furo() -> None:
    for template in PLAIN_WORDS:
        assert missing_plain_words(template, (theme_dir() / template).read_text(encoding="utf-8")) == []


def test_a_plain_word_furo_no_longer_writes_stops_the_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    form, words = PLAIN_WORDS["page.html"]
    monkeypatch.setitem(theme_strings.PLAIN_WORDS, "page.html", (form, (*words, "Toggle the moon")))
    with pytest.raises(L10nError, match="Toggle the moon"):
        theme_messages()


def test_update_carries_the_furo_comment_into_site_po(project: Config) -> None:
    path = translate_site_po(project, "fr", {})
    entry = next(e for e in read_po(path) if e.msgid == "Back to top")
    assert entry.comment == THEME_COMMENT and entry.occurrences[0][0] == "furo/theme/furo/page.html"


# --- the gate -------------------------------------------------------------------------------

def test_a_dropped_tag_is_a_warning_at_its_msgstr(project: Config) -> None:
    path = translate_site_po(project, "fr", {f"{SPHINX_LINK} and": "Sphinx et"})
    (finding,) = [f for f in check_catalogs(project, ["fr"]) if f.code == "markup-changed"]
    assert finding.severity == "warning" and finding.path == "locale/fr/LC_MESSAGES/site.po"
    assert path.read_text(encoding="utf-8").splitlines()[finding.line - 1] == 'msgstr "Sphinx et"'


def test_the_gate_still_refuses_a_sphinx_po(project: Config) -> None:
    translate_site_po(project, "fr", {"Back to top": "Retour en haut"})
    sphinx_po = project.po_path("fr").parent / "sphinx.po"
    sphinx_po.write_text('msgid "Back to top"\nmsgstr "<script>alert(1)</script>"\n', encoding="utf-8")
    refusal = plan_language(project, "fr").refusal()
    assert refusal is not None and "sphinx.po" in str(refusal.path) + refusal.message


# --- the built page -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Config:
    config = write_partial_fr_project(tmp_path_factory.mktemp("theme-words") / "project")
    extract_site(config)
    every_other = {entry.msgid: f"{entry.msgid} (fr)" for entry in read_po(config.pot_path(SITE_CATALOG))
                   if entry.msgid not in (UNTRANSLATED, SPHINX_ONLY[0])}  # the site's words and furo's
    translate_site_po(config, "fr", {**every_other, **FRENCH})
    result = build_site(config, ["fr"])
    assert not result.refused and "fr" in [b.language for b in result.built]
    return config


def page(config: Config, language: str, name: str = "README") -> BeautifulSoup:
    html = (config.build_dir / "html" / language / f"{name}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_translated_theme_words_in_text_and_attributes(built: Config) -> None:
    soup = page(built, "fr")
    assert soup.select_one(".back-to-top span").get_text() == "Retour en haut"
    assert soup.select_one(".toc-title").get_text().strip() == "Sur cette page"
    assert soup.select_one('link[rel="search"]')["title"] == "Chercher"  # site.po before Sphinx's catalog
    english = page(built, "en")
    assert english.select_one(".back-to-top span").get_text() == "Back to top"
    assert english.select_one('link[rel="search"]')["title"] == "Search"


def test_translations_are_escaped_in_attributes_and_text(built: Config) -> None:
    soup = page(built, "fr")
    toggle = soup.select_one("#__navigation")
    assert toggle["aria-label"] == 'Navigation" onfocus="alert(1)' and not toggle.has_attr("onfocus")
    assert not soup.select("[onfocus]")
    menu = soup.select_one("symbol#svg-menu title")
    assert menu.get_text() == "Menu <script>alert(1)</script>" and not menu.find("script")


def test_the_msgids_own_tags_stay_and_a_translators_do_not(built: Config) -> None:
    footer = page(built, "fr").select_one(".bottom-of-page .left-details")
    assert isinstance(footer, Tag)
    link = footer.select_one('a[href="https://www.sphinx-doc.org/"]')
    assert link is not None and link.get_text() == "Sphinx"
    assert not footer.find("b") and "et <b>gras</b>" in footer.get_text()
    assert " ".join(footer.get_text().split()).find("Fait avec Sphinx et") >= 0


def test_an_untranslated_word_comes_from_sphinx_or_stays_english(built: Config) -> None:
    soup = page(built, "fr")
    assert soup.select_one(".skip-to-content").get_text().strip() == UNTRANSLATED
    search = page(built, "fr", "search")
    word, sphinx_french = SPHINX_ONLY
    assert search.select_one("noscript .admonition-title").get_text() == sphinx_french != word


def chrome_words(soup: BeautifulSoup) -> set[str]:
    """Every text and worded attribute of the page outside its article (and scripts) that is in
    the page's language: none of its elements says otherwise with a `lang` of its own."""
    for element in soup.select("article, script, style"):
        element.decompose()
    page_lang = soup.html["lang"]

    def in_page_language(element: Tag) -> bool:
        found = element if element.has_attr("lang") else element.find_parent(lang=True)
        return found is not None and found["lang"] == page_lang

    texts = {" ".join(text.split()) for text in soup.find_all(string=True)
             if type(text) is NavigableString and in_page_language(text.parent)}
    attributes = {element[name] for element in soup.find_all(True) if in_page_language(element)
                  for name in ("title", "aria-label", "placeholder", "alt") if element.has_attr(name)}
    return {word for word in texts | attributes if any(char.isalpha() for char in word)}


@pytest.mark.parametrize("name", ["README", "search", "genindex", "404"])
def test_with_every_furo_word_translated_only_names_stay_english(built: Config, name: str) -> None:
    english, french = chrome_words(page(built, "en", name)), chrome_words(page(built, "fr", name))
    assert english & french == {UNTRANSLATED, "Sphinx", "@pradyunsg", "'s", "Furo"}  # furo writes the names



def test_the_contributing_example_of_a_furo_word_holds(project: Config) -> None:
    text = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(part.split("```")[0] for part in text.split("```po\n") if part.startswith("#. furo"))
    (example,) = polib.pofile(block)
    entry = next(e for e in site_template(project) if e.msgid == example.msgid)
    assert example.comment == entry.comment and markup_problem(example.msgid, example.msgstr) is None
