"""`make fix-typography`: the typography checks' mechanical fixes, written through the catalog writer.

Each translated, built entry (never a fuzzy or untranslated one) gets `checks.typography.fixed_msgstr`:
a closer of the other width (`（…)`), and for zh and ja the full-width punctuation, no space beside
it, and the catalog's CJK–Latin spacing. Only the prose changes: a fix that would touch a code
span, a link or image destination, raw HTML or a role, or that would give the entry a finding of
the message rules it did not have, is not written but reported as skipped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..checks.message import message_problems
from ..checks.typography import built_entry, fixed_msgstr, spacing_mode
from ..config import SITE_CATALOG, Config
from ..text.segments import inline_features
from .io import read_po, write_po
from .lines import po_lines


@dataclass(frozen=True)
class Change:
    """One entry's msgstr, before and after, at its msgstr line."""

    line: int
    before: str
    after: str
    skipped: str = ""  # why it was not written ("" when it was, or would be with --check)


@dataclass
class CatalogFix:
    path: Path
    display: str
    spacing: str  # the CJK–Latin spacing applied: "always", "never" or "off"
    changes: list[Change] = field(default_factory=list)
    written: bool = False

    @property
    def applied(self) -> list[Change]:
        return [change for change in self.changes if not change.skipped]


def _anchors(text: str) -> tuple[object, ...]:
    feats = inline_features(text)
    return feats.links, feats.images, feats.autolinks, feats.footnotes, feats.code, feats.html, feats.roles


def refusal(msgid: str, before: str, after: str, language: str, disabled: frozenset[str]) -> str:
    """Why a fixed msgstr may not be written ("" when it may): the fix changed more than prose,
    or the message rules find in it what they did not find before."""
    if _anchors(before) != _anchors(after):
        return "the fix would change a code span, link, image, raw HTML or role"
    old = Counter(p.code for p in message_problems(msgid, before, language, disabled=disabled))
    new = Counter(p.code for p in message_problems(msgid, after, language, disabled=disabled))
    added = sorted(new - old)
    return f"the fix would give it {', '.join(added)}" if added else ""


def fix_catalog(config: Config, language: str, path: Path, write: bool = True) -> CatalogFix:
    catalog = read_po(path, config.max_po_bytes)
    entries = [entry for entry in catalog if built_entry(entry)]
    spacing, _, _ = spacing_mode(config.checks.cjk_latin_space, [entry.msgstr for entry in entries], language)
    result = CatalogFix(path, str(config.relative(path)), spacing)
    disabled = config.checks.disabled_codes
    for entry in entries:
        after = fixed_msgstr(entry.msgstr, language, spacing)
        if after == entry.msgstr:
            continue
        why = refusal(entry.msgid, entry.msgstr, after, language, disabled)
        result.changes.append(Change(po_lines(path).msgstr_line(entry.linenum), entry.msgstr, after, why))
        if not why:
            entry.msgstr = after
    if write and result.applied:
        result.written = write_po(path, catalog)
    return result


def fix_typography(config: Config, languages: list[str], write: bool = True) -> list[CatalogFix]:
    """The fixes of every document catalog of the languages (the site's words are not Markdown)."""
    return [fix_catalog(config, language, config.po_path(language, document), write)
            for language in languages for document in config.catalogs_of(language)
            if document != SITE_CATALOG and config.po_path(language, document).is_file()]
