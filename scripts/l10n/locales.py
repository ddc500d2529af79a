"""Language codes: validated with a strict pattern and babel's locale data."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.messages.plurals import get_plural

from .errors import L10nError

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


@cache
def language_code_problem(code: str) -> str | None:
    """Why `code` is not a safe, known locale code (None when it is one)."""
    if not LANGUAGE_CODE.fullmatch(code):
        return f"invalid language code {code!r}: expected ll or ll_CC (e.g. zh_CN, ja, pt_BR)"
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return f"unknown language code {code!r}: babel has no locale data for it"
    return None


def validate_language(code: str, where: str = "language") -> str:
    """Return code if it is a safe, known locale; raise L10nError otherwise.

    The code reaches `sphinx-build -D language=`, HTML attributes and file paths, so the
    pattern is strict and babel must know the locale.
    """
    problem = language_code_problem(code)
    if problem is not None:
        fix = "use a code like zh_CN" if problem.startswith("invalid") else \
            "check the code against the CLDR locale list"
        raise L10nError(where, problem, fix)
    return code


def plural_forms(code: str) -> str:
    """The Plural-Forms header value for a language, from babel's locale data."""
    plural = get_plural(code)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def native_name(code: str) -> str:
    """The language's name in itself, as CLDR spells it: 简体中文, 繁體中文, 日本語, English."""
    locale = Locale.parse(code)
    script = locale.script or _likely_script(code)
    names = locale.languages
    for key in (f"{locale.language}_{script}", locale.language):
        if key in names:
            return str(names[key])
    return locale.get_display_name(locale) or code


def _likely_script(code: str) -> str:
    likely = get_global("likely_subtags")
    full = likely.get(code) or likely.get(code.split("_")[0]) or ""
    parts = full.split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else ""
