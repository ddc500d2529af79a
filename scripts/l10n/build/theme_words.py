"""furo's words in the page's language: the gettext of Sphinx's templates looks in the language's
checked site catalog first (build/locale/<lang>/LC_MESSAGES/site.mo, `ui.SiteWords`), then in
Sphinx's own catalogs, then gives the English.

The site catalog wins where it translates a word: its translators chose the site's terms (the
search box and the search page's title say the same), and its translations are escaped here,
quotes too (`text/markup.py`), so furo prints them safely in text and attribute values alike,
with none of a translator's markup. Sphinx's bundled catalogs are package data, pinned and
printed as Sphinx prints them. Only the templates' gettext changes: Sphinx's own `_()` (labels it
writes through docutils, which escapes) keeps its catalogs.

Words furo writes as plain text become gettext calls as its templates load (`PlainWords`, a
Jinja2 extension: `catalog/theme_strings.py` lists them). A word no catalog translates is shown
in English without `lang="en"`: gettext cannot know whether its result lands in text or in an
attribute value, so it cannot wrap it; every shipped language translates every word.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.ext import Extension
from markupsafe import Markup

from ..catalog.theme_strings import mark_plain_words, theme_dir
from ..text.markup import keep_markup, outer_whitespace, trimmed
from .ui import SiteWords


def theme_translation(words: SiteWords, message: str) -> Markup | None:
    """The site catalog's translation of a template word, as HTML; None when it has none usable
    (untranslated, placeholders or tags not kept as in the English)."""
    key = message if words.translated(message) else trimmed(message)
    if not words.translated(key):
        return None
    shown = keep_markup(key, words.gettext(key))
    if shown is None:
        return None
    if key == message:
        return shown
    before, after = outer_whitespace(message)
    return Markup(before) + shown + Markup(after)  # the template's own whitespace


class ThemeTranslations(gettext.NullTranslations):
    """The templates' gettext: the site catalog's words, escaped; the rest from Sphinx's."""

    def __init__(self, words: SiteWords, sphinx: gettext.NullTranslations):
        super().__init__()
        self.words = words
        self.add_fallback(sphinx)

    def gettext(self, message: str) -> str:
        shown = theme_translation(self.words, message)
        return shown if shown is not None else super().gettext(message)


class PlainWords(Extension):
    """Marks furo's plain-text words for gettext in its templates' source, as they load."""

    def __init__(self, environment: Environment):
        super().__init__(environment)
        self.folder = theme_dir().resolve()

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if filename is None:
            return source
        try:
            template = Path(filename).resolve().relative_to(self.folder).as_posix()
        except ValueError:
            return source  # not furo's: the site's own templates, Sphinx's
        return mark_plain_words(template, source)


def install_theme_words(builder: Any, words: SiteWords, sphinx: gettext.NullTranslations) -> bool:
    """Give the HTML builder's templates the theme words; whether it has templates to give them to."""
    environment = getattr(getattr(builder, "templates", None), "environment", None)
    if environment is None or not hasattr(environment, "install_gettext_translations"):
        return False
    environment.add_extension(PlainWords)
    environment.install_gettext_translations(ThemeTranslations(words, sphinx))
    return True
