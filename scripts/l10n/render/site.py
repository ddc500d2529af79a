"""The site's own pages: the landing page (build/html/index.html) and the translation status
page (build/html/status.html). Static HTML, no server, no script.

`collect_status` reads the catalogs and runs the checks (I/O); `landing_page` and `status_page`
turn that data into HTML (pure, every text escaped).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.io import read_po
from ..catalog.stats import entry_state
from ..checks.findings import Finding
from ..checks.runner import check_catalogs
from ..config import Config
from ..worddiff import format_html, word_diff
from .publish import ORIGINAL, REFUSED, SKIP, WARN, LanguageStatus, hreflang, site_languages

STATUS_PAGE = "status.html"
LANDING_PAGE = "index.html"

_STYLE = """
body { font-family: Georgia, "Noto Serif CJK SC", serif; max-width: 960px; margin: 2em auto;
       padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.4em; text-align: left; vertical-align: top; }
.bar { display: flex; width: 100%; min-width: 12em; height: 1em; background: #eee; border-radius: 3px;
       overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar .translated { background: #3c8d3c; } .bar .fuzzy { background: #d9a400; }
.bar .untranslated { background: #c0392b; }
.legend span { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 1em; }
del { background: #fbd3d0; text-decoration: line-through; }
ins { background: #d4f5d4; text-decoration: none; }
.note { color: #666; font-size: 0.9em; }
.skip { color: #a00; } .warn { color: #a06000; }
code { font-size: 0.9em; }
"""


@dataclass(frozen=True)
class StaleEntry:
    line: int  # in the PO file
    previous: str  # the English it was translated from (#| msgid)
    current: str  # the English now
    translation: str


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
    languages = [r.status.code for r in reports]
    return StatusReport(reports, check_catalogs(config, languages), config.upstream.label)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def _bar(status: LanguageStatus) -> str:
    s = status.stats
    total = s.total or 1
    parts = []
    for name, count in (("translated", s.translated), ("fuzzy", s.fuzzy), ("untranslated", s.untranslated)):
        if count:
            parts.append(f'<span class="{name}" style="width: {100 * count / total:.2f}%" '
                         f'title="{count} {name}"></span>')
    return (f'<div class="bar" role="img" aria-label="{s.translated} translated, {s.fuzzy} fuzzy, '
            f'{s.untranslated} untranslated">{"".join(parts)}</div>')


def _lang_attr(code: str) -> str:
    return html.escape(hreflang(code))


def _decision(status: LanguageStatus) -> str:
    if status.decision == REFUSED:
        return '<span class="skip">not published: its catalog has check errors (run <code>make check</code>)</span>'
    if status.decision == SKIP:
        return f'<span class="skip">not published: below the {status.threshold:.0f}% threshold</span>'
    if status.decision == WARN:
        return (f'<span class="warn">published with a warning: below the {status.threshold:.0f}% '
                "threshold</span>")
    return "published"


def landing_page(languages: list[LanguageStatus], revision: str) -> str:
    rows = []
    for status in languages:
        name = f'<span lang="{_lang_attr(status.code)}">{html.escape(status.name)}</span>'
        if status.published:
            href = f"{html.escape(status.code)}/index.html"
            name = f'<a href="{href}" hreflang="{_lang_attr(status.code)}">{name}</a>'
        if status.code == ORIGINAL:
            completion, state = "original", "published"
        else:
            completion = (f"{_bar(status)}{status.stats.percent:.0f}% "
                          f"({status.stats.translated} of {status.stats.total})")
            state = _decision(status)
        rows.append(f"<tr><td>{name}</td><td><code>{html.escape(status.code)}</code></td>"
                    f"<td>{completion}</td><td>{state}</td></tr>")
    body = (
        "<h1>Machine Learning Engineering: Resources</h1>\n"
        f'<p class="note">The "Resources" chapter of Stas Bekman\'s <em>Machine Learning Engineering</em>, '
        f"upstream revision {html.escape(revision)}, and its translations.</p>\n"
        "<table>\n<thead><tr><th>Language</th><th>Code</th><th>Translated</th><th>Status</th></tr></thead>\n"
        f"<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>\n"
        f'<p><a href="{STATUS_PAGE}">Translation status</a>: progress, entries to review, check findings.</p>'
    )
    return _page("Machine Learning Engineering: Resources", body)


def _language_section(report: LanguageReport) -> str:
    status, s = report.status, report.status.stats
    lang = _lang_attr(status.code)
    out = [f'<h2 id="{html.escape(status.code)}"><span lang="{lang}">{html.escape(status.name)}</span> '
           f"(<code>{html.escape(status.code)}</code>)</h2>",
           f"<p>{_bar(status)}</p>",
           f"<p>{s.translated} translated, {s.fuzzy} fuzzy, {s.untranslated} untranslated of {s.total} "
           f"entries ({s.percent:.0f}%; {s.words_left} English words left); {_decision(status)}. "
           f"Catalog: <code>{html.escape(report.po_path)}</code></p>"]
    if report.stale:
        out.append("<h3>Stale entries: the English changed since they were translated "
                   f"({len(report.stale)})</h3>")
        out.append("<table><thead><tr><th>Line</th><th>English: previous → current</th>"
                   "<th>Current translation</th></tr></thead><tbody>")
        for entry in report.stale:
            diff = format_html(word_diff(entry.previous, entry.current)) if entry.previous \
                else html.escape(entry.current) + ' <span class="note">(no previous English recorded)</span>'
            out.append(f"<tr><td>{entry.line}</td><td lang=\"en\">{diff}</td>"
                       f'<td lang="{lang}">{html.escape(entry.translation)}</td></tr>')
        out.append("</tbody></table>")
        out.append(f'<p class="note">Review each one in <code>{html.escape(report.po_path)}</code>, '
                   "then remove its fuzzy flag.</p>")
    if report.untranslated:
        out.append(f"<h3>Untranslated entries ({len(report.untranslated)})</h3><ul>")
        out.extend(f'<li lang="en">{html.escape(msgid)}</li>' for msgid in report.untranslated)
        out.append("</ul>")
    return "\n".join(out)


def _findings_section(findings: list[Finding]) -> str:
    if not findings:
        return "<h2>Open check findings</h2>\n<p>None: <code>make check</code> reports no finding.</p>"
    rows = [f"<tr><td><code>{html.escape(f.path)}:{f.line}</code></td><td>{html.escape(f.severity)}</td>"
            f"<td><code>{html.escape(f.code)}</code></td><td>{html.escape(f.message)}</td>"
            f"<td>{html.escape(f.fix)}</td></tr>" for f in findings]
    return ("<h2>Open check findings</h2>\n<table><thead><tr><th>Where</th><th>Severity</th><th>Check</th>"
            f"<th>Finding</th><th>Fix</th></tr></thead><tbody>\n{chr(10).join(rows)}\n</tbody></table>")


def status_page(report: StatusReport) -> str:
    legend = ('<p class="legend"><span style="background:#3c8d3c"></span>translated'
              '<span style="background:#d9a400"></span>fuzzy (stale)'
              '<span style="background:#c0392b"></span>untranslated</p>')
    body = "\n".join([
        "<h1>Translation status</h1>",
        f'<p class="note">English master: upstream revision {html.escape(report.revision)}. '
        f'<a href="{LANDING_PAGE}">All languages</a>. Bring the catalogs up to date with '
        "<code>make update</code>; regenerate this page with <code>make status</code>.</p>",
        legend,
        *(_language_section(r) for r in report.languages),
        _findings_section(report.findings),
    ])
    return _page("Translation status", body)


def write_page(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
