"""The build cost of an accepted msgstr: a bound on the Markdown markup a translation adds.

Sphinx turns each inline markup span of a msgstr into docutils nodes, and every node costs the
build again in each of its steps: parsing the msgstr, the ~30 transforms that walk the document,
pickling and unpickling the doctree, the HTML writer, the search index (a heading's nodes also
go to every page's table of contents). `'*a' * 4999` (2,499 emphasis spans) as the msgstr of
the 12 link-free entries made 90,000 nodes and took the zh_CN build from 1.5 s to 19 s; strong
spans nested 193 deep crash it (RecursionError while Sphinx pickles the doctree). Brackets
cost the parser without making nodes (`[` * 10,000: 0.3 s a msgstr).

So a msgstr may have at most MAX_ADDED_MARKUP more markup characters than its msgid (real
translations add none: they keep the msgid's links, code and emphasis), and its inline markup
may nest at most MAX_INLINE_DEPTH levels (or as deep as the msgid's). The count needs no parse,
so an over-long one is refused before the checks parse it. benchmarks/bench_build_bound.py
builds the worst catalog these bounds accept against the shipped one.
"""

from __future__ import annotations

from ..text.segments import InlineFeatures, markup_characters
from .findings import ERROR
from .problem import Problem

MAX_ADDED_MARKUP = 64
MAX_INLINE_DEPTH = 8
MARKUP_CHARACTERS = "* _ [ ! < ` \\ & { and line breaks"


def markup_problem(msgid: str, msgstr: str) -> Problem | None:
    """markup-count: too many characters that can start markup, added to the msgid's (no parse)."""
    in_msgstr = markup_characters(msgstr) if len(msgstr) > MAX_ADDED_MARKUP else 0
    if in_msgstr <= MAX_ADDED_MARKUP:  # (most msgstrs: the msgid need not be counted)
        return None
    added = in_msgstr - markup_characters(msgid)
    if added <= MAX_ADDED_MARKUP:
        return None
    return Problem(ERROR, "markup-count",
                   f"{added} markup characters ({MARKUP_CHARACTERS}) more than the msgid, over the "
                   f"{MAX_ADDED_MARKUP} accepted: each span they make costs every step of the Sphinx build",
                   "keep the msgid's markup, remove the markup you added")


def nesting_problem(ef: InlineFeatures, tf: InlineFeatures) -> Problem | None:
    """markup-nesting: inline markup nested deeper than the bound (and than the msgid's)."""
    if tf.depth <= max(MAX_INLINE_DEPTH, ef.depth):
        return None
    return Problem(ERROR, "markup-nesting",
                   f"inline markup nested {tf.depth} levels deep (msgid {ef.depth}), over the "
                   f"{MAX_INLINE_DEPTH} accepted: deep nesting crashes Sphinx's build (from about 190 levels)",
                   "keep the msgid's emphasis, remove the nested markers you added")
