"""Counting what is translated: entries and words, per catalog."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import polib

from ..text.segments import link_skeleton

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def word_count(msgid: str) -> int:
    """Words a translator reads in a msgid (link destinations do not count)."""
    return len(_WORD.findall(link_skeleton(msgid).text))


def entry_state(entry: polib.POEntry) -> str:
    """One of: obsolete, fuzzy, translated, untranslated."""
    if entry.obsolete:
        return "obsolete"
    if entry.msgstr and "fuzzy" in entry.flags:
        return "fuzzy"
    if entry.msgstr:
        return "translated"
    return "untranslated"


@dataclass(frozen=True)
class CatalogStats:
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    words_total: int = 0
    words_translated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Percent of entries translated (fuzzy counts as not translated)."""
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def percent_words(self) -> float:
        return 100.0 * self.words_translated / self.words_total if self.words_total else 100.0

    @property
    def words_left(self) -> int:
        return self.words_total - self.words_translated

    def __add__(self, other: CatalogStats) -> CatalogStats:
        """The counts of two catalogs together (one language's documents)."""
        return CatalogStats(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def catalog_stats(po: polib.POFile) -> CatalogStats:
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0, "obsolete": 0}
    words_total = words_translated = 0
    for entry in po:
        if not entry.msgid:
            continue
        state = entry_state(entry)
        counts[state] += 1
        if state == "obsolete":
            continue
        words = word_count(entry.msgid)
        words_total += words
        if state == "translated":
            words_translated += words
    return CatalogStats(**counts, words_total=words_total, words_translated=words_translated)
