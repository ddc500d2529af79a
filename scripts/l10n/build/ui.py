"""The words the site adds to every page (site name, switcher label, fallback banner), and the
translations of the site's own words from a language's compiled site catalog.

The strings below are marked with `N_` for babel's python extractor (`catalog/site_strings.py`
writes them to build/gettext/site.pot with the templates' words); each language translates
them in locale/<lang>/LC_MESSAGES/site.po, which the build checks and compiles to
build/locale/<lang>/LC_MESSAGES/site.mo. Every site string is formatted with `%` and a dict.
A translation whose placeholders do not fit its msgid (the check refuses it; a sphinx-build run
by hand does not check) is never used: the English is shown.
"""

from __future__ import annotations

import gettext
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..config import SITE_CATALOG
from ..text.placeholders import placeholders

ENGLISH = "en"


def N_(message: str) -> str:  # gettext's name for "mark for extraction, translate later"
    return message


SITE_NAME = N_("Machine Learning Engineering")
SWITCHER = N_("Language")
FALLBACK = N_("Some passages are shown in English: %(untranslated)s not yet translated, "
              "%(changed)s changed in the English since they were translated.")
READ_ENGLISH = N_("Read the English original")
BELOW_THRESHOLD = N_("This translation is %(percent)s%% complete, below the %(threshold)s%% publishing threshold.")
UI_MESSAGES = (SITE_NAME, SWITCHER, FALLBACK, READ_ENGLISH, BELOW_THRESHOLD)
# The theme's own elements (search box, the landing link, the 404 page): one more group, each of
# its elements with its own lang, so a catalog made before these words keeps the switcher's.
SEARCH = N_("Search")
ALL_LANGUAGES = N_("All languages")
NOT_FOUND_TITLE = N_("Page not found")
NOT_FOUND = N_("There is no page at this address.")
START = N_("Go to the start of the book")
PAGE_MESSAGES = (SEARCH, ALL_LANGUAGES, NOT_FOUND_TITLE, NOT_FOUND, START)


class SiteWords:
    """One language's translations of the site's own words (English when it has none)."""

    def __init__(self, language: str = ENGLISH, translations: gettext.GNUTranslations | None = None):
        self.translations = translations
        self.lang = language if translations is not None else ENGLISH

    def translated(self, message: str) -> bool:
        """Whether the catalog translates the message into text that formats as the English does."""
        text: str = getattr(self.translations, "_catalog", {}).get(message, "")
        found = placeholders(text) if text else None
        return found is not None and set(found) == set(placeholders(message) or ())

    def gettext(self, message: str) -> str:
        return getattr(self.translations, "_catalog", {})[message] if self.translated(message) else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural  # the site's words have no plural forms

    def escaped(self, message: str) -> Markup:
        """For Jinja2's autoescaping pages: the translation is text, never markup."""
        return escape(self.gettext(message))


def load_site_words(language: str, locale_dirs: list[Path]) -> SiteWords:
    """The language's compiled site catalog from the first of `locale_dirs` that has one
    (<dir>/<lang>/LC_MESSAGES/site.mo); English when none has, or it cannot be read."""
    if language == ENGLISH:
        return SiteWords()
    for folder in locale_dirs:
        path = folder / language / "LC_MESSAGES" / f"{SITE_CATALOG}.mo"
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue
            with path.open("rb") as handle:
                return SiteWords(language, gettext.GNUTranslations(handle))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
    return SiteWords()


@dataclass(frozen=True)
class UiStrings:
    """The words of a Sphinx page's switcher and banners, all in one language: a language whose
    site catalog lacks one of them shows them all in English, so each `lang` attribute holds."""

    lang: str
    site_name: str
    switcher: str
    fallback: str  # %(untranslated)s, %(changed)s
    read_english: str
    below_threshold: str  # %(percent)s, %(threshold)s


def ui_strings(words: SiteWords) -> UiStrings:
    if not all(words.translated(message) for message in UI_MESSAGES):
        words = SiteWords()
    return UiStrings(words.lang, *(words.gettext(message) for message in UI_MESSAGES))


@dataclass(frozen=True)
class PageStrings:
    """The words of the theme's own elements, all in one language (like `UiStrings`)."""

    lang: str
    search: str
    all_languages: str
    not_found_title: str
    not_found: str
    start: str


def page_strings(words: SiteWords) -> PageStrings:
    if not all(words.translated(message) for message in PAGE_MESSAGES):
        words = SiteWords()
    return PageStrings(words.lang, *(words.gettext(message) for message in PAGE_MESSAGES))
