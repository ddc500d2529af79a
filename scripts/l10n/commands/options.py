"""Options and helpers every command module shares (light: importing it loads no pipeline)."""

from __future__ import annotations

import argparse
import difflib

from ..config import Config, load_config
from ..errors import L10nError
from ..locales import language_code_problem, validate_language


def config_of(args: argparse.Namespace) -> Config:
    return load_config(args.root)


def selected_languages(config: Config, names: list[str] | None) -> list[str]:
    """The languages named on the command line (validated), or every one under locale/."""
    if not names:
        return config.languages()
    return [validate_language(code, where="--language") for code in _named_codes(names)]


def _named_codes(names: list[str]) -> list[str]:
    """The codes of `--language` options as typed: each may list several (`zh_CN,ja`)."""
    return [code for name in names for code in name.replace(",", " ").split()]


def built_languages(config: Config, names: list[str]) -> list[str]:
    """The languages named for a build, each of which must have a catalog directory (English
    always can): a name without one is an error naming `make init`, with the closest existing
    language when there is one (`fr_FR` -> `fr`, `jp` -> `ja`), never a silent no-op."""
    existing = config.languages()
    codes = _named_codes(names)
    for code in codes:
        problem = language_code_problem(code)
        if problem is not None and problem.startswith("invalid"):
            validate_language(code, where="--language")  # the one-line "invalid language code"
        if code != "en" and code not in existing:
            raise L10nError("--language", f"no catalog for {code!r}: locale/{code}/ does not exist"
                            + _closest(code, existing), f"add it with `make init LANGUAGE={code}`")
    return codes  # each one validated: English, or a language directory's valid code


def _closest(code: str, existing: list[str]) -> str:
    base = code.split("_")[0]
    same = [language for language in existing if language.split("_")[0] == base]
    close = same or difflib.get_close_matches(code, existing, n=1, cutoff=0.5)
    return f"; did you mean {close[0]}?" if close else ""


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-l", "--language", "--languages", dest="languages", action="append",
                        metavar="LANG", help="language code(s), e.g. zh_CN (default: all under locale/)")
