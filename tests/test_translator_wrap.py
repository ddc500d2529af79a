"""`l10n wrap`: the one PO normalization, on files as Poedit and msgcat save them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.catalog.io import read_po, render_po
from l10n.catalog.wrap import wrap_file
from l10n.checks.runner import check_catalogs
from l10n.config import load_config
from l10n.text.segments import segments
from translator_project import copy_project, run_cli

URL = re.compile(r"https?://[^\s)\"]+")


def entry_facts(po: polib.POFile) -> list[tuple[object, ...]]:
    """Everything a translator wrote or a tool recorded, per entry (not the layout)."""
    return [(e.msgid, e.msgstr, e.msgctxt, tuple(e.flags), e.tcomment, e.comment, e.previous_msgid,
             tuple(e.occurrences), e.obsolete) for e in po]


FIELD = re.compile(
    r'^(?P<prefix>(?:#~ |#\| )?)(?P<keyword>msgid|msgstr|msgctxt|msgid_plural) "(?P<body>.*)"$')


def wrap_field(line: str, width: int = 79) -> list[str]:
    """A string field as gettext tools and Poedit write it: `msgid ""` then chunks broken after
    spaces, each line at most `width` columns unless one word (a URL) is longer."""
    match = FIELD.match(line)
    if match is None or len(line) <= width:
        return [line]
    prefix, body = match.group("prefix"), match.group("body")
    chunks, current = [], ""
    for word in re.findall(r"\S+\s*|\s+", body):
        if current and len(prefix) + len(current) + len(word) + 2 > width:
            chunks.append(current)
            current = ""
        current += word
    chunks.append(current)
    return [f'{prefix}{match.group("keyword")} ""', *(f'{prefix}"{chunk}"' for chunk in chunks)]


def poedit_style(normal_text: str, annotate: bool = True) -> str:
    """The file as Poedit 3 saves it: strings wrapped at 79 columns with "" continuation lines,
    its own header order (plus, with annotate, X-Generator, a translator and an extracted
    comment)."""
    po = polib.pofile(normal_text, wrapwidth=0)
    if annotate:
        po[2].tcomment = "checked the title of the guide with the author"
        po[3].comment = "a note for translators from the extraction"
    text = str(po) + "\n"
    header_end = text.index("\n\n")
    header, rest = text[:header_end], text[header_end:]
    lines = header.splitlines()
    language = next(line for line in lines if line.startswith('"Language: '))
    lines.remove(language)
    lines.append(language)
    if annotate:
        lines.append('"X-Generator: Poedit 3.4.2\\n"')
    wrapped = [part for line in rest.splitlines() for part in wrap_field(line)]
    return "\n".join(lines) + "\n".join(wrapped) + "\n"


@pytest.fixture(scope="module")
def fuzzy_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose zh_CN catalog has a fuzzy entry with a previous msgid and an
    obsolete entry: in the English, the first paragraph outside a list gained a sentence and the
    last one-line list item went, and `l10n update` ran."""
    root = copy_project(tmp_path_factory.mktemp("wrap") / "project")
    source = root / "source" / "README.md"
    text = source.read_text(encoding="utf-8")
    found = segments(text)
    edited = next(s for s in found if s.kind == "paragraph" and not s.containers and text.count(s.raw) == 1)
    removed = [s for s in found if s.kind == "paragraph" and s.containers and s.line == s.end_line][-1]
    lines = text.replace(edited.raw, edited.raw + " More to come.").split("\n")
    del lines[removed.line - 1]
    source.write_text("\n".join(lines), encoding="utf-8")
    status, _, err = run_cli(root, "update", "-l", "zh_CN")
    assert status == 0, err
    catalog = read_po(root / "locale/zh_CN/LC_MESSAGES/README.po")
    assert catalog.find(edited.msgid + " More to come.").previous_msgid == edited.msgid
    assert catalog.find(removed.msgid, include_obsolete_entries=True).obsolete
    return root


def test_poedit_saved_file_keeps_every_translation_and_comment(fuzzy_project: Path, tmp_path: Path) -> None:
    original = (fuzzy_project / "locale/zh_CN/LC_MESSAGES/README.po").read_text(encoding="utf-8")
    po_path = tmp_path / "README.po"
    saved = poedit_style(original)
    po_path.write_text(saved, encoding="utf-8")
    assert saved != original
    # really wrapped, with a fuzzy entry and obsolete ones
    assert '#| msgid ""' in saved and "#, fuzzy" in saved and "#~ msgid" in saved
    before = polib.pofile(saved)

    result = wrap_file(po_path)

    assert not result.normalized and result.written
    after = read_po(po_path)
    assert entry_facts(after) == entry_facts(before)
    assert after.metadata == before.metadata  # X-Generator and every header field kept
    assert after.header == before.header
    assert after[2].tcomment == "checked the title of the guide with the author"
    assert after[3].comment == "a note for translators from the extraction"
    text = po_path.read_text(encoding="utf-8")
    assert text.splitlines().count('msgid ""') == 1  # the header's; no continuation lines left
    # the same normal form every writer produces: the header in the standard order again
    assert text.index('"Language: zh_CN') < text.index('"X-Source-Revision')


