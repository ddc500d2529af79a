"""The typography checks: bracket and quote pairs (every language), CJK spacing and punctuation (zh, ja).

Only the prose is read: the msgstr's text tokens (`prose_runs`), without code spans, link
destinations, raw HTML or URL words. Every finding is a warning with a fix.

- `bracket-mismatch`, `bracket-unbalanced` (the `typography` message rule): a bracket or quote
  closed by another kind (`（…)`, `「…"`, `“…"`), or never closed or opened (`[`), reported only
  when the msgid's own pairs balance (the English is not the translator's to mend).
- `cjk-halfwidth-punctuation`, `cjk-punctuation-space` (the same rule, zh and ja): the rules of
  `cjk.py`, a difference between a run and its corrected form being the finding.
- `cjk-latin-space` (a whole-catalog check): CJK–Latin spacing as `[tool.l10n.checks]
  cjk_latin_space` says: "always", "never", "off", or "majority" (the default), what most of the
  catalog's built entries do (a tie spaces them, as the guidelines do).

`fixed_msgstr` is what `make fix-typography` writes: the same rules' corrections, and a closing
bracket of the other width made the opener's (`（…)` -> `（…）`, `“…"` -> `“…”`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import polib
from markdown_it import helpers
from markdown_it.token import Token

from ..catalog.io import parse_po_text
from ..catalog.lines import po_lines
from ..config import SITE_CATALOG
from ..text.link_destination import parse_link_destination
from ..text.segments import _inline_parser as inline_parser
from ..text.segments import is_url, markup_characters, without_urls
from . import cjk
from .findings import WARNING, Finding
from .problem import Problem
from .registry import CatalogContext, EntriesContext, FileContext, catalog_check, entry_check, message_rule

TYPOGRAPHY_CODES = ("bracket-mismatch", "bracket-unbalanced", "cjk-halfwidth-punctuation", "cjk-punctuation-space")
_PAIRS = dict(zip("([{（［｛「『《【〈“", ")]}）］｝」』》】〉”", strict=True))
_CLOSERS = frozenset(_PAIRS.values())
_OTHER_WIDTH = {("（", ")"): "）", ("(", "）"): ")", ("［", "]"): "］", ("[", "］"): "]", ("“", '"'): "”"}
_CJK_RULES = (("fullwidth", "cjk-halfwidth-punctuation", "write the full-width sign between CJK characters"),
              ("spacing", "cjk-punctuation-space", "remove the space beside the full-width sign"))


@dataclass(frozen=True)
class Pair:
    """One bracket or quote out of place: `closer` "" is never closed, `opener` "" never opened."""

    opener: str
    closer: str
    close_at: int = -1  # the closer's index in the text scanned

    @property
    def fix(self) -> str | None:
        """The closer that pairs with the opener when only its width differs."""
        return _OTHER_WIDTH.get((self.opener, self.closer))


@lru_cache(maxsize=65_536)  # the message rule and the catalog's spacing read the same msgstrs
def prose_runs(text: str) -> tuple[tuple[int, str], ...]:
    """The text tokens of an inline Markdown text, each with its index in `text` (a token the parser
    unescaped, so not found as written, is left out: nothing is ever changed where it is unsure)."""
    if not markup_characters(text):
        return ((0, text),)
    runs, cursor = [], 0
    for parent in inline_parser().parseInline(text):
        for child in parent.children or []:
            if child.type != "text" or not child.content:
                cursor = _past(text, cursor, child)
                continue
            at = text.find(child.content, cursor)
            if at >= 0:
                runs.append((at, child.content))
                cursor = at + len(child.content)
    return tuple(runs)


def _past(text: str, cursor: int, token: Token) -> int:
    """Where the text goes on after a token that is not prose: past a code span, raw HTML, or the
    `](destination "title")` of a link or image (read by markdown-it's own scanners)."""
    if token.type == "html_inline":
        at = text.find(token.content, cursor)
        return at + len(token.content) if at >= 0 else cursor
    if token.type == "code_inline":
        opening = text.find(token.markup, cursor)
        content = text.find(token.content, opening + len(token.markup)) if opening >= 0 else -1
        closing = text.find(token.markup, content + len(token.content)) if content >= 0 else -1
        return closing + len(token.markup) if closing >= 0 else cursor
    if token.type not in ("link_close", "image") or token.markup == "autolink":
        return cursor
    at = text.find("](", cursor)
    if at < 0:
        return cursor
    pos = parse_link_destination(text, at + 2, len(text)).pos
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos < len(text) and text[pos] in "\"'(":
        pos = helpers.parseLinkTitle(text, pos, len(text)).pos
    end = text.find(")", pos)
    return end + 1 if end >= 0 else cursor


def _prose_characters(runs: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Each character of the runs with its index, URL words left out."""
    for start, run in runs:
        offset = 0
        for word in run.split(" "):
            if not is_url(word):
                yield from ((start + offset + index, char) for index, char in enumerate(word))
            offset += len(word) + 1


def unpaired(characters: Iterable[tuple[int, str]]) -> list[Pair]:
    """The brackets and quotes out of place, in order (a straight `"` opens or closes)."""
    stack: list[str] = []
    found: list[Pair] = []
    for index, char in characters:
        if char == '"' and stack and stack[-1] in '"“':
            opener = stack.pop()
            if opener == "“":
                found.append(Pair(opener, char, index))
        elif char in _PAIRS or char == '"':
            stack.append(char)
        elif char in _CLOSERS:
            opener = stack.pop() if stack else ""
            if _PAIRS.get(opener) != char:
                found.append(Pair(opener, char, index))
    while len(stack) > 1 and stack[-1] == '"' and stack[-2] != '"':  # 「…" : the quote closed it
        stack.pop()
        found.append(Pair(stack.pop(), '"'))
    return found + [Pair(opener, "") for opener in stack]


def _shown(pair: Pair) -> str:
    if not pair.opener:
        return f"{pair.closer} closes nothing"
    if not pair.closer:
        return f"{pair.opener} is never closed"
    return f"{pair.opener}…{pair.closer}"


def bracket_problems(msgid_prose: str, msgstr_prose: str) -> Iterator[Problem]:
    """The msgstr's brackets and quotes out of place, when the msgid's pair up."""
    found = unpaired(enumerate(msgstr_prose))
    if not found or unpaired(enumerate(msgid_prose)):
        return
    mismatched = [pair for pair in found if pair.opener and pair.closer]
    if mismatched:
        shown = ", ".join(_shown(pair) for pair in mismatched)
        closers = ", ".join(f"{pair.opener} with {_PAIRS.get(pair.opener, pair.opener)}" for pair in mismatched)
        yield Problem(WARNING, "bracket-mismatch", f"a bracket or quote closed by another kind: {shown}",
                      f"close {closers} (`make fix-typography` mends a width slip such as （…) or “…\")")
    unbalanced = [pair for pair in found if not (pair.opener and pair.closer)]
    if unbalanced:
        yield Problem(WARNING, "bracket-unbalanced", f"unbalanced: {', '.join(_shown(pair) for pair in unbalanced)}",
                      "close each bracket and quote the English closes, or remove the stray one")


def _changed(before: str, after: str) -> str:
    """Where two texts first differ, a few characters either side: `注意: 下面` -> `注意：下面`."""
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                 min(len(before), len(after)))
    tail = next((i for i, (a, b) in enumerate(zip(before[::-1], after[::-1], strict=False)) if a != b), 0)
    head = max(start - 6, 0)
    return f"`{before[head:max(len(before) - tail, start) + 6]}` -> `{after[head:max(len(after) - tail, start) + 6]}`"


def cjk_problems(msgstr: str, language: str) -> Iterator[Problem]:
    """The full-width punctuation rules (`cjk.py`) over each prose run of a zh or ja msgstr."""
    runs = [run for _, run in prose_runs(msgstr)]
    for rule, code, fix in _CJK_RULES:
        changes = [(run, fixed) for run in runs if (fixed := cjk.corrected(run, language, (rule,))) != run]
        if changes:
            yield Problem(WARNING, code, f"{_changed(*changes[0])}" + (f" and {len(changes) - 1} more place(s)"
                                                                       if len(changes) > 1 else ""),
                          f"{fix}, or run `make fix-typography LANGUAGE={language}`")


@message_rule("typography", TYPOGRAPHY_CODES)
def _typography(m: Any) -> Iterator[Problem]:  # a checks.message.Message
    if m.reshaped:
        return
    yield from bracket_problems(without_urls(m.ef.text), without_urls(m.tf.text))
    raw = m.msgstr  # each run is a piece of it: a rule that changes no piece of it changes no run
    if cjk.is_cjk_language(m.language) and cjk.may_need_punctuation_fix(raw, m.language):
        yield from cjk_problems(raw, m.language)


def fixed_msgstr(msgstr: str, language: str, mode: str) -> str:
    """The msgstr with the mechanical fixes: a closer of the other width, and for zh and ja the
    full-width punctuation, its spacing and the CJK–Latin spacing of `mode` ("always", "never")."""
    runs = prose_runs(msgstr)
    text = list(msgstr)
    for pair in unpaired(_prose_characters(runs)):
        if pair.fix:
            text[pair.close_at] = pair.fix  # one character for one: the runs' indexes hold
    fixed = "".join(text)
    if not cjk.is_cjk_language(language):
        return fixed
    for start, run in reversed(runs):
        run = fixed[start:start + len(run)]
        fixed = fixed[:start] + cjk.corrected(run, language, ("fullwidth", "spacing", "latin"), mode) \
            + fixed[start + len(run):]
    return fixed


def built_entry(entry: polib.POEntry) -> bool:
    """An entry the build shows translated, one msgstr (the spacing's votes and fixes read these)."""
    return bool(entry.msgid and entry.msgstr and not entry.obsolete and not entry.msgid_plural
                and "fuzzy" not in entry.flags)


def spacing_mode(mode: str, msgstrs: Sequence[str], language: str = "") -> tuple[str, int, int]:
    """The CJK–Latin spacing a catalog is held to ("always", "never", "off"), with the (spaced,
    unspaced) boundaries of its msgstrs: "majority" is what most of them do (a mode that is set
    needs no count: 0, 0)."""
    spaced = unspaced = 0
    for msgstr in msgstrs if mode == "majority" else ():
        for _, run in prose_runs(msgstr):
            votes = cjk.boundaries(run, language)
            spaced, unspaced = spaced + votes[0], unspaced + votes[1]
    if mode == "majority":
        mode = "never" if unspaced > spaced else "always"
    return mode, spaced, unspaced


def latin_spacing_problem(msgstr: str, language: str, mode: str, votes: tuple[int, int] | None) -> Problem | None:
    """A msgstr's CJK–Latin spacing against the catalog's (`mode`, from `spacing_mode`; `votes`:
    the catalog's (spaced, unspaced) places when the mode is its majority, None when it is set)."""
    for _, run in prose_runs(msgstr):
        fixed = cjk.corrected(run, language, ("latin",), mode)
        if fixed != run:
            held = f'[tool.l10n.checks] cjk_latin_space is "{mode}"' if votes is None else \
                f"the catalog spaces {votes[0]} of {sum(votes)} such places" if mode == "always" else \
                f"the catalog leaves {votes[1]} of {sum(votes)} such places unspaced"
            way = "one space" if mode == "always" else "no space"
            return Problem(WARNING, "cjk-latin-space", f"CJK–Latin spacing {_changed(run, fixed)}: {held}",
                           f"write {way} between CJK and Latin letters or digits, "
                           f"or run `make fix-typography LANGUAGE={language}`")
    return None


def _spacing_applies(context: FileContext) -> bool:
    return cjk.is_cjk_language(context.language) and context.path.name != f"{SITE_CATALOG}.po"


def _spacing_findings(context: FileContext, entries: Iterable[polib.POEntry], mode: str,
                      votes: tuple[int, int] | None) -> Iterator[Finding]:
    for entry in entries:
        problem = latin_spacing_problem(entry.msgstr, context.language, mode, votes) if built_entry(entry) else None
        if problem is not None:
            line = po_lines(context.path).msgstr_line(entry.linenum)
            yield Finding(context.display_path, line, problem.severity, problem.code, problem.message,
                          f"{problem.fix}, then run `make check`")


@entry_check("cjk-latin-space")
def check_cjk_latin_space(context: EntriesContext) -> Iterator[Finding]:
    """A spacing that is set ("always", "never"): each entry on its own, in the workers."""
    setting = context.config.checks.cjk_latin_space
    if setting in ("always", "never") and _spacing_applies(context):
        yield from _spacing_findings(context, context.entries, setting, None)


@catalog_check("cjk-latin-space-majority")
def check_cjk_latin_space_majority(context: CatalogContext) -> Iterator[Finding]:
    """"majority": what most of the catalog's msgstrs do, so the whole catalog is read first."""
    if context.config.checks.cjk_latin_space != "majority" or not _spacing_applies(context):
        return
    entries = [entry for entry in parse_po_text(context.text, context.path) if built_entry(entry)]
    mode, spaced, unspaced = spacing_mode("majority", [entry.msgstr for entry in entries], context.language)
    yield from _spacing_findings(context, entries, mode, (spaced, unspaced))
