"""Line numbers in a PO file's text that polib does not keep: each msgstr's line, header fields.

polib gives `entry.linenum`, the entry's first line (its first comment line, or the msgid).
Findings point at the msgstr (the line a translator edits), further down by the comments and by
a msgid that spans several lines, as Poedit-saved files have. Lines are looked up when a finding
asks for one, from the entry's first line on: a catalog with few findings is never scanned whole.
"""

from __future__ import annotations

import os
import stat
from functools import cached_property, lru_cache
from pathlib import Path

from .io import po_text_lines


def _keyword(stripped: str) -> str:
    """msgctxt, msgid, msgid_plural or msgstr (msgstr[N] too) for a keyword line, else ''."""
    return stripped.split(" ", 1)[0].split("[", 1)[0] if stripped[:1] == "m" else ""


class PoLines:
    """The lines of one PO file's text (split at "\n" only, as `read_po` feeds them to polib, so
    numbers agree)."""

    def __init__(self, text: str = "") -> None:
        self.lines = po_text_lines(text.removeprefix("\ufeff"))

    def msgstr_line(self, entry_line: int | None) -> int:
        """The msgstr line of the entry polib reports at `entry_line` (polib's `linenum` is the
        entry's first line: its first comment, or the msgid when it has none); the entry's own
        line when it has no msgstr line of its own (an obsolete `#~` entry)."""
        if entry_line is None:
            return 0
        lines = self.lines
        for index in range(max(entry_line - 1, 0), len(lines)):
            stripped = lines[index].strip()
            if not stripped:
                break
            if _keyword(stripped) == "msgstr":
                return index + 1
        return entry_line

    @cached_property
    def header_fields(self) -> dict[str, int]:
        """Header field name -> line: the quoted lines of the first entry when its msgid is ""."""
        fields: dict[str, int] = {}
        in_header = seen_msgstr = False
        for number, line in enumerate(self.lines, start=1):
            stripped = line.strip()
            if not stripped:
                if seen_msgstr:
                    break
                in_header = False
                continue
            keyword = _keyword(stripped)
            if keyword == "msgid" and not seen_msgstr:
                in_header = stripped == 'msgid ""'
            elif keyword == "msgstr":
                seen_msgstr = True
            elif stripped[0] == '"' and in_header and ":" in stripped:
                fields.setdefault(stripped[1:].split(":", 1)[0].strip(), number)
        return fields


def _read_text(path: str) -> str:
    """The file's text, bytes as they are (no newline translation: a "\r" alone ends no PO line),
    never read through a symlink (`read_po` refuses one: no line comes from its target)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        if os.path.islink(path):
            return ""
        raise
    try:  # fstat first: a directory opens, and os.fdopen raises on it
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read().decode("utf-8", errors="replace")
    finally:
        os.close(fd)


@lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int, size: int) -> PoLines:
    return PoLines(_read_text(path))


def po_lines(path: Path) -> PoLines:
    """PoLines of a file, cached per (path, mtime, size): every check of a run shares one read."""
    info = path.lstat()
    return _cached(str(path), info.st_mtime_ns, info.st_size)