def test_wrap_is_idempotent_and_stable(fuzzy_project: Path, tmp_path: Path) -> None:
    po_path = tmp_path / "README.po"
    po_path.write_text(poedit_style((fuzzy_project / "locale/zh_CN/LC_MESSAGES/README.po")
                                    .read_text(encoding="utf-8")), encoding="utf-8")
    wrap_file(po_path)
    once = po_path.read_bytes()
    second = wrap_file(po_path)
    assert second.normalized and not second.written
    assert po_path.read_bytes() == once
    assert render_po(read_po(po_path)).encode("utf-8") == once


def test_wrap_never_splits_urls(fuzzy_project: Path, tmp_path: Path) -> None:
    po_path = tmp_path / "README.po"
    po_path.write_text(poedit_style((fuzzy_project / "locale/zh_CN/LC_MESSAGES/README.po")
                                    .read_text(encoding="utf-8")), encoding="utf-8")
    wrap_file(po_path)
    catalog = read_po(po_path)
    urls = {url for entry in catalog for url in URL.findall(entry.msgid + " " + entry.msgstr)}
    normal = read_po(fuzzy_project / "locale/zh_CN/LC_MESSAGES/README.po")
    assert urls and urls == {url for entry in normal for url in URL.findall(entry.msgid + " " + entry.msgstr)}
    lines = po_path.read_text(encoding="utf-8").splitlines()
    for url in urls:
        assert any(url in line for line in lines), url
    for entry in catalog:
        assert not entry.msgid.count("\n")


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext's msgcat not installed")
def test_msgcat_wrapped_file_normalizes_back_to_the_same_bytes(fuzzy_project: Path, tmp_path: Path) -> None:
    normal = fuzzy_project / "locale/zh_CN/LC_MESSAGES/README.po"
    wrapped = tmp_path / "README.po"
    subprocess.run(["msgcat", "--width=79", str(normal), "-o", str(wrapped)], check=True)
    assert wrapped.read_bytes() != normal.read_bytes()
    wrap_file(wrapped)
    assert wrapped.read_bytes() == normal.read_bytes()


def test_wrap_check_names_files_and_make_check_reports_them(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    po_path = root / "locale/zh_CN/LC_MESSAGES/README.po"
    normal = po_path.read_bytes()
    po_path.write_text(poedit_style(normal.decode("utf-8"), annotate=False), encoding="utf-8")

    status, out, err = run_cli(root, "wrap", "--check")
    assert status == 1
    assert out.startswith("locale/zh_CN/LC_MESSAGES/README.po:")
    config = load_config(root)
    catalogs = sum(len(config.catalogs_of(language)) for language in config.languages())  # README.po, site.po
    assert "run `make wrap`" in out and f"1 of {catalogs} file(s) not normalized" in err
    assert po_path.read_bytes() != normal  # --check writes nothing

    findings = [f for f in check_catalogs(load_config(root), ["zh_CN"]) if f.code == "not-normalized"]
    assert [(f.path, f.severity, f.fix) for f in findings] == [
        ("locale/zh_CN/LC_MESSAGES/README.po", "warning", "run `make wrap LANGUAGE=zh_CN`")]

    status, out, _ = run_cli(root, "wrap")
    assert status == 0 and "normalized locale/zh_CN/LC_MESSAGES/README.po" in out
    assert po_path.read_bytes() == normal
    assert run_cli(root, "wrap", "--check")[0] == 0


def test_wrap_of_a_broken_file_is_one_line_with_the_place(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    po_path = root / "locale/zh_CN/LC_MESSAGES/README.po"
    lines = po_path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and line != 'msgstr ""')
    lines[index] = lines[index].rstrip('"')  # the first translation's string left unterminated
    po_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run_cli(root, "wrap")
    assert status == 2 and out == ""
    assert err.startswith(f"locale/zh_CN/LC_MESSAGES/README.po:{index + 1}: error: PO syntax error")


@pytest.mark.parametrize("saved_as", ["crlf", "bom"])
def test_windows_editor_line_endings_and_bom_are_normalized(saved_as: str, tmp_path: Path) -> None:
    from translator_project import REPO

    normal = (REPO / "locale/zh_CN/LC_MESSAGES/README.po").read_bytes()
    data = normal.replace(b"\n", b"\r\n") if saved_as == "crlf" else b"\xef\xbb\xbf" + normal
    po_path = tmp_path / "README.po"
    po_path.write_bytes(data)
    checked = wrap_file(po_path, check=True)
    assert not checked.normalized and checked.first_difference == 1
    wrap_file(po_path)
    assert po_path.read_bytes() == normal


_PIECES = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
                  max_size=30) | st.sampled_from(["\\", '"', "\n", "\t", " ", " [a](https://example.org/a/long/"
                                                  + "x" * 90 + ")"])
_TEXT = st.lists(_PIECES, max_size=8).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(_TEXT.filter(bool), _TEXT, st.booleans(), _TEXT), min_size=1, max_size=6,
                        unique_by=lambda e: e[0]))
def test_any_catalog_saved_wrapped_keeps_its_content_and_wraps_to_a_fixed_point(
        entries: list[tuple[str, str, bool, str]], tmp_path: Path) -> None:
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "de"}
    for msgid, msgstr, fuzzy, comment in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else [],
                                tcomment=" ".join(comment.split())))
    po_path = tmp_path / "README.po"
    po_path.write_text(str(po) + "\n", encoding="utf-8")  # wrapped at 79, as an editor saves it
    before = polib.pofile(str(po_path))

    wrap_file(po_path)
    once = po_path.read_bytes()
    assert entry_facts(read_po(po_path)) == entry_facts(before)
    assert wrap_file(po_path).normalized and po_path.read_bytes() == once
