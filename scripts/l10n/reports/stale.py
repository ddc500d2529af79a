"""The CI gate: which catalogs are stale, and where.

A language is stale when its catalog is out of date with the English master (`template_diff`:
the template has msgids the catalog lacks, the catalog still has active msgids the template
dropped, or it records another revision than the master's: nobody ran `make update`), or when
it has fuzzy or untranslated entries. `--fail-under` turns untranslated entries into warnings
and fails only below a percent translated; `fuzzy="warn"` turns fuzzy entries into warnings.
Pure: `assess_catalog` takes the template and the catalog and returns a `StaleReport`;
`stale()` reads the files.
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
from ..checks.findings import ERROR, WARNING, Finding
from ..config import Config

FUZZY_MODES = ("fail", "warn")

LineOf = Callable[[polib.POEntry], int]  # the PO line a finding about an entry points at


@dataclass(frozen=True)
class GatePolicy:
    fuzzy: str = "fail"  # "fail" or "warn"
    fail_under: dict[str, float] = field(default_factory=dict)  # language or "default" -> percent

    def threshold(self, language: str) -> float | None:
        return self.fail_under.get(language, self.fail_under.get("default"))


@dataclass
class StaleReport:
    language: str
    path: str
    diff: TemplateDiff  # the catalog against the current template
    stats: CatalogStats = field(default_factory=CatalogStats)
    threshold: float | None = None
    findings: list[Finding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why the language fails; empty: it passes

    @property
    def synced_revision(self) -> str:
        """The catalog's X-Source-Revision ("" when it has none)."""
        return self.diff.synced_revision

    @property
    def source_revision(self) -> str:
        """The revision the English master is, from [tool.l10n.upstream]."""
        return self.diff.source_revision

    @property
    def missing(self) -> list[str]:
        """Template msgids the catalog lacks."""
        return list(self.diff.missing)

    @property
    def removed(self) -> list[str]:
        """Active catalog msgids the template dropped."""
        return list(self.diff.extra)

    @property
    def changed_since(self) -> int:
        """English entries changed since the catalog was last synced (added, edited or removed)."""
        return self.diff.changed

    @property
    def failed(self) -> bool:
        return bool(self.reasons)

    @property
    def status(self) -> str:
        if self.failed:
            return "stale"
        return "warnings" if self.findings else "ok"


def entries(count: int, kind: str = "") -> str:
    return f"{count} {kind}{'entry' if count == 1 else 'entries'}"


def _update_fix(language: str) -> str:
    return f"run `make update LANGUAGE={language}`"


def _review_fix(path: str, line: int) -> str:
    return f"update the msgstr at {path}:{line}, then run `make reviewed ENTRY={path}:{line}`"


def assess_catalog(template: list[TemplateEntry], catalog: polib.POFile, language: str, path: str,
                   source_revision: str, policy: GatePolicy, lines: PoLines | None = None) -> StaleReport:
    """The staleness of one catalog against the current template (both already read); `lines`,
    the catalog's line map, lets findings point at each entry's msgstr line (the line a
    translator edits, as every check reports) rather than its first line."""
    def line_of(entry: polib.POEntry) -> int:
        return lines.msgstr_line(entry.linenum) if lines is not None else entry.linenum or 0

    report = StaleReport(language, path, template_diff(template, catalog, source_revision),
                         stats=catalog_stats(catalog), threshold=policy.threshold(language))
    report.findings += _diff_findings(report, template, catalog, line_of)
    active = [e for e in catalog if e.msgid and not e.obsolete]
    fuzzy = [e for e in active if entry_state(e) == "fuzzy"]
    untranslated = [e for e in active if entry_state(e) == "untranslated"]
    report.findings += _pending_findings(fuzzy, untranslated, path, line_of)
    report.reasons += _reasons(report, len(fuzzy), len(untranslated), policy)
    if report.failed:
        report.findings.append(Finding(path, 0, ERROR, "stale-catalog",
                                       f"{language} is stale: {'; '.join(report.reasons)}",
                                       _fix_for(report)))
    report.findings.sort(key=lambda f: (f.path, f.line, f.code, f.message))
    return report


def _diff_findings(report: StaleReport, template: list[TemplateEntry], catalog: polib.POFile,
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
    """A warning at the msgstr line of each fuzzy and each untranslated entry."""
    findings = []
    for entry in fuzzy:
        previous = f" (was: {_clip(entry.previous_msgid)})" if entry.previous_msgid else ""
        line = line_of(entry)
        findings.append(Finding(path, line, WARNING, "fuzzy", f"fuzzy: {_clip(entry.msgid)}{previous}",
                                _review_fix(path, line)))
    for entry in untranslated:
        line = line_of(entry)
        findings.append(Finding(path, line, WARNING, "untranslated", f"untranslated: {_clip(entry.msgid)}",
                                f"translate the msgstr at {path}:{line} (`make todo` lists what is left)"))
    return findings


def _reasons(report: StaleReport, fuzzy: int, untranslated: int, policy: GatePolicy) -> list[str]:
    """Why the language fails the gate under the policy; empty: it passes."""
    reasons = []
    diff = report.diff
    if diff.changed:
        reasons.append(f"out of date with the English master: {entries(diff.changed)} "
                       f"changed since revision {diff.synced_revision or '(unknown)'}")
    elif diff.revision_differs:
        reasons.append(f"synced to revision {diff.synced_revision}, the master is {diff.source_revision}")
    if fuzzy and policy.fuzzy == "fail":
        reasons.append(entries(fuzzy, "fuzzy "))
    if report.threshold is None:
        if untranslated:
            reasons.append(entries(untranslated, "untranslated "))
    elif report.stats.percent < report.threshold:
        reasons.append(f"{report.stats.percent:.1f}% translated, under the {report.threshold:g}% threshold")
    return reasons


def _fix_for(report: StaleReport) -> str:
    if report.diff.out_of_date:
        return _update_fix(report.language) + ", then translate the fuzzy and untranslated entries"
    return f"translate the fuzzy and untranslated entries in {report.path}"


def _source_location(entry: TemplateEntry, fallback: str) -> tuple[str, int]:
    for where, line in entry.occurrences:
        if line and str(line).isdigit():
            return where, int(line)
    return fallback, 0


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stale(config: Config, languages: list[str], policy: GatePolicy,
          document: str = "README") -> list[StaleReport]:
    """Assess every chosen language's catalog against build/gettext/<document>.pot."""
    template = read_template(config, document)
    reports = []
    for language in languages:
        path = config.po_path(language, document)
        display = str(config.relative(path))
        catalog = read_po(path, config.max_po_bytes) if path.is_file() else polib.POFile()
        lines = po_lines(path) if path.is_file() else None
        reports.append(assess_catalog(template, catalog, language, display, config.upstream.label, policy, lines))
    return reports
