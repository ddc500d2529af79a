"""Core commands: gettext, update, html, import, init, languages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog import extract, sync
from ..catalog.files import read_text
from ..catalog.importer import import_translation
from ..catalog.io import write_po
from ..catalog.update import UpdateReport
from ..checks.findings import format_text
from ..checks.tree import writable_languages
from ..config import SITE_CATALOG
from ..errors import L10nError
from ..locales import native_name, validate_language
from .options import add_language_option, built_languages, config_of, selected_languages


def format_update(report: UpdateReport) -> str:
    state = "written" if report.written else "unchanged"
    line = (f"{report.path}: {report.translated} translated, {report.fuzzy} fuzzy, "
            f"{report.untranslated} untranslated, {report.obsolete} obsolete; "
            f"{len(report.new)} new, {len(report.fuzzied)} fuzzied, {len(report.carried_over)} carried over, "
            f"{len(report.recovered)} recovered, {len(report.obsoleted)} obsoleted, "
            f"{len(report.dropped)} dropped, {len(report.filled)} filled with the English ({state})")
    return line


def cmd_gettext(args: argparse.Namespace) -> int:
    config = config_of(args)
    for pot in extract.gettext(config):
        print(f"wrote {config.relative(pot)}")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    config = config_of(args)
    if not args.no_gettext:
        extract.gettext(config)
    languages, refusals = writable_languages(config, selected_languages(config, args.languages)
                                             if args.languages else None)
    # site.po too; with --no-gettext, only when its template was extracted before
    catalogs = tuple(c for c in config.catalogs if c != SITE_CATALOG or config.pot_path(c).is_file())
    for report in sync.update(config, languages, catalogs):
        print(format_update(report))
    for refusal in refusals:
        print(refusal.one_line(), file=sys.stderr)
    return 2 if refusals else 0


def cmd_html(args: argparse.Namespace) -> int:
    config = config_of(args)
    # a named language must have a catalog: an error naming `make init`, never a silent no-op
    languages = built_languages(config, args.languages) if args.languages else config.languages()
    if not args.languages:
        languages = ["en", *languages]
    from ..build.site import build_languages  # here: `l10n gettext` and `update` load no checks

    for result in build_languages(config, languages):
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        print(f"{result.state} {config.relative(result.outdir / 'index.html')}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    config = config_of(args)
    language = validate_language(args.language, where="--language")
    english, translation = read_text(args.english), read_text(args.translation)
    output = args.output or config.po_path(language)
    if output.exists() and not args.force:
        raise L10nError(config.relative(output), "catalog exists; import would replace it",
                        "pass --force, or --output another path")
    result = import_translation(
        english, translation, language, config.project_name, english_path=str(args.english),
        translated_path=str(args.translation), source_revision=args.revision or "",
    )
    if result.findings:
        print(format_text(result.findings))
    write_po(output, result.catalog)
    print(f"wrote {config.relative(output)}: {len(result.pairs)} blocks paired, "
          f"{len(result.unmatched_english)} English blocks without translation, "
          f"{len(result.unmatched_translated)} translated blocks without English, "
          f"{len(result.fuzzy)} fuzzy, heading shift {result.heading_shift:+d}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Create a new language's catalog from the current template, with correct headers."""
    config = config_of(args)
    result = sync.init_language(config, args.language, extract_first=not args.no_gettext)
    language = result.report.language
    print(f"created {result.report.path} for {native_name(language)} ({language}): "
          f"{result.report.untranslated} entries to translate")
    if result.site is not None:
        print(f"created {result.site.path}: the site's own words, {result.site.untranslated} entries to translate")
    if result.glossary is not None:
        print(f"created {config.relative(result.glossary)}: the names and units to keep; add your terms")
    return 0


def cmd_languages(args: argparse.Namespace) -> int:
    config = config_of(args)
    for language in config.languages():
        print(f"{language}\t{native_name(language)}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gettext", help="extract build/gettext/*.pot from the English master")
    p.set_defaults(func=cmd_gettext)

    p = sub.add_parser("update", help="merge the POT into each language's PO (fuzzy, obsolete, carry-over)")
    add_language_option(p)
    p.add_argument("--no-gettext", action="store_true", help="use the existing POT; do not extract first")
    p.set_defaults(func=cmd_update)

    p = sub.add_parser("html", help="build build/html/<lang>/ for English and every language")
    add_language_option(p)
    p.set_defaults(func=cmd_html)

    p = sub.add_parser("import", help="create a PO catalog from a hand-made translated Markdown file")
    p.add_argument("translation", type=Path, help="the translated Markdown file")
    p.add_argument("--english", type=Path, required=True, help="the English revision it was made from")
    p.add_argument("--language", required=True, help="language code, e.g. zh_CN")
    p.add_argument("--revision", help="upstream revision of --english, recorded in the header")
    p.add_argument("--output", type=Path, help="PO file to write (default: locale/<lang>/LC_MESSAGES/README.po)")
    p.add_argument("--force", action="store_true", help="replace an existing catalog")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("init", help="add a language: create its catalog with correct headers")
    p.add_argument("language", help="language code, e.g. fr or pt_BR")
    p.add_argument("--no-gettext", action="store_true", help="use the existing POT")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("languages", help="list the languages under locale/")
    p.set_defaults(func=cmd_languages)
