"""PO reading and writing: one normalization, stable bytes, atomic writes, errors with lines."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import copy_project
from l10n.catalog.io import CatalogReadError, new_catalog, read_po, render_po, write_po
from l10n.checks.runner import check_catalogs
from l10n.cli import main
from l10n.errors import L10nError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
LONG_URL = "https://github.com/bigscience-workshop/bigscience/blob/master/train/tr11-176B-ml/chronicles-prequel.md"


def _written(path: Path) -> Path:
    """A catalog as every writer of the pipeline writes it: headers, a fuzzy entry with its
    previous English, an obsolete one, a comment, and a msgid longer than any editor's line."""
    catalog = new_catalog("zh_CN", "demo", translator="Translator <t@example.org>")
    long_msgid = " | ".join(f"[part {index}]({LONG_URL}?v={index})" for index in range(4))
    catalog.append(polib.POEntry(msgid=long_msgid, msgstr=long_msgid.replace("part", "部分"),
                                 occurrences=[("source/README.md", "3")], tcomment="checked"))
    catalog.append(polib.POEntry(msgid="Resources", msgstr="资源", flags=["fuzzy"], previous_msgid="Resource"))
    catalog.append(polib.POEntry(msgid="Gone", msgstr="已删", obsolete=True))
    write_po(path, catalog)
    return path


def test_what_the_writer_writes_reads_back_the_same_bytes(tmp_path: Path) -> None:
    path = _written(tmp_path / "README.po")
    text = path.read_text(encoding="utf-8")
    assert render_po(read_po(path)) == text
    assert write_po(path, read_po(path)) is False  # nothing to change: file untouched
    assert path.read_text(encoding="utf-8") == text


def test_new_catalogs_have_the_headers_poedit_reads(tmp_path: Path) -> None:
    po = read_po(_written(tmp_path / "README.po"))
    assert po.metadata["Language"] == "zh_CN"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Project-Id-Version"] == "demo"
    assert po.metadata["Last-Translator"] == "Translator <t@example.org>"


def test_urls_are_never_split(tmp_path: Path) -> None:
    path = _written(tmp_path / "README.po")
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith('"http') or line.startswith('"/'):
            pytest.fail(f"a continuation line starts inside a URL: {line[:60]}")
    long_entry = max(read_po(path), key=lambda e: len(e.msgid))
    assert len(long_entry.msgid) > 300 and LONG_URL in long_entry.msgid
    assert f'msgid "{long_entry.msgid}"' in text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_gnu_gettext_accepts_our_output(tmp_path: Path) -> None:
    po = new_catalog("zh_CN", "demo")
    entry = polib.POEntry(msgid="new text with a [link](https://example.org/a-b-c)", msgstr="译文",
                          flags=["fuzzy"], previous_msgid="old text with a [link](https://example.org/a-b-c) " * 5)
    po.append(entry)
    path = tmp_path / "x.po"
    write_po(path, po)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True, capture_output=True)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(_written(tmp_path / "README.po"))], check=True,
                   capture_output=True)
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


def test_a_symlinked_catalog_is_refused_without_a_word_of_its_target(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path / "project")
    po = project.po_path("zh_CN")
    secret = tmp_path / "private.env"
    secret.write_text("PWD=/secret-value\n", encoding="utf-8")
    valid = tmp_path / "valid.po"  # a symlink to a good catalog is refused too: the link, not the text
    shutil.copy(po, valid)
    for target in (secret, valid):
        po.unlink()
        po.symlink_to(target)
        with pytest.raises(CatalogReadError) as err:
            read_po(po)
        assert err.value.code == "symlink"
        assert err.value.one_line() == (f"{po}: error: the catalog is a symlink: catalogs are never read through "
                                        "one (replace it with the file itself)")
        findings = check_catalogs(project, ["zh_CN"])
        assert "symlink" in {finding.code for finding in findings}
        assert main(["--root", str(project.root), "check", "--language", "zh_CN"]) == 1
        shown = repr(findings) + "".join(capsys.readouterr())
        for fragment in ("PWD", "secret", "private", "valid.po", "Content-Type"):
            assert fragment not in shown, fragment


@pytest.mark.parametrize("data", [b"", b"\n", b" \n\t\n", b"\xef\xbb\xbf\n\n"], ids=["0 bytes", "newline", "blank",
                                                                                  "bom"])
def test_an_empty_catalog_says_so(tmp_path: Path, data: bytes) -> None:
    project = copy_project(tmp_path / "project")
    po = project.po_path("ja")
    po.write_bytes(data)
    with pytest.raises(CatalogReadError) as err:
        read_po(po)
    assert err.value.code == "empty-catalog"
    assert err.value.one_line() == (f"{po}: error: empty catalog: the file has no header and no entries "
                                    "(delete it and run `make update LANGUAGE=ja`)")
    errors = [(f.code, f.line) for f in check_catalogs(project, ["ja"]) if f.severity == "error"]
    assert errors == [("empty-catalog", 0)]  # not a charset or header problem of a file with no header


@pytest.mark.parametrize("mark", ["#,fuzzy", "#,fuzzy, python-format", "  #,fuzzy"])
def test_a_flag_comment_without_its_space_is_read_as_gettext_reads_it(tmp_path: Path, mark: str) -> None:
    path = tmp_path / "README.po"
    write_po(path, new_catalog("zh_CN", "demo"))
    head = path.read_text(encoding="utf-8")
    path.write_text(head + f'\n{mark}\n#.note\n#:source/README.md:3\n#|msgid "old"\nmsgid "new"\nmsgstr "新"\n',
                    encoding="utf-8")
    (entry,) = read_po(path)
    assert entry.fuzzy and entry.flags[0] == "fuzzy"
    assert (entry.comment, entry.occurrences, entry.previous_msgid) == ("note", [("source/README.md", "3")], "old")
    assert write_po(path, read_po(path)) is True  # written back in the normal layout
    assert '#, fuzzy' in path.read_text(encoding="utf-8") and mark.strip() + "\n" not in path.read_text("utf-8")
    if shutil.which("msgfmt"):  # gettext agrees: one fuzzy translation
        proc = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True,
                              text=True)
        assert "1 fuzzy translation" in proc.stderr


def test_a_special_file_where_the_catalog_should_be(tmp_path: Path) -> None:
    fifo = tmp_path / "README.po"
    os.mkfifo(fifo)  # opened without waiting for a writer, and refused
    with pytest.raises(CatalogReadError, match="a special file stands where the catalog file should be") as err:
        read_po(fifo)
    assert err.value.code == "not-a-file"
    folder = tmp_path / "dir.po"
    folder.mkdir()
    with pytest.raises(CatalogReadError, match="a directory stands where the catalog file should be"):
        read_po(folder)
