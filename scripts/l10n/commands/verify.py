"""`l10n check-build` (built pages against English) and `l10n compare-md` (translated Markdown)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..checks.findings import ERROR, FORMATTERS, WARNING, Finding
from ..errors import L10nError
from ..verify.built_html import check_build
from ..verify.markdown import compare_markdown
from .options import add_language_option, config_of, selected_languages


def _report(findings: list[Finding], output_format: str) -> int:
    if findings:
        print(FORMATTERS[output_format](findings))
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    if output_format == "text":
        notes = len(findings) - errors - warnings
        print(f"{errors} error(s), {warnings} warning(s), {notes} note(s)", file=sys.stderr)
    return 1 if errors else 0


def cmd_check_build(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = [lang for lang in selected_languages(config, args.languages) if lang != "en"]
    return _report(check_build(config, languages), args.format)


def cmd_compare_md(args: argparse.Namespace) -> int:
    texts = []
    for path in (args.english, args.translation):
        if not path.is_file():
            raise L10nError(path, "file not found", "check the path")
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise L10nError(path, f"invalid UTF-8 at byte {exc.start}", "save the file as UTF-8") from None
    findings = compare_markdown(texts[0], texts[1], str(args.english), str(args.translation))
    status = _report(findings, args.format)
    return 1 if args.strict and findings else status


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
