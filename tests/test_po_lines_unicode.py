"""A PO line ends at "\\n" only, as gettext reads it: U+2028, U+2029, U+0085, U+001C..U+001E, a
vertical tab or form feed in a msgid or msgstr is a character of it, though `str.splitlines()`
ends a line there. Every catalog the pipeline's writer writes is read back equal, passes the lint,
`msgfmt -c` and `make check`'s runner (whole or in pieces), and line numbers agree with gettext's."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.catalog import lines as reader_module
from l10n.catalog.io import new_catalog, parse_po_text, po_text_lines, read_po, read_po_text, render_po, write_po
from l10n.catalog.lines import Kind, PoLines, classify, po_lines
from l10n.catalog.pieces import cut, parse_piece
from l10n.catalog.wrap import first_difference
from l10n.checks.registry import load_checks
from l10n.checks.runner import check_catalog, check_catalogs
from l10n.config import Config
from l10n.reports.review import entry_at_line

# what `str.splitlines()` ends a line at, besides "\n" (and "\r\n")
SEPARATORS = "\u2028\u2029\x85\x1c\x1d\x1e\x0b\x0c\r"
MSGFMT = shutil.which("msgfmt")

# Any character but surrogates (not UTF-8), EOT (gettext's context separator: msgfmt refuses it in a
# string) and NUL (msgfmt ends a string there). The writer writes both: refusing them is a message
# check's business, not the line reader's.
_CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00\x04")
_PIECE = st.text(_CHARS, max_size=6) | st.sampled_from([*SEPARATORS, "\n", "\r\n", '"', "\\", " ", "#, fuzzy"])
TEXT = st.lists(_PIECE, max_size=6).map("".join)


def _same_newlines(msgid: str, core: str) -> str:
    """A msgstr that begins and ends with "\\n" exactly when the msgid does (`msgfmt -c` asks it)."""
    core = core.strip("\n") or "x"
    return "\n" * msgid.startswith("\n") + core + "\n" * msgid.endswith("\n")


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    catalog = new_catalog("zh_CN", "demo")
    keys = set()
    for index in range(draw(st.integers(1, 8))):
        msgctxt = draw(st.one_of(st.none(), TEXT.map(lambda text: text or "context")))
        msgid = draw(TEXT) or f"m{index}"
        if (msgctxt, msgid) in keys:
            continue
        keys.add((msgctxt, msgid))
        msgstr = _same_newlines(msgid, draw(TEXT)) if draw(st.integers(0, 4)) else ""
        catalog.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr))
    return catalog


def _contents(catalog: polib.POFile) -> list[tuple[str | None, str, str]]:
    return [(entry.msgctxt, entry.msgid, entry.msgstr) for entry in catalog]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalog=catalogs())
def test_every_catalog_the_writer_writes_reads_back_equal(tmp_path: Path, catalog: polib.POFile) -> None:
    path = tmp_path / "README.po"
    path.unlink(missing_ok=True)
    write_po(path, catalog)
    text = read_po_text(path)
    assert list(PoLines(text).syntax_problems()) == []
    again = read_po(path)
    assert _contents(again) == _contents(catalog)
    assert again.metadata == catalog.metadata
    assert render_po(again) == text  # read and written again: the same bytes
    assert write_po(path, again) is False
    if MSGFMT is not None:
        _assert_gettext_reads_the_same(path, catalog)


def _assert_gettext_reads_the_same(path: Path, catalog: polib.POFile) -> None:
    """`msgfmt -c` accepts the file, and the compiled catalog holds every translation as written."""
    mo = path.with_suffix(".mo")
    proc = subprocess.run([str(MSGFMT), "-c", "-o", str(mo), str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for msgctxt, msgid, msgstr in _contents(catalog):
        if msgstr:
            key = msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"
            assert compiled.get(key) == msgstr, (msgctxt, msgid)


def test_msgfmt_is_there_for_the_property() -> None:
    if MSGFMT is None:
        pytest.skip("GNU gettext (msgfmt) is not installed: the property checks polib's reading only")


def _separator_catalog(count: int) -> polib.POFile:
    catalog = new_catalog("zh_CN", "demo")
    for index in range(count):
        mark = SEPARATORS[index % len(SEPARATORS)]
        catalog.append(polib.POEntry(msgid=f"line {index}{mark}end", msgstr=f"行 {index}{mark}尾{mark}"))
    return catalog


def test_the_runner_finds_no_syntax_error_whole_or_in_pieces(project: Config) -> None:
    path = project.po_path("zh_CN")
    write_po(path, _separator_catalog(300))
    lines = po_text_lines(read_po_text(path), keepends=True)
    pieces = cut(lines, 16)
    assert len(pieces) == 16  # the large-catalog path has places to cut: each piece reads as part of the whole
    parts = [parse_piece(lines, piece, path) for piece in pieces]
    assert [str(entry) for part in parts for entry in part or []] == [str(entry) for entry in read_po(path)]
    checks = list(load_checks().values())
    whole = check_catalog(project, "zh_CN", path, checks, parallel_min=10**9)
    pieces = check_catalog(project, "zh_CN", path, checks, parallel_min=1)
    codes = {finding.code for finding in whole}
    assert not codes & {"po-syntax", "not-normalized", "unreadable-catalog"}, codes
    assert sorted(pieces) == sorted(whole)
    gate = check_catalogs(project, ["zh_CN"])
    assert not {finding.code for finding in gate} & {"po-syntax", "not-normalized"}


def test_the_layout_check_names_the_first_different_po_line(project: Config) -> None:
    path = project.po_path("zh_CN")
    lines = po_text_lines(render_po(_separator_catalog(40)), keepends=True)
    blank = max(index for index, line in enumerate(lines) if line == "\n")
    lines.insert(blank, "\n")  # one blank line too many before the last entry
    path.write_text("".join(lines), encoding="utf-8", newline="")
    checks = list(load_checks().values())
    for parallel_min in (10**9, 1):
        found = [(f.code, f.line) for f in check_catalog(project, "zh_CN", path, checks, parallel_min=parallel_min)]
        assert ("not-normalized", blank + 2) in found and "po-syntax" not in dict(found), found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalog=catalogs())
def test_the_runner_in_pieces_on_any_catalog_the_writer_writes(project: Config, catalog: polib.POFile) -> None:
    for index in range(60):  # enough entries to be cut into pieces around the drawn ones
        catalog.insert(0, polib.POEntry(msgid=f"filler {index}", msgstr=f"填充 {index}"))
    path = project.po_path("zh_CN")
    write_po(path, catalog)
    checks = list(load_checks().values())
    pieces = check_catalog(project, "zh_CN", path, checks, parallel_min=1)
    whole = check_catalog(project, "zh_CN", path, checks, parallel_min=10**9)
    assert not {finding.code for finding in pieces} & {"po-syntax", "not-normalized"}
    assert sorted(pieces) == sorted(whole)


def test_line_numbers_agree_with_polib_and_gettext(tmp_path: Path) -> None:
    path = tmp_path / "README.po"
    write_po(path, _separator_catalog(12))
    text = path.read_bytes().decode("utf-8")
    catalog = read_po(path)
    table = PoLines(text)
    file_lines = text.split("\n")  # gettext's lines
    assert len(table.lines) == text.count("\n") == len(file_lines) - 1
    for entry in catalog:
        msgstr_line = table.msgstr_line(entry.linenum)
        assert file_lines[entry.linenum - 1].startswith("msgid "), entry.linenum
        assert file_lines[msgstr_line - 1].startswith("msgstr "), msgstr_line
        following = file_lines[msgstr_line - 1:file_lines.index("", msgstr_line - 1)]
        assert "".join(polib.unescape(line.partition('"')[2][:-1]) for line in following) == entry.msgstr
        assert entry_at_line(catalog, text, msgstr_line) is entry  # `l10n reviewed FILE:LINE`
    assert po_lines(path).lines == table.lines
    assert table.header_fields["Language"] == file_lines.index('"Language: zh_CN\\n"') + 1


def test_first_difference_counts_po_lines(tmp_path: Path) -> None:
    normal = render_po(_separator_catalog(6))
    last = po_text_lines(normal)[-1]
    changed = normal.replace(last, last.replace("尾", "末"))
    assert first_difference(changed, normal) == normal.count("\n")


def test_crlf_still_reads_and_a_lone_cr_is_a_character(tmp_path: Path) -> None:
    path = tmp_path / "README.po"
    write_po(path, _separator_catalog(9))
    expected = _contents(read_po(path))
    crlf = tmp_path / "crlf.po"
    crlf.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert _contents(read_po(crlf)) == expected
    assert po_text_lines(read_po_text(crlf)) == po_text_lines(read_po_text(path))
    raw_cr = tmp_path / "raw-cr.po"  # a raw CR inside a string, as an editor may leave it: gettext keeps it
    header = path.read_bytes().split(b"\n\n")[0]
    raw_cr.write_bytes(header + b'\n\nmsgid "a"\nmsgstr "x\ry"\n')
    assert [entry.msgstr for entry in read_po(raw_cr)] == ["x\ry"]
    if MSGFMT is not None:
        _assert_gettext_reads_the_same(raw_cr, read_po(raw_cr))


# each kind of line, as polib (and gettext) reads it: (line, kind, word, obsolete, previous)
KINDS = [
    ('msgctxt "c"', Kind.KEYWORD, "msgctxt", False, False),
    ('msgid "a"', Kind.KEYWORD, "msgid", False, False),
    ('msgid_plural "p"', Kind.KEYWORD, "msgid_plural", False, False),
    ('msgstr[1] "b"', Kind.KEYWORD, "msgstr", False, False),
    ('msgstr\t"tab"', Kind.KEYWORD, "msgstr", False, False),
    ('"more"', Kind.STRING, "", False, False),
    ('#| msgid "old"', Kind.KEYWORD, "msgid", False, True),
    ('#| "old, continued"', Kind.STRING, "", False, True),
    ('#~ msgstr "gone"', Kind.KEYWORD, "msgstr", True, False),
    ('#~ "gone, continued"', Kind.STRING, "", True, False),
    ('#~ #| msgid "older"', Kind.KEYWORD, "msgid", True, True),
    ("#, fuzzy", Kind.COMMENT, "#,", False, False),
    ("#,fuzzy", Kind.COMMENT, "#,", False, False),  # gettext's reading: `read_po` spaces it for polib
    ("#. extracted", Kind.COMMENT, "#.", False, False),
    ("#: source/README.md:3", Kind.COMMENT, "#:", False, False),
    ("# translator", Kind.COMMENT, "#", False, False),
    ("#~ #, fuzzy", Kind.COMMENT, "#,", True, False),
    (" \t ", Kind.BLANK, "", False, False),
    ('msgid"a"', Kind.OTHER, "", False, False),
    ("bogus", Kind.OTHER, "", False, False),
    ("#~ bogus", Kind.OTHER, "", True, False),
    ("#| bogus", Kind.OTHER, "", False, True),
]


def test_each_line_is_classified_once_as_polib_reads_it() -> None:
    for number, (line, *expected) in enumerate(KINDS, start=1):
        classified = classify(line + "\n", number)
        assert [classified.kind, classified.word, classified.obsolete, classified.previous] == expected, line
        assert (classified.number, classified.text) == (number, line.strip())
    reader = PoLines("\n".join(line for line, *_ in KINDS))
    assert [line.kind for line in reader] == [kind for _, kind, *_ in KINDS]


def test_the_syntax_check_names_each_line_polib_would_misread() -> None:
    body = ['msgid "a"', 'msgstr "b', "", "bogus", "#~ bogus", "#| x", 'msgid "c"', 'msgstr "d\\"', "",
            'msgid "e"', 'msgstr "f\\\\"']
    problems = list(PoLines("\n".join(body) + "\n").syntax_problems())
    assert problems == [(2, "unterminated string"), (4, "unexpected text 'bogus'"), (8, "unterminated string")]


def test_a_question_about_one_entry_classifies_only_its_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings ask for a few msgstr lines: the rest of a large file is never classified, and a
    line asked for again is not classified again; cutting a file into pieces reads around each cut."""
    catalog = new_catalog("zh_CN", "demo")
    catalog.extend(polib.POEntry(msgid=f"message {index}", msgstr=f"消息 {index}") for index in range(2000))
    text = render_po(catalog)
    last = parse_po_text(text, "README.po")[-1].linenum  # its msgid line; its msgstr, the next
    assert last is not None
    seen: list[str] = []
    shape = reader_module.shape
    monkeypatch.setattr(reader_module, "shape", lambda line: seen.append(line) or shape(line))
    reader = PoLines(text)
    assert reader.msgstr_line(last) == last + 1 and len(seen) == 2
    assert reader.msgstr_line(last) == last + 1 and len(seen) == 2
    seen.clear()
    lines = po_text_lines(text, keepends=True)
    assert len(cut(lines, 8)) == 8 and len(seen) < 100 < len(lines)
