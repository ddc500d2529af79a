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


def _shown_path(path: str | None, root: Path | None) -> str | None:
    """Paths in messages relative to the project root (or the working directory), as typed."""
    if not path or not Path(path).is_absolute():
        return path
    for base in (root, Path.cwd()):
        if base is not None:
            try:
                return str(Path(path).resolve().relative_to(base.resolve()))
            except ValueError:
                continue
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a usage line
        return 0 if exc.code == 0 else 2
    try:
        return int(args.func(args))
    except L10nError as exc:
        exc.path = _shown_path(exc.path, args.root)
        print(exc.one_line(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
