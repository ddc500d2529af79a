"""PO reading and writing: one normalization, stable bytes, atomic writes, errors with lines."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import ROOT
from l10n.catalog.io import new_catalog, read_po, render_po, write_po
from l10n.errors import L10nError

SHIPPED = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_shipped_catalog_is_normalized_and_stable(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert render_po(read_po(SHIPPED)) == text
    copy = tmp_path / "README.po"
    copy.write_text(text, encoding="utf-8")
    assert write_po(copy, read_po(copy)) is False  # nothing to change: file untouched
    assert copy.read_text(encoding="utf-8") == text


def test_shipped_catalog_headers_for_poedit() -> None:
    po = read_po(SHIPPED)
    assert po.metadata["Language"] == "zh_CN"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Project-Id-Version"] == "ml-engineering-resources-l10n"
    assert po.metadata["X-Source-Revision"] == "23 f538bea"
    assert "Claude" in po.metadata["Last-Translator"]


def test_urls_are_never_split() -> None:
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        if line.startswith('"http') or line.startswith('"/'):
            pytest.fail(f"a continuation line starts inside a URL: {line[:60]}")
    po = read_po(SHIPPED)
    long_entry = max(po, key=lambda e: len(e.msgid))
    assert len(long_entry.msgid) > 300
    assert f'msgid "{long_entry.msgid}"' in SHIPPED.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_gnu_gettext_accepts_our_output(tmp_path: Path) -> None:
    po = new_catalog("zh_CN", "demo")
    entry = polib.POEntry(msgid="new text with a [link](https://example.org/a-b-c)", msgstr="译文",
                          flags=["fuzzy"], previous_msgid="old text with a [link](https://example.org/a-b-c) " * 5)
    po.append(entry)
    path = tmp_path / "x.po"
    write_po(path, po)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True, capture_output=True)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(SHIPPED)], check=True, capture_output=True)
    again = read_po(path)
    assert again[0].previous_msgid == entry.previous_msgid


def test_write_is_atomic_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "LC_MESSAGES" / "README.po"
    po = new_catalog("ja", "demo")
    po.append(polib.POEntry(msgid="a", msgstr="b"))
    assert write_po(path, po) is True
    assert [p.name for p in path.parent.iterdir()] == ["README.po"]
    assert write_po(path, read_po(path)) is False


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n', 8, "unterminated string"),
        ('msgid "a"\nmsgstr "b\n', 6, "unterminated string"),
        ('msgid "a"\nmsgstr "b"\nbogus "x"\n', 7, "unexpected text"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 7, "PO syntax error"),
    ],
)
def test_malformed_po_names_its_line(tmp_path: Path, body: str, line: int, problem: str) -> None:
    path = tmp_path / "bad.po"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(L10nError) as err:
        read_po(path)
    assert err.value.line == line
    assert problem in err.value.message
    assert err.value.one_line().startswith(f"{path}:{line}: error: ")


def test_invalid_utf8_and_oversize_and_missing(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.po"
    bad.write_bytes((HEADER + 'msgid "a"\nmsgstr "caf').encode() + b"\xe9\"\n")
    with pytest.raises(L10nError, match="invalid UTF-8") as err:
        read_po(bad)
    assert err.value.line == 6
    big = tmp_path / "big.po"
    big.write_text(HEADER + 'msgid "a"\nmsgstr "' + "x" * 2000 + '"\n', encoding="utf-8")
    with pytest.raises(L10nError, match="over the 1000-byte limit"):
        read_po(big, max_bytes=1000)
    with pytest.raises(L10nError, match="file not found"):
        read_po(tmp_path / "nope.po")
