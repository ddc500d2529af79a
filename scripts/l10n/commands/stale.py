"""`l10n stale`: the CI gate; exit 1 when a language's catalog is stale, 0 otherwise."""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict
from pathlib import Path

from ..catalog import extract
from ..checks.findings import exit_status, format_github, format_text
from ..errors import L10nError
from ..locales import validate_language
from ..reports.stale import FUZZY_MODES, GatePolicy, StaleReport, entries, stale
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


def summary_line(report: StaleReport) -> str:
    synced = report.synced_revision or "unknown"
    line = (f"{report.path}: {report.status}; synced to revision {synced} (master {report.source_revision}), "
            f"{entries(report.changed_since)} changed since; {report.stats.translated} translated, "
            f"{report.stats.fuzzy} fuzzy, {report.stats.untranslated} untranslated "
            f"({report.stats.percent:.1f}%)")
    return line + (f": {'; '.join(report.reasons)}" if report.reasons else "")


def markdown_summary(reports: list[StaleReport]) -> str:
    """The job-summary table (GitHub renders $GITHUB_STEP_SUMMARY as Markdown)."""
    header = ("| language | status | synced to | master | changed since "
              "| translated | fuzzy | untranslated | % |")
    rows = ["### Translation status", "", header,
            "|---|---|---|---|---:|---:|---:|---:|---:|"]
    for r in reports:
        rows.append(f"| {r.language} | {r.status} | {r.synced_revision or 'unknown'} | {r.source_revision} "
                    f"| {r.changed_since} | {r.stats.translated} | {r.stats.fuzzy} | {r.stats.untranslated} "
                    f"| {r.stats.percent:.1f} |")
    failing = [r for r in reports if r.failed]
    if failing:
        rows += ["", "Stale: " + ", ".join(r.language for r in failing)
                 + ". Run `make update`, translate the fuzzy and untranslated entries, commit the catalogs."]
    return "\n".join(rows) + "\n"


def as_json(reports: list[StaleReport]) -> str:
    data = []
    for r in reports:
        item = {
            "language": r.language, "path": r.path, "status": r.status, "failed": r.failed,
            "synced_revision": r.synced_revision, "source_revision": r.source_revision,
            "changed_since": r.changed_since, "missing": r.missing, "removed": r.removed,
            "stats": asdict(r.stats) | {"percent": round(r.stats.percent, 2)},
            "threshold": r.threshold, "reasons": r.reasons,
            "findings": [asdict(f) for f in r.findings],
        }
        data.append(item)
    return json.dumps(data, ensure_ascii=False, indent=2)


def cmd_stale(args: argparse.Namespace) -> int:
    config = config_of(args)
    policy = GatePolicy(fuzzy=args.fuzzy, fail_under=parse_fail_under(args.fail_under))
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
            print(summary_line(report))
    return exit_status(findings)  # each stale language has its stale-catalog error


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stale", help="CI gate: exit 1 when a catalog is out of date, fuzzy or untranslated")
    add_language_option(p)
    p.add_argument("--fail-under", action="append", metavar="[LANG=]PERCENT",
                   help="fail a language only below this percent translated (untranslated entries become "
                        "warnings); e.g. 80, or zh_CN=95; repeatable")
    p.add_argument("--fuzzy", choices=FUZZY_MODES, default="fail",
                   help="fuzzy entries fail the gate (default) or are only warnings")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), json, or github (workflow annotations + Markdown job summary)")
    p.add_argument("--no-gettext", action="store_true", help="use the existing POT; do not extract first")
    p.set_defaults(func=cmd_stale)
