"""`make verifs`: everything a translator runs before opening a pull request, one summary.

Steps: PO layout (`wrap --check`, which CI does not run), every registered catalog check, and
per language what is left to do and the pull-request gate's verdict: the assessment `make stale`
makes in CI (`reports/stale.py`, `reports/gate.py`), under the same `[tool.l10n.gate]` policy,
so what passes here passes CI and what fails CI fails here, with the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog.stats import CatalogStats
from ..catalog.wrap import wrap_files
from ..checks.findings import Finding, summarize
from ..config import Config
from ..errors import L10nError
from .gate import Verdict
from .stale import stale

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
    verdicts: list[Verdict] = field(default_factory=list)  # the gate's, one per language

    @property
    def failed(self) -> list[VerifStep]:
        return [s for s in self.steps if s.status == FAIL]


def _layout_step(config: Config, languages: list[str]) -> VerifStep:
    paths = [config.po_path(lang, doc) for lang in languages for doc in config.catalogs]
    readable = [p for p in paths if p.is_file()]
    results = []
    for path in readable:
        try:
            results.extend(wrap_files([path], check=True))
        except L10nError:
            continue  # the checks report an unreadable catalog, once
    bad = [str(config.relative(r.path)) for r in results if not r.normalized]
    if bad:
        return VerifStep("layout", FAIL, f"not normalized: {', '.join(bad)}", "run `make wrap`")
    return VerifStep("layout", OK, f"{len(results)} catalog(s) normalized")


def _checks_step(findings: list[Finding]) -> VerifStep:
    """The count of every finding; an error fails its language's gate step, not this one."""
    summary = summarize(findings)
    if summary.errors:
        return VerifStep("checks", NOTE, f"{summary}: each error fails its language's gate below",
                         "fix each error listed above")
    if summary.warnings:
        return VerifStep("checks", NOTE, str(summary), "review the warnings listed above")
    return VerifStep("checks", OK, str(summary))


def _progress_step(language: str, stats: CatalogStats) -> VerifStep:
    name = f"{language} progress"
    if not (stats.fuzzy or stats.untranslated):
        return VerifStep(name, OK, f"all {stats.total} entries translated")
    fix = f"run `make fuzzy LANGUAGE={language}`" if stats.fuzzy else "run `make todo`"
    return VerifStep(name, NOTE, f"{stats.translated}/{stats.total} translated ({stats.percent:.0f}% of entries, "
                     f"{stats.percent_words:.0f}% of words): {stats.fuzzy} fuzzy, {stats.untranslated} untranslated",
                     fix)


def _gate_step(verdict: Verdict) -> VerifStep:
    """The verdict CI's `make stale` gives, word for word."""
    return VerifStep("gate", OK if verdict.passed else FAIL, verdict.text, verdict.fix)


def verifs(config: Config, languages: list[str]) -> VerifsReport:
    """Run every pre-pull-request verification; the template must exist (`make gettext`)."""
    report = VerifsReport()
    report.steps.append(_layout_step(config, languages))
    assessed = stale(config, languages, config.gate)
    report.findings = sorted((f for r in assessed for f in r.check_findings),
                             key=lambda f: (f.path, f.line, f.code, f.message))
    report.steps.append(_checks_step(report.findings))
    for language in assessed:
        report.verdicts.append(language.verdict)
        report.steps.append(_progress_step(language.language, language.verdict.stats))
        report.steps.append(_gate_step(language.verdict))
    return report
