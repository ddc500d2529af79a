"""The block shape of a msgstr: one paragraph must stay one paragraph (else Sphinx keeps the
English), and nothing that runs while Sphinx parses the msgstr (a MyST directive) may be added.

Sphinx's Locale transform parses each msgstr as a document of its own and discards the result
when it is not one paragraph; the parse has run by then, directives included.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from docutils.parsers.rst.states import Body

from ..text.segments import md_parser
from .findings import ERROR
from .problem import Problem

# The starts of a single line that can make it a block other than a paragraph (an over-approximation:
# a match only means "run the block parser"): heading, quote, comment, HTML, list and ordered-list
# markers, fences, block break, thematic break, reference/footnote definition, target, indented code.
_BLOCK_START = re.compile(
    r" {0,3}(?:[#>%<]|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|```|~~~|\+\+\+"
    r"|([*_-])[ \t]*\1[ \t]*\1|\[[^\]]*\]:|\(.*\)=)|[ \t]*\t| {4}"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# docutils' own patterns for a reStructuredText directive (`.. name::`) and a substitution
# definition (`.. |name| directive::`), as its parser matches them at the start of a line
_RST_CONSTRUCTS = {construct.__name__: pattern for construct, pattern in Body.explicit.constructs}
_RST_DIRECTIVE = _RST_CONSTRUCTS["directive"]
_RST_SUBSTITUTION = re.compile(r"\.\.[ ]+\|[^|]+\|[ ]+")

_SHAPE_CODES = {
    "heading_open": ("heading-marker", "starts with a heading marker (e.g. '# '): it becomes a heading"),
    "bullet_list_open": ("list-marker", "starts with a list marker (e.g. '- '): it becomes a list"),
    "ordered_list_open": ("ordered-list-marker", "starts with a number and '.' or ')' (e.g. '2024. '): "
                          "it becomes an ordered list"),
    "blockquote_open": ("quote-marker", "starts with '> ': it becomes a block quote"),
    "html_block": ("raw-html", "raw HTML block"),
}
# every code shape_problems can emit
SHAPE_CODES = ("blank-line", "myst-directive", "code-fence", *(code for code, _ in _SHAPE_CODES.values()),
               "block-shape")


@lru_cache(maxsize=65_536)
def block_shape(text: str) -> tuple[tuple[str, str], ...]:
    """The top-level blocks a text becomes when parsed as a document: (token type, info)."""
    if "\n" not in text and "\r" not in text and text.strip() and not _BLOCK_START.match(text):
        return (("paragraph_open", ""),)
    return parsed_block_shape(text)


def parsed_block_shape(text: str) -> tuple[tuple[str, str], ...]:
    """block_shape without the shortcut (the tests check that both agree)."""
    shape = []
    for token in md_parser().parse(text):
        if token.level == 0 and token.nesting >= 0 and token.type != "inline":
            shape.append((token.type, token.info.strip() if token.type == "fence" else ""))
    return tuple(shape)


def rst_directives(rst: str) -> list[str]:
    """The names of the reStructuredText directives in a text, in order (nested ones too)."""
    names = []
    for line in rst.splitlines():
        line = line.lstrip()
        substitution = _RST_SUBSTITUTION.match(line)
        if substitution:
            line = ".. " + line[substitution.end():]
        match = _RST_DIRECTIVE.match(line)
        if match:
            names.append(match.group(1))
    return names


def _directive_problems(msgstr: str) -> Iterator[Problem]:
    """One myst-directive problem per directive fence of the msgstr; an {eval-rst} fence names the
    reStructuredText directives it runs (`.. raw:: html`: raw HTML in the page)."""
    for token in md_parser().parse(msgstr):
        info = token.info.strip() if token.type == "fence" else ""
        if token.level != 0 or not info.startswith("{"):
            continue
        name = info.split()[0]
        inner = rst_directives(token.content) if name == "{eval-rst}" else []
        plural = "s" if len(inner) > 1 else ""
        runs = f", with the reStructuredText directive{plural} {', '.join(map(repr, inner))}" if inner else ""
        yield Problem(ERROR, "myst-directive", f"MyST directive {name} ({info[:60]!r}){runs}: Sphinx runs "
                      "it while it parses the msgstr", "remove the directive")


def shape_problems(msgid: str, msgstr: str) -> Iterator[Problem]:
    if _BLANK_LINE.search(msgstr) and not _BLANK_LINE.search(msgid):
        yield Problem(ERROR, "blank-line", "blank line: the msgstr becomes several blocks, and Sphinx shows only the "
                      "first (the rest is dropped)", "remove the blank line")
        if any(kind == "fence" and info.startswith("{") for kind, info in block_shape(msgstr)):
            yield from _directive_problems(msgstr)  # parsed, so run, even though it is dropped
        return
    expected, actual = block_shape(msgid), block_shape(msgstr)
    if expected == actual:
        return
    extra = Counter(actual) - Counter(expected)
    if any(kind == "fence" and info.startswith("{") for kind, info in extra):
        yield from _directive_problems(msgstr)
    for token_type, info in extra:
        if token_type == "fence" and info.startswith("{"):
            continue
        if token_type in ("fence", "code_block"):
            yield Problem(ERROR, "code-fence", "code block or fence: the paragraph becomes code",
                          "remove the fence or the leading indentation")
        elif token_type in _SHAPE_CODES:
            code, what = _SHAPE_CODES[token_type]
            yield Problem(ERROR, code, f"{what}; Sphinx keeps the English", "remove or escape the marker (\\)")
        else:
            yield Problem(ERROR, "block-shape", f"becomes a {token_type.removesuffix('_open')} block, "
                          "not one paragraph; Sphinx keeps the English", "remove or escape the marker (\\)")
    if not extra:
        yield Problem(ERROR, "block-shape", "does not parse to the msgid's block shape "
                      f"({len(actual)} block(s), msgid {len(expected)}); Sphinx keeps the English",
                      "remove link reference definitions, targets and comments")
