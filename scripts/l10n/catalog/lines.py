"""The one PO line reader: a PO text's lines, each classified once as polib reads it, with its number.

A line ends at "\n" only (`po_text_lines`: U+2028, a form feed... are characters of a string),
so numbers agree with gettext's and with polib's `linenum` (an entry's first line: its first
comment, or its msgid). Each line is a `PoLine`: blank, a keyword opening a string (msgctxt,
msgid, msgid_plural, msgstr[N]), a string continuing one, a comment (`#`, `#.`, `#:`, `#,`), or
other text; and whether it is obsolete (`#~`) or a fuzzy entry's previous text (`#|`). Lines are
classified when first asked for, so a question about a few lines never reads the whole file.

Every question about PO lines is answered from these: whether polib would misread a line
(`syntax_problems`, before every parse), each entry's msgstr line and the header fields' lines
(findings point there), where polib starts an entry (`pieces.py` cuts there), and the runs of
lines that make up entries (`make reviewed FILE:LINE`).
"""

from __future__ import annotations

import enum
import os
import re
import stat
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple


def po_text_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of PO text as gettext reads them: a line ends at "\n" only (a "\r" before it is
    part of the ending, as a Windows editor saves). With keepends, "".join(lines) == text."""
    lines = text.split("\n")
    last = lines.pop()  # what follows the last "\n": "" when the text ends with one
    if keepends:
        lines = [line + "\n" for line in lines]
    elif "\r" in text:
        lines = [line.removesuffix("\r") for line in lines]
        last = last.removesuffix("\r")
    if last:
        lines.append(last)
    return lines


class Kind(enum.Enum):
    BLANK = "blank"
    KEYWORD = "keyword"  # msgctxt, msgid, msgid_plural or msgstr[N], and the string it opens
    STRING = "string"  # a string that continues the one above
    COMMENT = "comment"  # a `#` comment of an entry: translator `#`, extracted `#.`, reference `#:`, flags `#,`
    OTHER = "other"  # anything else: polib refuses it (or, after `#~` or `#|`, passes over it)


class Shape(NamedTuple):
    """What a line is, whatever its text: one shared object for all the lines of a shape."""

    kind: Kind
    word: str  # a KEYWORD's keyword ("msgstr" for msgstr[N]), a COMMENT's mark ("#", "#.", "#:", "#,"), or ""
    obsolete: bool  # after `#~`
    previous: bool  # after `#|`: a fuzzy entry's previous msgctxt, msgid or msgid_plural


class PoLine(NamedTuple):
    """One classified line: its number (1-based, the file's), its shape's fields and its text."""

    number: int
    kind: Kind
    word: str
    obsolete: bool
    previous: bool
    text: str  # the line without the whitespace around it

    @property
    def blank(self) -> bool:
        return self.kind is Kind.BLANK

    def is_keyword(self, *words: str) -> bool:
        """Whether it opens one of these strings of the entry itself (not `#|`); obsolete too."""
        return self.kind is Kind.KEYWORD and not self.previous and self.word in words


# A keyword and the string it opens (msgstr[N]: "msgstr"); after the prefixes `#~` and `#|`, or a
# continuation string after them. Every shape is made once, here: a line's is one of these.
_KEYWORD = r'(?:(?P<msgctxt>msgctxt)|(?P<msgid_plural>msgid_plural)|(?P<msgid>msgid)|(?P<msgstr>msgstr)(?:\[\d+\])?)\s+'
_PLAIN_KEYWORD = re.compile(_KEYWORD + '"')
_PREFIXED = re.compile(r"(#~\s*)?(#\|\s*)?(?:" + _KEYWORD + ')?"')
_HEADS = {(word, obsolete, previous): Shape(Kind.KEYWORD if word else Kind.STRING, word, obsolete, previous)
          for word in ("", "msgctxt", "msgid_plural", "msgid", "msgstr")
          for obsolete in (False, True) for previous in (False, True)}
_STRING, _BLANK = _HEADS["", False, False], Shape(Kind.BLANK, "", False, False)
_COMMENTS = {obsolete: ({mark: Shape(Kind.COMMENT, "#" + mark, obsolete, False) for mark in ",.:"},
                        Shape(Kind.COMMENT, "#", obsolete, False)) for obsolete in (False, True)}
_OTHER = {(obsolete, previous): Shape(Kind.OTHER, "", obsolete, previous)
          for obsolete in (False, True) for previous in (False, True)}


def shape(text: str) -> Shape:
    """The shape of a line of PO text, given without the whitespace around it, as polib reads it
    (and gettext: a comment's mark without its space, "#,fuzzy", is `read_po`'s to space)."""
    first = text[:1]
    if first == '"':
        return _STRING
    if not first:
        return _BLANK
    if first == "m":
        keyword = _PLAIN_KEYWORD.match(text)
        return _HEADS[keyword.lastgroup or "", False, False] if keyword is not None else _OTHER[False, False]
    if first != "#":
        return _OTHER[False, False]
    second = text[1:2]
    if second != "~" and second != "|":
        marks, translator = _COMMENTS[False]
        return marks.get(second, translator)
    return _prefixed(text)


def _prefixed(text: str) -> Shape:
    """The shape of a line that starts with `#~` (an obsolete entry's) or `#|` (a previous string's)."""
    head = _PREFIXED.match(text)
    if head is not None:
        return _HEADS[head.lastgroup or "", head.group(1) is not None, head.group(2) is not None]
    obsolete = text.startswith("#~")
    rest = text[2:].lstrip() if obsolete else text
    if obsolete and rest[:1] == "#" and rest[1:2] != "|":  # an obsolete entry's comment: "#~ #, fuzzy"
        marks, translator = _COMMENTS[True]
        return marks.get(rest[1:2], translator)
    return _OTHER[obsolete, rest.startswith("#|")]


def classify(line: str, number: int) -> PoLine:
    """One line of PO text (with or without its line end), classified."""
    text = line.strip()
    return PoLine(number, *shape(text), text)


def _is_closed(line: str, start: int) -> bool:
    """Whether the string opening at line[start] ends the line with an unescaped closing quote."""
    if len(line) - start < 2 or line[-1] != '"':
        return False
    if line[-2] != "\\":  # the common case, without copying the string
        return True
    backslashes = len(line) - 1 - len(line[start + 1:-1].rstrip("\\")) - start - 1
    return backslashes % 2 == 0


class PoLines:
    """The lines of one PO file's text (a BOM before the first dropped, as polib drops it), each
    classified on first use, once: `lines[number - 1]` is line `number`, `line(number)` its PoLine."""

    def __init__(self, text: str = "") -> None:
        self.lines: Sequence[str] = po_text_lines(text.removeprefix("\ufeff"))
        self._shapes: list[Shape | None] = [None] * len(self.lines)

    @classmethod
    def of(cls, lines: Sequence[str]) -> PoLines:
        """The reader of lines already split by `po_text_lines` (with their ends or without)."""
        reader = cls()
        reader.lines, reader._shapes = lines, [None] * len(lines)
        return reader

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> PoLine:
        """Line `number` (1-based), classified."""
        text = self.lines[number - 1].strip()
        known = self._shapes[number - 1]
        if known is None:
            known = self._shapes[number - 1] = shape(text)
        return PoLine(number, *known, text)

    def __iter__(self) -> Iterator[PoLine]:
        for number in range(1, len(self.lines) + 1):
            yield self.line(number)

    def syntax_problems(self) -> Iterator[tuple[int, str]]:
        """(line, problem) for each line polib would misread or drop without an error: a string
        not closed on its line, text that is neither a keyword, a string nor a comment."""
        shapes, of, closed = self._shapes, shape, _is_closed  # the hot loop of every read: no PoLine made
        keyword, string, other = Kind.KEYWORD, Kind.STRING, Kind.OTHER
        for index, line in enumerate(self.lines):
            text = line.strip()
            known = shapes[index]
            if known is None:
                known = shapes[index] = of(text)
            kind = known.kind
            if kind is keyword or kind is string:
                if not closed(text, text.index('"')):
                    yield index + 1, "unterminated string"
            elif kind is other and not (known.obsolete or known.previous):
                yield index + 1, f"unexpected text {text[:40]!r}"

    def msgstr_line(self, entry_line: int | None) -> int:
        """The msgstr line of the entry polib reports at `entry_line` (polib's `linenum` is the
        entry's first line: its first comment, or the msgid when it has none); the entry's own
        line when it has no msgstr line of its own (an obsolete `#~` entry)."""
        if entry_line is None:
            return 0
        for number in range(max(entry_line, 1), len(self.lines) + 1):
            line = self.line(number)
            if line.blank:
                break
            if line.is_keyword("msgstr") and not line.obsolete:
                return number
        return entry_line

    @cached_property
    def header_fields(self) -> dict[str, int]:
        """Header field name -> line: the quoted lines of the first entry when its msgid is ""."""
        fields: dict[str, int] = {}
        in_header = seen_msgstr = False
        for line in self:
            if line.blank:
                if seen_msgstr:
                    break
                in_header = False
            elif line.obsolete or line.previous:
                continue
            elif line.is_keyword("msgid") and not seen_msgstr:
                in_header = line.text == 'msgid ""'
            elif line.is_keyword("msgstr"):
                seen_msgstr = True
            elif line.kind is Kind.STRING and in_header and ":" in line.text:
                fields.setdefault(line.text[1:].split(":", 1)[0].strip(), line.number)
        return fields


def _read_text(path: str) -> str:
    """The file's text, bytes as they are (no newline translation: a "\r" alone ends no PO line),
    never read through a symlink (`read_po` refuses one: no line comes from its target)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        if os.path.islink(path):
            return ""
        raise
    try:  # fstat first: a directory opens, and os.fdopen raises on it
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read().decode("utf-8", errors="replace")
    finally:
        os.close(fd)


@lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int, size: int) -> PoLines:
    return PoLines(_read_text(path))


def po_lines(path: Path) -> PoLines:
    """PoLines of a file, cached per (path, mtime, size): every check of a run shares one read."""
    info = path.lstat()
    return _cached(str(path), info.st_mtime_ns, info.st_size)
