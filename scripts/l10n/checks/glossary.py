"""Terminology: `locale/<lang>/glossary.tsv` maps English terms to their required translation.

File format (UTF-8; `#` comment lines and blank lines are ignored), one term a line:

    english<TAB>translation<TAB>note        (the note column is optional)

- translation `-`: do not translate; the English term must appear unchanged in the msgstr
  (names like BLOOM, units, "PR");
- several accepted translations are separated by `|`, the preferred one first;
- a note starting with the marker `[case]` makes the term case-sensitive and whole-word
  (`GB<TAB>-<TAB>[case] gigabyte, not GBS`); a note starting with any other `[...]` is a mistake.

A translated (not fuzzy) entry whose msgid contains a term must contain one of its translations
in its msgstr; where a term matches is `glossary_terms.py`. Mistakes in the file are errors at
glossary.tsv:LINE.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..catalog.lines import po_lines
from .findings import ERROR, WARNING, Finding
from .glossary_terms import Glossary, GlossaryTerm, term_findings
from .registry import CatalogContext, EntriesContext, FileContext, catalog_check, entry_check

__all__ = ["Glossary", "GlossaryTerm", "glossary_path", "load_glossary", "parse_glossary", "starter_glossary",
           "term_findings"]

GLOSSARY_FILE = "glossary.tsv"
KEEP = "-"
CASE_MARKER = "[case]"


def _note_marker(note: str) -> tuple[bool, str, str | None]:
    """(case-sensitive, the note without its marker, the mistake) of a note column."""
    if not note.startswith("["):
        return False, note, None
    marker = note.split("]", 1)[0] + "]" if "]" in note else note
    if marker != CASE_MARKER:
        return False, note, (f"unknown marker {marker!r} at the start of the note: the one marker is "
                             f"`{CASE_MARKER}` (case-sensitive, whole word)")
    return True, note[len(marker):].strip(), None


def _parse_line(line: str, number: int) -> GlossaryTerm | str:
    """One term line: its term, or what is wrong with it."""
    columns = line.split("\t")
    if len(columns) not in (2, 3):
        return f"expected 2 or 3 tab-separated columns, found {len(columns)}"
    english, translation = columns[0].strip(), columns[1].strip()
    if not english:
        return "empty English term"
    translations = tuple(t.strip() for t in translation.split("|") if t.strip())
    if not translations:
        return f"no translation for {english!r} (write `-` to keep it as is)"
    case_sensitive, note, mistake = _note_marker(columns[2].strip() if len(columns) == 3 else "")
    if mistake is not None:
        return mistake
    keep = translations == (KEEP,)
    return GlossaryTerm(english, () if keep else translations, note, number, case_sensitive)


def parse_glossary(text: str, display_path: str) -> Glossary:
    """Parse a glossary; every mistake is an error finding at its line (the rest still loads)."""
    terms: list[GlossaryTerm] = []
    problems: list[Finding] = []
    seen: dict[str, int] = {}
    fix = (f"edit {display_path}: english<TAB>translation<TAB>note, translation `-` to keep the term, "
           f"a note starting with `{CASE_MARKER}` for a case-sensitive whole word")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term = _parse_line(line, number)
        if isinstance(term, str):
            problems.append(Finding(display_path, number, ERROR, "glossary-syntax", term, fix))
            continue
        key = " ".join(term.english.casefold().split())
        if key in seen:
            problems.append(Finding(display_path, number, ERROR, "glossary-duplicate",
                                    f"{term.english!r} is already defined on line {seen[key]}",
                                    f"edit {display_path}: merge the two lines (alternatives go in one "
                                    "line, separated by `|`)"))
            continue
        seen[key] = number
        terms.append(term)
    return Glossary(display_path, tuple(terms), tuple(problems))


def glossary_path(locale_dir: Path, language: str) -> Path:
    return locale_dir / language / GLOSSARY_FILE


@cache
def _load(path: Path, mtime_ns: int, display_path: str) -> Glossary:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = Finding(display_path, line, ERROR, "glossary-syntax",
                          f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", f"save {display_path} as UTF-8")
        return Glossary(display_path, (), (problem,))
    return parse_glossary(text, display_path)


def load_glossary(path: Path, display_path: str) -> Glossary | None:
    """The language's glossary, or None when it has none."""
    if not path.is_file():
        return None
    return _load(path, path.stat().st_mtime_ns, display_path)


def starter_glossary(locale_dir: Path, language: str) -> str:
    """The glossary a new language starts with: the do-not-translate terms (names, units) of the
    existing glossaries that none of them translates, and the format explained."""
    kept: dict[str, bool] = {}  # english -> case-sensitive
    translated: set[str] = set()
    for path in sorted(locale_dir.glob("*/glossary.tsv")):
        if path.parent.name == language:
            continue
        glossary = load_glossary(path, str(path))
        for term in glossary.terms if glossary is not None else ():
            if term.keep:
                kept[term.english] = kept.get(term.english, False) or term.case_sensitive
            else:
                translated.add(term.english.casefold())
    kept = {english: case for english, case in kept.items() if english.casefold() not in translated}
    lines = [
        f"# Glossary of the {language} translation: English term<TAB>required translation<TAB>note.",
        "# Translation `-`: keep the English term unchanged. Alternatives: a|b (preferred first).",
        f"# A note starting with {CASE_MARKER}: the term is case-sensitive and a whole word (GB, not GBS).",
        "# `make check` warns when a translation does not follow it. Add your terms below.",
        "",
        "# Names, units and terms kept as they are (from the other languages' glossaries)",
        *(f"{english}\t-" + (f"\t{CASE_MARKER}" if kept[english] else "") for english in sorted(kept, key=str.lower)),
        "",
        "# Terms",
        "",
    ]
    return "\n".join(lines)


def _glossary_of(context: FileContext) -> Glossary | None:
    path = glossary_path(context.config.locale_dir, context.language)
    return load_glossary(path, str(context.config.relative(path)))


@catalog_check("glossary-file")
def check_glossary_file(context: CatalogContext) -> Iterator[Finding]:
    config = context.config
    if context.path != config.po_path(context.language, config.documents[0]):
        return  # one glossary per language, reported once: with its first catalog, not with site.po too
    glossary = _glossary_of(context)
    yield from glossary.problems if glossary is not None else ()


@entry_check("glossary")
def check_glossary(context: EntriesContext) -> Iterator[Finding]:
    glossary = _glossary_of(context)
    if glossary is None:
        return
    display = glossary.path
    for entry in context.entries:
        if entry.obsolete or not entry.msgid or not entry.msgstr or "fuzzy" in entry.flags:
            continue
        for term, used in term_findings(glossary, entry.msgid, entry.msgstr):
            where = f"{display}:{term.line}"
            line = po_lines(context.path).msgstr_line(entry.linenum)
            if term.keep:
                yield Finding(context.display_path, line, WARNING, "glossary-keep",
                              f"{used!r} is not to be translated ({where}) but the translation lacks it",
                              f"write {term.english!r} unchanged in the msgstr")
            else:
                wanted = " or ".join(repr(t) for t in term.translations)
                yield Finding(context.display_path, line, WARNING, "glossary-term",
                              f"{used!r} is translated as {wanted} in the glossary ({where}); "
                              "the translation does not use it",
                              f"use {term.translations[0]!r} in the msgstr, or add the translation you "
                              f"chose to {where}")
