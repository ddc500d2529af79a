"""The site's own words -> build/gettext/site.pot, with Babel's extractors: Jinja2's
(`jinja2.ext.babel_extract`: `{% trans %}` and `_()` of source/_templates/site/*.html) and
babel's python extractor (the `N_` marks of build/ui.py, the words of every Sphinx page), then
the theme's words (`catalog/theme_strings.py`: furo's templates), commented `furo`.

The Sphinx templates (source/_templates/*.html) get the site's words from the page context
(`build/sphinx_ext.py`); furo's templates get theme words from Sphinx's template gettext, which
looks in the site catalog first, each translation escaped (`build/theme_words.py`).
Every site string is formatted with `%` and a dict when rendered, so every entry carries the
`python-format` flag: `make check` (checks/placeholders.py) and `msgfmt -c` keep its placeholders
(furo's `_()` words are not formatted; none holds a `%`).
"""

from __future__ import annotations

from pathlib import Path

import polib
from babel.messages.extract import extract

from ..config import SITE_CATALOG, Config
from ..text.markup import markup_tags
from ..text.placeholders import PYTHON_FORMAT_FLAG
from .io import WRAP_WIDTH, write_po
from .theme_strings import add_extracted, is_theme_reference, theme_messages, theme_version

UI_MODULE = Path(__file__).resolve().parent.parent / "build" / "ui.py"
JINJA_OPTIONS = {"newstyle_gettext": "true", "trimmed": "true"}  # as build/pages.py renders them
KEYWORDS = {"_": None, "gettext": None, "N_": None}
THEME_COMMENT = "furo"
THEME_MARKUP_COMMENT = "furo: shown as text (write characters, not entities); keep the msgid's HTML tags exactly"


def site_sources(config: Config) -> list[tuple[Path, str]]:
    """(file, extraction method) of every file the site's words come from, in a stable order."""
    templates = sorted((config.source_dir / "_templates" / "site").glob("*.html"))
    return [*((path, "jinja2.ext:babel_extract") for path in templates), (UI_MODULE, "python")]


def _shown(config: Config, path: Path) -> str:
    """A reference as a translator finds the file: relative to the project, or to the package's
    repository for build/ui.py when the project is elsewhere."""
    for base in (config.root, UI_MODULE.parents[3]):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def site_messages(config: Config) -> dict[str, list[tuple[str, str]]]:
    """msgid -> its occurrences (file, line), in the order first found."""
    messages: dict[str, list[tuple[str, str]]] = {}
    for path, method in site_sources(config):
        with path.open("rb") as handle:
            add_extracted(messages, _shown(config, path),
                          extract(method, handle, KEYWORDS, options=JINJA_OPTIONS if method != "python" else {}))
    for msgid, occurrences in theme_messages().items():
        messages.setdefault(msgid, []).extend(occurrences)
    return messages


def _comment(msgid: str, occurrences: list[tuple[str, str]]) -> str:
    """Where a translator sees that a word is furo's, and that its tags stay."""
    if not any(is_theme_reference(path) for path, _line in occurrences):
        return ""
    return THEME_MARKUP_COMMENT if markup_tags(msgid) or "&" in msgid else THEME_COMMENT


def site_template(config: Config) -> polib.POFile:
    pot = polib.POFile(wrapwidth=WRAP_WIDTH)
    pot.metadata = {"Project-Id-Version": config.project_name, "MIME-Version": "1.0",
                    "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    pot.header = (f"The site's own words of {config.project_name}, and furo {theme_version()}'s "
                  "(make gettext).")
    for msgid, occurrences in site_messages(config).items():
        pot.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=occurrences, flags=[PYTHON_FORMAT_FLAG],
                                 comment=_comment(msgid, occurrences)))
    return pot


def extract_site(config: Config) -> Path:
    """Write build/gettext/site.pot (only when its bytes change)."""
    path = config.pot_path(SITE_CATALOG)
    write_po(path, site_template(config))
    return path
