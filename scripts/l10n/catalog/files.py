"""Plain text files the pipeline reads and writes beside its catalogs (a glossary, a Markdown
file): read as UTF-8 with one-line errors, written atomically like the catalogs themselves."""

from __future__ import annotations

from pathlib import Path

from ..errors import L10nError, os_error
from .io import _replace_file


def read_text(path: str | Path) -> str:
    """A UTF-8 text file's content; a missing file, bad UTF-8 or an OS error is an L10nError."""
    path = Path(path)
    if not path.is_file():
        raise L10nError(path, "file not found", "check the path")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise L10nError(path, f"invalid UTF-8 at byte {exc.start}", "save the file as UTF-8") from None
    except OSError as exc:
        raise os_error(exc, path, "read") from None


def write_text_atomic(path: str | Path, text: str) -> bool:
    """Write UTF-8 text as the catalogs are written (a temp file in the same folder, then a
    rename): a reader never sees half a file, and a failed write leaves the old one as it was.
    True if the bytes changed; an OS error is an L10nError naming the file."""
    target = Path(path)
    try:
        changed = _replace_file(target, text.encode("utf-8"))
    except OSError as exc:
        raise os_error(exc, target, "write") from None
    return changed
