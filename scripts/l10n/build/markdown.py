"""Translated Markdown: the English master with every segment replaced by its translation.

The segments are those of `segments.py` (the POT's msgids). Only the inline content of each
segment is replaced, in place, so everything around it stays as the English has it: heading
markers, list markers and indentation, blockquote markers, table pipes, code blocks, HTML
blocks and blank lines. Fuzzy and untranslated entries stay English, as in the HTML site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polib

from ..catalog.stats import entry_state
from ..errors import L10nError
from ..text.segments import Segment, segments


@dataclass(frozen=True)
class RenderedMarkdown:
    text: str
    msgids: tuple[str, ...]  # every block segment's msgid, in document order (repeats included)
    translated: tuple[str, ...]  # segments replaced by their translation
    kept_english: tuple[str, ...]  # segments left in English: fuzzy, untranslated or not in the catalog

    @property
    def complete(self) -> bool:
        return not self.kept_english


def usable_translations(catalog: polib.POFile) -> dict[str, str]:
    """msgid -> msgstr for the entries a reader may see: translated, not fuzzy, not obsolete."""
    return {e.msgid: e.msgstr for e in catalog if e.msgid and entry_state(e) == "translated"}


@dataclass(frozen=True)
class _Span:
    first: int  # 0-based line index
    start: int  # column in the first line
    last: int
    end: int  # column in the last line (exclusive)


def _locate(lines: list[str], segment: Segment, cursors: dict[int, int], path: str) -> _Span:
    """Where the segment's inline content sits in the source lines (markers excluded)."""
    raw_lines = segment.raw.split("\n")
    first = segment.line - 1
    last = first + len(raw_lines) - 1
    start = lines[first].find(raw_lines[0], cursors.get(first, 0)) if first < len(lines) else -1
    last_from = start if last == first else 0
    end_at = lines[last].find(raw_lines[-1], last_from) if start >= 0 and last < len(lines) else -1
    if start < 0 or end_at < 0:
        raise L10nError(path, f"cannot locate the segment {segment.msgid[:40]!r} in its source lines",
                        "report this as a bug of the Markdown renderer", segment.line)
    return _Span(first, start, last, end_at + len(raw_lines[-1]))


def _continuation_prefix(prefix: str) -> str:
    """What a continuation line of a translation needs: blockquote markers kept, the rest blank."""
    return "".join(c if c == ">" else " " for c in prefix)


def render_markdown(english: str, translations: Mapping[str, str], path: str = "") -> RenderedMarkdown:
    """The English Markdown with each segment whose msgid has a translation replaced by it."""
    lines = english.split("\n")
    cursors: dict[int, int] = {}
    replacements: list[tuple[_Span, str]] = []
    msgids, translated, kept = [], [], []
    for segment in segments(english):
        if segment.kind == "image-alt":
            continue  # its translation is part of the msgstr of the block that holds the image
        span = _locate(lines, segment, cursors, path)
        cursors[span.last] = span.end
        msgids.append(segment.msgid)
        translation = translations.get(segment.msgid, "")
        if not translation:
            kept.append(segment.msgid)
            continue
        translated.append(segment.msgid)
        prefix = lines[span.first][: span.start]
        replacements.append((span, translation.replace("\n", "\n" + _continuation_prefix(prefix))))
    # right to left, so earlier spans keep their coordinates
    for span, text in reversed(replacements):
        head = lines[span.first][: span.start]
        tail = lines[span.last][span.end:]
        lines[span.first : span.last + 1] = [head + text + tail]
    return RenderedMarkdown("\n".join(lines), tuple(msgids), tuple(translated), tuple(kept))
