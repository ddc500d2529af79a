"""The structure of a built HTML page's document body, read with the stdlib html.parser.

Only the body Sphinx writes the document into (`[role=main]` on a div or furo's article, or
`div.body`) counts; the sidebar, header and the site's own chrome (the language switcher and the
banners of source/_templates) are left out. A passage shown in English (`l10n-fallback`, marked by
build/sphinx_ext.py) is document text and counts: it is what the reader sees. Ids are collected
from the whole page, since a fragment may point anywhere in it.

The fallback marks are defined here, where they are read, and build/sphinx_ext.py writes them: a
passage Sphinx leaves in English gets `l10n-fallback`, its state class and `message_class(msgid)`,
which ties it to its catalog entry without matching any text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"])
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_TEXT_BLOCKS = frozenset(["p", "li", "td", "th", "dt", "dd", "caption", "figcaption", *_HEADINGS])
BODY_TAGS = frozenset(["div", "article"])  # furo writes the document into <article role="main">
CHROME_CLASSES = frozenset(["l10n-switcher", "l10n-banner"])  # the templates' containers, never the document
FALLBACK_CLASS = "l10n-fallback"
FALLBACK_STATE_CLASS = {"fuzzy": "l10n-fuzzy", "untranslated": "l10n-untranslated"}
_MESSAGE_PREFIX = "l10n-msg-"


def message_class(msgid: str) -> str:
    """The class naming a fallback passage's msgid (a digest: a class cannot hold any text)."""
    return _MESSAGE_PREFIX + hashlib.sha256(msgid.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class ListShape:
    """A list of a built page or of a Markdown source (verify/markdown.py gives its lines)."""

    kind: str  # "ul"/"ol" in a page, "bullet_list"/"ordered_list" in Markdown
    items: int
    first_line: int = 0  # 1-based, in a Markdown source; 0 in a built page
    last_line: int = 0


@dataclass(frozen=True)
class TableShape:
    rows: int
    columns: int
    line: int = 0  # 1-based, in a Markdown source; 0 in a built page


@dataclass(frozen=True)
class Fallback:
    """A passage shown in English: its state, the class of its msgid ("" if unmarked), its text."""

    state: str
    message: str
    text: str


@dataclass
class PageStructure:
    headings: list[Heading] = field(default_factory=list)
    lists: list[ListShape] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    link_blocks: list[int] = field(default_factory=list)  # per link: the text block (p, li, h*, td) it is in
    image_blocks: list[int] = field(default_factory=list)
    code_blocks: list[str] = field(default_factory=list)
    tables: list[TableShape] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # every id (and a[name]) of the whole page
    fallbacks: list[Fallback] = field(default_factory=list)
    found_body: bool = False


class _BodyParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageStructure()
        self._stack: list[tuple[str, bool]] = []  # open elements: (tag, starts an excluded subtree)
        self._body_depth: int | None = None  # stack depth of the body div
        self._excluded = 0  # open chrome elements
        self._sections: list[str] = []
        self._heading: tuple[int, str, list[str]] | None = None
        self._lists: list[tuple[int, list[int]]] = []  # (index in page.lists, [items])
        self._pre: list[str] | None = None
        self._pre_depth = 0
        self._tables: list[tuple[int, list[int]]] = []  # (index in page.tables, [rows, columns])
        self._blocks = 0  # text blocks opened so far
        self._fallbacks: list[tuple[int, Fallback, list[str]]] = []  # open passages: (stack depth, mark, text)

    @property
    def _in_body(self) -> bool:
        return self._body_depth is not None and self._excluded == 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(key):
                self.page.ids.add(attributes[key])
        classes = attributes.get("class", "").split()
        is_body = attributes.get("role") == "main" or "body" in classes
        if tag in BODY_TAGS and self._body_depth is None and is_body:
            self._body_depth = len(self._stack) + 1
            self.page.found_body = True
        excluded = not CHROME_CLASSES.isdisjoint(classes)
        if tag in _VOID:
            self._element(tag, attributes, classes)
            return
        self._stack.append((tag, excluded))
        if excluded:
            self._excluded += 1
        self._element(tag, attributes, classes)
        if self._in_body and FALLBACK_CLASS in classes:
            self._fallbacks.append((len(self._stack), _mark(classes, ""), []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def _element(self, tag: str, attributes: dict[str, str], classes: list[str]) -> None:
        if not self._in_body:
            return
        if tag in _TEXT_BLOCKS:
            self._blocks += 1
        if tag == "section":
            self._sections.append(attributes.get("id", ""))
        elif tag in _HEADINGS:
            anchor = attributes.get("id") or (self._sections[-1] if self._sections else "")
            self._heading = (_HEADINGS[tag], anchor, [])
        elif tag in ("ul", "ol"):
            self.page.lists.append(ListShape(tag, 0))
            self._lists.append((len(self.page.lists) - 1, [0]))
        elif tag == "li" and self._lists:
            self._lists[-1][1][0] += 1
        elif tag == "a" and "headerlink" not in classes and attributes.get("href") is not None:
            self.page.links.append(attributes["href"])
            self.page.link_blocks.append(self._blocks)
        elif tag == "img":
            self.page.images.append(attributes.get("src", ""))
            self.page.image_blocks.append(self._blocks)
            if FALLBACK_CLASS in classes:  # an alt text shown in English
                self.page.fallbacks.append(_mark(classes, attributes.get("alt", "")))
        elif tag == "pre":
            self._pre = self._pre if self._pre is not None else []
            self._pre_depth += 1
        elif tag == "table":
            self.page.tables.append(TableShape(0, 0))
            self._tables.append((len(self.page.tables) - 1, [0, 0]))
        elif tag == "tr" and self._tables:
            self._tables[-1][1][0] += 1
        elif tag in ("td", "th") and self._tables and self._tables[-1][1][0] == 1:
            span = attributes.get("colspan", "1")
            self._tables[-1][1][1] += int(span) if span.isdigit() else 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self._stack):
            return
        while self._stack:
            open_tag, excluded = self._stack.pop()
            self._close(open_tag)
            if excluded:
                self._excluded -= 1
            if self._fallbacks and self._fallbacks[-1][0] > len(self._stack):
                _, mark, text = self._fallbacks.pop()
                words = "".join(text).replace("¶", "").split()
                self.page.fallbacks.append(Fallback(mark.state, mark.message, " ".join(words)))
            if self._body_depth is not None and len(self._stack) < self._body_depth:
                self._body_depth = None  # the body div closed
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if not self._in_body:
            return
        if tag == "section" and self._sections:
            self._sections.pop()
        elif tag in _HEADINGS and self._heading is not None:
            level, anchor, text = self._heading
            words = "".join(text).replace("¶", "").split()
            self.page.headings.append(Heading(level, anchor, " ".join(words)))
            self._heading = None
        elif tag in ("ul", "ol") and self._lists:
            index, items = self._lists.pop()
            self.page.lists[index] = ListShape(tag, items[0])
        elif tag == "pre" and self._pre is not None:
            self._pre_depth -= 1
            if self._pre_depth == 0:
                self.page.code_blocks.append("".join(self._pre))
                self._pre = None
        elif tag == "table" and self._tables:
            index, (rows, columns) = self._tables.pop()
            self.page.tables[index] = TableShape(rows, columns)

    def handle_data(self, data: str) -> None:
        if not self._in_body:
            return
        if self._heading is not None:
            self._heading[2].append(data)
        if self._pre is not None:
            self._pre.append(data)
        for _, _, text in self._fallbacks:
            text.append(data)


def _mark(classes: list[str], text: str) -> Fallback:
    state = next((s for s, c in FALLBACK_STATE_CLASS.items() if c in classes), "untranslated")
    message = next((c for c in classes if c.startswith(_MESSAGE_PREFIX)), "")
    return Fallback(state, message, text)


def page_structure(html: str) -> PageStructure:
    parser = _BodyParser()
    parser.feed(html)
    parser.close()
    return parser.page
