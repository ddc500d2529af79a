"""Language codes: validated with a strict pattern and babel's locale data."""

from __future__ import annotations

import gettext
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


# GNU gettext's msginit table (gettext-tools/src/plural-table.c): what msginit, and Poedit after
# it, write. tests/test_gettext_tools.py compares it with the installed msginit.
_ONE, _NOT_ONE, _OVER_ONE = "nplurals=1; plural=0;", "nplurals=2; plural=(n != 1);", "nplurals=2; plural=(n > 1);"
_EAST_SLAVIC = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
_CZECH = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"
MSGINIT_PLURAL_FORMS: dict[str, str] = {
    **dict.fromkeys(("ja", "vi", "ko"), _ONE),
    **dict.fromkeys(("en", "de", "nl", "sv", "da", "no", "nb", "nn", "fo", "es", "pt", "it", "bg", "el",
                     "fi", "et", "he", "eo", "hu", "tr"), _NOT_ONE),
    **dict.fromkeys(("pt_BR", "fr"), _OVER_ONE),
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr"), _EAST_SLAVIC),
    **dict.fromkeys(("cs", "sk"), _CZECH),
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")
MAX_NPLURALS = 6  # the most any language in CLDR has


def plural_forms(code: str) -> str:
    """The Plural-Forms a new catalog gets: msginit's (ll_CC, then ll), else babel's (CLDR)."""
    return MSGINIT_PLURAL_FORMS.get(code) or MSGINIT_PLURAL_FORMS.get(code.split("_")[0]) or babel_plural_forms(code)


def babel_plural_forms(code: str) -> str:
    """The Plural-Forms header value for a language, from babel's locale data (CLDR)."""
    plural = get_plural(code)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def usual_plural_counts(code: str) -> tuple[int, ...]:
    """The numbers of plural forms a language's catalogs usually declare: gettext's (msginit,
    Poedit) and CLDR's (babel), which differ for some (fr: 2 and 3)."""
    counts = {int(_nplurals(value)) for value in (plural_forms(code), babel_plural_forms(code))}
    return tuple(sorted(counts))


def _nplurals(value: str) -> str:
    match = _PLURAL_FORMS.match(value)
    return match.group(1) if match else ""


def plural_forms_problem(value: str, language: str = "") -> str | None:
    """Why a Plural-Forms value is invalid, unsafe or (with a language) declares an unusual number
    of forms; None when it is fine. The expression is tested with the gettext module's own parser
    (which refuses anything but C arithmetic on n)."""
    match = _PLURAL_FORMS.match(value)
    if match is None:
        return f"{value!r} is not 'nplurals=N; plural=EXPRESSION;'"
    nplurals = int(match.group(1))
    if not 1 <= nplurals <= MAX_NPLURALS:
        return f"nplurals={nplurals} is outside 1..{MAX_NPLURALS}"
    expression = match.group(2)
    if len(expression) > 200:
        return "plural expression is over 200 characters"
    try:
        plural = gettext.c2py(expression)
        for n in (*range(0, 200), 1000, 10**6):
            index = plural(n)
            if not 0 <= index < nplurals:
                return f"plural({n}) = {index}, outside 0..{nplurals - 1}"
    except (ValueError, RecursionError, ZeroDivisionError, OverflowError) as exc:
        return f"plural expression {expression!r} rejected by gettext: {exc}"
    usual = usual_plural_counts(language) if language else (nplurals,)
    if nplurals not in usual:
        counts = " or ".join(str(n) for n in usual)
        return f"nplurals={nplurals}, but {language} has {counts} plural forms"
    return None


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
