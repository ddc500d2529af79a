"""A PO file cut into pieces that polib parses one by one to the entries of the whole file.

A large catalog is checked on every CPU, and reading it whole first, in one process, took a
quarter of the time. So each process parses its own piece of the text. A cut goes only where
polib starts a new entry whatever came before it, on a line that:
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


@dataclass(frozen=True)
class Piece:
    start: int  # the index of its first line in the file's lines
    stop: int  # one past its last line


def cut(lines: Sequence[str], count: int) -> list[Piece]:
    """About `count` pieces of similar length (fewer where the file has no place to cut). `lines`
    are the file's PO lines with their ends, `po_text_lines(text, keepends=True)`: split at "\n"
    only, as the pieces' parse and polib's line numbers count them."""
    starts = [0]
    for number in range(1, count):
        at = _next_cut(lines, max(len(lines) * number // count, starts[-1] + 1))
        if at is None:
            break
        starts.append(at)
    return [Piece(start, stop) for start, stop in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _next_cut(lines: Sequence[str], index: int) -> int | None:
    for at in range(max(index, 1), len(lines)):
        if not lines[at - 1].strip() and _opens_entry(lines[at]) and _after_msgstr(lines, at - 1):
            return at
    return None


def _tokens(line: str) -> list[str]:
    """A line's tokens as polib splits them, an obsolete entry's `#~` taken off."""
    tokens = line.split(None, 2)
    if len(tokens) > 1 and tokens[0] == "#~":
        tokens = line.strip()[3:].split(None, 2)
    return tokens


def _opens_entry(line: str) -> bool:
    tokens = _tokens(line)
    if len(tokens) < 2:
        return False
    if tokens[0] in ("msgid", "msgctxt", "#.", "#:", "#,"):
        return not (tokens[0].startswith("#") and line.lstrip().startswith("#~"))  # only "#~ msgid/msgctxt"
    return tokens[0] == "#|" and tokens[1] in ("msgid", "msgctxt") and not line.lstrip().startswith("#~")


def _after_msgstr(lines: Sequence[str], blank: int) -> bool:
    """Whether the last lines before line index `blank` are a msgstr and its continuation lines."""
    index = blank - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    while index >= 0:
        tokens = _tokens(lines[index])
        if not tokens:
            return False
        if tokens[0].startswith('"'):  # a continuation line
            index -= 1
            continue
        return tokens[0] == "msgstr" or tokens[0].startswith("msgstr[")
    return False


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
