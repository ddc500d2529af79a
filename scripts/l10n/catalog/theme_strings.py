"""The theme's own words: the gettext calls of the furo templates the site's pages are rendered
with, and the few words furo writes as plain text (svg titles, aria-labels), which the build
marks for gettext as Sphinx loads those templates (`mark_plain_words`, `build/theme_words.py`).
They go to site.pot with the site's words (`catalog/site_strings.py`), each referenced in the
installed furo package (`furo/theme/furo/page.html:13`: the version pyproject.toml pins, named in
site.pot's header), and are translated in site.po like the rest.

Extracted as Sphinx renders them (Jinja2's old-style gettext: no `%` on a `_()` word), with
`{% trans %}` blocks trimmed (`text/markup.py`: the build's lookup trims the same way).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.messages.extract import extract

from ..errors import L10nError

THEME = "furo"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
JINJA_OPTIONS = {"trimmed": "true", "newstyle_gettext": "false"}
# The templates of the site's pages: page.html (each document, 404.html), search.html and
# genindex.html (Sphinx's pages), base.html (their frame), partials/icons.html (page.html's icons).
# Not read: sidebar/ (its search box is the site's, source/_templates/sidebar/search.html; the rest
# shows on Read the Docs only), components/ (furo's top-of-page buttons: the site shows its own row),
# domainindex.html (the site has no domain index), layout.html (furo's error page).
TEMPLATES = ("base.html", "page.html", "search.html", "genindex.html", "partials/icons.html")
# Words furo writes as plain text, in the form it writes them (furo 2025.12.19); the build makes each
# one a gettext call, escaped (`|e`: Sphinx's catalogs are not escaped, the site catalog's are).
PLAIN_WORDS = {
    "page.html": ('aria-label="{}"', ("Toggle site navigation sidebar", "Toggle table of contents sidebar",
                                      "Toggle Light / Dark / Auto color theme")),
    "partials/icons.html": ("<title>{}</title>", ("Contents", "Menu", "Expand", "Light mode", "Dark mode",
                                                  "Auto light/dark, in light mode", "Auto light/dark, in dark mode")),
}


def theme_dir() -> Path:
    """furo's template folder, in the installed package."""
    spec = importlib.util.find_spec(THEME)
    if spec is None or spec.origin is None:
        raise L10nError(THEME, "the furo theme is not installed in this Python", "run `make venv`")
    return Path(spec.origin).parent / "theme" / THEME


def theme_version() -> str:
    return importlib.metadata.version(THEME)


def mark_plain_words(template: str, source: str) -> str:
    """The template's source with each of its plain words a gettext call, escaped."""
    form, words = PLAIN_WORDS.get(template, ("", ()))
    for word in words:
        source = source.replace(form.format(word), form.format(f'{{{{ _("{word}")|e }}}}'))
    return source


def missing_plain_words(template: str, source: str) -> list[str]:
    """The plain words the template no longer writes as `PLAIN_WORDS` says (another furo)."""
    form, words = PLAIN_WORDS.get(template, ("", ()))
    return [word for word in words if form.format(word) not in source]


def _reference(template: str) -> str:
    return f"{THEME}/theme/{THEME}/{template}"  # relative to the package: the same in every venv


def theme_messages() -> dict[str, list[tuple[str, str]]]:
    """msgid -> its occurrences (template in the furo package, line), in `TEMPLATES` order."""
    folder = theme_dir()
    messages: dict[str, list[tuple[str, str]]] = {}
    for template in TEMPLATES:
        source = (folder / template).read_text(encoding="utf-8")
        missing = missing_plain_words(template, source)
        if missing:
            raise L10nError(_reference(template), f"furo {theme_version()} no longer writes {', '.join(missing)}",
                            "update PLAIN_WORDS in scripts/l10n/catalog/theme_strings.py for this furo")
        marked = io.BytesIO(mark_plain_words(template, source).encode("utf-8"))
        add_extracted(messages, _reference(template),
                      extract("jinja2.ext:babel_extract", marked, KEYWORDS, options=JINJA_OPTIONS))
    return messages


def add_extracted(messages: dict[str, list[tuple[str, str]]], reference: str, extracted: Iterable[Any]) -> None:
    """Add what Babel's `extract` found in one file to msgid -> occurrences (reference, line)."""
    for line, message, _comments, _context in extracted:
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                messages.setdefault(msgid, []).append((reference, str(line)))


def is_theme_reference(path: str) -> bool:
    return path.startswith(f"{THEME}/")
