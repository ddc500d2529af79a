"""`make verifs`: everything a translator runs before opening a pull request, one summary.

Steps: PO layout (`wrap --check`), every registered catalog check, each catalog against the
current template (out of date?), and what is left to do (fuzzy, untranslated: notes, not
failures). Each result names the command that fixes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog.extract import read_template
from ..catalog.io import read_po
from ..catalog.stats import catalog_stats
from ..catalog.sync import SOURCE_REVISION_HEADER
from ..catalog.wrap import wrap_files
from ..checks.findings import ERROR, WARNING, Finding
from ..checks.runner import check_catalogs
from ..config import Config
from ..errors import L10nError

OK, FAIL, NOTE = "ok", "FAIL", "note"


@dataclass(frozen=True)
class VerifStep:
    name: str
    status: str  # OK, FAIL or NOTE
    summary: str
    fix: str = ""  # the command that resolves it


@dataclass
class VerifsReport:
    steps: list[VerifStep] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # every check finding, for the details

    @property
    def failed(self) -> list[VerifStep]:
        return [s for s in self.steps if s.status == FAIL]


@dataclass(frozen=True)
class Staleness:
    missing: tuple[str, ...]  # template msgids the catalog lacks
    extra: tuple[str, ...]  # active catalog msgids the template no longer has
    revision: str  # the catalog's X-Source-Revision

    @property
    def stale(self) -> bool:
        return bool(self.missing or self.extra)


def staleness(config: Config, language: str, document: str = "README") -> Staleness:
    template = [t.msgid for t in read_template(config, document)]
    catalog = read_po(config.po_path(language, document), config.max_po_bytes)
    active = [e.msgid for e in catalog if e.msgid and not e.obsolete]
    wanted = set(template)
    have = set(active)
    return Staleness(tuple(m for m in template if m not in have), tuple(m for m in active if m not in wanted),
                     catalog.metadata.get(SOURCE_REVISION_HEADER, ""))


def _layout_step(config: Config, languages: list[str]) -> VerifStep:
    paths = [config.po_path(lang, doc) for lang in languages for doc in config.documents]
    readable = [p for p in paths if p.is_file()]
    results = []
    for path in readable:
        try:
            results.extend(wrap_files([path], check=True))
        except L10nError:
            continue  # the checks step reports an unreadable catalog, once
    bad = [str(config.relative(r.path)) for r in results if not r.normalized]
    if bad:
        return VerifStep("layout", FAIL, f"not normalized: {', '.join(bad)}", "run `make wrap`")
    return VerifStep("layout", OK, f"{len(results)} catalog(s) normalized")


def _checks_step(findings: list[Finding]) -> VerifStep:
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    summary = f"{errors} error(s), {warnings} warning(s)"
    if errors:
        return VerifStep("checks", FAIL, summary, "fix each error listed above (its fix is named), "
                         "then run `make check`")
    if warnings:
        return VerifStep("checks", NOTE, summary, "review the warnings listed above")
    return VerifStep("checks", OK, summary)


def _language_steps(config: Config, language: str) -> list[VerifStep]:
    steps = []
    for document in config.documents:
        path = config.po_path(language, document)
        display = str(config.relative(path))
        try:
            state = staleness(config, language, document)
            stats = catalog_stats(read_po(path, config.max_po_bytes))
        except L10nError as exc:
            steps.append(VerifStep(f"{language} {document}", FAIL, exc.one_line(), exc.fix))
            continue
        if state.stale:
            steps.append(VerifStep(
                f"{language} template", FAIL,
                f"{display} is out of date with the English: {len(state.missing)} new or changed text(s) "
                f"missing, {len(state.extra)} no longer in the English (catalog at revision "
                f"{state.revision or '?'}, master at {config.upstream.revision})",
                f"run `make update LANGUAGE={language}`"))
        else:
            steps.append(VerifStep(f"{language} template", OK, f"{display} matches the English master"))
        if stats.fuzzy or stats.untranslated:
            fix = f"run `make fuzzy LANGUAGE={language}`" if stats.fuzzy else "run `make todo`"
            steps.append(VerifStep(
                f"{language} progress", NOTE,
                f"{stats.translated}/{stats.total} translated ({stats.percent:.0f}% of entries, "
                f"{stats.percent_words:.0f}% of words): {stats.fuzzy} fuzzy, "
                f"{stats.untranslated} untranslated",
                fix))
        else:
            steps.append(VerifStep(f"{language} progress", OK, f"all {stats.total} entries translated"))
    return steps


def verifs(config: Config, languages: list[str]) -> VerifsReport:
    """Run every pre-pull-request verification; the template must exist (`make gettext`)."""
    report = VerifsReport()
    report.steps.append(_layout_step(config, languages))
    report.findings = check_catalogs(config, languages)
    report.steps.append(_checks_step(report.findings))
    for language in languages:
        report.steps.extend(_language_steps(config, language))
    return report
