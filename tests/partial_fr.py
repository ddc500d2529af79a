"""A partially translated French catalog, the normal case, as a project of its own.

The English is upstream revision 23 of the chapter (a fixture copy, never the shipped master),
and `fixtures/partial_fr/README.po` is a real French translation of part of it, as a new
translator leaves it: 12 of 28 entries translated (one year heading translated as itself), two
fuzzy (each with its previous English), the rest untranslated, year headings included. The
catalog is synced to that revision. Used across commands by the issue-13 tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib

import conftest
from l10n.config import Config, load_config

CATALOG = conftest.FIXTURES / "partial_fr" / "README.po"
REVISION = 23
PYPROJECT = """[tool.l10n]
project_name = "partial-fr-l10n"
documents = ["README"]

[tool.l10n.upstream]
repository = "https://github.com/stas00/ml-engineering"
path = "resources/README.md"
revision = 23
commit = "f538bea56948d0cc0523901b7347d4098e66b971"
date = "2026-08-12"
"""
# the repository's code and site files a build and `make` need (never its English or catalogs)
CODE = ("conf.py", "Makefile", "requirements", "source/_templates", "source/_static")


def write_partial_fr_project(root: Path, code: tuple[str, ...] = CODE) -> Config:
    """The project at `root`: settings, the English of revision 23, locale/fr/ with the partial
    catalog, and the repository's `code` files."""
    (root / "source").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    shutil.copy(conftest.revision_path(REVISION), root / "source" / "README.md")
    catalog = root / "locale" / "fr" / "LC_MESSAGES" / "README.po"
    catalog.parent.mkdir(parents=True)
    shutil.copy(CATALOG, catalog)
    for name in code:
        source = conftest.ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    return load_config(root)


def extracted_partial_fr_project(root: Path) -> Path:
    """The project with its templates extracted (`make gettext`), ready for every command."""
    from l10n.catalog import extract

    extract.gettext(write_partial_fr_project(root))
    return root


def entries(config: Config, language: str = "fr") -> list[polib.POEntry]:
    """The catalog's active entries, as they are on disk now."""
    return [e for e in polib.pofile(str(config.po_path(language))) if not e.obsolete]
