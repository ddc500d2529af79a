"""The site's own words -> build/gettext/site.pot, with Babel's extractors: Jinja2's
(`jinja2.ext.babel_extract`: `{% trans %}` and `_()` of source/_templates/site/*.html) and
babel's python extractor (the `N_` marks of build/ui.py, the words of every Sphinx page).

The Sphinx templates (source/_templates/*.html) get those words from the page context
(`build/sphinx_ext.py`), never from `_()`: Sphinx's own template gettext is the theme's catalog.
Every site string is formatted with `%` and a dict when rendered, so every entry carries the
`python-format` flag: `make check` (checks/placeholders.py) and `msgfmt -c` keep its placeholders.
"""

from __future__ import annotations

from pathlib import Path

import polib
from babel.messages.extract import extract

from ..config import SITE_CATALOG, Config
from ..text.placeholders import PYTHON_FORMAT_FLAG
from .io import WRAP_WIDTH, write_po

UI_MODULE = Path(__file__).resolve().parent.parent / "build" / "ui.py"
JINJA_OPTIONS = {"newstyle_gettext": "true", "trimmed": "true"}  # as build/pages.py renders them
KEYWORDS = {"_": None, "gettext": None, "N_": None}


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
            found = list(extract(method, handle, KEYWORDS, options=JINJA_OPTIONS if method != "python" else {}))
        for line, message, _comments, _context in found:
            for msgid in message if isinstance(message, tuple) else (message,):
                if msgid:
                    messages.setdefault(msgid, []).append((_shown(config, path), str(line)))
    return messages


def site_template(config: Config) -> polib.POFile:
    pot = polib.POFile(wrapwidth=WRAP_WIDTH)
    pot.metadata = {"Project-Id-Version": config.project_name, "MIME-Version": "1.0",
                    "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    pot.header = f"The site's own words of {config.project_name} (make gettext)."
    for msgid, occurrences in site_messages(config).items():
        pot.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=occurrences, flags=[PYTHON_FORMAT_FLAG]))
    return pot


def extract_site(config: Config) -> Path:
    """Write build/gettext/site.pot (only when its bytes change)."""
    path = config.pot_path(SITE_CATALOG)
    write_po(path, site_template(config))
    return path
