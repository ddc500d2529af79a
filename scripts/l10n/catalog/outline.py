"""What the whole-catalog checks need of a catalog, gathered piece by piece.

The catalog is parsed in pieces (`pieces.py`), each in its own process, so no process holds
every entry. Each piece gives an outline of its entries instead: each entry's line, whether it
is obsolete, a digest of its key (msgctxt, msgid), and, when the file's lines of that entry are
not its rendering in the pipeline's normal form, that rendering. Joined, the outlines tell
whether the whole file is normal (as `render_po` writes it), give `render_po`'s text for it
with the file's own lines (`normal_text`), and tell whether two entries share a key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import polib

from .io import WRAP_WIDTH, render_po


@dataclass(frozen=True)
class EntryOutline:
    line: int  # polib's linenum: the entry's first line (0 for a first entry polib starts before any line)
    obsolete: bool
    key: bytes  # a digest of (msgctxt, msgid)
    rendering: str | None  # its normal rendering, when the file's lines of it are not that (else None)

    @property
    def normal(self) -> bool:
        return self.rendering is None


@dataclass(frozen=True)
class PieceOutline:
    header_rendering: str | None  # the normal header, when the first piece's header lines are not that
    entries: list[EntryOutline]


@dataclass(frozen=True)
class CatalogOutline:
    metadata: dict[str, str]
    header_rendering: str | None
    entries: list[EntryOutline]

    @property
    def normal(self) -> bool:
        """Whether the file is exactly what `render_po` writes for it: the header, then every
        entry in its normal rendering, active entries first."""
        if self.header_rendering is not None:
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


def _first_lines(linenums: Sequence[int], floor: int) -> list[int]:
    """Each entry's first line index (polib's linenum 0: the text's first line, `floor`)."""
    return [max(linenum - 1, floor) for linenum in linenums]


# `render_po` joins the header and the entries with "\n", and every rendering ends with "\n": so
# the file's lines of each are its rendering and a blank line, except the last entry's (or the
# header's, without entries), which are its rendering alone.

def outline_piece(catalog: polib.POFile, lines: Sequence[str], start: int, stop: int, last: bool) -> PieceOutline:
    """The outline of the entries parsed from `lines[start:stop]` (`last`: the file ends there)."""
    entries = list(catalog)
    starts = _first_lines([entry.linenum or 0 for entry in entries], start)
    ends = [*starts[1:], stop] if entries else []
    header_rendering = None
    if start == 0:
        header = _header_rendering(catalog)
        head = "".join(lines[:starts[0]] if entries else lines[:stop])
        no_first_line = bool(entries) and not entries[0].linenum  # no header entry: its lines are the entry's
        if no_first_line or head != header + ("" if last and not entries else "\n"):
            header_rendering = header
    outlines = []
    for number, (entry, first, end) in enumerate(zip(entries, starts, ends, strict=True)):
        rendering = entry.__unicode__(WRAP_WIDTH)
        separator = "" if last and number == len(entries) - 1 else "\n"
        own = "".join(lines[first:end])
        outlines.append(EntryOutline(entry.linenum or 0, bool(entry.obsolete), entry_key(entry),
                                     None if own == rendering + separator else rendering))
    return PieceOutline(header_rendering, outlines)


def join_outlines(metadata: dict[str, str], pieces: Sequence[PieceOutline]) -> CatalogOutline:
    return CatalogOutline(metadata, pieces[0].header_rendering if pieces else None,
                          [entry for piece in pieces for entry in piece.entries])


def normal_text(outline: CatalogOutline, lines: Sequence[str]) -> str:
    """`render_po`'s text for the catalog whose file has these lines: each part the file already
    has in its normal rendering is taken from the file, the others from the outline."""
    entries = outline.entries
    starts = _first_lines([entry.line for entry in entries], 0)
    ends = [*starts[1:], len(lines)] if entries else []

    def own(first: int, end: int, is_last: bool) -> str:
        text = "".join(lines[first:end])
        return text if is_last else text[:-1]  # without the blank line that separates it

    header = outline.header_rendering
    if header is None:
        header = own(0, starts[0] if entries else len(lines), not entries)
    renderings = [entry.rendering if entry.rendering is not None else own(first, end, number == len(entries) - 1)
                  for number, (entry, first, end) in enumerate(zip(entries, starts, ends, strict=True))]
    ordered = [r for entry, r in zip(entries, renderings, strict=True) if not entry.obsolete]
    ordered += [r for entry, r in zip(entries, renderings, strict=True) if entry.obsolete]
    text = "\n".join([header, *ordered])
    return text if text.endswith("\n") else text + "\n"
