"""The site's own pages: the landing page (build/html/index.html) and the translation status
page (build/html/status.html). Static HTML, no server, no script.

`collect_status` reads the catalogs and runs the checks (I/O); `landing_page` and `status_page`
render that data with the Jinja2 templates of source/_templates/site/ (autoescaped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..catalog.io import read_po
from ..catalog.stats import entry_state
from ..checks.findings import Finding
from ..checks.runner import check_catalogs
from ..config import Config
from ..text.worddiff import DiffOp, word_diff
from .publish import ORIGINAL, REFUSED, LanguageStatus, site_languages

STATUS_PAGE = "status.html"
LANDING_PAGE = "index.html"


@dataclass(frozen=True)
class StaleEntry:
    line: int  # in the PO file
    previous: str  # the English it was translated from (#| msgid)
    current: str  # the English now
    translation: str

    @property
    def diff(self) -> list[DiffOp]:
        return word_diff(self.previous, self.current)


@dataclass
class LanguageReport:
    status: LanguageStatus
    po_path: str
    stale: list[StaleEntry] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)


@dataclass
class StatusReport:
    languages: list[LanguageReport]
    findings: list[Finding]
    revision: str  # the upstream revision of the English master


def collect_status(config: Config) -> StatusReport:
    reports = []
    for status in site_languages(config):
        if status.code == ORIGINAL:
            continue
        for document in config.documents:
            path = config.po_path(status.code, document)
            report = LanguageReport(status, str(config.relative(path)))
            reports.append(report)
            if status.decision == REFUSED:
                continue  # unreadable or hostile: its findings are listed below, its entries are not
            for entry in read_po(path, config.max_po_bytes):
                state = entry_state(entry)
                if state == "fuzzy":
                    report.stale.append(StaleEntry(entry.linenum or 0, entry.previous_msgid or "",
                                                   entry.msgid, entry.msgstr))
                elif state == "untranslated" and entry.msgid:
                    report.untranslated.append(entry.msgid)
    return StatusReport(reports, check_catalogs(config), config.upstream.label)


def _templates(config: Config) -> jinja2.Environment:
    """The site pages' templates (source/_templates/site/), with autoescaping on for every page."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(config.source_dir / "_templates" / "site"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def landing_page(config: Config, languages: list[LanguageStatus], revision: str) -> str:
    return _templates(config).get_template("landing.html").render(
        title="Machine Learning Engineering: Resources", languages=languages, revision=revision,
        status_page=STATUS_PAGE)


def status_page(config: Config, report: StatusReport) -> str:
    return _templates(config).get_template("status.html").render(
        title="Translation status", report=report, landing_page=LANDING_PAGE)


def write_page(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
