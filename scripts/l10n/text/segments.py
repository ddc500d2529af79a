"""Markdown -> translatable segments, with the markdown-it configuration myst-parser uses.

This is the one segmentation of the project: the importer, the update's link-only
comparison, the message checks, the structure checks and the Markdown renderer all call it.
A segment's msgid is exactly the msgid Sphinx's gettext builder writes for that block. Each
inline text's anchors are `inline_features`; `link_skeleton` is the one way links are stripped
from a text (for the update's link-only comparison, word counts, the glossary and the checks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from . import link_destination
from .inline_anchors import Collected

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HARD_BREAK = re.compile(r"[ \t]*\\\n")


@lru_cache(maxsize=1)
def md_parser() -> MarkdownIt:
    """The markdown-it parser configured exactly as myst-parser configures it for Sphinx."""
    return create_md_parser(MdParserConfig(), RendererHTML)


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    """md_parser's configuration for one inline text, with the same tokens, made cheaper: the
    word-count rule (it only feeds front matter) is off, link normalization (percent-encoding,
    punycode) is memoized, since a msgid and its msgstr share their URLs, and link destinations
    are scanned a run of characters at a time (`link_destination`)."""
    md = create_md_parser(MdParserConfig(), RendererHTML)
    md.disable("wordcount")
    link_destination.install(md)
    md.normalizeLink = lru_cache(maxsize=16_384)(md.normalizeLink)  # type: ignore[method-assign]
    return md


def normalize_msgid(content: str) -> str:
    """What Sphinx does to a node's source text before it becomes a msgid."""
    return _HARD_BREAK.sub("\n", content).replace("\n", " ").strip()


@dataclass(frozen=True)
class Segment:
    """One translatable block: a heading, a paragraph (alone, in a list item, quote, cell)."""

    msgid: str
    kind: str  # "heading", "paragraph", "table-cell", or "image-alt" (inside one of the others)
    line: int  # 1-based first source line
    end_line: int  # 1-based last source line
    level: int = 0  # heading level, 0 for other kinds
    containers: tuple[str, ...] = ()  # enclosing block types, outermost first
    raw: str = ""  # the inline content as written (line breaks kept)

    @property
    def in_list(self) -> bool:
        return any(c in ("bullet_list", "ordered_list") for c in self.containers)


@dataclass(frozen=True)
class InlineFeatures:
    """Language-independent anchors of one inline text: what must survive translation."""

    links: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    autolinks: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    html: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    emphasis: int = 0
    strong: int = 0
    depth: int = 0  # how deep inline markup nests (`**[a *b*](u)**`: 3)
    text: str = ""  # the visible words, markup removed
    link_texts: tuple[str, ...] = ()  # each link's visible words (not autolinks'), whitespace folded

    @property
    def destinations(self) -> tuple[str, ...]:
        return self.links + self.autolinks

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(_NUMBER.findall(self.text))


def is_url(word: str) -> bool:
    """Whether a word of visible text is a URL (an autolink shows its URL; a bare URL is text)."""
    return "://" in word or word.startswith("www.")


def parse_blocks(markdown: str) -> list[Token]:
    return md_parser().parse(markdown)


def iter_segments(markdown: str) -> Iterator[Segment]:
    """Yield every translatable segment of a Markdown document, in the order Sphinx extracts them:
    document order, except footnote definitions, which MyST moves to the end of the document."""
    footnotes: list[Segment] = []
    for segment in _segments_in_source_order(markdown):
        if "footnote_reference" in segment.containers:
            footnotes.append(segment)
        else:
            yield segment
    yield from footnotes


def _segments_in_source_order(markdown: str) -> Iterator[Segment]:
    stack: list[str] = []
    heading_level = 0
    for token in parse_blocks(markdown):
        if token.nesting == 1:
            stack.append(token.type[: -len("_open")])
            if token.type == "heading_open":
                heading_level = int(token.tag[1:])
            continue
        if token.nesting == -1:
            if stack:
                stack.pop()
            continue
        if token.type != "inline" or token.map is None:
            continue
        msgid = normalize_msgid(token.content)
        if not msgid:
            continue
        parent = stack[-1] if stack else ""
        if parent == "heading":
            kind, level = "heading", heading_level
        elif parent in ("th", "td"):
            kind, level = "table-cell", 0
        else:
            kind, level = "paragraph", 0
        yield Segment(
            msgid=msgid,
            kind=kind,
            line=token.map[0] + 1,
            end_line=token.map[1],
            level=level,
            containers=tuple(stack[:-1]),
            raw=token.content,
        )
        # Sphinx also extracts each image's alt text, right after the block holding the image.
        for child in token.children or []:
            alt = normalize_msgid(child.content) if child.type == "image" else ""
            if alt:
                yield Segment(msgid=alt, kind="image-alt", line=token.map[0] + 1, end_line=token.map[1],
                              containers=tuple(stack), raw=child.content)


