"""`l10n check-build`: the built pages of each language against the English ones (real Sphinx builds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from l10n.build import sphinx_build
from l10n.catalog.io import mark_fuzzy, read_po, write_po
from l10n.catalog.lines import po_lines
from l10n.catalog.stats import entry_state
from l10n.cli import main
from l10n.config import Config, load_config
from l10n.text.segments import inline_features, segments
from l10n.verify.built_html import Tracer, check_build, compare_pages
from l10n.verify.html_structure import Heading, ListShape, TableShape, page_structure
from mini_project import complete_catalog

LINKED = "SemiAnalysis published a great detailed writeup about"
FUZZY = "The listing is in no particular order other than being grouped by the year."
THANKS = "If you know of a public LLM/VLM training logbook"


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, dict[str, int]]:
    """zh_CN with a changed link, a link to a missing anchor and a fuzzy entry, built without the
    gate (as a catalog that slipped past `make check` would be), plus a foreign file in _images.
    The copy is completed first: its only fallback is the one made here, whatever the shipped
    catalog's state after a sync."""
    config = copy_project(tmp_path_factory.mktemp("faulty"))
    complete_catalog(config.po_path("zh_CN"))
    path = config.po_path("zh_CN")
    catalog = read_po(path)
    lines: dict[str, int] = {}
    for entry in catalog:
        if entry.msgid.startswith(LINKED):
            entry.msgstr = entry.msgstr.replace("https://newsletter.semianalysis.com/", "https://evil.example/")
        elif entry.msgid.startswith(THANKS):
            entry.msgstr += " [见上文](#no-such-anchor)"
        elif entry.msgid == FUZZY:
            mark_fuzzy(entry)
    write_po(path, catalog)
    table = po_lines(path)
    for entry in read_po(path):
        for key in (LINKED, THANKS, FUZZY):
            if entry.msgid.startswith(key) and not entry.obsolete:
                lines[key] = table.msgstr_line(entry.linenum)
    sphinx_build.build_html(config, "en")
    sphinx_build.compile_catalogs(config, "zh_CN")
    outdir = config.build_dir / "html" / "zh_CN"
    doctrees = str(config.build_dir / "doctrees" / "zh_CN")
    sphinx_build.run_sphinx(config, ["-b", "html", "-E", "-D", "language=zh_CN", "-d", doctrees,
                                 str(config.source_dir), str(outdir)])
    (outdir / "_images").mkdir(exist_ok=True)
    (outdir / "_images" / "passwd.png").write_bytes(b"root:x:0:0:root:/root:/bin/bash\n")
    (outdir / "_downloads" / "0123abcd").mkdir(parents=True, exist_ok=True)
    (outdir / "_downloads" / "0123abcd" / "README.md").write_bytes(config.source_file().read_bytes())
    return config, lines


def _fallback_notes(config: Config, language: str) -> list[tuple[str, int, str, str, str]]:
    """One `fallback` note per fuzzy or untranslated entry of the language's catalog, at its msgstr."""
    path = config.po_path(language)
    table = po_lines(path)
    return [(str(config.relative(path)), table.msgstr_line(entry.linenum), "note", "fallback", entry_state(entry))
            for entry in read_po(path) if entry.msgid and entry_state(entry) in ("fuzzy", "untranslated")]


def test_shipped_translations_match_the_english(built_project: Config) -> None:
    """Every shipped language, built once per session (conftest.py), with the site's switcher: no
    error or warning, and only the passages the catalog leaves in English (none when it is
    complete; a sync to a newer upstream leaves some) noted as fallbacks, each at its entry."""
    built = built_project
    assert set(built.languages()) >= {"zh_CN"}
    findings = check_build(built, built.languages())
    assert [f for f in findings if f.severity != "note"] == []
    assert sorted((f.path, f.line, f.severity, f.code, f.message.split(":")[0]) for f in findings) == sorted(
        note for language in built.languages() for note in _fallback_notes(built, language))
    english = page_structure((built.build_dir / "html" / "en" / "README.html").read_text(encoding="utf-8"))
    master = segments(built.source_file().read_text(encoding="utf-8"))
    assert [h.level for h in english.headings] == [s.level for s in master if s.kind == "heading"]
    assert len(english.links) == sum(len(inline_features(s.msgid).destinations) for s in master)
    assert english.ids >= {h.anchor for h in english.headings}


def test_differences_are_traced_to_the_po_entries(faulty: tuple[Config, dict[str, int]]) -> None:
    config, lines = faulty
    po = "locale/zh_CN/LC_MESSAGES/README.po"
    found = {(f.path, f.line, f.severity, f.code) for f in check_build(config, ["zh_CN"])}
    assert found == {
        (po, lines[LINKED], "error", "built-link-changed"),
        (po, lines[THANKS], "error", "built-link-added"),
        (po, lines[THANKS], "error", "broken-fragment"),
        (po, lines[FUZZY], "note", "fallback"),
        ("build/html/zh_CN/_images/passwd.png", 0, "error", "asset-outside-source"),
    }


