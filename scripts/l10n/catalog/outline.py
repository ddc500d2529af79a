"""What the whole-catalog checks need of a catalog, gathered piece by piece.

The catalog is parsed in pieces (`pieces.py`), each in its own process, so no process holds
every entry. Each piece gives an outline of its entries instead: each entry's line, whether it
is obsolete, a digest of its key (msgctxt, msgid), and whether the file's lines of that entry
are its rendering in the pipeline's normal form. Joined, the outlines tell whether the whole
file is normal (as `render_po` writes it) and whether two entries share a key. Finding out
where the file differs, or which msgids repeat, is left to the checks that need it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import polib

from .io import WRAP_WIDTH, render_po


@dataclass(frozen=True)
class EntryOutline:
    line: int  # polib's linenum: the entry's first line
    obsolete: bool
    key: bytes  # a digest of (msgctxt, msgid)
    normal: bool  # the file's lines of this entry are its normal rendering


@dataclass(frozen=True)
class PieceOutline:
    header_normal: bool  # the lines before the first entry are the normal header (True after the first piece)
    entries: list[EntryOutline]


@dataclass(frozen=True)
class CatalogOutline:
    metadata: dict[str, str]
    header_normal: bool
    entries: list[EntryOutline]

    @property
    def normal(self) -> bool:
        """Whether the file is exactly what `render_po` writes for it: the header, then every
        entry in its normal rendering, active entries first."""
        if not self.header_normal:
            return False
        obsolete_seen = False
        for entry in self.entries:
            if not entry.normal or (obsolete_seen and not entry.obsolete):
                return False
            obsolete_seen = obsolete_seen or entry.obsolete
        return True

    @property
    def has_duplicate_keys(self) -> bool:
        keys = [entry.key for entry in self.entries if not entry.obsolete]
        return len(set(keys)) != len(keys)


def entry_key(entry: polib.POEntry) -> bytes:
    context = "\x00" if entry.msgctxt is None else "\x01" + entry.msgctxt
    return hashlib.blake2b(f"{context}\x04{entry.msgid}".encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _header_rendering(catalog: polib.POFile) -> str:
    header_only = polib.POFile(wrapwidth=WRAP_WIDTH, encoding=catalog.encoding, check_for_duplicates=False)
    header_only.header, header_only.metadata = catalog.header, catalog.metadata
    header_only.metadata_is_fuzzy = catalog.metadata_is_fuzzy
    return render_po(header_only)


def outline_piece(catalog: polib.POFile, lines: Sequence[str], start: int, stop: int, last: bool) -> PieceOutline:
    """The outline of the entries parsed from `lines[start:stop]` (`last`: the file ends there).
    `render_po` joins the header and the entries with a blank line and ends the file with one
    newline: each entry's lines are its rendering and that blank line, the last entry's without."""
    entries = list(catalog)
    starts = [(entry.linenum or 0) - 1 for entry in entries]
    ends = [*starts[1:], stop] if entries else []
    header_normal = True
    if start == 0 and entries and starts[0] < 0:  # no header entry: polib starts the first entry at "line 0"
        header_normal = False
    elif start == 0:
        head = "".join(lines[start:starts[0]] if entries else lines[start:stop])
        header_normal = head == _header_rendering(catalog) + ("" if last and not entries else "\n")
    outlines = []
    for number, (entry, first, end) in enumerate(zip(entries, starts, ends, strict=True)):
        rendering = entry.__unicode__(WRAP_WIDTH)
        if not (last and number == len(entries) - 1) or not rendering.endswith("\n"):
            rendering += "\n"
        normal = start <= first < end and "".join(lines[first:end]) == rendering
        outlines.append(EntryOutline(entry.linenum or 0, bool(entry.obsolete), entry_key(entry), normal))
    return PieceOutline(header_normal, outlines)


def join_outlines(metadata: dict[str, str], pieces: Sequence[PieceOutline]) -> CatalogOutline:
    return CatalogOutline(metadata, all(piece.header_normal for piece in pieces),
                          [entry for piece in pieces for entry in piece.entries])
