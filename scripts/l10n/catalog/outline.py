"""What the whole-catalog checks need of a catalog, gathered piece by piece.

The catalog is parsed in pieces (`pieces.py`), each in its own process, so no process holds
every entry. Each piece gives an outline of its entries instead, in columns that pickle fast:
each entry's line, whether it is obsolete, a hash of its key (msgctxt, msgid), and, when the
file's lines of that entry are not its rendering in the pipeline's normal form, that rendering.
Joined, the outlines tell whether the whole file is normal (as `render_po` writes it), give
`render_po`'s text for it with the file's own lines (`normal_text`), and tell whether two
entries share a key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polib

from .io import WRAP_WIDTH, render_po


@dataclass(frozen=True)
class Outline:
    """Entries in file order, as columns (so a piece's outline pickles in a few milliseconds)."""

    header_rendering: str | None  # the normal header, when the file's header lines are not that
    lines: list[int]  # each entry's polib linenum: its first line (0: polib started it before any line)
    obsolete: bytes  # one byte per entry: 1 if obsolete
    keys: list[int]  # each entry's hash of (msgctxt, msgid): forked workers share this process's hash seed
    renderings: dict[int, str]  # entry index -> its normal rendering, where the file's lines are not that
    metadata: dict[str, str]  # the header's fields (read by the first piece)


@dataclass(frozen=True)
class CatalogOutline(Outline):
    @property
    def normal(self) -> bool:
        """Whether the file is exactly what `render_po` writes for it: the header, then every
        entry in its normal rendering, active entries first."""
        return (self.header_rendering is None and not self.renderings
                and b"\x00" not in self.obsolete.lstrip(b"\x00"))  # no active entry after an obsolete one

    @property
    def has_duplicate_keys(self) -> bool:
        """Whether two active entries may share (msgctxt, msgid): equal hashes (a collision only
        sends the duplicate check to parse the catalog whole and find none)."""
        keys = [key for key, obsolete in zip(self.keys, self.obsolete, strict=True) if not obsolete]
        return len(set(keys)) != len(keys)


def _header_rendering(catalog: polib.POFile) -> str:
    header_only = polib.POFile(wrapwidth=WRAP_WIDTH, encoding=catalog.encoding, check_for_duplicates=False)
    header_only.header, header_only.metadata = catalog.header, catalog.metadata
    header_only.metadata_is_fuzzy = catalog.metadata_is_fuzzy
    return render_po(header_only)


def _first_lines(linenums: Sequence[int], floor: int) -> list[int]:
    """Each entry's first line index (polib's linenum 0: the text's first line, `floor`)."""
    return [max(linenum - 1, floor) for linenum in linenums]


# `render_po` joins the header and the entries with "\n", and every rendering ends with "\n": so
# the file's lines of each are its rendering and a blank line, except the last entry's (or the
# header's, without entries), which are its rendering alone.

def outline_piece(catalog: polib.POFile, lines: Sequence[str], start: int, stop: int, last: bool) -> Outline:
    """The outline of the entries parsed from `lines[start:stop]` (`last`: the file ends there)."""
    entries = list(catalog)
    linenums = [entry.linenum or 0 for entry in entries]
    starts = _first_lines(linenums, start)
    ends = [*starts[1:], stop] if entries else []
    header_rendering = None
    if start == 0:
        header = _header_rendering(catalog)
        head = "".join(lines[:starts[0]] if entries else lines[:stop])
        no_first_line = bool(entries) and not linenums[0]  # no header entry: its lines are the entry's
        if no_first_line or head != header + ("" if last and not entries else "\n"):
            header_rendering = header
    renderings = {}
    for number, (entry, first, end) in enumerate(zip(entries, starts, ends, strict=True)):
        rendering = entry.__unicode__(WRAP_WIDTH)
        separator = "" if last and number == len(entries) - 1 else "\n"
        if "".join(lines[first:end]) != rendering + separator:
            renderings[number] = rendering
    return Outline(header_rendering, linenums, bytes(bool(entry.obsolete) for entry in entries),
                   [hash((entry.msgctxt, entry.msgid)) for entry in entries], renderings,
                   catalog.metadata if start == 0 else {})


def join_outlines(pieces: Sequence[Outline]) -> CatalogOutline:
    lines: list[int] = []
    renderings: dict[int, str] = {}
    for piece in pieces:
        renderings.update((len(lines) + index, text) for index, text in piece.renderings.items())
        lines += piece.lines
    return CatalogOutline(pieces[0].header_rendering if pieces else None, lines,
                          b"".join(piece.obsolete for piece in pieces), [key for piece in pieces for key in piece.keys],
                          renderings, pieces[0].metadata if pieces else {})


def normal_text(outline: CatalogOutline, lines: Sequence[str]) -> str:
    """`render_po`'s text for the catalog whose file has these lines: each part the file already
    has in its normal rendering is taken from the file, the others from the outline."""
    count = len(outline.lines)
    starts = _first_lines(outline.lines, 0)
    ends = [*starts[1:], len(lines)] if count else []

    def own(first: int, end: int, is_last: bool) -> str:
        text = "".join(lines[first:end])
        return text if is_last else text[:-1]  # without the blank line that separates it

    header = outline.header_rendering
    if header is None:
        header = own(0, starts[0] if count else len(lines), not count)
    renderings = [own(first, end, number == count - 1) if number not in outline.renderings
                  else outline.renderings[number] for number, (first, end) in enumerate(zip(starts, ends, strict=True))]
    ordered = [text for text, obsolete in zip(renderings, outline.obsolete, strict=True) if not obsolete]
    ordered += [text for text, obsolete in zip(renderings, outline.obsolete, strict=True) if obsolete]
    text = "\n".join([header, *ordered])
    return text if text.endswith("\n") else text + "\n"
