"""Line numbers in a PO file's text that polib does not keep: each msgstr's line, header fields.

polib gives `entry.linenum`, the entry's first line (its first comment line, or the msgid).
Findings point at the msgstr (the line a translator edits), further down by the comments and by
a msgid that spans several lines, as Poedit-saved files have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class PoLines:
    msgstr_of: dict[int, int] = field(default_factory=dict)  # any line of an entry -> its msgstr line
    header_fields: dict[str, int] = field(default_factory=dict)  # header field name -> line

    def msgstr_line(self, entry_line: int | None) -> int:
        """The msgstr line of the entry polib reports at `entry_line` (polib's `linenum` is the
        entry's first line: its first comment, or the msgid when it has none)."""
        if entry_line is None:
            return 0
        return self.msgstr_of.get(entry_line, entry_line)


def po_lines_of_text(text: str) -> PoLines:
    msgstr_of: dict[int, int] = {}
    header: dict[str, int] = {}
    entry_start: int | None = None
    in_header = False
    seen_entry = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            entry_start, in_header = None, False
            continue
        if entry_start is None:
            entry_start = number
        first = stripped[0]
        if first == "m":  # a keyword: msgctxt, msgid, msgid_plural, msgstr, msgstr[N]
            keyword = stripped.split(" ", 1)[0].split("[", 1)[0]
            if keyword == "msgid" and not seen_entry:
                in_header = stripped == 'msgid ""'
            elif keyword == "msgstr":
                seen_entry = True
                for entry_line in range(entry_start, number + 1):
                    msgstr_of.setdefault(entry_line, number)
                entry_start = number + 1  # continuation lines belong to the msgstr
        elif first == '"' and in_header and ":" in stripped:
            header.setdefault(stripped[1:].split(":", 1)[0].strip(), number)
    return PoLines(msgstr_of, header)


@lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int, size: int) -> PoLines:
    return po_lines_of_text(Path(path).read_text(encoding="utf-8", errors="replace"))


def po_lines(path: Path) -> PoLines:
    """PoLines of a file, cached per (path, mtime, size): every check of a run shares one scan."""
    stat = path.stat()
    return _cached(str(path), stat.st_mtime_ns, stat.st_size)
