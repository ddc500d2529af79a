"""Helpers for the translator-tool tests: a throwaway copy of the project, and the CLI."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from l10n.cli import main

REPO = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("source", "locale", "conf.py", "pyproject.toml", "Makefile", "requirements.txt",
                 "CONTRIBUTING.md")


def copy_project(target: Path) -> Path:
    """Copy what the pipeline reads (never build/ or .mo files) into target."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy2(source, target / name)
    return target


def run_cli(root: Path, *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `l10n --root ROOT ARGS...`."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--root", str(root), *args])
    return status, out.getvalue(), err.getvalue()
