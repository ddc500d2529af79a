"""markdown-it-py's link destination scan, with the same results, for the checks' inline parser.

markdown-it-py's `parseLinkDestination` reads a destination one character at a time; on the
link-dense catalogs it was a third of the checks' parsing time. This one skips each run of
characters that cannot end a destination with one regex match and follows the original rule by
rule for the rest: a space, control character, unmatched `)` or `\\ ` ends it, `\\x` skips the
escaped character, more than 32 open `(` fail. A `<...>` destination goes to the original.
It is installed through `md.helpers`, the parser's own hook for these functions, and a test
compares it with the original on random text.
"""

from __future__ import annotations

import re
import types

from markdown_it import MarkdownIt, helpers
from markdown_it.common.utils import unescapeAll

_ORDINARY = re.compile(r"[^\x00-\x20\x7f\\()]+")  # characters the original only steps over
_MAX_PARENTHESES = 32


class Destination:
    """The original's result type, field for field (the link and image rules read these)."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self, ok: bool = False, pos: int = 0, text: str = "") -> None:
        self.ok = ok
        self.pos = pos
        self.str = text


def parse_link_destination(string: str, pos: int, maximum: int) -> Destination:
    """`markdown_it.helpers.parseLinkDestination(string, pos, maximum)` for `maximum <= len(string)`."""
    if string.startswith("<", pos):
        original = helpers.parseLinkDestination(string, pos, maximum)
        return Destination(original.ok, original.pos, original.str)
    start = pos
    level = 0
    ordinary = _ORDINARY.match
    while pos < maximum:
        run = ordinary(string, pos, maximum)
        if run is not None:
            pos = run.end()
            if pos >= maximum:
                break
        char = string[pos]
        if char <= " " or char == "\x7f":
            break
        if char == "\\":
            if pos + 1 < maximum:
                if string[pos + 1] == " ":
                    break
                pos += 2
                continue
        elif char == "(":
            level += 1
            if level > _MAX_PARENTHESES:
                return Destination()
        else:  # ")"
            if level == 0:
                break
            level -= 1
        pos += 1
    if start == pos or level != 0:
        return Destination()
    return Destination(True, pos, unescapeAll(string[start:pos]))


def install(md: MarkdownIt) -> None:
    """Make `md`'s link and image rules use this scan (the other helpers stay the library's)."""
    md.helpers = types.SimpleNamespace(  # type: ignore[assignment]
        parseLinkDestination=parse_link_destination,
        parseLinkLabel=helpers.parseLinkLabel,
        parseLinkTitle=helpers.parseLinkTitle,
    )
