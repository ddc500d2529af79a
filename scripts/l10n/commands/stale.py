"""`l10n stale`: the CI gate; exit 1 when a language fails the pull-request gate
(`[tool.l10n.gate]`, `reports/gate.py`), 0 otherwise."""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict, replace
from pathlib import Path

from ..catalog import extract
from ..checks.findings import exit_status, format_github, format_text
from ..config import FUZZY_POLICIES, GatePolicy
from ..errors import L10nError
from ..locales import validate_language
from ..reports.gate import entries
from ..reports.stale import CatalogReport, StaleReport, stale
from .options import add_language_option, config_of, selected_languages

FORMATS = ("text", "json", "github")


def parse_fail_under(values: list[str] | None) -> dict[str, float]:
    """`80` (every language) or `zh_CN=95` (one language), repeatable."""
    thresholds: dict[str, float] = {}
    for value in values or []:
        language, _, percent = value.rpartition("=")
        key = validate_language(language, where="--fail-under") if language else "default"
        try:
            number = float(percent)
        except ValueError:
            number = -1.0
        if not 0.0 <= number <= 100.0:
            raise L10nError("--fail-under", f"invalid percent {value!r}",
                            "give a number from 0 to 100, e.g. --fail-under 80 or --fail-under zh_CN=95")
        thresholds[key] = number
    return thresholds


def policy_of(policy: GatePolicy, fuzzy: str | None, fail_under: list[str] | None) -> GatePolicy:
    """The project's policy with the command line's overrides: --fuzzy, and --fail-under (any
    given replaces every threshold of the policy)."""
    if fuzzy is not None:
        policy = replace(policy, fuzzy=fuzzy)
    if fail_under:
        policy = replace(policy, fail_under=parse_fail_under(fail_under))
    return policy


def summary_line(catalog: CatalogReport) -> str:
    s = catalog.stats
    return (f"{catalog.path}: synced to revision {catalog.synced_revision or 'unknown'} (master "
            f"{catalog.source_revision}), {entries(catalog.changed_since)} changed since; {s.translated} "
            f"translated, {s.fuzzy} fuzzy, {s.untranslated} untranslated ({s.percent:.1f}%)")


def _code(text: str) -> str:
    """Text as a Markdown code span on one line (the job summary renders Markdown)."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


def markdown_summary(reports: list[StaleReport]) -> str:
    """The job summary ($GITHUB_STEP_SUMMARY, Markdown): a row per catalog, each language's
    verdict, and every fuzzy and untranslated entry at its msgstr line."""
    rows = ["### Translation status", "",
            "| language | gate | catalog | synced to | master | changed since "
            "| translated | fuzzy | untranslated | % |",
            "|---|---|---|---|---|---:|---:|---:|---:|---:|"]
    for r in reports:
        for c in r.catalogs:
            s = c.stats
            rows.append(f"| {r.language} | {r.status} | {c.path} | {c.synced_revision or 'unknown'} "
                        f"| {c.source_revision} | {c.changed_since} | {s.translated} | {s.fuzzy} | {s.untranslated} "
                        f"| {s.percent:.1f} |")
    for r in reports:
        rows += ["", f"**{r.verdict.text}**" + (f" (fix: {r.verdict.fix})" if r.verdict.fix else "")]
        rows += _pending_list(r)
    return "\n".join(rows) + "\n"


def _pending_list(report: StaleReport) -> list[str]:
    """Every fuzzy and untranslated entry, folded (annotations show only the first few per step)."""
    pending = [f for c in report.catalogs for f in c.findings if f.code in ("fuzzy", "untranslated")]
    if not pending:
        return []
    stats = report.verdict.stats
    return ["", f"<details><summary>{report.language}: {stats.fuzzy} fuzzy, {stats.untranslated} untranslated "
                "(at their msgstr lines)</summary>", "",
            *(f"- {_code(f'{f.path}:{f.line}')} {_code(f.message)}" for f in pending),
            "", "</details>"]


def as_json(reports: list[StaleReport]) -> str:
    data = []
    for r in reports:
        catalogs = [{"path": c.path, "synced_revision": c.synced_revision, "source_revision": c.source_revision,
                     "changed_since": c.changed_since, "missing": list(c.diff.missing),
                     "removed": list(c.diff.extra), "stats": asdict(c.stats) | {"percent": round(c.stats.percent, 2)}}
                    for c in r.catalogs]
        stats = r.verdict.stats
        data.append({
            "language": r.language, "status": r.status, "failed": r.failed, "verdict": r.verdict.text,
            "reasons": [asdict(reason) for reason in r.verdict.reasons], "fix": r.verdict.fix,
            "policy": {"fuzzy": r.verdict.policy.fuzzy, "fail_under": r.verdict.threshold},
            "stats": asdict(stats) | {"percent": round(stats.percent, 2)}, "catalogs": catalogs,
            "findings": [asdict(f) for f in r.findings],
        })
    return json.dumps(data, ensure_ascii=False, indent=2)


def cmd_stale(args: argparse.Namespace) -> int:
    config = config_of(args)
    policy = policy_of(config.gate, args.fuzzy, args.fail_under)
    languages = selected_languages(config, args.languages)
    if not args.no_gettext:
        extract.gettext(config)
    reports = stale(config, languages, policy)
    findings = [f for r in reports for f in r.findings]
    if args.format == "json":
        print(as_json(reports))
    elif args.format == "github":
        if findings:
            print(format_github(findings))
        summary = markdown_summary(reports)
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            with Path(target).open("a", encoding="utf-8") as handle:
                handle.write(summary)
        else:
            print(summary, end="")
    else:
        if findings:
            print(format_text(findings))
        for report in reports:
            for catalog in report.catalogs:
                print(summary_line(catalog))
            print(report.verdict.text + (f" (fix: {report.verdict.fix})" if report.verdict.fix else ""))
    return exit_status(findings)  # a failing language has its pull-request-gate error


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stale", help="CI gate: exit 1 when a language fails the pull-request gate "
                                     "([tool.l10n.gate]: check errors, out of date, fuzzy, fail_under)")
    add_language_option(p)
    p.add_argument("--fail-under", action="append", metavar="[LANG=]PERCENT",
                   help="override [tool.l10n.gate] fail_under: fail a language below this percent translated; "
                        "e.g. 80, or zh_CN=95; repeatable")
    p.add_argument("--fuzzy", choices=FUZZY_POLICIES, default=None,
                   help="override [tool.l10n.gate] fuzzy: allow (annotations only) or fail")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), json, or github (workflow annotations + Markdown job summary)")
    p.add_argument("--no-gettext", action="store_true", help="use the existing POT; do not extract first")
    p.set_defaults(func=cmd_stale)
