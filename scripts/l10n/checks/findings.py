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


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


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
