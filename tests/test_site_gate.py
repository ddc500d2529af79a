"""`make html` (l10n site) with one refused language: the others still build, and the refused one
keeps its last good build (linked, with a notice on the landing page); one that never built is
linked nowhere."""

from __future__ import annotations

import pytest

from l10n.catalog.io import read_po, write_po
from l10n.cli import main
from l10n.config import Config


def test_a_refused_language_does_not_stop_the_others(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project.root), "site"]) == 0
    html = project.build_dir / "html"
    assert (html / "ja" / "index.html").is_file()
    po = read_po(project.po_path("ja"))
    entry = po.find("Resources")
    entry.msgstr = "リソース<img src=x onerror=alert(1)>"
    write_po(project.po_path("ja"), po)
    capsys.readouterr()

    assert main(["--root", str(project.root), "site"]) == 2
    out, err = capsys.readouterr()
    assert [line for line in err.splitlines() if "error" in line] == [
        next(line for line in err.splitlines() if line.startswith("locale/ja/LC_MESSAGES/README.po:"))]
    assert "raw-html" in err and "ja not built" in err and "make check" in err
    assert "up to date build/html/zh_CN/index.html" in out and "up to date build/html/zh_TW/index.html" in out
    assert "removed" not in out and "kept build/html/ja/index.html: the last good build of" in out
    assert "<img" not in (html / "ja" / "README.html").read_text(encoding="utf-8")
    landing = (html / "index.html").read_text(encoding="utf-8")
    assert 'href="ja/index.html"' in landing and "check errors" in landing
    assert "ja: refused, showing the last good build of" in landing
    switcher = (html / "zh_CN" / "index.html").read_text(encoding="utf-8")
    assert "../ja/" in switcher and "../zh_TW/" in switcher


def test_an_unreadable_catalog_is_refused_too(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    path = project.po_path("zh_TW")
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("msgstr ") and i > 20)
    lines[index] = lines[index][:-1]  # drop the closing quote
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--root", str(project.root), "site"]) == 2
    out, err = capsys.readouterr()
    assert f"locale/zh_TW/LC_MESSAGES/README.po:{index + 1}: error: po-syntax" in err
    assert "built build/html/ja/index.html" in out
    assert not (project.build_dir / "html" / "zh_TW").exists()
    landing = (project.build_dir / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="zh_TW/index.html"' not in landing and "not counted: its catalog cannot be read" in landing
    assert "../zh_TW/" not in (project.build_dir / "html" / "ja" / "index.html").read_text(encoding="utf-8")
