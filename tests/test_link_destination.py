"""The checks' link destination scan gives the library's results, field for field."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import helpers

from l10n.text.link_destination import parse_link_destination
from l10n.text.segments import _inline_parser, md_parser

# the characters the scan treats specially, and ordinary ones of several widths
TEXT = st.text(alphabet="ab/:.()\\ <>&;#\t\n\x00\x01\x7féé中😀", max_size=40)


def _fields(result: object) -> tuple[object, object, object]:
    return result.ok, result.pos, result.str  # type: ignore[attr-defined]


@settings(max_examples=3000, deadline=None)
@given(TEXT, st.data())
def test_same_result_as_markdown_it_on_any_text(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    maximum = data.draw(st.integers(pos, len(text)))
    assert _fields(parse_link_destination(text, pos, maximum)) == \
        _fields(helpers.parseLinkDestination(text, pos, maximum))


def test_the_edges_of_the_rule() -> None:
    cases = [
        "https://example.org/a_(b)_c) rest", "a(b(c)d)e", "(" * 32 + "x" + ")" * 32, "(" * 33 + "x" + ")" * 33,
        "a\\)b) c", "a\\ b", "a\\", "a\x7fb", "a\x00b", "(unclosed", "", ")", "<a b>", "<a\nb>", "<a\\>b>",
        "a&amp;b\\*c", "中文/路径.md#锚点 x",
    ]
    for text in cases:
        assert _fields(parse_link_destination(text, 0, len(text))) == \
            _fields(helpers.parseLinkDestination(text, 0, len(text))), text


def test_the_checks_parser_uses_it_and_tokenizes_links_as_myst_does() -> None:
    assert _inline_parser().helpers.parseLinkDestination is parse_link_destination
    texts = ["[a](https://x.org/a_(b)) and ![i](p\\(1\\).png) [c](<d e>)", "[x](" + "(" * 33 + "y" + ")" * 34,
             "[w](https://en.wikipedia.org/wiki/Foo_(bar) \"t\") tail)", "[e](a\\ b) [f](a&amp;b)"]
    for text in texts:
        assert repr(_inline_parser().parseInline(text)) == repr(md_parser().parseInline(text)), text
