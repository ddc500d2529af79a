"""A theme word's translation as HTML: furo prints its words through Sphinx's template gettext,
which does not autoescape, into text and attribute values alike. A translation is text: it is
escaped, quotes too, except for the msgid's own tags (`<a href="...">Sphinx</a> and `), which
it keeps verbatim and in the msgid's order: they are the theme's markup, never a translator's.

The site catalog holds the words of `{% trans %}` blocks trimmed, as Jinja2's `trimmed` policy
makes them (no template indentation for a translator to copy); Sphinx asks for them untrimmed,
so a lookup trims the same way and puts the template's outer whitespace back.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import Markup, escape

_LINE_BREAKS = re.compile(r"\s*\n\s*")  # jinja2.ext's `_ws_re`: what its `trimmed` policy joins


def trimmed(message: str) -> str:
    """The message as Jinja2's `trimmed` policy extracts it: stripped, each line break and the
    whitespace around it one space."""
    return _LINE_BREAKS.sub(" ", message.strip())


def outer_whitespace(message: str) -> tuple[str, str]:
    """The whitespace before and after the message's text."""
    text = message.strip()
    if not text:
        return message, ""
    start = message.index(text)
    return message[:start], message[start + len(text):]


class _TagReader(HTMLParser):
    """Every tag of a text, as written (start tags) or in their one form (end tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(f"</{tag}>")


def markup_tags(text: str) -> list[str]:
    """The tags of a text, in order."""
    reader = _TagReader()
    reader.feed(text)
    reader.close()
    return reader.tags


def _split_at(text: str, tags: list[str]) -> list[str]:
    """The text cut at each occurrence of the given tags: text, tag, text, ..., text."""
    if not tags:
        return [text]
    pattern = "|".join(re.escape(tag) for tag in sorted(set(tags), key=len, reverse=True))
    return re.split(f"({pattern})", text)


def keep_markup(msgid: str, msgstr: str) -> Markup | None:
    """The translation as HTML: escaped, but for the msgid's tags; None when it does not hold
    exactly those tags, in that order (or the msgid's tags are not written as the reader reads
    them: nothing of it is then trusted)."""
    tags = markup_tags(msgid)
    if any(tag not in msgid for tag in tags):
        return None
    pieces = _split_at(msgstr, tags)
    if pieces[1::2] != tags:
        return None
    return Markup("").join(Markup(piece) if index % 2 else escape(piece) for index, piece in enumerate(pieces))


def markup_problem(msgid: str, msgstr: str) -> tuple[str, str] | None:
    """(code, message) when a translation of a msgid with tags cannot keep them; None when it
    keeps them, or the msgid has none (the translation is then text: its `<` is shown)."""
    tags = markup_tags(msgid)
    if not tags or keep_markup(msgid, msgstr) is not None:
        return None
    return "markup-changed", (f"keep the msgid's HTML tags exactly and in order ({' '.join(tags)}); "
                              "the rest is shown as text, so the English is shown until then")
