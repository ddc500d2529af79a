"""Helpers for the translator-tool tests: a throwaway copy of the project, and the CLI."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import conftest
from l10n.cli import main

REPO = conftest.ROOT
# what the walkthrough needs beyond the pipeline's own files: make, its locks (requirements/), the guide
TRANSLATOR_FILES = ("Makefile", "requirements", "CONTRIBUTING.md")


def copy_project(target: Path) -> Path:
    """Copy what the pipeline and the translator's guide use (never build/ or .mo files)."""
    return conftest.copy_project(target, TRANSLATOR_FILES).root


def run_cli(root: Path, *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `l10n --root ROOT ARGS...`."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--root", str(root), *args])
    return status, out.getvalue(), err.getvalue()
