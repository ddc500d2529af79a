"""Site commands: site (HTML + landing page), markdown, status, convert."""

from __future__ import annotations

import argparse
import sys

from ..build.plan import CatalogPlan
from ..build.site import build_site, html_root, write_landing, write_markdown, write_status
from ..catalog.convert import convert_file
from ..locales import validate_language
from .options import add_language_option, built_languages, config_of, selected_languages


def cmd_site(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = built_languages(config, args.languages) if args.languages else None
    result = build_site(config, languages)
    for build in result.built:
        for warning in build.warnings:
            print(warning, file=sys.stderr)
        print(f"{build.state} {config.relative(build.outdir / 'index.html')}")
    for language, catalog in result.out_of_date:
        print(f"{catalog.po_path}: warning: the English master changed since its last update "
              f"({_changed(catalog)}); run `make update LANGUAGE={language}`", file=sys.stderr)
    for record in result.kept:
        print(f"kept {config.relative(html_root(config) / record.code / 'index.html')}: the last good build "
              f"of {record.built} (upstream revision {record.revision}), until `make check` passes for {record.code}")
    for status in result.skipped:
        print(f"not published: {status.code} is {status.stats.percent:.0f}% translated, below its "
              f"{status.threshold:.0f}% threshold "
              "(translate it, or change [tool.l10n.publish] in pyproject.toml)")
    for path in result.removed:
        print(f"removed {config.relative(path)}")
    for page in (result.landing, result.status):
        if page is not None:
            print(f"wrote {config.relative(page)}")
    for refusal in result.refused:
        print(refusal.one_line(), file=sys.stderr)
    return 2 if result.refused else 0


def _changed(catalog: CatalogPlan) -> str:
    """How the English moved since a catalog's last `make update` (the template diff)."""
    diff = catalog.diff
    if diff is not None and diff.changed:
        return f"{diff.changed} {'entry' if diff.changed == 1 else 'entries'} added, edited or removed"
    synced = diff.synced_revision if diff is not None else "?"
    return f"synced to revision {synced}, the master is another"


def cmd_page(args: argparse.Namespace) -> int:
    """`l10n landing` and `l10n status`: one of the site's own pages, from a new plan."""
    config = config_of(args)
    print(f"wrote {config.relative(args.write(config))}")
    return 0


def cmd_markdown(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = selected_languages(config, args.languages) if args.languages else None
    refused = 0
    for result in write_markdown(config, languages):
        if result.refusal is not None:
            print(result.refusal.one_line(), file=sys.stderr)
            refused += 1
            continue
        if result.rendered is None:
            print(f"not published: {result.language} is below its threshold; "
                  f"{config.relative(result.path)} not written")
            continue
        r = result.rendered
        print(f"wrote {config.relative(result.path)}: {len(r.translated)} of {len(r.msgids)} segments "
              f"translated, {len(r.kept_english)} kept in English")
    return 2 if refused else 0


def cmd_convert(args: argparse.Namespace) -> int:
    config = config_of(args)
    source = validate_language(args.source, where="source language")
    target = validate_language(args.target, where="target language")
    report = convert_file(config, source, target, force=args.force)
    print(f"wrote {report.path}: {len(report.converted)} converted with OpenCC {report.profile} "
          f"(fuzzy: review each, then remove the flag), {len(report.kept_reviewed)} reviewed entries kept, "
          f"{len(report.not_translated)} not translated in {source}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("site", help="build the site: English, every published language, the landing page")
    add_language_option(p)
    p.set_defaults(func=cmd_site)

    p = sub.add_parser("landing", help="write build/html/index.html: the languages and their completion")
    p.set_defaults(func=cmd_page, write=write_landing)

    p = sub.add_parser("markdown", help="write build/markdown/<lang>/README.md: the translated Markdown")
    add_language_option(p)
    p.set_defaults(func=cmd_markdown)

    p = sub.add_parser("status", help="write build/html/status.html: progress, stale entries, findings")
    p.set_defaults(func=cmd_page, write=write_status)

    p = sub.add_parser("convert", help="seed a Chinese catalog from another by OpenCC conversion (all fuzzy)")
    p.add_argument("source", help="language to convert from, e.g. zh_CN")
    p.add_argument("target", help="language to convert to, e.g. zh_TW")
    p.add_argument("--force", action="store_true", help="also replace entries already reviewed in the target")
    p.set_defaults(func=cmd_convert)
