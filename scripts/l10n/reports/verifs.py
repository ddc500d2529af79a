"""`make verifs`: everything a translator runs before opening a pull request, one summary.

Steps: PO layout (`wrap --check`), every registered catalog check, each catalog against the
current template (out of date? `template_diff`, the answer `make stale` gives too), and what is
left to do (fuzzy, untranslated: notes, not failures). Each result names the command that fixes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog.extract import read_template
from ..catalog.io import read_po
from ..catalog.stats import CatalogStats, catalog_stats
from ..catalog.sync import TemplateDiff, template_diff
from ..catalog.wrap import wrap_files
from ..checks.findings import Finding, summarize
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
    summary = summarize(findings)
    if summary.errors:
        return VerifStep("checks", FAIL, str(summary), "fix each error listed above (its fix is named), "
                         "then run `make check`")
    if summary.warnings:
        return VerifStep("checks", NOTE, str(summary), "review the warnings listed above")
    return VerifStep("checks", OK, str(summary))


def _template_step(language: str, display: str, diff: TemplateDiff) -> VerifStep:
    name = f"{language} template"
    if not diff.out_of_date:
        return VerifStep(name, OK, f"{display} matches the English master")
    fix = f"run `make update LANGUAGE={language}`"
    revisions = f"catalog at revision {diff.synced_revision or '?'}, master at {diff.source_revision}"
    if diff.changed:
        return VerifStep(name, FAIL, f"{display} is out of date with the English: {len(diff.missing)} new or "
                         f"changed text(s) missing, {len(diff.extra)} no longer in the English ({revisions})", fix)
    return VerifStep(name, FAIL, f"{display} is out of date with the English: synced to another revision "
                     f"({revisions})", fix)


def _progress_step(language: str, stats: CatalogStats) -> VerifStep:
    name = f"{language} progress"
    if not (stats.fuzzy or stats.untranslated):
        return VerifStep(name, OK, f"all {stats.total} entries translated")
    fix = f"run `make fuzzy LANGUAGE={language}`" if stats.fuzzy else "run `make todo`"
    return VerifStep(name, NOTE, f"{stats.translated}/{stats.total} translated ({stats.percent:.0f}% of entries, "
                     f"{stats.percent_words:.0f}% of words): {stats.fuzzy} fuzzy, {stats.untranslated} untranslated",
                     fix)


def _language_steps(config: Config, language: str) -> list[VerifStep]:
    steps = []
    for document in config.documents:
        path = config.po_path(language, document)
        try:
            template = read_template(config, document)
            catalog = read_po(path, config.max_po_bytes)
        except L10nError as exc:
            steps.append(VerifStep(f"{language} {document}", FAIL, exc.one_line(), exc.fix))
            continue
        diff = template_diff(template, catalog, config.upstream.label)
        steps.append(_template_step(language, str(config.relative(path)), diff))
        steps.append(_progress_step(language, catalog_stats(catalog)))
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
