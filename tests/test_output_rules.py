"""Nothing below commands/ prints: operations return data, and only the command modules (and the
CLI's error line) write to the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "l10n"
MAY_PRINT = {PACKAGE / "cli.py", *(PACKAGE / "commands").glob("*.py")}


def _prints(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"


def _uses_a_sys_stream(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr")
            and isinstance(node.value, ast.Name) and node.value.id == "sys")


def terminal_output(tree: ast.AST) -> list[int]:
    """The lines that call print() or use sys.stdout / sys.stderr."""
    return sorted(node.lineno for node in ast.walk(tree)
                  if isinstance(node, ast.expr) and (_prints(node) or _uses_a_sys_stream(node)))


def test_the_rule_sees_print_and_sys_streams() -> None:
    source = "import sys\nprint('x')\nsys.stderr.write('y')\nlog = sys.stdout\nprinted = 'print'\n"
    assert terminal_output(ast.parse(source)) == [2, 3, 4]


@pytest.mark.parametrize("module", sorted(set(PACKAGE.rglob("*.py")) - MAY_PRINT),
                         ids=lambda path: str(path.relative_to(PACKAGE)))
def test_modules_below_commands_do_not_print(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"), str(module))
    assert terminal_output(tree) == [], f"{module.relative_to(PACKAGE)} writes to the terminal"
