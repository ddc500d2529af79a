"""Findings for the catalog boundary: what `catalog/boundary.py` finds under locale/."""

from __future__ import annotations

import os
from pathlib import Path

from ..catalog.boundary import INVALID_LANGUAGE, SYMLINK, LocaleTree, TreeProblem, scan_locale_tree
from ..config import Config
from ..errors import L10nError
from .findings import ERROR, Finding


def _display(root: Path, path: Path) -> str:
    try:
        return os.path.relpath(path, root)  # not resolved: a symlink is named as itself
    except ValueError:
        return str(path)


def _fix(problem: TreeProblem, shown: str) -> str:
    if problem.code == INVALID_LANGUAGE:
        return f"rename {shown} to a language code such as zh_CN, or remove it"
    return f"remove {shown}, then run `make check`"


def tree_findings(config: Config, tree: LocaleTree, language: str | None) -> list[Finding]:
    """The language's problems (None: the problems of locale/ itself), as error findings."""
    findings = []
    for problem in tree.problems_of(language):
        shown = _display(config.root, problem.path)
        findings.append(Finding(shown, 0, ERROR, problem.code, problem.message, _fix(problem, shown)))
    return findings


def as_error(finding: Finding, suffix: str = "") -> L10nError:
    """A boundary finding as the one-line error a command prints."""
    return L10nError(finding.path, f"{finding.code}: {finding.message}{suffix}", finding.fix)


def writable_languages(config: Config, languages: list[str] | None) -> tuple[list[str], list[L10nError]]:
    """The languages whose catalogs can be read and written (no symlink on the way: the pipeline
    never writes through one either), and one error per problem that excludes a language, plus
    the problems of locale/ itself when no language is named (they exclude none)."""
    tree = scan_locale_tree(config)
    wanted = list(tree.languages) if languages is None else languages
    errors = [as_error(f) for f in tree_findings(config, tree, None)] if languages is None else []
    usable = []
    for language in wanted:
        if tree.readable(language):
            usable.append(language)
            continue
        errors += [as_error(f, f"; {language} left alone")
                   for f in tree_findings(config, tree, language) if f.code == SYMLINK]
    return usable, errors
