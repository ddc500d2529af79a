"""File-level checks of a catalog: header, duplicates, newlines.

Problems that stop reading altogether (syntax, invalid UTF-8, non-UTF-8 charset, size) are
raised by catalog/io.py's `read_po` with their own codes; the runner turns them into findings.
What may exist under locale/ is the catalog boundary's (catalog/boundary.py, checks/tree.py).
Duplicates are found in the catalog's outline (a hash of each entry's key); only a catalog
that has some is parsed whole, to name them.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator

import polib

from ..catalog.io import parse_po_text
from ..catalog.lines import po_lines
from ..locales import plural_forms
from .findings import ERROR, WARNING, Finding
from .registry import CatalogContext, EntriesContext, FileContext, catalog_check, entry_check

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")
MAX_NPLURALS = 6  # the most any language in CLDR has


def plural_forms_problem(value: str) -> str | None:
    """Why a Plural-Forms value is invalid or unsafe, tested with the gettext module's own
    parser (which refuses anything but C arithmetic on n); None when it is fine."""
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
    return None


def _header_findings(context: CatalogContext) -> Iterator[Finding]:
    def line_of(field: str) -> int:  # the file is scanned at the first finding only
        return po_lines(context.path).header_fields.get(field, 1)

    path = context.display_path
    content_type = context.outline.metadata.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].strip().lower()
    if charset not in ("utf-8", "utf8"):
        yield Finding(path, line_of("Content-Type"), ERROR, "charset-not-utf8",
                      f"Content-Type {content_type!r} does not declare charset=UTF-8",
                      "set 'Content-Type: text/plain; charset=UTF-8' (run `make update`)")
    declared = context.outline.metadata.get("Language", "")
    if declared and declared.replace("-", "_") != context.language:
        yield Finding(path, line_of("Language"), WARNING, "language-mismatch",
                      f"Language header {declared!r} does not match its directory ({context.language})",
                      f"set 'Language: {context.language}' (run `make update LANGUAGE={context.language}`)")
    value = context.outline.metadata.get("Plural-Forms")
    if value is None:
        yield Finding(path, line_of("Plural-Forms"), WARNING, "plural-forms", "no Plural-Forms header",
                      "run `make update` to write it from babel's locale data")
        return
    problem = plural_forms_problem(value)
    if problem is not None:
        yield Finding(path, line_of("Plural-Forms"), ERROR, "plural-forms",
                      f"invalid or unsafe Plural-Forms: {problem}",
                      "run `make update` to write it from babel's locale data")
        return
    expected = plural_forms(context.language)
    if " ".join(value.split()).rstrip(";") != " ".join(expected.split()).rstrip(";"):
        yield Finding(path, line_of("Plural-Forms"), WARNING, "plural-forms-mismatch",
                      f"Plural-Forms {value!r} differs from babel's {expected!r} for {context.language}",
                      "run `make update` to write it from babel's locale data")


def _line_of(context: FileContext, entry: polib.POEntry) -> int:
    return po_lines(context.path).msgstr_line(entry.linenum)  # the file is scanned at the first finding only


def _duplicate_findings(context: CatalogContext) -> Iterator[Finding]:
    if not context.outline.has_duplicate_keys:
        return
    seen: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in parse_po_text(context.text, context.path):
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            yield Finding(context.display_path, _line_of(context, entry), ERROR, "duplicate-msgid",
                          f"msgid {entry.msgid[:50]!r} already defined at line {_line_of(context, seen[key])}",
                          "delete one of the two entries, then run `make update`")
        else:
            seen[key] = entry


@entry_check("newlines")
def check_newlines(context: EntriesContext) -> Iterator[Finding]:
    for entry in context.entries:
        if entry.obsolete or not entry.msgid:
            continue
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for msgstr in translations:
            if not msgstr:
                continue
            for end, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(entry.msgid, "\n") != test(msgstr, "\n"):
                    yield Finding(context.display_path, _line_of(context, entry), ERROR, "newline-mismatch",
                                  f"msgid and msgstr do not both {end} with a newline (msgfmt -c refuses it)",
                                  f"make the msgstr {end} like the msgid, then run `make check`")


@catalog_check("files")
def check_files(context: CatalogContext) -> Iterator[Finding]:
    yield from _header_findings(context)
    yield from _duplicate_findings(context)
