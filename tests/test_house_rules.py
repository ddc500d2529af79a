"""The package's house rules, read from its source with ast: short modules and functions, one-line
package docstrings, a design document that names only what exists, and a core that never imports
an operation."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT

SCRIPTS = ROOT / "scripts"
PACKAGE = SCRIPTS / "l10n"
DESIGN = ROOT / "docs" / "DESIGN.md"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
CORE = ("l10n.text", "l10n.checks")
OPERATIONS = ("l10n.catalog.importer", "l10n.catalog.sync", "l10n.catalog.extract", "l10n.build", "l10n.reports",
              "l10n.commands")


def _modules(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*.py") if "__pycache__" not in path.parts)


def long_modules(root: Path, limit: int = MAX_MODULE_LINES) -> list[tuple[str, int]]:
    """(module, lines) of every module under `root` over `limit` lines."""
    counted = ((str(path.relative_to(root.parent)), len(path.read_text(encoding="utf-8").splitlines()))
               for path in _modules(root))
    return [(name, count) for name, count in counted if count > limit]


def long_functions(root: Path, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """(module:line name, lines) of every function or method under `root` over `limit` lines,
    from its `def` to its last line."""
    found = []
    for path in _modules(root):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    found.append((f"{path.relative_to(root.parent)}:{node.lineno} {node.name}", length))
    return found


def test_no_module_over_300_lines_and_no_function_over_40() -> None:
    assert long_modules(SCRIPTS) == []
    assert long_functions(SCRIPTS) == []


def test_the_size_rules_see_what_they_count(tmp_path: Path) -> None:
    """The two measures themselves, on a module made to break each by one line."""
    body = "".join(f"    x{index} = {index}\n" for index in range(39))
    module = tmp_path / "scripts" / "demo.py"
    module.parent.mkdir()
    # lines 1-40: fits (40 lines); 41-42 blank; 43-83: over (41 lines, async)
    module.write_text(f"def fits():\n{body}\n\nasync def over():\n{body}    return 1\n", encoding="utf-8")
    assert long_functions(module.parent) == [("scripts/demo.py:43 over", 41)]
    assert long_functions(module.parent, limit=39) == [("scripts/demo.py:1 fits", 40), ("scripts/demo.py:43 over", 41)]
    assert long_modules(module.parent, limit=82) == [("scripts/demo.py", 83)]
    assert long_modules(module.parent, limit=83) == []


def packages(root: Path) -> list[Path]:
    """Every folder under `root` that holds Python modules (a package, or one missing its __init__)."""
    return sorted({path.parent for path in _modules(root)} - {root})


def docstring_problem(package: Path) -> str | None:
    """Why a package's __init__.py does not say in one line what the package holds; None if it does."""
    init = package / "__init__.py"
    if not init.is_file():
        return "no __init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    if not docstring:
        return "no docstring"
    if "\n" in docstring.strip():
        return f"a docstring of {len(docstring.strip().splitlines())} lines"
    return None


def test_every_package_says_in_one_line_what_it_holds() -> None:
    found = {str(package.relative_to(ROOT)): docstring_problem(package) for package in packages(PACKAGE)}
    assert {"text", "catalog", "checks", "build", "verify", "reports", "commands"} <= \
        {Path(name).name for name in found}
    assert {name: problem for name, problem in found.items() if problem} == {}


def test_the_docstring_rule_refuses_what_it_should(tmp_path: Path) -> None:
    cases = {"good": '"""Good: what it holds."""\n', "long": '"""Two\n\nlines."""\n', "none": "x = 1\n"}
    for name, text in cases.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(text, encoding="utf-8")
        (tmp_path / name / "module.py").write_text("", encoding="utf-8")
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "module.py").write_text("", encoding="utf-8")
    assert [package.name for package in packages(tmp_path)] == ["bare", "good", "long", "none"]
    assert {package.name: docstring_problem(package) for package in packages(tmp_path)} == {
        "bare": "no __init__.py", "good": None, "long": "a docstring of 3 lines", "none": "no docstring"}


# --- the design document names only what exists ---------------------------------------------

_PATH = re.compile(r"(?<![\w./<>-])((?:[\w.-]+/)+[\w.-]+\.py|scripts/l10n(?:/[\w.-]+)*/?)(?![\w/-])")
_BARE = re.compile(r"`([\w-]+\.py)`")
_DOTTED = re.compile(r"(?<![\w.])(l10n(?:\.\w+)+)")
_FOLDER = re.compile(r"`(scripts/l10n/(?:[\w-]+/)*)`")


def _exists(path: str, package: Path, root: Path) -> bool:
    return (root / path).exists() or (package / path).exists()


