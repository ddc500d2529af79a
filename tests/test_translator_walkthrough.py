"""Acceptance: a new translator follows CONTRIBUTING.md, with make, in a copy of the project.

Add a language, translate two entries in the PO file as a text editor would (the first one
exactly as CONTRIBUTING.md shows it), run `make verifs` and `make html LANGUAGE=de`, and get a
page with those two entries translated and the rest in English.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from l10n.text.segments import nothing_to_translate, segments
from translator_project import REPO, copy_project

LANGUAGE = "de"
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
VENV = Path(sys.executable).parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make ARGS` in the copy, with this test run's virtual environment (never reinstalled)."""
    return subprocess.run(["make", "-o", f"{VENV}/bin/.installed", f"VENV={VENV}", *args],
                          cwd=root, capture_output=True, text=True, timeout=300)


class Headings(HTMLParser):
    """The text of every h1-h6 of the document's sections (not the theme's sidebar), and the
    <html lang>."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.lang = ""
        self._sections = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "section":
            self._sections += 1
        if self._sections and re.fullmatch(r"h[1-6]", tag):
            self._depth += 1
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._sections -= 1
        if self._depth and re.fullmatch(r"h[1-6]", tag):
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.headings[-1] += data


def contributing_po_example(section: str) -> tuple[str, str]:
    """The (msgid, msgstr) CONTRIBUTING.md shows, in its `## <section>`, as the way to translate an
    entry: of README.po under "Translate", of site.po under "Add a language"."""
    text = re.search(rf"^## {section}\n(.*?)(?=^## )", CONTRIBUTING, re.S | re.M)
    assert text, f"CONTRIBUTING.md lost its {section!r} section"
    block = re.search(r"```po\n(.*?)```", text.group(1), re.S)
    assert block, f"CONTRIBUTING.md lost the PO example of its {section!r} section"
    msgid = re.search(r'^msgid "(.*)"$', block.group(1), re.M)
    msgstr = re.search(r'^msgstr "(.*)"$', block.group(1), re.M)
    assert msgid and msgstr
    return msgid.group(1), msgstr.group(1)


def translate_in_editor(po_path: Path, translations: dict[str, str]) -> None:
    """What a translator does in a text editor: type the translation between msgstr's quotes."""
    text = po_path.read_text(encoding="utf-8")
    for msgid, msgstr in translations.items():
        empty = f'msgid "{msgid}"\nmsgstr ""\n'
        assert text.count(empty) == 1, msgid
        text = text.replace(empty, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    po_path.write_text(text, encoding="utf-8")


def test_a_new_translator_follows_contributing(tmp_path: Path) -> None:
    for step in (f"make init LANGUAGE={LANGUAGE}", f"make verifs LANGUAGE={LANGUAGE}",
                 f"make html LANGUAGE={LANGUAGE}", f"locale/{LANGUAGE}/LC_MESSAGES/README.po"):
        assert step in CONTRIBUTING, step
    root = copy_project(tmp_path / "project")

    init = make(root, "init", f"LANGUAGE={LANGUAGE}")
    assert init.returncode == 0, init.stdout + init.stderr
    assert f"created locale/{LANGUAGE}/LC_MESSAGES/README.po for Deutsch ({LANGUAGE})" in init.stdout
    po_path = root / "locale" / LANGUAGE / "LC_MESSAGES" / "README.po"
    header = po_path.read_text(encoding="utf-8")
    assert f'"Language: {LANGUAGE}\\n"' in header
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in header

    example_msgid, example_msgstr = contributing_po_example("Translate")
    translated = {example_msgid: example_msgstr, "Resources": "Ressourcen"}
    translate_in_editor(po_path, translated)
    site_msgid, site_msgstr = contributing_po_example("Add a language")  # its placeholders pass the checks
    translate_in_editor(po_path.with_name("site.po"), {site_msgid: site_msgstr})

    verifs = make(root, "verifs", f"LANGUAGE={LANGUAGE}")
    assert verifs.returncode == 0, verifs.stdout + verifs.stderr
    assert "verifs: ready for a pull request" in verifs.stdout
    # the two entries, and those with nothing to translate (the year headings), which init filled
    msgids = [s.msgid for s in segments((root / "source/README.md").read_text(encoding="utf-8"))]
    filled = sum(nothing_to_translate(msgid) for msgid in msgids)
    assert filled and not any(nothing_to_translate(msgid) for msgid in translated)
    assert f"{2 + filled}/{len(msgids)} translated" in verifs.stdout

    html = make(root, "html", f"LANGUAGE={LANGUAGE}")
    assert html.returncode == 0, html.stdout + html.stderr
    page = root / "build" / "html" / LANGUAGE / "index.html"
    parser = Headings()
    parser.feed(page.read_text(encoding="utf-8"))
    english = [s.msgid for s in segments((root / "source/README.md").read_text(encoding="utf-8"))
               if s.kind == "heading"]
    assert parser.lang == LANGUAGE
    assert [h.strip().rstrip("¶").strip() for h in parser.headings] == [translated.get(h, h) for h in english]
    text = page.read_text(encoding="utf-8")
    assert "Boris Dayma wrote" in text  # a paragraph nobody translated stays English
