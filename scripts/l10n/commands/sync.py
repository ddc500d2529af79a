"""`l10n sync` (`make sync UPSTREAM=... REF=...`): the master brought up to an upstream commit,
every catalog updated; prints, per catalog, what became fuzzy (with the English word diff), new
or obsolete. Exit 0, whether or not anything changed (nothing changed: no byte written)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalog.files import write_text_atomic
from ..catalog.follow import CatalogChanges, SyncResult, sync_upstream
from ..text.worddiff import format_terminal
from .options import config_of


def headline(result: SyncResult) -> str:
    c = result.commit
    where = f"revision {c.label} ({c.date}, {c.subject!r}) of {result.upstream}"
    if not result.changed:
        return f"nothing changed: source/README.md is {where}"
    was = "" if result.previous == c.label else f" (was {result.previous})"
    return f"synced source/README.md to {where}{was}"


def _counts(changes: CatalogChanges) -> str:
    r = changes.report
    return (f"{len(changes.fuzzy)} became fuzzy, {len(r.new)} new, {len(changes.obsolete)} obsolete, "
            f"{len(r.carried_over)} carried over (links), {len(r.recovered)} recovered")


def as_text(result: SyncResult, color: bool = False) -> list[str]:
    lines = [headline(result)]
    for changes in result.catalogs:
        state = "written" if changes.report.written else "unchanged"
        lines.append(f"{changes.path}: {_counts(changes)} ({state})")
        lines += [f"  fuzzy: {format_terminal(list(s.diff), color)}" for s in changes.fuzzy]
        lines += [f"  new: {msgid}" for msgid in changes.report.new]
        lines += [f"  obsolete: {msgid}" for msgid in changes.obsolete]
    return lines


def _code(text: str) -> str:
    return "`` " + " ".join(text.replace("`", "'").split()) + " ``"


def as_markdown(result: SyncResult) -> str:
    """The sync pull request's body: the commit, then per catalog the entries that became stale."""
    c = result.commit
    was = "" if result.previous == c.label else f" (was {result.previous})"
    rows = [f"Sync the English master with upstream revision {c.label} ({c.date}: {c.subject}) of "
            f"{result.upstream}{was}.", ""]
    if not result.changed:
        return "\n".join([*rows, "Nothing changed."]) + "\n"
    for changes in result.catalogs:
        rows += [f"### {changes.language}: {changes.path}", "", _counts(changes), ""]
        rows += [f"- fuzzy: {_code(format_terminal(list(s.diff)))}" for s in changes.fuzzy]
        rows += [f"- new: {_code(msgid)}" for msgid in changes.report.new]
        rows += [f"- obsolete: {_code(msgid)}" for msgid in changes.obsolete]
        rows.append("")
    rows.append("Translators: `make fuzzy LANGUAGE=xx` lists each fuzzy entry with its word diff; "
                "`make todo` what is left.")
    return "\n".join(rows) + "\n"


def cmd_sync(args: argparse.Namespace) -> int:
    config = config_of(args)
    result = sync_upstream(config, args.upstream or None, args.ref or "")
    if args.format == "markdown":
        body = as_markdown(result)
        if args.output:
            write_text_atomic(args.output, body)
        else:
            print(body, end="")
    else:
        print("\n".join(as_text(result, color=sys.stdout.isatty())))
    for refusal in result.refusals:
        print(refusal.one_line(), file=sys.stderr)
    return 2 if result.refusals else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="bring the English master up to an upstream commit and update every catalog")
    p.add_argument("--upstream", default="", metavar="URL_OR_PATH",
                   help="the upstream git repository (default: [tool.l10n.upstream] repository)")
    p.add_argument("--ref", default="", help="branch, tag or commit (default: the repository's default branch)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="text (default), or markdown: the sync pull request's body")
    p.add_argument("--output", type=Path, default=None, help="with --format markdown: write it to this file")
    p.set_defaults(func=cmd_sync)
