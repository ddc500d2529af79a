"""The one error type the CLI turns into a one-line message and exit status 2."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class L10nError(Exception):
    """Bad input: names the file (and line), what is wrong, and the command or edit that fixes it."""

    def __init__(self, path: str | Path | None, message: str, fix: str = "", line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        self.fix = fix
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        fix = f" ({self.fix})" if self.fix else ""
        return f"{where}error: {self.message}{fix}"

    def __reduce__(self) -> tuple[object, ...]:
        # pickled by its fields (a worker process hands it back to the CLI's process), not by
        # Exception's default, which would call __init__ with the one-line text alone
        return _rebuild, (type(self), dict(self.__dict__))


def _rebuild(cls: type[L10nError], fields: dict[str, object]) -> L10nError:
    error = cls.__new__(cls)
    error.__dict__.update(fields)
    Exception.__init__(error, error.one_line())
    return error


_OS_FIXES = {  # what to do about an OS error, by errno ({where}: the file, or the folder to write in)
    errno.EACCES: "make {where} {able} (chmod {mode} {where}) or run as its owner",
    errno.EPERM: "make {where} {able} (chmod {mode} {where}) or run as its owner",
    errno.ENOSPC: "free disk space, then run the command again",
    errno.EDQUOT: "free disk space (or raise your quota), then run the command again",
    errno.EROFS: "the file system is read-only: work in a writable copy of the project",
    errno.EISDIR: "remove the directory there",
    errno.ENOTDIR: "a file stands where a folder should be on this path: remove or rename it",
    errno.EEXIST: "a file stands where a folder should be on this path: remove or rename it",
    errno.ENOENT: "check that the path exists",
    errno.ELOOP: "replace the symlink with the file itself",
    errno.ENAMETOOLONG: "use a shorter path",
    errno.EMFILE: "raise the open-file limit (ulimit -n)",
    errno.ENFILE: "close other programs, then run the command again",
}


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) if path.is_absolute() else str(path)
    except (ValueError, OSError):
        return str(path)


def os_error(exc: OSError, path: str | Path | None = None, doing: str = "") -> L10nError:
    """An OS error as one line: the path (`path`, or the one the error names), what the system
    said, and the fix its errno calls for. `doing` ("write", "read") starts the message."""
    named = Path(os.fsdecode(exc.filename)) if isinstance(exc.filename, (str, bytes)) else None
    shown = Path(path) if path is not None else named
    said = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    where = named or shown
    if where is not None and exc.errno in (errno.EACCES, errno.EPERM) and not os.path.lexists(where):
        where = where.parent  # a file that could not be created: its folder is what is not writable
    mode = "u+rwx" if where is not None and os.path.isdir(where) else "u+rw"
    fix = _OS_FIXES.get(exc.errno or 0, "check the path and its permissions, then run the command again")
    able = "readable" if doing == "read" else "writable"
    fix = fix.format(where=_shown(where) if where is not None else "it", mode=mode, able=able)
    return L10nError(shown, f"cannot {doing}: {said}" if doing else said, fix)
