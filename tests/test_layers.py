"""The package's layers, read from the import statements: the core (text/, checks/) and the
comparisons (verify/) never import an operation (catalog/importer.py, build/, reports/,
commands/), and text/, the bottom, imports nothing of the package but text/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "l10n"
OPERATIONS = ("l10n.catalog.importer", "l10n.build", "l10n.reports", "l10n.commands", "l10n.cli")


def _imports(path: Path) -> set[str]:
    """The package modules a file imports (relative imports resolved; `from . import x` gives x)."""
    package = ".".join(("l10n", *path.relative_to(PACKAGE).parent.parts))
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return {name for name in found if name == "l10n" or name.startswith("l10n.")}


def _is_under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


@pytest.mark.parametrize("folder", ["text", "checks", "verify"])
def test_core_never_imports_an_operation(folder: str) -> None:
    offending = {f"{path.relative_to(PACKAGE)}: {name}" for path in sorted((PACKAGE / folder).glob("*.py"))
                 for name in _imports(path) if _is_under(name, OPERATIONS)}
    assert offending == set()


def test_text_is_the_bottom_layer() -> None:
    offending = {f"{path.name}: {name}" for path in sorted((PACKAGE / "text").glob("*.py"))
                 for name in _imports(path) if not _is_under(name, ("l10n.text",))}
    assert offending == set()


def test_the_reader_sees_relative_imports() -> None:
    """The check above is only as good as its reader: it resolves `..catalog.importer`."""
    assert "l10n.catalog.importer" in _imports(PACKAGE / "commands" / "core.py")
    assert "l10n.text.segments" in _imports(PACKAGE / "text" / "align.py")
