"""One line convention: every command, the annotations and the status page point at an entry's
msgstr line (the line a translator edits), and `reviewed` accepts any line of the entry; on the
partial French catalog."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from l10n.catalog.io import read_po, write_po
from translator_project import run_cli

PO = "locale/fr/LC_MESSAGES/README.po"
FUZZY = "If you know of a public LLM/VLM training logbook"  # the first fuzzy entry
OTHER_FUZZY = "Imbue's [From bare metal to a 70B model"
BORIS = "Boris Dayma wrote [A Recipe for Training Large Models]"


@pytest.fixture
def pristine(partial_fr_pristine: Path) -> Path:
    return partial_fr_pristine


@pytest.fixture
def project(partial_fr_project: Path) -> Path:
    return partial_fr_project


def entry_lines(project: Path, msgid_start: str) -> tuple[list[int], int]:
    """Every line of the entry (its block: comments, msgid, msgstr) and its msgstr line."""
    lines = (project / PO).read_text(encoding="utf-8").splitlines()
    msgid = next(n for n, line in enumerate(lines, 1) if line.startswith(f'msgid "{msgid_start}'))
    first = msgid
    while first > 1 and lines[first - 2].strip():
        first -= 1
    last = msgid
    while last < len(lines) and lines[last].strip():
        last += 1
    msgstr = next(n for n in range(msgid, last + 1) if lines[n - 1].startswith("msgstr"))
    return list(range(first, last + 1)), msgstr


class _Rows(HTMLParser):
    """The text of each table cell, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td" and self.rows:
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def test_fuzzy_stale_and_the_annotations_print_the_msgstr_line(project: Path) -> None:
    _, line = entry_lines(project, FUZZY)
    _, out, _ = run_cli(project, "fuzzy", "-l", "fr", "--color", "never")
    assert f"{PO}:{line}: fuzzy" in out.splitlines() and f"make reviewed ENTRY={PO}:{line}" in out
    _, out, _ = run_cli(project, "stale", "--no-gettext")
    assert f"{PO}:{line}: warning fuzzy: fuzzy: {FUZZY}" in out
    _, out, _ = run_cli(project, "stale", "--no-gettext", "--format", "github")
    assert f"::warning file={PO},line={line},title=fuzzy::fuzzy: {FUZZY}" in out
    assert f"- `{PO}:{line}` `fuzzy: {FUZZY}" in out  # the job summary (printed: no $GITHUB_STEP_SUMMARY here)


def test_check_and_the_gate_print_the_msgstr_line(project: Path) -> None:
    path = project / PO
    catalog = read_po(path)
    next(e for e in catalog if e.msgid.startswith(BORIS)).msgstr = "Boris Dayma a écrit une recette"
    write_po(path, catalog)
    _, line = entry_lines(project, BORIS)
    _, out, _ = run_cli(project, "check", "-l", "fr")
    assert f"{PO}:{line}: error link-dropped:" in out
    _, out, _ = run_cli(project, "verifs", "--no-gettext")
    assert f"(first: {PO}:{line} link-dropped)" in out


def test_reviewed_accepts_any_line_of_the_entry_and_prints_its_msgstr_line(
        pristine: Path, tmp_path: Path) -> None:
    block, line = entry_lines(pristine, FUZZY)
    assert len(block) == 5  # `#:`, `#, fuzzy`, `#| msgid`, msgid, msgstr
    for number in block:
        project = tmp_path / str(number)
        shutil.copytree(pristine, project)
        status, out, err = run_cli(project, "reviewed", "-l", "fr", f"{PO}:{number}")
        assert status == 0, err
        assert out.startswith(f"{PO}:{line}: reviewed: fuzzy flag and previous English removed")
    # a named line of a translated entry: a note at that entry's msgstr line too
    _, translated = entry_lines(pristine, BORIS)
    project = tmp_path / "translated"
    shutil.copytree(pristine, project)
    _, out, _ = run_cli(project, "reviewed", "-l", "fr", f"{PO}:{translated - 1}")
    assert out.startswith(f"{PO}:{translated}: note: ")


def test_an_ambiguous_fragment_names_each_msgstr_line(project: Path) -> None:
    _, first = entry_lines(project, FUZZY)
    _, second = entry_lines(project, OTHER_FUZZY)
    status, _, err = run_cli(project, "reviewed", "-l", "fr", " a ")
    assert status == 1
    assert f"matches 2 fuzzy entries (lines {first}, {second})" in err


def test_the_status_page_shows_the_msgstr_line(project: Path) -> None:
    _, line = entry_lines(project, FUZZY)
    status, _, err = run_cli(project, "status")
    assert status == 0, err
    parser = _Rows()
    parser.feed((project / "build" / "html" / "status.html").read_text(encoding="utf-8"))
    [row] = [cells for cells in parser.rows if len(cells) == 3 and "If you know of a public" in cells[1]]
    assert row[0].strip() == str(line)