def _resolves(dotted: str) -> bool:
    """Whether `l10n.a.b.c` is a module, or a module and attributes of it."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def missing_in_design(text: str, package: Path, root: Path) -> list[str]:
    """The paths, module names and dotted module paths the text names that do not exist: a path
    relative to the repository or to the package (`catalog/io.py`), a bare `module.py` in a
    line that names its folder (`scripts/l10n/catalog/`) or else anywhere in the package."""
    missing = []
    for line in text.splitlines():
        folders = _FOLDER.findall(line) if line.startswith("|") else []  # a table row of the map
        for path in _PATH.findall(line):
            if not _exists(path, package, root):
                missing.append(path)
        for name in _BARE.findall(line):
            places = [root / folder / name for folder in folders] if folders else \
                [root / name, *package.rglob(name)]
            if not any(place.is_file() for place in places):
                missing.append(f"{folders[0] if folders else ''}{name}")
        missing += [dotted for dotted in _DOTTED.findall(line) if not _resolves(dotted)]
    return missing


def test_every_path_in_the_design_document_exists() -> None:
    text = DESIGN.read_text(encoding="utf-8")
    assert "scripts/l10n/" in text
    assert missing_in_design(text, PACKAGE, ROOT) == []


def test_the_design_rule_finds_what_is_missing() -> None:
    text = "\n".join([
        "| 2. catalogs | `scripts/l10n/catalog/` | `io.py` (read/write), `lines.py`, `gone.py` |",
        "  catalog/importer.py (hand-made), catalog/revue.py (reviewed), build/html/<lang>/, build/site.py",
        "Beside the package: `conf.py`, `benchmarks/bench_check.py`, `scripts/l10n/nowhere/`, `errors.py`.",
        "`l10n.catalog.update.merge`, `l10n.catalog.update.nothing`, `l10n.nothing`, `stray.py`.",
    ])
    assert missing_in_design(text, PACKAGE, ROOT) == [
        "scripts/l10n/catalog/gone.py", "catalog/revue.py", "scripts/l10n/nowhere/",
        "stray.py", "l10n.catalog.update.nothing", "l10n.nothing"]


# --- the core never imports an operation ----------------------------------------------------

def imported_modules(path: Path, package_root: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in a module, relative imports made absolute; `from X
    import name` counts as importing X.name too (a module or not: the prefix test decides)."""
    here = list(path.relative_to(package_root.parent).parent.parts)  # the package the module is in
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            yield node.lineno, module
            yield from ((node.lineno, f"{module}.{alias.name}") for alias in node.names)


def layer_leaks(package_root: Path, core: tuple[str, ...], operations: tuple[str, ...]) -> list[str]:
    leaks = []
    for prefix in core:
        folder = package_root.parent.joinpath(*prefix.split("."))
        for path in _modules(folder):
            for line, module in imported_modules(path, package_root):
                if any(module == operation or module.startswith(operation + ".") for operation in operations):
                    leaks.append(f"{path.relative_to(package_root.parent)}:{line} imports {module}")
    return sorted(set(leaks))


def test_the_core_never_imports_an_operation() -> None:
    assert layer_leaks(PACKAGE, CORE, OPERATIONS) == []


def test_the_layer_rule_sees_every_form_of_import(tmp_path: Path) -> None:
    root = tmp_path / "l10n"
    (root / "checks" / "deep").mkdir(parents=True)
    for folder in (root, root / "checks", root / "checks" / "deep"):
        (folder / "__init__.py").write_text("", encoding="utf-8")
    (root / "checks" / "a.py").write_text(
        "from ..catalog import sync\nfrom ..catalog.io import read_po\nfrom . import b\n"
        "def late():\n    from ..reports.stale import stale\n", encoding="utf-8")
    (root / "checks" / "deep" / "c.py").write_text("import l10n.build.site\nfrom ...commands import core\n",
                                                   encoding="utf-8")
    (root / "checks" / "__init__.py").write_text("from ..catalog.extract import gettext\n", encoding="utf-8")
    assert layer_leaks(root, ("l10n.checks",), OPERATIONS) == [
        "l10n/checks/__init__.py:1 imports l10n.catalog.extract",
        "l10n/checks/__init__.py:1 imports l10n.catalog.extract.gettext",
        "l10n/checks/a.py:1 imports l10n.catalog.sync",
        "l10n/checks/a.py:5 imports l10n.reports.stale",
        "l10n/checks/a.py:5 imports l10n.reports.stale.stale",
        "l10n/checks/deep/c.py:1 imports l10n.build.site",
        "l10n/checks/deep/c.py:2 imports l10n.commands",
        "l10n/checks/deep/c.py:2 imports l10n.commands.core",
    ]
