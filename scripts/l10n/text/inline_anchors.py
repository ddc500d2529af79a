"""The anchors of one inline text, gathered token by token as markdown-it-py gives them
(`segments.inline_features` parses; this collects): links, images, autolinks, footnotes, code,
raw HTML, roles, emphasis, the visible words, and each link's visible words."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token


@dataclass
class Collected:
    """The anchors of one inline text, gathered token by token."""

    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    autolinks: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    emphasis: int = 0
    strong: int = 0
    link_texts: list[str] = field(default_factory=list)
    link_words: list[str] | None = None  # the words of the link being read

    def add(self, child: Token) -> None:
        kind = child.type
        if child.markup != "autolink" and kind in ("link_open", "link_close", "text", "image"):
            self._read_link(child)
        if kind == "link_open":
            href = str(child.attrs.get("href", ""))
            (self.autolinks if child.markup == "autolink" else self.links).append(href)
        elif kind == "image":
            self.images.append(str(child.attrs.get("src", "")))
            self.words.append(child.content)
        elif kind in ("code_inline", "html_inline", "text"):
            {"code_inline": self.code, "html_inline": self.html, "text": self.words}[kind].append(child.content)
        elif kind == "myst_role":
            self.roles.append(str(child.meta.get("name", "")))
        elif kind == "footnote_ref":
            self.footnotes.append(str(child.meta.get("label", "")))
        elif kind == "em_open":
            self.emphasis += 1
        elif kind == "strong_open":
            self.strong += 1

    def _read_link(self, child: Token) -> None:
        if child.type == "link_open":
            self.link_words = [] if self.link_words is None else self.link_words
        elif child.type == "link_close" and self.link_words is not None:
            self.link_texts.append(" ".join(" ".join(self.link_words).split()))
            self.link_words = None
        elif self.link_words is not None:
            self.link_words.append(child.content)
