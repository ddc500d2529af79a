"""Line numbers in a PO file's text that polib does not keep: each msgstr's line, header fields.

polib gives `entry.linenum`, the line of the `msgid` keyword. Findings point at the msgstr
(the line a translator edits), which is further down when the msgid (or a msgid_plural) spans
several lines, as Poedit-saved files do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class PoLines:
    msgstr_after: dict[int, int] = field(default_factory=dict)  # msgid line -> its msgstr line
    header_fields: dict[str, int] = field(default_factory=dict)  # header field name -> line

    def msgstr_line(self, msgid_line: int | None) -> int:
        if msgid_line is None:
            return 0
        return self.msgstr_after.get(msgid_line, msgid_line)


def _keyword(line: str) -> str:
    stripped = line.lstrip()
    return stripped.split(" ", 1)[0].split("[", 1)[0] if stripped and stripped[0] != "#" else ""


def po_lines_of_text(text: str) -> PoLines:
    msgstr_after: dict[int, int] = {}
    header: dict[str, int] = {}
    pending: int | None = None
    in_header = False
    for number, line in enumerate(text.splitlines(), start=1):
        keyword = _keyword(line)
        if keyword == "msgid":
            pending = number
            in_header = line.strip() == 'msgid ""' and not msgstr_after
        elif keyword == "msgstr" and pending is not None:
            msgstr_after[pending] = number
            pending = None
        elif in_header and line.startswith('"') and ":" in line:
            name = line[1:].split(":", 1)[0].strip()
            header.setdefault(name, number)
        elif not line.strip():
            in_header = False
    return PoLines(msgstr_after, header)


@lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int, size: int) -> PoLines:
    return po_lines_of_text(Path(path).read_text(encoding="utf-8", errors="replace"))


def po_lines(path: Path) -> PoLines:
    """PoLines of a file, cached per (path, mtime, size): every check of a run shares one scan."""
    stat = path.stat()
    return _cached(str(path), stat.st_mtime_ns, stat.st_size)
