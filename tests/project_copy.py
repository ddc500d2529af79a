"""A throwaway copy of the project for tests that write (catalogs, builds): the repository's own
files are never modified."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path, with_locale: bool = True) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "source", dest / "source")
    if with_locale:
        shutil.copytree(ROOT / "locale", dest / "locale", ignore=shutil.ignore_patterns("*.mo"))
    return dest
