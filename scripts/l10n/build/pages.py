"""The site's own pages: the landing page (build/html/index.html) and the translation status
page (build/html/status.html). Static HTML, no server, no script.

`landing_page` and `status_page` render a site plan (`plan.py`: the decisions, statistics,
stale and untranslated entries and findings, made once) with the Jinja2 templates of
source/_templates/site/ (autoescaped). They read no catalog and run no check.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..config import Config
from .plan import SitePlan

STATUS_PAGE = "status.html"
LANDING_PAGE = "index.html"


def _templates(config: Config) -> jinja2.Environment:
    """The site pages' templates (source/_templates/site/), with autoescaping on for every page."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(config.source_dir / "_templates" / "site"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def landing_page(config: Config, plan: SitePlan) -> str:
    return _templates(config).get_template("landing.html").render(
        title="Machine Learning Engineering: Resources", languages=plan.statuses, revision=plan.revision,
        status_page=STATUS_PAGE)


def status_page(config: Config, plan: SitePlan) -> str:
    return _templates(config).get_template("status.html").render(
        title="Translation status", plan=plan, findings=plan.findings, landing_page=LANDING_PAGE)


def write_page(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
