"""Word-level diff between two texts (the previous and the current English of a fuzzy entry)."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|[\w'’-]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class DiffOp:
    op: str  # "equal", "delete", "insert"
    text: str


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[DiffOp]:
    """The edit from before to after, as runs of equal, deleted and inserted words."""
    a, b = tokenize(before), tokenize(after)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(DiffOp("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            ops.append(DiffOp("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(DiffOp("insert", "".join(b[j1:j2])))
    return ops


def format_terminal(ops: list[DiffOp], color: bool = False) -> str:
    """`[-removed-]{+added+}` (wdiff style), or ANSI red/green when color is set."""
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(op.text)
        elif op.op == "delete":
            out.append(f"\x1b[31m[-{op.text}-]\x1b[0m" if color else f"[-{op.text}-]")
        else:
            out.append(f"\x1b[32m{{+{op.text}+}}\x1b[0m" if color else f"{{+{op.text}+}}")
    return "".join(out)


def format_html(ops: list[DiffOp]) -> str:
    """<del>/<ins> markup, every text escaped."""
    out = []
    for op in ops:
        text = html.escape(op.text)
        out.append({"equal": text, "delete": f"<del>{text}</del>", "insert": f"<ins>{text}</ins>"}[op.op])
    return "".join(out)
