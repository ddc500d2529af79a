"""`make wrap`: rewrite PO files in the one normalized form every writer of the pipeline uses.

The normalization is `render_po` (io.py): no line wrapping (so a URL is never split), standard
header order, obsolete entries last. Applying it twice gives the same bytes. A file saved by
Poedit (wrapped at 79 columns, its own header order) keeps every translation and comment: only
the layout changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .io import po_text_lines, read_po, render_po, write_po


@dataclass(frozen=True)
class WrapResult:
    path: Path
    normalized: bool  # the file was already in normal form (before any write)
    written: bool = False
    first_difference: int = 0  # 1-based line of the first difference, 0 when normalized


def first_difference(current: str, normal: str) -> int:
    """The 1-based line where two texts first differ (0 if they are equal)."""
    if current == normal:
        return 0
    # keepends: a file that differs only in line endings (CRLF) differs on its first line
    old_lines, new_lines = po_text_lines(current, keepends=True), po_text_lines(normal, keepends=True)
    for number, (old, new) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if old != new:
            return number
    return min(len(old_lines), len(new_lines)) + 1


def wrap_file(path: Path, check: bool = False) -> WrapResult:
    """Normalize one PO file in place (or only compare, with check); L10nError on unreadable input."""
    po = read_po(path)  # read once: render_po is pure, so the same catalog is compared and written
    line = first_difference(path.read_bytes().decode("utf-8"), render_po(po))
    if line == 0 or check:
        return WrapResult(path, normalized=line == 0, first_difference=line)
    written = write_po(path, po)
    return WrapResult(path, normalized=False, written=written, first_difference=line)


def wrap_files(paths: list[Path], check: bool = False) -> list[WrapResult]:
    return [wrap_file(path, check) for path in paths]
