"""Catalog checks register here by name; `make check` runs every registered one.

A catalog check takes a `CatalogContext` (one PO file of one language, already read) and
yields `Finding`s. One module per check family registers its functions with `@catalog_check`.
A check that looks at one entry at a time registers with `per_entry=True` and reads only
`context.entries()`: the runner may then give it a shard of a large catalog in each process.
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
    shard: tuple[int, int] | None = None  # (start, stop): the entries a per-entry check looks at

    def entries(self) -> list[polib.POEntry]:
        return self.catalog[slice(*self.shard)] if self.shard is not None else list(self.catalog)


CatalogCheck = Callable[[CatalogContext], Iterable[Finding]]


@dataclass(frozen=True)
class RegisteredCheck:
    name: str
    run: CatalogCheck
    per_entry: bool  # reads only context.entries(), one entry at a time


CATALOG_CHECKS: dict[str, RegisteredCheck] = {}

# Modules whose import registers checks; `load_checks()` imports them all.
CHECK_MODULES: list[str] = [
    "l10n.checks.formatting",
    "l10n.checks.glossary",
    "l10n.checks.message",
    "l10n.checks.files",
]


def catalog_check(name: str, per_entry: bool = False) -> Callable[[CatalogCheck], CatalogCheck]:
    def register(func: CatalogCheck) -> CatalogCheck:
        CATALOG_CHECKS[name] = RegisteredCheck(name, func, per_entry)
        return func

    return register


def load_checks() -> dict[str, RegisteredCheck]:
    import importlib

    for module in CHECK_MODULES:
        importlib.import_module(module)
    return CATALOG_CHECKS
