"""Terminology: `locale/<lang>/glossary.tsv` maps English terms to their required translation.

File format (UTF-8; `#` comment lines and blank lines are ignored), one term a line:

    english<TAB>translation<TAB>note        (the note column is optional)

- translation `-`: do not translate; the English term must appear unchanged in the msgstr
  (names like BLOOM, units, "PR");
- several accepted translations are separated by `|`, the preferred one first.

A translated (not fuzzy) entry whose msgid contains a term (case-insensitive, on word
boundaries, an English plural -s/-es included; link destinations, URLs and inline code ignored)
must contain one of its translations in its msgstr. Mistakes in the file are errors at
glossary.tsv:LINE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from ..catalog.lines import po_lines
from ..text.segments import inline_features, is_url
from .findings import ERROR, WARNING, Finding
from .registry import CatalogContext, EntriesContext, FileContext, catalog_check, entry_check

GLOSSARY_FILE = "glossary.tsv"
KEEP = "-"


@dataclass(frozen=True)
class GlossaryTerm:
    english: str
    translations: tuple[str, ...]  # empty when the term is kept as is
    note: str
    line: int

    @property
    def keep(self) -> bool:
        return not self.translations

    @property
    def pattern(self) -> re.Pattern[str]:
        return _term_pattern(self.english)

    @property
    def first_word(self) -> str:
        words = _WORDS.findall(self.english)
        return words[0].casefold() if words else ""


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[GlossaryTerm, ...] = ()
    problems: tuple[Finding, ...] = field(default_factory=tuple)

    @cached_property
    def by_first_word(self) -> dict[str, tuple[int, ...]]:
        """Each term's first word, and its plural forms, to the indices of the terms starting so."""
        index: dict[str, list[int]] = {}
        for number, term in enumerate(self.terms):
            word = term.first_word
            for form in {word, word + "s", word + "es"} if word else {""}:
                index.setdefault(form, []).append(number)
        return {form: tuple(numbers) for form, numbers in index.items()}

    @cached_property
    def first_words(self) -> frozenset[str]:
        return frozenset(self.by_first_word)


_WORDS = re.compile(r"\w+")


@cache
def _term_pattern(english: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in english.split())
    return re.compile(rf"(?<!\w)({words})(?:s|es)?(?!\w)", re.IGNORECASE)


@cache
def _kept_pattern(english: str) -> re.Pattern[str]:
    """The term written unchanged in a translation: Latin-letter boundaries only, since a CJK
    character right before or after it ("通过PR添加") is a word character to `re`."""
    words = r"\s+".join(re.escape(word) for word in english.split())
    return re.compile(rf"(?<![A-Za-z0-9])(?:{words})(?:s|es)?(?![A-Za-z0-9])")


def parse_glossary(text: str, display_path: str) -> Glossary:
    """Parse a glossary; every mistake is an error finding at its line (the rest still loads)."""
    terms: list[GlossaryTerm] = []
    problems: list[Finding] = []
    seen: dict[str, int] = {}
    fix = f"edit {display_path}: english<TAB>translation<TAB>note, translation `-` to keep the term"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) not in (2, 3):
            problems.append(Finding(display_path, number, ERROR, "glossary-syntax",
                                    f"expected 2 or 3 tab-separated columns, found {len(columns)}", fix))
            continue
        english, translation = columns[0].strip(), columns[1].strip()
        note = columns[2].strip() if len(columns) == 3 else ""
        if not english:
            problems.append(Finding(display_path, number, ERROR, "glossary-syntax", "empty English term",
                                    fix))
            continue
        translations = tuple(t.strip() for t in translation.split("|") if t.strip())
        if not translations:
            problems.append(Finding(display_path, number, ERROR, "glossary-syntax",
                                    f"no translation for {english!r} (write `-` to keep it as is)", fix))
            continue
        key = " ".join(english.casefold().split())
        if key in seen:
            problems.append(Finding(display_path, number, ERROR, "glossary-duplicate",
                                    f"{english!r} is already defined on line {seen[key]}",
                                    f"edit {display_path}: merge the two lines (alternatives go in one "
                                    "line, separated by `|`)"))
            continue
        seen[key] = number
        keep = translations == (KEEP,)
        terms.append(GlossaryTerm(english, () if keep else translations, note, number))
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
    kept: dict[str, str] = {}  # english -> note
    translated: set[str] = set()
    for path in sorted(locale_dir.glob("*/glossary.tsv")):
        if path.parent.name == language:
            continue
        glossary = load_glossary(path, str(path))
        for term in glossary.terms if glossary is not None else ():
            if term.keep:
                kept.setdefault(term.english, term.note)
            else:
                translated.add(term.english.casefold())
    kept = {english: note for english, note in kept.items() if english.casefold() not in translated}
    lines = [
        f"# Glossary of the {language} translation: English term<TAB>required translation<TAB>note.",
        "# Translation `-`: keep the English term unchanged. Alternatives: a|b (preferred first).",
        "# `make check` warns when a translation does not follow it. Add your terms below.",
        "",
        "# Names, units and terms kept as they are (from the other languages' glossaries)",
        *(f"{english}\t-" for english in sorted(kept, key=str.lower)),
        "",
        "# Terms",
        "",
    ]
    return "\n".join(lines)


def _candidates(glossary: Glossary, msgid: str) -> list[GlossaryTerm]:
    """The terms whose first word (or its plural) occurs in the raw msgid, in glossary order: a
    cheap superset of the terms the msgid's visible text contains, so most entries skip the
    Markdown parser."""
    index = glossary.by_first_word
    words = glossary.first_words.intersection(_WORDS.findall(msgid.casefold()))
    if not words and "" not in index:
        return []
    numbers = {number for word in words for number in index[word]}
    numbers.update(index.get("", ()))
    return [glossary.terms[number] for number in sorted(numbers)]


def _without_urls(text: str) -> str:
    """Visible text without the URLs in it (an autolink shows its URL): "70b-infrastructure" in
    a URL is not a term the translator could translate."""
    if "://" not in text and "www." not in text:
        return text
    return " ".join(word for word in text.split() if not is_url(word))


def term_findings(glossary: Glossary, msgid: str, msgstr: str) -> Iterator[tuple[GlossaryTerm, str]]:
    """(term, the form the msgid uses) for every glossary term the msgstr does not honour."""
    candidates = _candidates(glossary, msgid)
    if not candidates:
        return
    english_text = _without_urls(inline_features(msgid).text)
    translated_text = inline_features(msgstr).text
    folded = translated_text.casefold()
    for term in candidates:
        match = term.pattern.search(english_text)
        if match is None:
            continue
        used = match.group(1)
        if term.keep:
            kept = (_kept_pattern(used), _kept_pattern(term.english))
            if not any(pattern.search(translated_text) for pattern in kept):
                yield term, used
        elif not any(t.casefold() in folded for t in term.translations):
            yield term, used


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
