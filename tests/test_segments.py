"""The one segmentation yields exactly the msgids Sphinx's gettext builder writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from markdown_it.token import Token

from conftest import FIXTURES, ROOT, UPSTREAM
from l10n.text.segments import _inline_parser, inline_features, link_skeleton, md_parser, segments, unique_msgids

REVISIONS = sorted(UPSTREAM.glob("[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def pots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Sphinx gettext run over all 23 upstream revisions, each as its own document."""
    base = tmp_path_factory.mktemp("pots")
    src = base / "source"
    src.mkdir()
    for path in REVISIONS:
        (src / f"r{path.name[:2]}.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "README.md").write_text("# index\n", encoding="utf-8")
    (src / "constructs.md").write_text((FIXTURES / "segmentation.md").read_text(encoding="utf-8"), encoding="utf-8")
    out = base / "gettext"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "gettext", "-c", str(ROOT), str(src), str(out)],
                   check=True, capture_output=True)
    return out


def test_there_are_23_revisions() -> None:
    assert len(REVISIONS) == 23


@pytest.mark.parametrize("path", REVISIONS, ids=lambda p: p.name[:2])
def test_msgids_equal_sphinx_pot(pots: Path, path: Path) -> None:
    pot = polib.pofile(str(pots / f"r{path.name[:2]}.pot"))
    expected = [e.msgid for e in pot if e.msgid]
    assert unique_msgids(path.read_text(encoding="utf-8")) == expected


def test_msgids_equal_sphinx_pot_for_other_constructs(pots: Path) -> None:
    """Images' alt texts, footnotes (moved last), tables, quotes, nested lists, hard breaks."""
    pot = polib.pofile(str(pots / "constructs.pot"))
    text = (FIXTURES / "segmentation.md").read_text(encoding="utf-8")
    assert unique_msgids(text) == [e.msgid for e in pot if e.msgid]
    kinds = {s.kind for s in segments(text)}
    assert kinds == {"heading", "paragraph", "table-cell", "image-alt"}
    assert segments(text)[-1].msgid == "The footnote text, moved to the end by MyST."


def test_segment_kinds_and_lines_of_revision_23() -> None:
    """Upstream revision 23 (the fixture, not the shipped master: `make sync` moves that on)."""
    segs = segments(REVISIONS[22].read_text(encoding="utf-8"))
    assert len(segs) == 28
    assert (segs[0].msgid, segs[0].kind, segs[0].level, segs[0].line) == ("Resources", "heading", 1, 1)
    years = [s.msgid for s in segs if s.kind == "heading" and s.level == 3]
    assert years == ["2021", "2022", "2023", "2024"]
    opt = next(s for s in segs if s.msgid.startswith("Meta OPT-175B"))
    assert opt.in_list and opt.line == 50
    assert opt.msgid.startswith("Meta OPT-175B (2022): [logbook](")  # continuation line joined by one space


def test_inline_features_find_every_anchor() -> None:
    feats = inline_features("See `x=1` and [a](https://a.example/p) <https://b.example> ![i](img.png) "
                            "**bold** *em* <b>raw</b> {ref}`t` [^n] 10,000 GPUs")
    assert feats.links == ("https://a.example/p",)
    assert feats.autolinks == ("https://b.example",)
    assert feats.images == ("img.png",)
    assert feats.code == ("x=1",)
    assert feats.html == ("<b>", "</b>")
    assert feats.roles == ("ref",)
    assert feats.footnotes == ("n",)
    assert (feats.emphasis, feats.strong) == (1, 1)
    assert "10,000" in feats.numbers


def test_link_skeleton_ignores_destinations_and_whitespace_only() -> None:
    a = link_skeleton("see [x](https://old.example/a)  and [y](https://b.example)")
    b = link_skeleton("see [x](https://new.example/a) and [y](https://b.example)")
    c = link_skeleton("see [z](https://old.example/a) and [y](https://b.example)")
    assert a.text == b.text != c.text
    assert a.destinations == ["https://old.example/a", "https://b.example"]


def test_link_skeleton_prose_is_the_visible_words_without_urls() -> None:
    """The one way links are stripped: a link's text stays, its destination goes; an autolink and
    a bare URL (shown as text) go; code and markup are not words."""
    skeleton = link_skeleton("See **[the guide](https://a.example/g)** at <https://b.example/x>, "
                             "https://c.example/70b-infrastructure or www.d.example and `code`.")
    assert skeleton.prose == "See the guide at , or and ."
    assert skeleton.destinations == ["https://a.example/g", "https://b.example/x"]
    assert link_skeleton("plain words  here").prose == "plain words  here"  # no URL: the visible text as is


def _token_signature(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [(t.type, t.tag, t.content, t.markup, t.info, sorted(t.attrs.items()), repr(t.meta),
             _token_signature(t.children or [])) for t in tokens]


def test_the_inline_parser_gives_mysts_tokens() -> None:
    """The checks' inline parser (word count off, link normalization memoized, its own link
    destination scan) tokenizes every text exactly as myst-parser's configuration does: every
    msgid of the 23 revisions and of the constructs fixture, and every msgid and msgstr of the
    fault corpus and the shipped catalogs."""
    texts = {s.msgid for path in sorted(UPSTREAM.glob("*.md")) for s in segments(path.read_text(encoding="utf-8"))}
    texts |= {s.msgid for s in segments((FIXTURES / "segmentation.md").read_text(encoding="utf-8"))}
    catalogs = [*sorted((ROOT / "tests" / "faults").glob("*.po")), *sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po"))]
    for po in catalogs:
        try:
            texts |= {text for e in polib.pofile(str(po)) for text in (e.msgid, e.msgstr) if text}
        except (OSError, ValueError):
            continue
    texts |= {  # one text for each inline rule of the configuration, and some of their edges
        "AT&amp;T &#169; &copy; &nope;", r"\*not emphasis\* and \[not a link\]", "{sub}`H2` and {abbr}`x (y)`",
        "<b>bold</b> <https://example.org/a> <me@example.org>", "a[^note] and [^1]", "![alt *x*](img.png 'title')",
        "line one\nline two  \nline three\\\nend", "``code with ` tick`` and `x`", "**strong** *em* _em_ __strong__",
        "[link](<https://example.org/a b> \"title\") [ref] [ref][x]", "**真，**她说。", "H~2~O ^sup^ ~~strike~~ $x$",
        "[w](https://en.wikipedia.org/wiki/A_(b)_c) [e](a\\(b) [n](" + "(" * 33 + "x" + ")" * 33 + ")",
    }
    assert len(texts) > 150
    for text in sorted(texts):
        assert _token_signature(_inline_parser().parseInline(text)) == \
            _token_signature(md_parser().parseInline(text)), text