def test_check_build_command(faulty: tuple[Config, dict[str, int]],
                             capsys: pytest.CaptureFixture[str]) -> None:
    config, lines = faulty
    assert main(["--root", str(config.root), "check-build", "--language", "zh_CN"]) == 1
    out = capsys.readouterr().out
    assert (f"locale/zh_CN/LC_MESSAGES/README.po:{lines[LINKED]}: error built-link-changed: link "
            "https://newsletter.semianalysis.com/p/ai-neocloud-playbook-and-anatomy became "
            "https://evil.example/p/ai-neocloud-playbook-and-anatomy") in out


def test_check_build_before_html_is_a_one_line_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p").root
    assert main(["--root", str(root), "check-build"]) == 2
    assert capsys.readouterr().err.strip() == (
        "build/html/en/README.html: error: built page not found (run `make html`, then `make check-build`)")


PAGE = """<html><body>
<div class="l10n-switcher"><a href="../fr/index.html">Français</a></div>
<div class="document"><div class="body" role="main">
<div class="l10n-banner"><a href="#top">machine translated</a><h2>banner</h2></div>
<section id="top"><h1>Title<a class="headerlink" href="#top">¶</a></h1>
<p>See <a href="https://example.com/">x</a> and <img src="_images/a.png"/> <a href="#sub">down</a>.</p>
<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>
<ol><li>a</li></ol>
<div class="highlight"><pre><span>print</span>(1)
</pre></div>
<table><tr><th>a</th><th colspan="2">b</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>
<section id="sub"><h2>Sub</h2></section></section>
</div></div>
<div class="sphinxsidebar"><a href="https://sidebar.example/">s</a><h3>Navigation</h3></div>
</body></html>"""


def test_page_structure_reads_only_the_document_body() -> None:
    page = page_structure(PAGE)
    assert page.found_body
    assert page.headings == [Heading(1, "top", "Title"), Heading(2, "sub", "Sub")]
    assert page.links == ["https://example.com/", "#sub"]
    assert page.images == ["_images/a.png"]
    assert page.lists == [ListShape("ul", 2), ListShape("ul", 1), ListShape("ol", 1)]
    assert page.code_blocks == ["print(1)\n"]
    assert page.tables == [TableShape(2, 3)]
    assert {"top", "sub"} <= page.ids


def test_a_language_without_a_build_is_a_note(built_project: Config) -> None:
    findings = check_build(built_project, ["fr"])
    assert [(f.path, f.severity, f.code) for f in findings] == [("build/html/fr", "note", "not-built")]


def _page(*paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<html><body><div class="body" role="main"><section id="s"><h1>T</h1>{body}</section></div></body></html>'


def test_link_order_within_a_paragraph_is_a_note_across_paragraphs_an_error() -> None:
    config = load_config(ROOT)
    tracer = Tracer(config, "xx", "README", config.build_dir / "html" / "xx" / "README.html")
    a, b, c = ('<a href="https://a.example/">a</a>', '<a href="https://b.example/">b</a>',
               '<a href="https://c.example/">c</a>')
    english = page_structure(_page(f"{a} and {b}", c))
    swapped_in_sentence = page_structure(_page(f"{b} 和 {a}", c))
    moved_to_other_paragraph = page_structure(_page(b, f"{c} {a}"))
    assert [(f.severity, f.code) for f in compare_pages(english, swapped_in_sentence, tracer)] == [
        ("note", "link-order")]
    assert [(f.severity, f.code) for f in compare_pages(english, moved_to_other_paragraph, tracer)] == [
        ("error", "link-order")]


def test_lists_code_blocks_and_tables_are_compared_in_place_at_the_page() -> None:
    config = load_config(ROOT)
    tracer = Tracer(config, "xx", "README", config.build_dir / "html" / "xx" / "README.html")

    def page(body: str) -> str:
        main = f'<div class="body" role="main"><section id="s"><h1>T</h1>{body}</section></div>'
        return f"<html><body>{main}</body></html>"

    english = page_structure(page("<ul><li>a</li><li>b</li></ul><pre>x = 1\n</pre>"
                                  "<table><tr><td>1</td><td>2</td></tr></table>"))
    translated = page_structure(page("<ul><li>甲</li></ul><pre>x = 2\n</pre><pre>y\n</pre>"
                                     "<table><tr><td>1</td></tr></table>"))
    assert [(f.path, f.line, f.code, f.message) for f in compare_pages(english, translated, tracer)] == [
        ("build/html/xx/README.html", 0, "built-lists", "lists (kind, items) [('ul', 1)] differ from the English "
                                                        "[('ul', 2)]"),
        ("build/html/xx/README.html", 0, "built-code-block", "code block 1 differs from the English byte for byte"),
        ("build/html/xx/README.html", 0, "built-code-block", "2 code block(s), English has 1"),
        ("build/html/xx/README.html", 0, "built-table", "table shapes (rows, columns) [(1, 1)] differ from the "
                                                        "English [(1, 2)]"),
    ]
    assert compare_pages(english, english, tracer) == []
