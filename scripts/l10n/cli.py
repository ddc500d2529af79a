"""The command line: `l10n <command> ...`. `main(argv) -> int` is the only entry point.

Exit status: 0 success, 1 findings (checks, stale), 2 bad input, a missing tool or an OS error
(a folder not writable, a full disk: one line on stderr naming file, line and fix; never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import L10nError, os_error

# Each module registers its subcommands; the order is the order of `l10n --help`.
COMMAND_MODULES = [
    "l10n.commands.core",
    "l10n.commands.check",
    "l10n.commands.translator",
    "l10n.commands.stale",
    "l10n.commands.sync",
    "l10n.commands.site",
    "l10n.commands.serve",
    "l10n.commands.verify",
]
# The module of each command, so a command imports only its own module (`make check` starts
# without loading the build pipeline); a test checks it against what the modules register.
COMMANDS = {
    **dict.fromkeys(["gettext", "update", "html", "import", "init", "languages"], "l10n.commands.core"),
    "check": "l10n.commands.check",
    **dict.fromkeys(["todo", "fuzzy", "reviewed", "wrap", "fix-typography", "verifs"], "l10n.commands.translator"),
    "stale": "l10n.commands.stale",
    "sync": "l10n.commands.sync",
    **dict.fromkeys(["site", "landing", "markdown", "status", "convert"], "l10n.commands.site"),
    "serve": "l10n.commands.serve",
    **dict.fromkeys(["check-build", "compare-md"], "l10n.commands.verify"),
}


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named in argv (after the global options), if it is one of COMMANDS."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):  # `l10n --help`: every command
            return None
        if word == "--root":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or for `command` alone (help and errors list every one)."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="l10n",
        description="Localization pipeline: Markdown master -> gettext catalogs -> HTML per language.",
    )
    parser.add_argument("--root", type=Path, default=None,
                        help="project root (default: nearest directory with [tool.l10n] in pyproject.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES:
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
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_command_in(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a usage line
        return 0 if exc.code == 0 else 2
    try:
        return int(args.func(args))
    except L10nError as exc:
        return _report(exc, args.root)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the last resort: an OS error no command turned into an L10nError
        return _report(os_error(exc), args.root)


def _report(exc: L10nError, root: Path | None) -> int:
    """Print the error's one line (its path as the user knows it); the exit status of bad input."""
    exc.path = _shown_path(exc.path, root)
    print(exc.one_line(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
