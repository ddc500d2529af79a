"""The catalog boundary: which files may exist under locale/, and which languages they make.

Nothing under locale/ reaches Sphinx directly: the build compiles the checked catalogs into
build/locale/ and Sphinx reads only that (`conf.py`'s `locale_dirs`). Still, anything under
locale/ that is not a catalog the pipeline checks is a problem: a stray `sphinx.po` would
otherwise be translated theme strings nobody checked, and a symlink would make the pipeline read
whatever it points to. The scan looks at names and `lstat` only, so no byte of a file is read.

Allowed, and nothing else:

    locale/<lang>/                      a directory (not a symlink) named by a valid language code
    locale/<lang>/glossary.tsv          a file
    locale/<lang>/LC_MESSAGES/          a directory
    locale/<lang>/LC_MESSAGES/<doc>.po  a file, one per document of `[tool.l10n] documents`
    locale/<lang>/LC_MESSAGES/site.po   a file: the site's own words (`Config.catalogs`)

A problem inside a language's directory refuses that language alone; a problem at locale/ level
(a stray file, an invalid or unknown language directory) is reported at its own path and refuses
no language.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..locales import language_code_problem

GLOSSARY = "glossary.tsv"
MESSAGES_DIR = "LC_MESSAGES"
SYMLINK, UNEXPECTED, INVALID_LANGUAGE, UNCHECKED_CATALOG = (
    "symlink", "unexpected-path", "invalid-language-dir", "unchecked-catalog")


@dataclass(frozen=True)
class TreeProblem:
    path: Path
    code: str
    message: str
    language: str | None  # None: a problem of locale/ itself, charged to no language


@dataclass(frozen=True)
class LocaleTree:
    languages: tuple[str, ...]  # every directory named by a valid language code, sorted
    problems: tuple[TreeProblem, ...]

    def problems_of(self, language: str | None) -> list[TreeProblem]:
        return [p for p in self.problems if p.language == language]

    def readable(self, language: str) -> bool:
        """Whether the language's catalogs can be read: no symlink on the way to them."""
        return not any(p.code == SYMLINK for p in self.problems_of(language))


def catalog_names(config: Config) -> set[str]:
    """The file names a language's LC_MESSAGES/ may hold: one PO catalog per document, and site.po."""
    return {f"{catalog}.po" for catalog in config.catalogs}


def _kind(path: Path) -> str:
    """'symlink', 'dir', 'file', 'other' or 'missing', from lstat (never follows a link)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "missing"
    if stat.S_ISLNK(mode):
        return "symlink"
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _symlink(path: Path, language: str | None) -> TreeProblem:
    return TreeProblem(path, SYMLINK, "a symlink: the pipeline never reads through one", language)


def _stray(path: Path, language: str, names: set[str]) -> TreeProblem:
    if path.suffix in (".po", ".mo", ".pot"):
        return TreeProblem(path, UNCHECKED_CATALOG, "a catalog the pipeline does not check (Sphinx would load "
                           f"it for its theme strings); only {', '.join(sorted(names))} may be here", language)
    return TreeProblem(path, UNEXPECTED, f"not expected here (locale/{language}/ holds LC_MESSAGES/"
                       f"{{{','.join(sorted(names))}}} and {GLOSSARY})", language)


def _folder_problems(folder: Path, language: str, names: set[str], allowed: dict[str, str]) -> list[TreeProblem]:
    """The problems of one folder of a language: `allowed` maps each name it may hold to its kind
    ("file", or "dir" for LC_MESSAGES/, whose own entries are then looked at)."""
    problems = []
    for entry in sorted(folder.iterdir()):
        kind = _kind(entry)
        if kind == "symlink":
            problems.append(_symlink(entry, language))
        elif allowed.get(entry.name) != kind:
            problems.append(_stray(entry, language, names))
        elif kind == "dir":
            problems += _folder_problems(entry, language, names, dict.fromkeys(names, "file"))
    return problems


def _language_problems(folder: Path, language: str, names: set[str]) -> list[TreeProblem]:
    return _folder_problems(folder, language, names, {MESSAGES_DIR: "dir", GLOSSARY: "file"})


def scan_locale_tree(config: Config) -> LocaleTree:
    """Every language of locale/ and every problem of the tree (names and lstat only)."""
    root = config.locale_dir
    kind = _kind(root)
    if kind == "missing":
        return LocaleTree((), ())
    if kind != "dir":
        problem = _symlink(root, None) if kind == "symlink" else TreeProblem(
            root, UNEXPECTED, "not a directory", None)
        return LocaleTree((), (problem,))
    names = catalog_names(config)
    languages: list[str] = []
    problems: list[TreeProblem] = []
    for entry in sorted(root.iterdir()):
        kind = _kind(entry)
        invalid = language_code_problem(entry.name)
        if invalid is not None and kind in ("dir", "symlink"):
            problems.append(TreeProblem(entry, INVALID_LANGUAGE, f"not a language directory: {invalid}", None))
        elif kind == "symlink":
            languages.append(entry.name)
            problems.append(_symlink(entry, entry.name))
        elif kind == "dir":
            languages.append(entry.name)
            problems += _language_problems(entry, entry.name, names)
        else:
            problems.append(TreeProblem(entry, UNEXPECTED, "not expected here (locale/ holds one directory "
                                        "per language)", None))
    return LocaleTree(tuple(languages), tuple(problems))
