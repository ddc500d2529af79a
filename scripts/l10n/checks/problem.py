"""One problem of one translation, as the message checks return it (the runner places it)."""

from __future__ import annotations

from dataclasses import dataclass

FIX_KEEP = "keep it exactly as in the msgid"


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    fix: str = FIX_KEEP
