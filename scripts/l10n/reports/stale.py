"""The CI gate: which catalogs are stale, and where.

A language is stale when its catalog is out of date with the English master (the template has
msgids the catalog lacks, or the catalog still has active msgids the template dropped: nobody
ran `make update`), or when it has fuzzy or untranslated entries. `--fail-under` turns
untranslated entries into warnings and fails only below a percent translated; `fuzzy="warn"`
turns fuzzy entries into warnings. Pure: `assess_catalog` takes the template and the catalog
and returns a `StaleReport`; `stale()` reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from ..catalog.extract import read_template
from ..catalog.io import read_po
from ..catalog.lines import PoLines, po_lines
from ..catalog.stats import CatalogStats, catalog_stats, entry_state
from ..catalog.sync import SOURCE_REVISION_HEADER
from ..catalog.update import TemplateEntry
from ..checks.findings import ERROR, WARNING, Finding
from ..config import Config

FUZZY_MODES = ("fail", "warn")


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
    synced_revision: str  # the catalog's X-Source-Revision ("" when it has none)
    source_revision: str  # the revision the English master is, from [tool.l10n.upstream]
    missing: list[str] = field(default_factory=list)  # template msgids the catalog lacks
    removed: list[str] = field(default_factory=list)  # active catalog msgids the template dropped
    stats: CatalogStats = field(default_factory=CatalogStats)
    threshold: float | None = None
    findings: list[Finding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why the language fails; empty: it passes

    @property
    def changed_since(self) -> int:
        """English entries changed since the catalog was last synced (added, edited or removed)."""
        return len(self.missing) + len(self.removed)

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

    report = StaleReport(language, path, catalog.metadata.get(SOURCE_REVISION_HEADER, ""), source_revision,
                         stats=catalog_stats(catalog), threshold=policy.threshold(language))
    wanted = [e for e in template if e.msgid]
    active = {e.msgid: e for e in catalog if e.msgid and not e.obsolete}
    wanted_ids = {e.msgid for e in wanted}
    obsolete = {e.msgid: e for e in catalog if e.msgid and e.obsolete}
    for item in wanted:
        if item.msgid in active:
            continue
        report.missing.append(item.msgid)
        if item.msgid in obsolete:  # the English text came back: point at its kept translation
            where, line = path, line_of(obsolete[item.msgid])
            message = f"English text is back; its translation is obsolete here: {_clip(item.msgid)}"
        else:
            where, line = _source_location(item, path)
            message = f"{language}: English text not in the catalog: {_clip(item.msgid)}"
        report.findings.append(Finding(where, line, WARNING, "stale-source", message, _update_fix(language)))
    for msgid, old in active.items():
        if msgid not in wanted_ids:
            report.removed.append(msgid)
            report.findings.append(Finding(path, line_of(old), WARNING, "stale-source",
                                           f"English text no longer in the master: {_clip(msgid)}",
                                           _update_fix(language)))
    if report.changed_since:
        report.reasons.append(f"out of date with the English master: {entries(report.changed_since)} "
                              f"changed since revision {report.synced_revision or '(unknown)'}")
    elif report.synced_revision and report.synced_revision != source_revision:
        report.reasons.append(f"synced to revision {report.synced_revision}, the master is {source_revision}")

    fuzzy = [e for e in active.values() if entry_state(e) == "fuzzy"]
    untranslated = [e for e in active.values() if entry_state(e) == "untranslated"]
    for entry in fuzzy:
        previous = f" (was: {_clip(entry.previous_msgid)})" if entry.previous_msgid else ""
        line = line_of(entry)
        report.findings.append(Finding(path, line, WARNING, "fuzzy", f"fuzzy: {_clip(entry.msgid)}{previous}",
                                       _review_fix(path, line)))
    for entry in untranslated:
        line = line_of(entry)
        report.findings.append(Finding(path, line, WARNING, "untranslated", f"untranslated: {_clip(entry.msgid)}",
                                       f"translate the msgstr at {path}:{line} (`make todo` lists what is left)"))
    if fuzzy and policy.fuzzy == "fail":
        report.reasons.append(entries(len(fuzzy), "fuzzy "))
    if report.threshold is None:
        if untranslated:
            report.reasons.append(entries(len(untranslated), "untranslated "))
    elif report.stats.percent < report.threshold:
        report.reasons.append(f"{report.stats.percent:.1f}% translated, "
                              f"under the {report.threshold:g}% threshold")
    if report.failed:
        report.findings.append(Finding(path, 0, ERROR, "stale-catalog",
                                       f"{language} is stale: {'; '.join(report.reasons)}",
                                       _fix_for(report)))
    report.findings.sort(key=lambda f: (f.path, f.line, f.code, f.message))
    return report


def _fix_for(report: StaleReport) -> str:
    if report.changed_since or (report.synced_revision and report.synced_revision != report.source_revision):
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
    source_revision = f"{config.upstream.revision} {config.upstream.commit[:7]}"
    reports = []
    for language in languages:
        path = config.po_path(language, document)
        display = str(config.relative(path))
        catalog = read_po(path, config.max_po_bytes) if path.is_file() else polib.POFile()
        lines = po_lines(path) if path.is_file() else None
        reports.append(assess_catalog(template, catalog, language, display, source_revision, policy, lines))
    return reports
