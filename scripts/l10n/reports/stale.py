"""`make stale`, the CI gate: each language's catalogs against the English master, its check
findings, and the pull-request gate's verdict on them (`reports/gate.py`, the one decision
`make verifs` shows too).

A catalog is out of date when the template has msgids it lacks, it still has active msgids the
template dropped, or it records another revision than the master's (nobody ran `make update`).
Every fuzzy entry is a warning and every untranslated entry a note, at its msgstr line; whether
they fail is the policy's (`[tool.l10n.gate]`). Pure: `assess_catalog` takes the template and the
catalog and returns a `CatalogReport`; `stale()` reads the files and checks the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polib

from ..catalog.extract import read_template
from ..catalog.io import read_po
from ..catalog.lines import PoLines, po_lines
from ..catalog.stats import CatalogStats, catalog_stats, entry_state
from ..catalog.sync import TemplateDiff, template_diff
from ..catalog.update import TemplateEntry
from ..catalog.upstream import provenance_fix, provenance_problem
from ..checks.findings import ERROR, NOTE, WARNING, Finding
from ..checks.runner import check_catalogs
from ..config import Config, GatePolicy
from ..errors import L10nError
from .gate import PROVENANCE, CatalogState, Reason, Verdict, decide

LineOf = Callable[[polib.POEntry], int]  # the PO line a finding about an entry points at
GATE_CODE = "pull-request-gate"  # the code of the one error a failing language gets


@dataclass
class CatalogReport:
    """One catalog against the current template, with a finding at each entry left to do."""

    language: str
    path: str
    diff: TemplateDiff
    stats: CatalogStats = field(default_factory=CatalogStats)
    findings: list[Finding] = field(default_factory=list)
    counted: bool = True  # toward the percent translated: a document's catalog, not site.po

    @property
    def state(self) -> CatalogState:
        return CatalogState(self.path, self.diff, self.stats, self.counted)

    @property
    def synced_revision(self) -> str:
        """The catalog's X-Source-Revision ("" when it has none)."""
        return self.diff.synced_revision

    @property
    def source_revision(self) -> str:
        """The revision the English master is, from [tool.l10n.upstream]."""
        return self.diff.source_revision

    @property
    def changed_since(self) -> int:
        """English entries changed since the catalog was last synced (added, edited or removed)."""
        return self.diff.changed


@dataclass
class StaleReport:
    """One language: its catalogs, its check findings and the gate's verdict."""

    language: str
    catalogs: list[CatalogReport]
    check_findings: list[Finding]
    verdict: Verdict

    @property
    def failed(self) -> bool:
        return not self.verdict.passed

    @property
    def status(self) -> str:
        return "fails" if self.failed else "passes"

    @property
    def gate_finding(self) -> Finding | None:
        """The one error of a failing language, at its first catalog (its directory without one)."""
        if self.verdict.passed:
            return None
        where = self.catalogs[0].path if self.catalogs else f"locale/{self.language}"
        return Finding(where, 0, ERROR, GATE_CODE, self.verdict.text, self.verdict.fix)

    @property
    def findings(self) -> list[Finding]:
        """Every finding: the checks', each catalog's, and the gate's; sorted by file and line."""
        every = [*self.check_findings, *(f for c in self.catalogs for f in c.findings)]
        every += [self.gate_finding] if self.gate_finding else []
        return sorted(every, key=lambda f: (f.path, f.line, f.code, f.message))


def _update_fix(language: str) -> str:
    return f"run `make update LANGUAGE={language}`"


def _review_fix(path: str, line: int) -> str:
    return f"update the msgstr at {path}:{line}, then run `make reviewed ENTRY={path}:{line}`"


def assess_catalog(template: list[TemplateEntry], catalog: polib.POFile, language: str, path: str,
                   source_revision: str, lines: PoLines | None = None) -> CatalogReport:
    """One catalog against the current template (both already read); `lines`, the catalog's line
    map, lets findings point at each entry's msgstr line (the line a translator edits, as every
    command reports) rather than its first line."""
    def line_of(entry: polib.POEntry) -> int:
        return lines.msgstr_line(entry.linenum) if lines is not None else entry.linenum or 0

    report = CatalogReport(language, path, template_diff(template, catalog, source_revision),
                           stats=catalog_stats(catalog))
    report.findings += _diff_findings(report, template, catalog, line_of)
    active = [e for e in catalog if e.msgid and not e.obsolete]
    fuzzy = [e for e in active if entry_state(e) == "fuzzy"]
    untranslated = [e for e in active if entry_state(e) == "untranslated"]
    report.findings += _pending_findings(fuzzy, untranslated, path, line_of)
    report.findings.sort(key=lambda f: (f.path, f.line, f.code, f.message))
    return report


