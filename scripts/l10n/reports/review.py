"""`make fuzzy`: the fuzzy entries with what changed in the English, and clearing them once reviewed.

A fuzzy entry carries the English it was translated from as `#| msgid`. The listing shows a
word diff of that previous English against the current one, next to the translation. After
editing the msgstr, the translator names the entries (PO line, `file:line`, or msgid text) and
`l10n reviewed` removes the fuzzy flag and the previous msgid, so nobody edits flags by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..catalog.io import clear_fuzzy, read_po
from ..catalog.lines import PoLines, po_lines
from ..catalog.stats import entry_state
from ..config import Config
from ..text.worddiff import DiffOp, word_diff

_LINE_SELECTOR = re.compile(r"^(?:(?P<path>.+\.po):)?(?P<line>\d+)$")


@dataclass(frozen=True)
class FuzzyItem:
    path: str
    line: int  # the entry's msgstr line in the PO file (its first line without a line map)
    msgid: str
    previous_msgid: str  # "" when the entry has no `#| msgid`
    msgstr: str
    diff: tuple[DiffOp, ...]  # previous English -> current English
    note: str = ""  # the translator comment, e.g. why the importer left it fuzzy


def fuzzy_items(catalog: polib.POFile, display_path: str, lines: PoLines | None = None) -> list[FuzzyItem]:
    items = []
    for entry in catalog:
        if not entry.msgid or entry_state(entry) != "fuzzy":
            continue
        previous = entry.previous_msgid or ""
        diff = tuple(word_diff(previous, entry.msgid)) if previous else ()
        line = lines.msgstr_line(entry.linenum) if lines is not None else entry.linenum or 0
        items.append(FuzzyItem(display_path, line, entry.msgid, previous, entry.msgstr, diff,
                               entry.tcomment or ""))
    return items


def list_fuzzy(config: Config, languages: list[str]) -> list[FuzzyItem]:
    """`make fuzzy`: the fuzzy entries of every catalog of the languages, at their msgstr lines."""
    items = []
    for language in languages:
        for document in config.catalogs_of(language):
            path = config.po_path(language, document)
            items.extend(fuzzy_items(read_po(path, config.max_po_bytes), str(config.relative(path)),
                                     po_lines(path)))
    return items


@dataclass
class ReviewResult:
    """What `reviewed` did in one catalog; every line is an entry's msgstr line in the file as read."""

    path: str
    cleared: list[tuple[int, str]] = field(default_factory=list)  # (line, msgid)
    not_fuzzy: list[tuple[str, int]] = field(default_factory=list)  # (selector, line)
    untranslated: list[tuple[int, str]] = field(default_factory=list)  # cleared with an empty msgstr
    unmatched: list[str] = field(default_factory=list)  # selectors naming no entry of this file
    ambiguous: list[tuple[str, list[int]]] = field(default_factory=list)


def _entry_blocks(text: str) -> list[tuple[int, int]]:
    """(first, last) 1-based line of every run of non-blank lines: one PO entry each."""
    blocks: list[tuple[int, int]] = []
    start = 0
    lines = PoLines(text)  # the PO line reader's: U+2028 in a msgstr ends no line
    for line in lines:
        if not line.blank:
            start = start or line.number
        elif start:
            blocks.append((start, line.number - 1))
            start = 0
    if start:
        blocks.append((start, len(lines)))
    return blocks


def entry_at_line(catalog: polib.POFile, text: str, line: int) -> polib.POEntry | None:
    """The active entry whose block of lines (comments, msgid, msgstr) contains the line."""
    for first, last in _entry_blocks(text):
        if first <= line <= last:
            for entry in catalog:
                if entry.msgid and not entry.obsolete and entry.linenum and first <= entry.linenum <= last:
                    return entry
    return None


def _same_file(named: str, display_path: str) -> bool:
    """Whether a path as the user typed it (relative, absolute, or a tail) is this catalog."""
    named_parts = Path(named).parts
    parts = Path(display_path).parts
    return parts[-len(named_parts):] == named_parts if len(named_parts) <= len(parts) else \
        Path(named).as_posix().endswith("/" + Path(display_path).as_posix())


def select_entries(catalog: polib.POFile, text: str, display_path: str, selector: str,
                   result: ReviewResult, lines: PoLines | None = None) -> list[polib.POEntry]:
    """The entries one selector names: `LINE` or `PATH:LINE` (any line of the entry: a comment,
    the msgid, the msgstr line every command prints), an exact msgid, or a fragment of the msgid
    of exactly one fuzzy entry."""
    match = _LINE_SELECTOR.match(selector.strip())
    if match:
        wanted_path = match.group("path")
        if wanted_path and not _same_file(wanted_path, display_path):
            return []
        entry = entry_at_line(catalog, text, int(match.group("line")))
        return [entry] if entry is not None else []
    active = [e for e in catalog if e.msgid and not e.obsolete]
    exact = [e for e in active if e.msgid == selector]
    if exact:
        return exact
    needle = selector.casefold()
    partial = [e for e in active if entry_state(e) == "fuzzy" and needle in e.msgid.casefold()]
    if len(partial) > 1:
        lines = lines or PoLines(text)
        result.ambiguous.append((selector, [lines.msgstr_line(e.linenum) for e in partial]))
        return []
    return partial


def mark_reviewed(catalog: polib.POFile, text: str, display_path: str, selectors: list[str]) -> ReviewResult:
    """Clear the fuzzy flag and previous msgid of the named entries (in the catalog object). Each
    line reported is the entry's msgstr line in `text`, the file as read, as `make fuzzy` printed it."""
    result = ReviewResult(display_path)
    lines = PoLines(text)
    for selector in selectors:
        entries = select_entries(catalog, text, display_path, selector, result, lines)
        if not entries:
            if not any(s == selector for s, _ in result.ambiguous):
                result.unmatched.append(selector)
            continue
        for entry in entries:
            line = lines.msgstr_line(entry.linenum)
            if "fuzzy" not in entry.flags and not entry.previous_msgid:
                result.not_fuzzy.append((selector, line))
                continue
            clear_fuzzy(entry)
            result.cleared.append((line, entry.msgid))
            if entry_state(entry) == "untranslated":
                result.untranslated.append((line, entry.msgid))
    return result
