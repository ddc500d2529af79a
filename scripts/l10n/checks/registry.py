"""Catalog checks register here by name; `make check` runs every registered one.

There are two kinds. A per-entry check (`@entry_check`) takes an `EntriesContext`, some entries of
one PO file of one language, and yields `Finding`s about each entry on its own: the runner gives
each process a piece of a large catalog. A whole-catalog check (`@catalog_check`) takes a
`CatalogContext`: the catalog's outline (its header fields, and each entry's line, key and
layout), gathered from all the pieces. One module per check family registers its functions.

The per-entry `messages` check is itself a table of message rules (`@message_rule`), like
markdown-it's Ruler or babel's checkers: each rule is a function over one translation, registered
by name with every code it can emit, and run in the order registered (`checks/message.py`). Any
code can be switched off in `[tool.l10n.checks] disabled_codes`, except the protected ones: the
codes the pre-build gate relies on to keep a translation from running or reading anything, or
from costing the build more than the bound (`config.py` refuses to switch one off).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from ..catalog.outline import CatalogOutline
from ..config import Config
from .findings import Finding
from .problem import Problem


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
    "l10n.checks.placeholders",
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


MessageRuleFunction = Callable[[Any], Iterable[Problem]]  # takes a checks.message.Message


@dataclass(frozen=True)
class MessageRule:
    """One rule of the message checks: its function and every code it can emit."""

    name: str
    run: MessageRuleFunction
    codes: tuple[str, ...]
    protected: frozenset[str]  # the codes of these that can never be switched off
    parses: bool  # reads the texts' parses: skipped for a msgstr the markup bound refuses unparsed


MESSAGE_RULES: dict[str, MessageRule] = {}  # in the order they run


def message_rule(name: str, codes: Iterable[str], protected: Iterable[str] = (),
                 parses: bool = True) -> Callable[[MessageRuleFunction], MessageRuleFunction]:
    codes, protected = tuple(codes), frozenset(protected)
    if not protected <= set(codes):
        raise ValueError(f"message rule {name}: protected codes {sorted(protected - set(codes))} it does not emit")

    def register(func: MessageRuleFunction) -> MessageRuleFunction:
        MESSAGE_RULES[name] = MessageRule(name, func, codes, protected, parses)
        return func

    return register


def selected_message_rules(names: Iterable[str] | None = None) -> list[MessageRule]:
    """The named rules (every rule when None), in the order they run; an unknown name is a KeyError."""
    if names is None:
        return list(MESSAGE_RULES.values())
    wanted = set(names)
    if not wanted <= MESSAGE_RULES.keys():
        raise KeyError(f"no message rule {', '.join(sorted(wanted - MESSAGE_RULES.keys()))}; "
                       f"the rules are {', '.join(MESSAGE_RULES)}")
    return [rule for rule in MESSAGE_RULES.values() if rule.name in wanted]


def disabled_rule(rule: MessageRule, disabled: Collection[str]) -> bool:
    """Whether every code the rule can emit is switched off (then it need not run)."""
    return all(code in disabled for code in rule.codes)


def load_message_rules() -> dict[str, MessageRule]:
    """Every message rule, in the order they run."""
    import importlib

    importlib.import_module("l10n.checks.message")
    return MESSAGE_RULES


def load_checks() -> dict[str, RegisteredCheck]:
    import importlib

    for module in CHECK_MODULES:
        importlib.import_module(module)
    return CATALOG_CHECKS
