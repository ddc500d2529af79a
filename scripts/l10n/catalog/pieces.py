"""A PO file cut into pieces that polib parses one by one to the entries of the whole file.

A large catalog is checked on every CPU, and reading it whole first, in one process, took a
quarter of the time. So each process parses its own piece of the text. A cut goes only where
polib starts a new entry whatever came before it, on a line that (as the PO line reader,
lines.py, classifies the lines around it):
- follows a blank line that follows a complete msgstr (its keyword line and continuation lines);
- opens an entry: a `#.`, `#:`, `#,` or `#| msgid`/`#| msgctxt` comment, or a msgctxt or msgid
  (an obsolete `#~ msgctxt`/`#~ msgid` too). Never a translator comment `# `: at the start of a
  text, polib takes it for the file's header comment.

The file's header is its first entry with an empty msgid, in the first piece. polib takes an
entry with an empty msgid for the header wherever it is, so a later piece keeps such an entry and
counts it: `parse_piece` returns None for it, and the caller parses the file whole instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from .io import parse_po_text
from .lines import Kind, PoLine, PoLines


@dataclass(frozen=True)
class Piece:
    start: int  # the index of its first line in the file's lines
    stop: int  # one past its last line


def cut(lines: Sequence[str], count: int) -> list[Piece]:
    """About `count` pieces of similar length (fewer where the file has no place to cut). `lines`
    are the file's PO lines with their ends, `po_text_lines(text, keepends=True)`: split at "\n"
    only, as the pieces' parse and polib's line numbers count them."""
    reader = PoLines.of(lines)  # only the lines around each cut are classified
    starts = [0]
    for number in range(1, count):
        at = _next_cut(reader, max(len(lines) * number // count, starts[-1] + 1))
        if at is None:
            break
        starts.append(at)
    return [Piece(start, stop) for start, stop in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _next_cut(reader: PoLines, index: int) -> int | None:
    """The first line index from `index` on where a piece may start: the line after it (number
    index + 1) opens an entry, after a blank line (number index) after a complete msgstr."""
    for at in range(max(index, 1), len(reader)):
        if reader.line(at).blank and _opens_entry(reader.line(at + 1)) and _after_msgstr(reader, at):
            return at
    return None


def _opens_entry(line: PoLine) -> bool:
    """Whether polib starts a new entry at this line whatever came before it: a msgctxt or msgid
    (an obsolete one too), a `#|` previous msgctxt or msgid, or a `#.`, `#:` or `#,` comment
    with its text (not obsolete: "#~ #, fuzzy" is read with the entry above it)."""
    if line.kind is Kind.KEYWORD:
        return line.word in ("msgid", "msgctxt") and not (line.previous and line.obsolete)
    return (line.kind is Kind.COMMENT and line.word in ("#.", "#:", "#,") and not line.obsolete
            and len(line.text) > len(line.word))


def _after_msgstr(reader: PoLines, blank: int) -> bool:
    """Whether the last lines before line `blank` are a msgstr and its continuation lines."""
    number = blank - 1
    while number >= 1 and reader.line(number).blank:
        number -= 1
    while number >= 1 and reader.line(number).kind is Kind.STRING and not reader.line(number).previous:
        number -= 1
    return number >= 1 and reader.line(number).is_keyword("msgstr")


class _LaterPiece(polib.POFile):
    """A piece after the first: an entry with an empty msgid stays an entry, and is counted."""

    empty_msgids = 0

    def find(self, st: str, by: str = "msgid", include_obsolete_entries: bool = False,
             msgctxt: str | Literal[False] = False) -> polib.POEntry | None:
        if st == "" and by == "msgid":  # polib's search for the header entry
            self.empty_msgids = sum(1 for entry in self if entry.msgid == "" and not entry.obsolete)
            return None
        return super().find(st, by, include_obsolete_entries, msgctxt)


def parse_piece(lines: Sequence[str], piece: Piece, path: Path) -> polib.POFile | None:
    """The piece's entries, with the file's line numbers (CatalogReadError as for the whole file);
    None when only the whole file can say which entry is the header."""
    text = "".join(lines[piece.start:piece.stop])
    if piece.start == 0:
        return parse_po_text(text, path)
    catalog = parse_po_text(text, path, piece.start + 1, klass=_LaterPiece)
    assert isinstance(catalog, _LaterPiece)
    if catalog.empty_msgids or catalog.header or catalog.metadata:
        return None
    return catalog
