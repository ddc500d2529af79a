"""`l10n check`: every registered catalog check, every language; exit 1 on errors."""

from __future__ import annotations

import argparse
import sys

from ..checks.findings import FORMATTERS, summarize
from ..checks.runner import check_catalogs
from .options import add_language_option, config_of, selected_languages


def cmd_check(args: argparse.Namespace) -> int:
    config = config_of(args)
    # no language named: every language, and locale/ itself (a stray file there is charged to none)
    findings = check_catalogs(config, selected_languages(config, args.languages) if args.languages else None)
    if findings:
        print(FORMATTERS[args.format](findings))
    summary = summarize(findings)
    if args.format == "text":
        print(summary, file=sys.stderr)
    return summary.exit_status()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check every catalog (links, code, markup, hostile content, files)")
    add_language_option(p)
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    p.set_defaults(func=cmd_check)
