"""The one findings type, and its formatters (text, JSON, GitHub workflow commands)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
NOTE = "note"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place: `PATH:LINE: SEVERITY CODE: message`, as compilers print."""

    path: str
    line: int
    severity: str
    code: str
    message: str
    fix: str = ""  # the command or edit that resolves it

    def format(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        fix = f" (fix: {self.fix})" if self.fix else ""
        return f"{location}: {self.severity} {self.code}: {self.message}{fix}"


@dataclass(frozen=True)
class Summary:
    """How many findings of each severity: the one count every command reports and exits by."""

    errors: int = 0
    warnings: int = 0
    notes: int = 0

    def exit_status(self, strict: bool = False) -> int:
        """1 when there are errors (with `strict`, any finding at all), 0 otherwise."""
        return 1 if self.errors or (strict and (self.warnings or self.notes)) else 0

    def __str__(self) -> str:
        notes = f", {self.notes} note(s)" if self.notes else ""
        return f"{self.errors} error(s), {self.warnings} warning(s){notes}"


def summarize(findings: Iterable[Finding]) -> Summary:
    counts = {ERROR: 0, WARNING: 0, NOTE: 0}
    for finding in findings:
        counts[finding.severity if finding.severity in counts else NOTE] += 1
    return Summary(counts[ERROR], counts[WARNING], counts[NOTE])


def exit_status(findings: Iterable[Finding], strict: bool = False) -> int:
    """The exit status of a command that reports these findings: 1 on errors (`strict`: on any)."""
    return summarize(findings).exit_status(strict)


def format_text(findings: Iterable[Finding]) -> str:
    return "\n".join(f.format() for f in findings)


def format_json(findings: Iterable[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)


def _escape_github(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: one annotation per finding, at its file and line."""
    lines = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = f"file={_escape_github(f.path, True)}"
        if f.line:
            props += f",line={f.line}"
        props += f",title={_escape_github(f.code, True)}"
        message = f.message + (f" (fix: {f.fix})" if f.fix else "")
        lines.append(f"::{level} {props}::{_escape_github(message)}")
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
