"""The Sphinx side of the pipeline: safe docutils settings, an index.html per language, and the
multilingual site: language switcher, hreflang links, honest fallbacks and their banner.

A passage Sphinx leaves in English (its entry is untranslated, or fuzzy: the compiled .mo has
no fuzzy entries) gets the classes `l10n-fallback`, its state, its msgid's class (the marks
verify/html_structure.py reads) and `language-en`; docutils' HTML writer turns `language-en` into
`lang="en"`. The page then carries a banner counting those passages.

The switcher lists the languages `l10n site` decided to publish (html_context `l10n_site`: each
language checked once, for every build). A sphinx-build run by hand has no such decisions: it
lists English and every language directory of locale/, and never runs the checks.
"""

from __future__ import annotations

import shutil
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes
from markupsafe import escape
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from ..verify.html_structure import FALLBACK_CLASS, FALLBACK_STATE_CLASS, message_class

SAFE_SETTINGS = {"file_insertion_enabled": False, "raw_enabled": False}
COUNTS_KEY = "l10n_fallbacks"
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />'


def _safe_settings(app: Sphinx) -> None:
    # Sphinx's environment defaults turn file insertion on and override docutils.conf.
    app.env.settings.update(SAFE_SETTINGS)


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    root = app.config.root_doc
    if root == "index":
        return
    suffix = getattr(app.builder, "out_suffix", ".html")
    page = Path(app.outdir) / f"{root}{suffix}"
    if page.is_file():
        shutil.copyfile(page, Path(app.outdir) / f"index{suffix}")


@lru_cache(maxsize=8)
def _catalog_states(root: str, language: str, document: str) -> tuple[dict[str, str], frozenset[str]]:
    """msgid -> entry state ("translated", "fuzzy", "untranslated") of the language's catalog,
    and the msgstrs of its translated entries."""
    from ..catalog.io import read_po
    from ..catalog.stats import entry_state
    from ..config import load_config
    from ..errors import L10nError

    config = load_config(Path(root))
    path = config.po_path(language, document)
    try:  # a catalog the gate would refuse (a symlink, a syntax error): every passage is a fallback
        catalog = read_po(path, config.max_po_bytes)
    except L10nError:
        return {}, frozenset()
    states = {e.msgid: entry_state(e) for e in catalog if not e.obsolete}
    return states, frozenset(e.msgstr for e in catalog if states.get(e.msgid) == "translated")


def _translated_image(node: nodes.Element, translations: frozenset[str]) -> bool:
    """Sphinx leaves `translated` unset on an image whose alt text it translated: by the alt's
    own entry (the alt is now a msgstr), or with the paragraph around it (an ancestor is)."""
    if not isinstance(node, nodes.image):
        return False
    if node.get("alt") in translations:
        return True
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and parent.get("translated"):
            return True
        parent = parent.parent
    return False


class MarkFallbacks(SphinxTransform):
    """Mark every translatable node Sphinx's Locale transform left in English."""

    default_priority = 26  # after Locale (20) and TranslationProgressTotaliser (25)

    def apply(self, **kwargs: Any) -> None:
        from sphinx.builders.gettext import MessageCatalogBuilder

        language = self.config.language or "en"
        if language == "en" or issubclass(self.env._builder_cls, MessageCatalogBuilder):
            return
        states, translations = _catalog_states(str(self.app.confdir), language, self.env.docname)
        counts = {"fuzzy": 0, "untranslated": 0}
        for node, msgid in list(extract_messages(self.document)):
            if node.get("translated", True) or not isinstance(node, nodes.Element) or FALLBACK_CLASS in node["classes"]:
                continue  # translated, or marked already (an image yields its alt and its uri)
            if states.get(msgid) == "translated" or _translated_image(node, translations):
                continue  # translated as the English itself (a name, a year): Sphinx skips those
            # a msgid missing from the catalog (catalog not updated) is untranslated too
            state = "fuzzy" if states.get(msgid) == "fuzzy" else "untranslated"
            counts[state] += 1
            for cls in (FALLBACK_CLASS, FALLBACK_STATE_CLASS[state], message_class(msgid), "language-en"):
                if cls not in node["classes"]:
                    node["classes"].append(cls)
        self.document[COUNTS_KEY] = counts


