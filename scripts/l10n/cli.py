"""The command line: `l10n <command> ...`. `main(argv) -> int` is the only entry point.

Exit status: 0 success, 1 findings (checks, stale), 2 bad input or a missing tool (one line on
stderr naming file, line and fix; never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import L10nError

# Each module registers its subcommands; the order is the order of `l10n --help`.
COMMAND_MODULES = [
    "l10n.commands.core",
    "l10n.commands.check",
    "l10n.commands.translator",
    "l10n.commands.stale",
    "l10n.commands.site",
    "l10n.commands.verify",
]


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="l10n",
        description="Localization pipeline: Markdown master -> gettext catalogs -> HTML per language.",
    )
    parser.add_argument("--root", type=Path, default=None,
                        help="project root (default: nearest directory with [tool.l10n] in pyproject.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a usage line
        return 0 if exc.code == 0 else 2
    try:
        return int(args.func(args))
    except L10nError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
