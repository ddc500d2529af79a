"""Options and helpers every command module shares (light: importing it loads no pipeline)."""

from __future__ import annotations

import argparse

from ..config import Config, load_config
from ..locales import validate_language


def config_of(args: argparse.Namespace) -> Config:
    return load_config(args.root)


def selected_languages(config: Config, names: list[str] | None) -> list[str]:
    """The languages named on the command line (validated), or every one under locale/."""
    if not names:
        return config.languages()
    wanted = []
    for name in names:
        for code in name.replace(",", " ").split():
            wanted.append(validate_language(code, where="--language"))
    return wanted


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-l", "--language", "--languages", dest="languages", action="append",
                        metavar="LANG", help="language code(s), e.g. zh_CN (default: all under locale/)")
