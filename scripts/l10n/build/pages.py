"""The site's own pages: the landing page (build/html/index.html) and the translation status
page (build/html/status.html). Static HTML, no server, no script.

`landing_page` and `status_page` render a site plan (`plan.py`: the decisions, statistics,
stale and untranslated entries and findings, made once) with the Jinja2 templates of
source/_templates/site/ (autoescaped). They read no catalog and run no check. Their words are
translated by the `SiteWords` they are given (`ui.py`: a language's compiled site catalog;
English by default), through Jinja2's i18n extension; a translation is always escaped text.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..catalog.files import write_text_atomic
from ..config import Config
from .manifest import Published
from .plan import SitePlan
from .publish import REFUSED
from .ui import SiteWords

STATUS_PAGE = "status.html"
LANDING_PAGE = "index.html"


def _templates(config: Config, words: SiteWords | None = None) -> jinja2.Environment:
    """The site pages' templates (source/_templates/site/), with autoescaping on for every page,
    and `{% trans %}`/`_()` translated by `words` (new-style: every string is %-formatted, as
    catalog/site_strings.py extracts it)."""
    words = words or SiteWords()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(config.source_dir / "_templates" / "site"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, extensions=["jinja2.ext.i18n"])
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(words.escaped, words.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["page_lang"] = words.lang
    return env


def landing_page(config: Config, plan: SitePlan, words: SiteWords | None = None,
                 published: dict[str, Published] | None = None) -> str:
    """Every language with its figures; a link to each one published now (`published`: the site
    manifest's records), and a notice for each refused language whose last good build is shown."""
    published = published or {}
    refused = {status.code for status in plan.statuses if status.decision == REFUSED}
    return _templates(config, words).get_template("landing.html").render(
        languages=plan.statuses, revision=plan.revision, status_page=STATUS_PAGE, published=published,
        kept={code: record for code, record in published.items() if code in refused})


def status_page(config: Config, plan: SitePlan, words: SiteWords | None = None) -> str:
    return _templates(config, words).get_template("status.html").render(
        plan=plan, revision=plan.revision, findings=plan.findings, landing_page=LANDING_PAGE)


def write_page(path: Path, text: str) -> Path:
    write_text_atomic(path, text)  # a reader of the published site never sees half a page
    return path
