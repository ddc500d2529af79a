"""A PO file cut into pieces parses to the whole file's entries, and the pieces' outlines say
exactly whether the file is in the normal layout and give `render_po`'s text for it."""

from __future__ import annotations

import itertools
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project, revision_path
from l10n.catalog.io import (
    CatalogReadError,
    new_catalog,
    parse_po_text,
    po_text_lines,
    read_po,
    read_po_text,
    render_po,
    write_po,
)
from l10n.catalog.outline import join_outlines, normal_text, outline_piece
from l10n.catalog.pieces import Piece, cut, parse_piece
from l10n.checks.registry import load_checks
from l10n.checks.runner import check_catalog
from l10n.text.segments import segments

COUNTS = (1, 2, 3, 5, 8, 16)
REAL_CATALOGS = sorted({*ROOT.glob("locale/*/LC_MESSAGES/*.po"), *(ROOT / "tests").rglob("*.po")})


def _signature(entries: list[polib.POEntry]) -> list[tuple[str, int | None, bool]]:
    return [(str(entry), entry.linenum, bool(entry.obsolete)) for entry in entries]


def _in_pieces(path: Path, text: str, count: int) -> tuple[list[polib.POFile | None], list[Piece], list[str]]:
    lines = po_text_lines(text, keepends=True)
    pieces = cut(lines, count)
    return [parse_piece(lines, piece, path) for piece in pieces], pieces, lines


def _assert_same_as_whole(path: Path, text: str) -> int:
    """For every count: the pieces' entries are the whole file's, or a piece declines (returns the
    number of cuts made that parsed), and the joined outline is normal exactly when the file is."""
    whole = parse_po_text(text, path)
    normal = text == render_po(whole)
    cuts = 0
    for count in COUNTS:
        parts, pieces, lines = _in_pieces(path, text, count)
        assert pieces[0].start == 0 and pieces[-1].stop == len(lines)
        assert all(a.stop == b.start for a, b in itertools.pairwise(pieces))
        if any(part is None for part in parts):
            continue
        entries = [entry for part in parts for entry in part]  # type: ignore[union-attr]
        assert _signature(entries) == _signature(list(whole)), (path, count)
        assert parts[0].metadata == whole.metadata  # type: ignore[union-attr]
        outlines = [outline_piece(part, lines, piece.start, piece.stop, last=piece.stop == len(lines))
                    for part, piece in zip(parts, pieces, strict=True) if part is not None]
        outline = join_outlines(outlines)
        assert outline.metadata == whole.metadata
        assert outline.normal == normal, (path, count)
        assert normal_text(outline, lines) == render_po(whole), (path, count)  # the formatting check's text
        cuts += len(pieces) - 1
    return cuts


