"""File-level checks of a catalog: header, duplicates, newlines.

A Plural-Forms header is accepted when it is valid and declares one of the language's usual
numbers of forms (gettext's or CLDR's: `locales.plural_forms_problem`), so a catalog msginit or
Poedit started is never flagged, nor rewritten by `make update`.

Problems that stop reading altogether (syntax, invalid UTF-8, non-UTF-8 charset, size) are
raised by catalog/io.py's `read_po` with their own codes; the runner turns them into findings.
What may exist under locale/ is the catalog boundary's (catalog/boundary.py, checks/tree.py).
Duplicates are found in the catalog's outline (a hash of each entry's key); only a catalog
that has some is parsed whole, to name them.
"""

from __future__ import annotations

from collections.abc import Iterator

import polib

from ..catalog.io import parse_po_text
from ..catalog.lines import po_lines
from ..locales import plural_forms, plural_forms_problem
from .findings import ERROR, WARNING, Finding
from .registry import CatalogContext, EntriesContext, FileContext, catalog_check, entry_check


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
    usual = plural_forms(context.language)
    fix = f"set 'Plural-Forms: {usual}', what msginit writes (`make update` does)"
    if value is None:
        yield Finding(path, line_of("Plural-Forms"), WARNING, "plural-forms", "no Plural-Forms header", fix)
        return
    problem = plural_forms_problem(value)
    if problem is not None:
        yield Finding(path, line_of("Plural-Forms"), ERROR, "plural-forms",
                      f"invalid or unsafe Plural-Forms: {problem}", fix)
        return
    problem = plural_forms_problem(value, context.language)
    if problem is not None:  # valid, harmless without plural messages, but not the language's own
        yield Finding(path, line_of("Plural-Forms"), WARNING, "plural-forms-mismatch",
                      f"Plural-Forms {value!r}: {problem}", fix)


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