def _diff_findings(report: CatalogReport, template: list[TemplateEntry], catalog: polib.POFile,
                   line_of: LineOf) -> list[Finding]:
    """A warning for each English text the catalog lacks (at its source line, or at its kept
    obsolete translation) and each active msgid the master dropped (at its msgstr line)."""
    language, path, fix = report.language, report.path, _update_fix(report.language)
    sources = {item.msgid: item for item in template}
    active = {e.msgid: e for e in catalog if e.msgid and not e.obsolete}
    obsolete = {e.msgid: e for e in catalog if e.msgid and e.obsolete}
    findings = []
    for msgid in report.diff.missing:
        if msgid in obsolete:  # the English text came back: point at its kept translation
            where, line = path, line_of(obsolete[msgid])
            message = f"English text is back; its translation is obsolete here: {_clip(msgid)}"
        else:
            where, line = _source_location(sources[msgid], path)
            message = f"{language}: English text not in the catalog: {_clip(msgid)}"
        findings.append(Finding(where, line, WARNING, "stale-source", message, fix))
    for msgid in report.diff.extra:
        findings.append(Finding(path, line_of(active[msgid]), WARNING, "stale-source",
                                f"English text no longer in the master: {_clip(msgid)}", fix))
    return findings


def _pending_findings(fuzzy: list[polib.POEntry], untranslated: list[polib.POEntry], path: str,
                      line_of: LineOf) -> list[Finding]:
    """At the msgstr line: a warning for each fuzzy entry (readers see its outdated translation),
    a note for each untranslated one (readers see the English)."""
    findings = []
    for entry in fuzzy:
        previous = f" (was: {_clip(entry.previous_msgid)})" if entry.previous_msgid else ""
        line = line_of(entry)
        findings.append(Finding(path, line, WARNING, "fuzzy", f"fuzzy: {_clip(entry.msgid)}{previous}",
                                _review_fix(path, line)))
    for entry in untranslated:
        line = line_of(entry)
        findings.append(Finding(path, line, NOTE, "untranslated", f"untranslated: {_clip(entry.msgid)}",
                                f"translate the msgstr at {path}:{line} (`make todo` lists what is left)"))
    return findings


def _source_location(entry: TemplateEntry, fallback: str) -> tuple[str, int]:
    for where, line in entry.occurrences:
        if line and str(line).isdigit():
            return where, int(line)
    return fallback, 0


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stale(config: Config, languages: list[str], policy: GatePolicy) -> list[StaleReport]:
    """Check and assess every catalog of each chosen language (each document's against
    build/<gettext>/<document>.pot), and the gate's verdict on each language (the master's
    provenance, checked once, a reason of each)."""
    templates = {document: read_template(config, document) for document in config.catalogs  # site.po: once extracted
                 if document in config.documents or config.pot_path(document).is_file()}
    problem = provenance_problem(config)  # the master against its recorded upstream content, once
    provenance = Reason(PROVENANCE, problem, provenance_fix(config.upstream)) if problem else None
    reports = []
    for language in languages:
        check_findings = check_catalogs(config, [language])
        catalogs = [report for document, template in templates.items()
                    if (report := _read_and_assess(config, language, document, template))]
        verdict = decide(language, check_findings, [c.state for c in catalogs], policy, provenance)
        reports.append(StaleReport(language, catalogs, check_findings, verdict))
    return reports


def _read_and_assess(config: Config, language: str, document: str,
                     template: list[TemplateEntry]) -> CatalogReport | None:
    """The catalog's report; None when it cannot be read (the checks report why, as an error)."""
    path = config.po_path(language, document)
    try:
        catalog = read_po(path, config.max_po_bytes)
    except L10nError:
        return None
    display = str(config.relative(path))
    report = assess_catalog(template, catalog, language, display, config.upstream.label, po_lines(path))
    report.counted = document in config.documents
    return report