@pytest.mark.parametrize("path", REAL_CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_catalog_of_the_project_and_its_tests(path: Path) -> None:
    try:
        text = read_po_text(path, 10**9)
        read_po(path)
    except CatalogReadError:
        return  # a fault fixture that cannot be read: the runner reads it whole
    _assert_same_as_whole(path, text)


def test_a_real_chapter_is_cut_wherever_asked(tmp_path: Path) -> None:
    """The messages of the upstream revisions, with what `make update` leaves (comments, fuzzy
    entries with their previous English, obsolete ones): every count cuts it that many times."""
    catalog = new_catalog("zh_CN", "README")
    msgids = dict.fromkeys(segment.msgid for number in (1, 15, 23)
                           for segment in segments(revision_path(number).read_text(encoding="utf-8")))
    for index, msgid in enumerate(msgids):
        entry = polib.POEntry(msgid=msgid, msgstr=f"译文 {index}", tcomment="checked" * (index % 5 == 0),
                              occurrences=[("source/README.md", str(index))])
        if index % 3 == 0:
            entry.flags.append("fuzzy")
            entry.previous_msgid = f"{msgid} (before)"
        entry.obsolete = index % 7 == 6
        catalog.append(entry)
    assert len(catalog) > 2 * max(COUNTS)
    path = tmp_path / "README.po"
    write_po(path, catalog)
    assert _assert_same_as_whole(path, read_po_text(path)) == sum(COUNTS) - len(COUNTS)


# with what `str.splitlines()` ends a line at but gettext does not: a PO line ends at "\n" only
TEXT = st.text(alphabet="ab \"\\\n\t#:é中\u2028\u2029\x85\x1c\x1d\x1e\x0b\x0c\r", max_size=12)


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[polib.POFile, int]:
    catalog = new_catalog("zh_CN", "README")
    for index in range(draw(st.integers(0, 12))):
        entry = polib.POEntry(msgid=draw(TEXT) or f"m{index}", msgstr=draw(TEXT),
                              msgctxt=draw(st.one_of(st.none(), TEXT)))
        if draw(st.booleans()):
            entry.msgid_plural = draw(TEXT) or "p"
            entry.msgstr_plural = {0: entry.msgstr, 1: draw(TEXT)}
            entry.msgstr = ""
        entry.occurrences = [("source/README.md", str(index))] if draw(st.booleans()) else []
        entry.comment = draw(st.sampled_from(["", "a note", "two\nlines"]))
        entry.tcomment = draw(st.sampled_from(["", "translator", "x\ny"]))
        if draw(st.booleans()):
            entry.flags.append("fuzzy")
            entry.previous_msgid = draw(st.one_of(st.none(), TEXT))
        entry.obsolete = draw(st.integers(0, 4)) == 0
        catalog.append(entry)
    return catalog, draw(st.sampled_from([0, 0, 12, 78]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogs(), st.data())
def test_any_catalog_in_any_layout(tmp_path: Path, drawn: tuple[polib.POFile, int], data: st.DataObject) -> None:
    catalog, wrap = drawn
    catalog.wrapwidth = wrap
    text = render_po(catalog) if wrap == 0 and data.draw(st.booleans()) else str(catalog)
    lines = po_text_lines(text, keepends=True)
    edit = data.draw(st.sampled_from(["none", "drop blank", "double blank", "blank in entries", "crlf", "bom",
                                      "trailing"]))
    if edit == "drop blank" and "\n" in lines:
        lines.remove("\n")
    elif edit == "double blank" and "\n" in lines:
        lines.insert(lines.index("\n"), "\n")
    elif edit == "blank in entries":  # a blank line between an entry's comments and its msgid or msgctxt
        lines = [("\n" + line if line.startswith(("msgid", "msgctxt")) and before.startswith("#") else line)
                 for before, line in zip(["\n", *lines], lines, strict=False)]
    elif edit == "crlf":
        lines = [line.replace("\n", "\r\n") for line in lines]
    text = "".join(lines)
    if edit == "bom":
        text = "\ufeff" + text
    elif edit == "trailing":
        text += "\n"
    try:
        parse_po_text(text, tmp_path / "x.po")
    except CatalogReadError:
        # polib's own unwrapped output, saved as an editor may (CRLF, a BOM), is always read
        assert wrap or edit not in ("none", "crlf", "bom", "trailing"), (edit, text)
        return
    _assert_same_as_whole(tmp_path / "x.po", text)


def test_an_empty_msgid_after_the_first_piece_makes_it_decline(tmp_path: Path) -> None:
    """polib takes an entry with an empty msgid for the header wherever it is: only the whole
    file can say which one. The runner then reads the file whole, with the same findings."""
    catalog = new_catalog("zh_CN", "README")
    for index in range(40):
        catalog.append(polib.POEntry(msgid=f"message {index}", msgstr=f"消息 {index}"))
    catalog.append(polib.POEntry(msgid="", msgstr="a stray: header\n"))
    catalog.append(polib.POEntry(msgid="last", msgstr="最后"))
    text = render_po(catalog)
    parts, pieces, _ = _in_pieces(tmp_path / "x.po", text, 4)
    assert len(pieces) == 4 and parts[-1] is None and all(part is not None for part in parts[:-1])


def test_the_runner_finds_the_same_in_pieces_and_whole_even_on_broken_files(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project")
    path = config.po_path("zh_CN", "README")
    checks = list(load_checks().values())
    catalog = read_po(path)
    [entry for entry in catalog if not entry.obsolete][-1].msgstr += " <b>加粗</b>"  # a finding near the end
    # an empty msgid in a later piece: polib takes the file's last one for the header
    catalog.append(polib.POEntry(msgid="", msgstr="stray: header\n"))
    write_po(path, catalog)
    text = path.read_text(encoding="utf-8")
    variants = {  # each with the finding that shows it was seen
        "stray header": (text, "charset-not-utf8"),
        "duplicate": (text + '\nmsgid "Resources"\nmsgstr "资源"\n', "duplicate-msgid"),
        "syntax error late": (text + '\nmsgid "x"\nmsgstr "unterminated\n', "po-syntax"),
        "not normal": (text.replace("\n\n", "\n\n\n", 5), "not-normalized"),
    }
    for name, (variant, code) in variants.items():
        path.write_text(variant, encoding="utf-8")
        whole = check_catalog(config, "zh_CN", path, checks, parallel_min=10**9)
        pieces = check_catalog(config, "zh_CN", path, checks, parallel_min=1)
        assert {code, "raw-html"} <= {finding.code for finding in whole} or code == "po-syntax", name
        assert code in {finding.code for finding in whole}, name
        assert sorted(pieces) == sorted(whole), name