def segments(markdown: str) -> list[Segment]:
    return list(iter_segments(markdown))


def unique_msgids(markdown: str) -> list[str]:
    """The msgids in POT order: first occurrence wins, as Sphinx's gettext builder does."""
    return list(dict.fromkeys(s.msgid for s in iter_segments(markdown)))


# Characters that start an inline rule of the MyST configuration other than plain text
# (newline, escape, role, code, emphasis, link, image, footnote, autolink, html, entity).
# A text without any of them parses to one text token: no need to run the parser.
_INLINE_TRIGGERS = frozenset("\n\r\0\\{`*_[!<&")
_TRIGGER = re.compile("[" + re.escape("".join(sorted(_INLINE_TRIGGERS))) + "]")


def markup_characters(text: str) -> int:
    """How many characters of a text can start inline markup (the inline parser's triggers)."""
    return len(_TRIGGER.findall(text))


_FEATURES_CACHE: dict[str, InlineFeatures] = {}
_FEATURES_CACHE_LIMIT = 200_000


def inline_features(text: str) -> InlineFeatures:
    """Parse one msgid or msgstr as inline Markdown and collect its anchors (cached; plain text,
    which no inline rule can change, skips the parser with exactly the same result)."""
    cached = _FEATURES_CACHE.get(text)
    if cached is None:
        plain = _INLINE_TRIGGERS.isdisjoint(text)
        cached = InlineFeatures(text=text) if plain else _parse_inline_features(text)
        _remember(text, cached)
    return cached


def clear_inline_features_cache() -> None:
    _FEATURES_CACHE.clear()


def _remember(text: str, features: InlineFeatures) -> None:
    if len(_FEATURES_CACHE) >= _FEATURES_CACHE_LIMIT:
        _FEATURES_CACHE.clear()
    _FEATURES_CACHE[text] = features


def _parse_inline_features(text: str) -> InlineFeatures:
    found = Collected()
    level = depth = 0
    for parent in _inline_parser().parseInline(text):
        for child in parent.children or []:
            level += child.nesting
            depth = max(depth, level)
            found.add(child)
    return InlineFeatures(
        links=tuple(found.links), images=tuple(found.images), autolinks=tuple(found.autolinks),
        footnotes=tuple(found.footnotes), code=tuple(found.code), html=tuple(found.html),
        roles=tuple(found.roles), emphasis=found.emphasis, strong=found.strong, depth=depth,
        text=" ".join(found.words), link_texts=tuple(found.link_texts),
    )


@dataclass
class Skeleton:
    """A text with its links stripped, in the forms the project compares."""

    text: str  # as written, each link destination and image source replaced by "\0", whitespace folded
    destinations: list[str] = field(default_factory=list)  # links and autolinks, then images
    prose: str = ""  # the visible words without any URL: a link's text stays, an autolink or bare URL goes


def without_urls(visible: str) -> str:
    """Visible text without the words that are URLs (an autolink shows its URL; a bare URL is text)."""
    if "://" not in visible and "www." not in visible:
        return visible
    return " ".join(word for word in visible.split() if not is_url(word))


def link_skeleton(text: str) -> Skeleton:
    """The one place links are stripped from a text. `text`: destinations blanked and whitespace
    folded (equal skeletons differ only in links); `prose`: what a translator translates."""
    feats = inline_features(text)
    skeleton = text
    for dest in feats.destinations + feats.images:
        skeleton = skeleton.replace(dest, "\x00", 1)
    return Skeleton(" ".join(skeleton.split()), list(feats.destinations + feats.images), without_urls(feats.text))


def nothing_to_translate(msgid: str) -> bool:
    """A msgid no translator changes: no letter in its visible words once code spans, autolinks
    and bare URLs are set aside ("2021", "1.5", "`torch.compile`", "<https://x.y>"; not "GPU").
    Raw HTML and roles hold text this cannot see: they always count as translatable."""
    feats = inline_features(msgid)
    if feats.html or feats.roles:
        return False
    return not any(char.isalpha() for char in link_skeleton(msgid).prose)