@lru_cache(maxsize=8)
def _unchecked_languages(root: str) -> tuple[Any, ...]:
    """A sphinx-build run by hand has no decisions: it lists every language of locale/ and
    checks nothing (the checks are `make check`'s and `make html`'s)."""
    from ..config import load_config
    from .publish import unchecked_statuses

    return tuple(unchecked_statuses(load_config(Path(root))))


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    from .publish import SITE_CONTEXT, decode_statuses, hreflang
    from .ui import page_strings, ui_strings

    language = app.config.language or "en"
    encoded = app.config.html_context.get(SITE_CONTEXT)  # set by `l10n site`: decided once for all builds
    statuses = decode_statuses(encoded) if encoded else _unchecked_languages(str(app.confdir))
    up = "../" * (pagename.count("/") + 1)
    page = f"{pagename}{getattr(app.builder, 'out_suffix', '.html')}"
    entries = [
        {"code": s.code, "name": s.name, "hreflang": s.hreflang, "href": f"{up}{s.code}/{page}",
         "current": s.code == language}
        for s in statuses if s.published
    ]
    # the compiled site catalog where Sphinx finds the documents' (build/locale: checked text only)
    words = _site_words(app)
    ui = ui_strings(words)
    theme_words = page_strings(words)
    # docutils' writer adds a viewport meta tag of its own; the theme's <head> already has one
    context["metatags"] = context.get("metatags", "").replace(DOCUTILS_VIEWPORT, "")
    context["docstitle"] = ui.site_name  # the title suffix: "Resources — <site name>", escaped by the theme
    context["l10n_languages"] = entries
    context["l10n_ui"] = ui
    context["l10n_ui_lang"] = hreflang(ui.lang)
    context["l10n_page"] = theme_words
    context["l10n_page_lang"] = hreflang(theme_words.lang)
    context["l10n_english_href"] = f"{up}en/{page}"
    context["l10n_landing_href"] = f"{up}index.html"
    counts = doctree.get(COUNTS_KEY) if doctree is not None else None
    banner = None
    if counts and (counts["fuzzy"] or counts["untranslated"]):
        banner = ui.fallback % {"untranslated": counts["untranslated"], "changed": counts["fuzzy"]}
    context["l10n_fallback_banner"] = banner
    current = next((s for s in statuses if s.code == language), None)
    context["l10n_threshold_warning"] = (
        ui.below_threshold % {"percent": f"{current.stats.percent:.0f}", "threshold": f"{current.threshold:.0f}"}
        if current is not None and current.decision == "warn" else None
    )


def _site_words(app: Sphinx) -> Any:
    from .ui import load_site_words

    # the compiled site catalog where Sphinx finds the documents' (build/locale: checked text only)
    return load_site_words(app.config.language or "en", [Path(app.srcdir, d) for d in app.config.locale_dirs])


def _theme_words(app: Sphinx) -> None:
    """furo's words from the language's site catalog, escaped (build/theme_words.py)."""
    if app.builder.format != "html":
        return
    from .theme_words import install_theme_words

    install_theme_words(app.builder, _site_words(app), app.translator)


def _not_found_page(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """404.html in every language: the theme's page with the site catalog's words, escaped here
    because `body` is inserted as markup."""
    from .publish import hreflang
    from .ui import page_strings

    words = page_strings(_site_words(app))
    start = f"{app.config.root_doc}{getattr(app.builder, 'out_suffix', '.html')}"
    body = (f'<section id="page-not-found" lang="{escape(hreflang(words.lang))}">'
            f"<h1>{escape(words.not_found_title)}</h1><p>{escape(words.not_found)}</p>"
            f'<p><a href="{escape(start)}">{escape(words.start)}</a></p></section>')
    return [("404", {"title": words.not_found_title, "body": body, "l10n_not_found": True}, "page.html")]


def _chinese_search(app: Sphinx, config: Any) -> None:
    if (config.language or "").startswith("zh"):
        app.add_search_language(chinese_search_language())


def chinese_search_language() -> Any:
    """Sphinx's Chinese search, its Chinese words from rjieba (jieba-rs: jieba's dictionary and
    algorithm; `make bench-search` compares their words on this project's catalogs),
    its Latin ones from Sphinx's own pattern, as sphinx.search.zh does with jieba. Sphinx 9.0 ends
    language_data.js with `window.Stemmer = ChineseStemmer`, a class that does not exist (the
    stemmer is the English one), and every Chinese search fails (sphinx-doc/sphinx#14229): named
    "English", the JS class is found; a fixed Sphinx takes the name from the stemmer's file."""
    import rjieba
    from sphinx.search.zh import SearchChinese

    class SearchChineseWords(SearchChinese):
        language_name = "English"

        def __init__(self, options: dict[str, str]) -> None:
            super().__init__({**options, "dict": ""})  # no jieba dictionary to load, even with jieba installed

        def split(self, input: str) -> list[str]:
            chinese = [word for word in rjieba.cut_for_search(input) if any(_is_han(char) for char in word)]
            latin = [term.strip() for term in self.latin1_letters.findall(input)]
            self.latin_terms.update(latin)
            return chinese + latin

    return SearchChineseWords


def _is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _chinese_search)
    app.connect("builder-inited", _safe_settings)
    app.connect("builder-inited", _theme_words)
    app.connect("build-finished", _write_index)
    app.add_transform(MarkFallbacks)
    app.connect("html-page-context", _page_context)
    app.connect("html-collect-pages", _not_found_page)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
