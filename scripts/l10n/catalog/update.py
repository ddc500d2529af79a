"""Merge a template (POT) into a language's catalog without ever losing a translation.

Pure: `merge()` takes the old catalog and the template and returns the new catalog and an
`UpdateReport`; the operation that reads and writes files is `pipeline.update`.

Per template msgid, in order:
1. exact match with an active entry: kept untouched (msgstr, flags, comments, previous msgid);
2. exact match with an obsolete entry: recovered, as it was;
3. the same text as an old translated entry except for link destinations or whitespace:
   carried over, with the destinations rewritten in the msgstr, when that is unambiguous
   (each changed old destination occurs exactly once in the old msgid and in the msgstr);
4. the closest old translated entry (active or obsolete) by normalized Indel similarity
   (rapidfuzz) at or above the threshold: its msgstr, `#, fuzzy` and `#| msgid`;
5. otherwise a new, untranslated entry.
Old active entries the template no longer has become obsolete (`#~`) when translated.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import polib
from rapidfuzz import fuzz, process

from ..segments import link_skeleton
from .io import add_comment, mark_fuzzy
from .stats import catalog_stats

FUZZY_THRESHOLD = 60.0  # percent, like msgmerge's 0.6
CARRY_COMMENT = "links updated automatically: "
WHITESPACE_COMMENT = "whitespace of the English changed; translation kept automatically"


@dataclass(frozen=True)
class TemplateEntry:
    msgid: str
    occurrences: tuple[tuple[str, str], ...] = ()


@dataclass
class UpdateReport:
    language: str
    path: str = ""
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    new: list[str] = field(default_factory=list)
    fuzzied: list[tuple[str, str]] = field(default_factory=list)  # (msgid, previous msgid)
    carried_over: list[tuple[str, str]] = field(default_factory=list)  # (msgid, old msgid)
    recovered: list[str] = field(default_factory=list)
    obsoleted: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


def is_translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) and "fuzzy" not in entry.flags and not entry.obsolete


def rewrite_destinations(msgstr: str, old_msgid: str, new_msgid: str) -> str | None:
    """The msgstr with old_msgid's link destinations replaced by new_msgid's, or None if the
    two msgids differ in more than destinations and whitespace, or the rewrite is ambiguous."""
    old, new = link_skeleton(old_msgid), link_skeleton(new_msgid)
    if old.text != new.text or len(old.destinations) != len(new.destinations):
        return None
    in_msgstr = link_skeleton(msgstr).destinations
    result = msgstr
    for before, after in zip(old.destinations, new.destinations, strict=True):
        if before == after:
            continue
        if old.destinations.count(before) != 1 or in_msgstr.count(before) != 1:
            return None
        for written in (f"]({before})", f"]({before} ", f"<{before}>"):
            if result.count(written) == 1:
                result = result.replace(written, written.replace(before, after))
                break
        else:
            return None
    return result


class _Candidates:
    """Old translated entries that a changed msgid may inherit from."""

    def __init__(self, entries: list[polib.POEntry]):
        self.entries = entries
        self.msgids = [e.msgid for e in entries]
        self._skeletons: dict[str, list[polib.POEntry]] | None = None

    def by_skeleton(self, msgid: str) -> list[polib.POEntry]:
        if self._skeletons is None:
            self._skeletons = {}
            for entry in self.entries:
                self._skeletons.setdefault(link_skeleton(entry.msgid).text, []).append(entry)
        return self._skeletons.get(link_skeleton(msgid).text, [])

    def closest(self, msgid: str, threshold: float) -> polib.POEntry | None:
        if not self.entries:
            return None
        best = process.extractOne(msgid, self.msgids, scorer=fuzz.ratio, score_cutoff=threshold)
        return self.entries[best[2]] if best else None


def _clone(entry: polib.POEntry) -> polib.POEntry:
    """A copy that shares only immutable strings with the original (deepcopy is 10x slower)."""
    twin = copy.copy(entry)
    twin.flags = list(entry.flags)
    twin.occurrences = list(entry.occurrences)
    twin.msgstr_plural = dict(entry.msgstr_plural)
    return twin


def _fresh(template: TemplateEntry, source: polib.POEntry | None = None) -> polib.POEntry:
    entry = _clone(source) if source is not None else polib.POEntry(msgid=template.msgid)
    entry.msgid = template.msgid
    entry.obsolete = False
    entry.occurrences = list(template.occurrences)
    return entry


def merge(old: polib.POFile, template: list[TemplateEntry], language: str,
          threshold: float = FUZZY_THRESHOLD) -> tuple[polib.POFile, UpdateReport]:
    report = UpdateReport(language=language)
    active = {e.msgid: e for e in old if not e.obsolete and e.msgid}
    obsolete = {e.msgid: e for e in old if e.obsolete and e.msgid}
    wanted = {t.msgid for t in template}
    candidates = _Candidates(
        [e for e in active.values() if e.msgid not in wanted and e.msgstr]
        + [e for e in obsolete.values() if e.msgid not in wanted and e.msgstr and e.msgid not in active]
    )

    new = polib.POFile(wrapwidth=old.wrapwidth)
    new.header = old.header
    new.metadata = dict(old.metadata)
    new.metadata_is_fuzzy = False

    for item in template:
        if item.msgid in active:
            new.append(_fresh(item, active[item.msgid]))
            continue
        if item.msgid in obsolete and obsolete[item.msgid].msgstr:
            new.append(_fresh(item, obsolete[item.msgid]))
            report.recovered.append(item.msgid)
            continue
        entry = _carry_over(item, candidates, report) or _fuzzy_match(item, candidates, threshold, report)
        if entry is None:
            entry = _fresh(item)
            report.new.append(item.msgid)
        new.append(entry)

    kept_obsolete = {m: e for m, e in obsolete.items() if m not in wanted}
    for msgid, entry in active.items():
        if msgid not in wanted and entry.msgstr:
            gone = _clone(entry)
            gone.obsolete = True
            gone.occurrences = []
            kept_obsolete[msgid] = gone
            report.obsoleted.append(msgid)
    for entry in kept_obsolete.values():
        new.append(entry)

    stats = catalog_stats(new)
    report.translated, report.fuzzy = stats.translated, stats.fuzzy
    report.untranslated, report.obsolete = stats.untranslated, stats.obsolete
    return new, report


def _carry_over(item: TemplateEntry, candidates: _Candidates, report: UpdateReport) -> polib.POEntry | None:
    for source in candidates.by_skeleton(item.msgid):
        if "fuzzy" in source.flags:
            continue
        msgstr = rewrite_destinations(source.msgstr, source.msgid, item.msgid)
        if msgstr is None:
            continue
        entry = _fresh(item, source)
        entry.msgstr = msgstr
        entry.previous_msgid = None
        before, after = link_skeleton(source.msgid).destinations, link_skeleton(item.msgid).destinations
        pairs = zip(before, after, strict=True)
        changes = [f"{a} -> {b}" for a, b in pairs if a != b]
        add_comment(entry, CARRY_COMMENT + "; ".join(changes) if changes else WHITESPACE_COMMENT)
        report.carried_over.append((item.msgid, source.msgid))
        if source.obsolete:
            report.recovered.append(item.msgid)
        return entry
    return None


def _fuzzy_match(item: TemplateEntry, candidates: _Candidates, threshold: float,
                 report: UpdateReport) -> polib.POEntry | None:
    source = candidates.closest(item.msgid, threshold)
    if source is None:
        return None
    entry = _fresh(item, source)
    entry.previous_msgid = None
    mark_fuzzy(entry, source.msgid)
    report.fuzzied.append((item.msgid, source.msgid))
    if source.obsolete:
        report.recovered.append(item.msgid)
    return entry
