"""The one error type the CLI turns into a one-line message and exit status 2."""

from __future__ import annotations

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
