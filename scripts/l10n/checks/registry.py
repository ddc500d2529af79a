"""Catalog checks register here by name; `make check` runs every registered one.

A catalog check takes a `CatalogContext` (one PO file of one language, already read) and
yields `Finding`s. One module per check family registers its functions with `@catalog_check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from ..config import Config
from .findings import Finding


@dataclass(frozen=True)
class CatalogContext:
    config: Config
    language: str
    path: Path  # the PO file
    display_path: str  # as findings print it: relative to the project root
    catalog: polib.POFile


CatalogCheck = Callable[[CatalogContext], Iterable[Finding]]
CATALOG_CHECKS: dict[str, CatalogCheck] = {}

# Modules whose import registers checks; `load_checks()` imports them all.
CHECK_MODULES: list[str] = [
    "l10n.checks.formatting",
    "l10n.checks.glossary",
    "l10n.checks.message",
    "l10n.checks.files",
]


def catalog_check(name: str) -> Callable[[CatalogCheck], CatalogCheck]:
    def register(func: CatalogCheck) -> CatalogCheck:
        CATALOG_CHECKS[name] = func
        return func

    return register


def load_checks() -> dict[str, CatalogCheck]:
    import importlib

    for module in CHECK_MODULES:
        importlib.import_module(module)
    return CATALOG_CHECKS
