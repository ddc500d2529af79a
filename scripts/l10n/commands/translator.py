"""Translator commands: todo, fuzzy (list / --done), reviewed, wrap, fix-typography, verifs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog import extract
from ..catalog.review import review
from ..catalog.wrap import wrap_files
from ..checks.findings import format_text
from ..config import Config
from ..errors import L10nError
from ..reports.review import ReviewResult, list_fuzzy
from ..reports.todo import todo
from ..reports.verifs import verifs
from ..text.worddiff import format_terminal
from .options import add_language_option, config_of, selected_languages


def cmd_todo(args: argparse.Namespace) -> int:
    config = config_of(args)
    items = todo(config, selected_languages(config, args.languages))
    if not items:
        print("no languages yet (run `make init LANGUAGE=xx` to add one)")
        return 0
    header = ("language", "document", "translated", "fuzzy", "untransl.", "words left", "% words",
              "% entries")
    rows = [header]
    for item in items:
        s = item.stats
        rows.append((item.language, item.document, f"{s.translated}/{s.total}", str(s.fuzzy),
                     str(s.untranslated), f"{s.words_left}/{s.words_total}", f"{s.percent_words:.1f}%",
                     f"{s.percent:.1f}%"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = zip(row, widths, strict=True)
        print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(cells)))
    pending = [i for i in items if not i.done]
    if pending:
        print(f"next: {pending[0].next_command}")
    else:
        print("everything is translated")
    return 0


def _color(args: argparse.Namespace) -> bool:
    if args.color == "auto":
        return sys.stdout.isatty()
    return args.color == "always"


def _list_fuzzy(config: Config, languages: list[str], color: bool) -> int:
    items = list_fuzzy(config, languages)
    for item in items:
        print(f"{item.path}:{item.line}: fuzzy")
        if item.diff:
            print(f"  English changed: {format_terminal(list(item.diff), color)}")
        else:
            print(f"  English:         {item.msgid}")
        print(f"  translation:     {item.msgstr or '(empty)'}")
        for note in item.note.splitlines():
            print(f"  note:            {note}")
        print(f"  once reviewed:   make reviewed ENTRY={item.path}:{item.line}")
        print()
    if items:
        print(f"{len(items)} fuzzy entr{'y' if len(items) == 1 else 'ies'}: edit each msgstr to match the new "
              "English, then run `make reviewed ENTRY=FILE:LINE` (or `l10n reviewed FILE:LINE ...`)")
    else:
        print("no fuzzy entries")
    return 0


def _print_review(result: ReviewResult) -> None:
    where = result.path
    for selector, lines in result.ambiguous:
        print(f"{where}: error: {selector!r} matches {len(lines)} fuzzy entries (lines "
              f"{', '.join(map(str, lines))}) (name one as {where}:LINE)", file=sys.stderr)
    for selector, line in result.not_fuzzy:
        print(f"{where}:{line}: note: {selector!r} is not fuzzy; nothing to clear")
    for line, _msgid in result.untranslated:
        print(f"{where}:{line}: warning: cleared, but its msgstr is empty: it stays untranslated "
              "(write the translation, it is used once not fuzzy)")
    for line, msgid in result.cleared:
        short = msgid if len(msgid) <= 60 else msgid[:57] + "..."
        print(f"{where}:{line}: reviewed: fuzzy flag and previous English removed ({short})")


def _review(config: Config, languages: list[str], selectors: list[str]) -> int:
    run = review(config, languages, selectors)
    for result in run.results:
        _print_review(result)
    for selector in run.unmatched:
        print(f"error: no entry matches {selector!r} (run `make fuzzy` to list the fuzzy entries as "
              "FILE:LINE)", file=sys.stderr)
    return 1 if run.problems else 0


def cmd_fuzzy(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = selected_languages(config, args.languages)
    if args.done:
        return _review(config, languages, args.done)
    return _list_fuzzy(config, languages, _color(args))


def cmd_reviewed(args: argparse.Namespace) -> int:
    config = config_of(args)
    return _review(config, selected_languages(config, args.languages), args.entries)


def cmd_wrap(args: argparse.Namespace) -> int:
    config = config_of(args)
    if args.files:
        paths = [f for f in args.files if f.suffix == ".po"]
    else:
        paths = [config.po_path(lang, doc) for lang in selected_languages(config, args.languages)
                 for doc in config.catalogs_of(lang)]
    try:
        results = wrap_files(paths, check=args.check)
    except L10nError as exc:
        if exc.path:
            exc.path = str(config.relative(Path(exc.path).resolve()))
        raise
    bad = [r for r in results if not r.normalized]
    for r in bad:
        display = config.relative(r.path.resolve())
        if args.check:
            print(f"{display}:{r.first_difference}: not normalized (run `make wrap`)")
        else:
            print(f"normalized {display}")
    if args.check and bad:
        print(f"{len(bad)} of {len(results)} file(s) not normalized (run `make wrap`)", file=sys.stderr)
        return 1
    if not bad and not args.quiet:
        print(f"{len(results)} file(s) already normalized")
    return 0


def cmd_verifs(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = selected_languages(config, args.languages)
    if not args.no_gettext:
        extract.gettext(config)
    report = verifs(config, languages)
    if report.findings:
        print(format_text(report.findings))
        print()
    print("verifs summary:")
    for step in report.steps:
        fix = f" ({step.fix})" if step.fix and step.status != "ok" else ""
        print(f"  {step.status:<4}  {step.name}: {step.summary}{fix}")
    failed = report.failed
    if failed:
        print(f"verifs: {len(failed)} problem(s) to fix before opening a pull request")
        return 1
    print("verifs: ready for a pull request (CI's `make stale` gives the same verdict)")
    return 0


def cmd_fix_typography(args: argparse.Namespace) -> int:
    from ..catalog.typography_fix import fix_typography

    config = config_of(args)
    fixes = fix_typography(config, selected_languages(config, args.languages), write=not args.check)
    for fix in fixes:
        for change in fix.changes:
            verdict = f"skipped: {change.skipped}" if change.skipped else "would fix" if args.check else "fixed"
            print(f"{fix.display}:{change.line}: {verdict}\n  before: {change.before}\n  after:  {change.after}")
    applied = sum(len(fix.applied) for fix in fixes)
    spacing = ", ".join(f"{fix.display}: CJK-Latin spacing {fix.spacing}" for fix in fixes)
    print(f"{applied} entr{'y' if applied == 1 else 'ies'} {'to fix' if args.check else 'fixed'} ({spacing})")
    if args.check and applied:
        print("run `make fix-typography` to write these fixes", file=sys.stderr)
        return 1
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("todo", help="what is left to translate, per language and document, next pick first")
    add_language_option(p)
    p.set_defaults(func=cmd_todo)

    p = sub.add_parser("fuzzy", help="list fuzzy entries with a word diff of the English; --done clears them")
    add_language_option(p)
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--done", nargs="+", metavar="ENTRY",
                   help="entries you reviewed (FILE:LINE, LINE or msgid text): clear fuzzy, previous msgid")
    p.set_defaults(func=cmd_fuzzy)

    p = sub.add_parser("reviewed", help="clear the fuzzy flag and previous msgid of entries you reviewed")
    add_language_option(p)
    p.add_argument("entries", nargs="+", metavar="ENTRY", help="FILE:LINE (as `l10n fuzzy` prints), LINE, "
                   "or text of the msgid")
    p.set_defaults(func=cmd_reviewed)

    p = sub.add_parser("wrap", help="normalize PO formatting (no wrapping; stable); --check only reports")
    add_language_option(p)
    p.add_argument("--check", action="store_true", help="exit 1 and name the files that are not normalized")
    p.add_argument("--quiet", action="store_true", help="print only the files changed or not normalized")
    p.add_argument("files", nargs="*", type=Path, help="PO files (default: every catalog); others skipped")
    p.set_defaults(func=cmd_wrap)

    p = sub.add_parser("fix-typography", help="apply the typography checks' mechanical fixes (brackets of the "
                       "other width; zh, ja: full-width punctuation and spacing); --check only reports")
    add_language_option(p)
    p.add_argument("--check", action="store_true", help="exit 1 and print the fixes, writing nothing")
    p.set_defaults(func=cmd_fix_typography)

    p = sub.add_parser("verifs", help="everything to run before a pull request, with one summary")
    add_language_option(p)
    p.add_argument("--no-gettext", action="store_true", help="use the existing POT; do not extract first")
    p.set_defaults(func=cmd_verifs)
