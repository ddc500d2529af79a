"""`l10n check-build` (built pages against English) and `l10n compare-md` (translated Markdown)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog.files import read_text
from ..checks.findings import FORMATTERS, Finding, summarize
from ..verify.built_html import check_build
from ..verify.markdown import compare_markdown
from .options import add_language_option, config_of, selected_languages


def _report(findings: list[Finding], output_format: str, strict: bool = False) -> int:
    if findings:
        print(FORMATTERS[output_format](findings))
    summary = summarize(findings)
    if output_format == "text":
        print(summary, file=sys.stderr)
    return summary.exit_status(strict)


def cmd_check_build(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = [lang for lang in selected_languages(config, args.languages) if lang != "en"]
    return _report(check_build(config, languages), args.format)


def cmd_compare_md(args: argparse.Namespace) -> int:
    english, translation = read_text(args.english), read_text(args.translation)
    findings = compare_markdown(english, translation, str(args.english), str(args.translation))
    return _report(findings, args.format, strict=args.strict)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check-build", help="compare each language's built pages with the English ones "
                       "(run after `make html`)")
    add_language_option(p)
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    p.set_defaults(func=cmd_check_build)

    p = sub.add_parser("compare-md", help="compare a translated Markdown file's structure with its English")
    p.add_argument("translation", type=Path, help="the translated Markdown file")
    p.add_argument("--english", type=Path, required=True, help="the English revision it was made from")
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p.set_defaults(func=cmd_compare_md)
