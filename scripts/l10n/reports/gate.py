"""The pull-request gate: one decision per language, behind `make verifs`, `make stale` and CI.

`decide` is pure: it takes a language's check findings, each of its catalogs' template diff and
statistics, and the policy (`[tool.l10n.gate]`, `config.GatePolicy`), and returns the verdict with
its reasons. Check errors and catalogs out of date with the English master always fail; fuzzy
entries fail when the policy says so; completion fails under the language's threshold; and a
master that is not the recorded upstream content fails every language (PROVENANCE: its text and
fix come from `catalog/upstream.py`, checked once by `reports/stale.py`). Every
command prints the verdict's own text, so a reason reads the same wherever it is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import add

from ..catalog.stats import CatalogStats
from ..catalog.sync import TemplateDiff
from ..checks.findings import ERROR, Finding
from ..config import GatePolicy

CHECK_ERRORS, OUT_OF_DATE, FUZZY, FAIL_UNDER = "check-errors", "out-of-date", "fuzzy", "fail-under"
PROVENANCE = "provenance"


def entries(count: int, kind: str = "") -> str:
    return f"{count} {kind}{'entry' if count == 1 else 'entries'}"


@dataclass(frozen=True)
class CatalogState:
    """One catalog of the language as the gate sees it."""

    path: str  # relative to the project
    diff: TemplateDiff  # against the current template
    stats: CatalogStats
    # a document's catalog counts toward the percent translated, as publishing counts it; site.po
    # (the site's own words) does not, but its fuzzy entries and its template diff do
    counted: bool = True


@dataclass(frozen=True)
class Reason:
    """One rule of the policy the language breaks: what, and the command or edit that fixes it."""

    rule: str  # PROVENANCE, CHECK_ERRORS, OUT_OF_DATE, FUZZY or FAIL_UNDER
    text: str
    fix: str


@dataclass(frozen=True)
class Verdict:
    language: str
    reasons: tuple[Reason, ...]  # empty: the language passes
    stats: CatalogStats  # of the language's document catalogs: the percent publishing uses
    policy: GatePolicy
    fuzzy: int = 0  # fuzzy entries in every catalog of the language, site.po too

    @property
    def passed(self) -> bool:
        return not self.reasons

    @property
    def threshold(self) -> float:
        return self.policy.threshold(self.language)

    @property
    def text(self) -> str:
        """The verdict as every command prints it: the reasons, or what the language passed."""
        if self.reasons:
            return f"{self.language} fails the pull-request gate: {'; '.join(r.text for r in self.reasons)}"
        fuzzy = f"; {entries(self.fuzzy, 'fuzzy ')} allowed" if self.fuzzy else ""
        return (f"{self.language} passes the pull-request gate: no check error, up to date with the English "
                f"master, {self.stats.percent:.1f}% translated (fail_under {self.threshold:g}%){fuzzy}")

    @property
    def fix(self) -> str:
        """Each distinct fix of the reasons, in their order ("" when the language passes)."""
        return "; ".join(dict.fromkeys(r.fix for r in self.reasons))


def _out_of_date(language: str, catalog: CatalogState) -> Reason | None:
    diff = catalog.diff
    if diff.changed:
        text = (f"{catalog.path} is out of date with the English master: {entries(diff.changed)} changed "
                f"since revision {diff.synced_revision or '(unknown)'}")
        if diff.revision_differs:  # name the master's revision too, as when only the revision differs
            text += f", the master is {diff.source_revision}"
    elif diff.revision_differs:
        text = f"{catalog.path} is synced to revision {diff.synced_revision}, the master is {diff.source_revision}"
    else:
        return None
    return Reason(OUT_OF_DATE, text, f"run `make update LANGUAGE={language}`")


def decide(language: str, check_findings: Sequence[Finding], catalogs: Sequence[CatalogState],
           policy: GatePolicy, provenance: Reason | None = None) -> Verdict:
    """The verdict on one language under the policy; `provenance`, the master's own problem (a
    PROVENANCE reason), comes first: every other reason is measured against that master."""
    reasons = [provenance] if provenance is not None else []
    errors = [f for f in check_findings if f.severity == ERROR]
    if errors:
        first = errors[0]
        where = f"{first.path}:{first.line}" if first.line else first.path
        count = f"{len(errors)} check error{'s' if len(errors) > 1 else ''}"
        reasons.append(Reason(CHECK_ERRORS, f"{count} (first: {where} {first.code})",
                              f"fix each error where it is reported, then run `make check LANGUAGE={language}`"))
    reasons += [reason for catalog in catalogs if (reason := _out_of_date(language, catalog))]
    stats = reduce(add, (catalog.stats for catalog in catalogs if catalog.counted), CatalogStats())
    fuzzy = sum(catalog.stats.fuzzy for catalog in catalogs)
    if fuzzy and policy.fuzzy == "fail":
        reasons.append(Reason(FUZZY, f"{entries(fuzzy, 'fuzzy ')}, and the policy fails them (fuzzy = \"fail\")",
                              f"run `make fuzzy LANGUAGE={language}`, review each entry it lists, then "
                              "`make reviewed ENTRY=FILE:LINE`"))
    threshold = policy.threshold(language)
    if stats.percent < threshold:
        reasons.append(Reason(FAIL_UNDER, f"{stats.percent:.1f}% translated, under the {threshold:g}% threshold "
                                          "(fail_under)", "run `make todo` and translate what it lists"))
    return Verdict(language, tuple(reasons), stats, policy, fuzzy)
