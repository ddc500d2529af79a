"""Catalog checks register here by name; `make check` runs every registered one.

There are two kinds. A per-entry check (`@entry_check`) takes an `EntriesContext`, some entries of
one PO file of one language, and yields `Finding`s about each entry on its own: the runner gives
each process a piece of a large catalog. A whole-catalog check (`@catalog_check`) takes a
`CatalogContext`: the catalog's outline (its header fields, and each entry's line, key and
layout), gathered from all the pieces. One module per check family registers its functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from ..catalog.outline import CatalogOutline
from ..config import Config
from .findings import Finding


@dataclass(frozen=True)
class FileContext:
    """The catalog file a check looks at, in one language."""

    config: Config
    language: str
    path: Path  # the PO file
    display_path: str  # as findings print it: relative to the project root


@dataclass(frozen=True)
class EntriesContext(FileContext):
    entries: Sequence[polib.POEntry]  # a piece of the file, or all of it, with the file's line numbers


@dataclass(frozen=True)
class CatalogContext(FileContext):
    outline: CatalogOutline
    text: str  # the file's text, as the pieces were cut from it


@dataclass(frozen=True)
class RegisteredCheck:
    name: str
    run: Callable[[Any], Iterable[Finding]]  # takes an EntriesContext if per_entry, else a CatalogContext
    per_entry: bool


CATALOG_CHECKS: dict[str, RegisteredCheck] = {}

# Modules whose import registers checks; `load_checks()` imports them all.
CHECK_MODULES: list[str] = [
    "l10n.checks.formatting",
    "l10n.checks.glossary",
    "l10n.checks.message",
    "l10n.checks.files",
]

EntryCheck = Callable[[EntriesContext], Iterable[Finding]]
CatalogCheck = Callable[[CatalogContext], Iterable[Finding]]


def entry_check(name: str) -> Callable[[EntryCheck], EntryCheck]:
    def register(func: EntryCheck) -> EntryCheck:
        CATALOG_CHECKS[name] = RegisteredCheck(name, func, per_entry=True)
        return func

    return register


def catalog_check(name: str) -> Callable[[CatalogCheck], CatalogCheck]:
    def register(func: CatalogCheck) -> CatalogCheck:
        CATALOG_CHECKS[name] = RegisteredCheck(name, func, per_entry=False)
        return func

    return register


def load_checks() -> dict[str, RegisteredCheck]:
    import importlib

    for module in CHECK_MODULES:
        importlib.import_module(module)
    return CATALOG_CHECKS
