"""Merge a template (POT) into a language's catalog without ever losing a translation.

Pure: `merge()` takes the old catalog and the template and returns the new catalog and an
`UpdateReport`; the operation that reads and writes files is `catalog/sync.py`.

Per template msgid, in order:
1. exact match with an active entry: kept untouched (msgstr, flags, comments, previous msgid),
   unless it is untranslated and an obsolete entry of the msgid has a translation (then 2);
2. exact match with an obsolete entry: recovered, as it was (a reviewed one before a fuzzy one);
3. the same text as an old translated entry except for link destinations or whitespace:
   carried over, with the destinations rewritten in the msgstr, when that is unambiguous
   (each changed old destination occurs exactly once in the old msgid and in the msgstr);
4. the closest old translated entry (active or obsolete) by normalized Indel similarity
   (rapidfuzz) at or above the threshold: its msgstr, `#, fuzzy` and `#| msgid`;
5. otherwise a new, untranslated entry.
Every live entry takes its references, format flags and `#.` comment from the template.
An entry left untranslated whose msgid has nothing to translate (`nothing_to_translate`: years,
numbers, code, URLs) gets its English as msgstr, never fuzzy; a msgstr already there is kept.

Obsolete entries (`#~`), written after the active ones: the old obsolete entries not recovered,
then the old active entries the template no longer has, when translated. An obsolete entry keeps
what polib reads back from its text: msgid, msgstr, flags (`#, fuzzy`), translator comments,
msgctxt. It loses its previous msgid when it becomes obsolete: polib writes it (`#~| msgid`) but
skips it when reading, so the next update would drop the line and change bytes; nor are `#.`
comments and `#:` references written for it. An obsolete entry is dropped only when another entry
keeps its translation: it has the msgid and msgstr of a reviewed live entry or of an earlier
obsolete entry, or it is fuzzy (its msgstr never was a reviewed translation of its msgid) and a
live entry has its msgstr, as the fuzzy copy of a translation left behind when an English edit is
reverted. A translation no other entry holds stays. So an update of a catalog `merge` wrote,
read back from its file, writes the same bytes: `make update` is a fixed point.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import polib
from rapidfuzz import fuzz, process

from ..text.segments import link_skeleton, nothing_to_translate
from .io import add_comment, clear_fuzzy, mark_fuzzy, set_previous
from .stats import catalog_stats

FUZZY_THRESHOLD = 60.0  # percent, like msgmerge's 0.6
CARRY_COMMENT = "links updated automatically: "
WHITESPACE_COMMENT = "whitespace of the English changed; translation kept automatically"


@dataclass(frozen=True)
class TemplateEntry:
    msgid: str
    occurrences: tuple[tuple[str, str], ...] = ()
    formats: tuple[str, ...] = ()  # the template's format flags (`python-format`): the entry's own
    comment: str = ""  # the template's `#.` comment (site.pot's `furo`): the entry's own, as msgmerge does


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
    obsoleted: list[str] = field(default_factory=list)  # went obsolete (and stay, as `#~`)
    dropped: list[str] = field(default_factory=list)  # obsolete duplicates of a translation kept elsewhere
    filled: list[str] = field(default_factory=list)  # nothing to translate: msgstr set to the English
    written: bool = False

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


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
    entry.flags = [f for f in entry.flags if not f.endswith("-format")] + list(template.formats)
    entry.comment = template.comment
    return entry


def merge(old: polib.POFile, template: list[TemplateEntry], language: str,
          threshold: float = FUZZY_THRESHOLD) -> tuple[polib.POFile, UpdateReport]:
    report = UpdateReport(language=language)
    active = {e.msgid: e for e in old if not e.obsolete and e.msgid}
    obsolete = [e for e in old if e.obsolete and e.msgid]
    recoverable = _recoverable(obsolete)
    wanted = {t.msgid for t in template}
    candidates = _Candidates(
        [e for e in active.values() if e.msgid not in wanted and e.msgstr]
        + [e for e in obsolete if e.msgid not in wanted and e.msgstr and e.msgid not in active]
    )

    new = polib.POFile(wrapwidth=old.wrapwidth)
    new.header = old.header
    new.metadata = dict(old.metadata)
    new.metadata_is_fuzzy = False

    used: set[int] = set()
    for item in template:
        source = _exact(item.msgid, active, recoverable)
        if source is None:
            new.append(_as_english(_fresh(item), report) if nothing_to_translate(item.msgid)
                       else _inherit(item, candidates, threshold, report))
            continue
        new.append(_as_english(_fresh(item, source), report))
        if source.obsolete:
            used.add(id(source))
            report.recovered.append(item.msgid)

    old_gone = [e for e in obsolete if id(e) not in used and (e.msgid not in wanted or e.msgstr)]
    new_gone = [e for msgid, e in active.items() if msgid not in wanted and e.msgstr]
    _append_obsolete(new, old_gone, new_gone, report)

    stats = catalog_stats(new)
    report.translated, report.fuzzy = stats.translated, stats.fuzzy
    report.untranslated, report.obsolete = stats.untranslated, stats.obsolete
    return new, report


def _as_english(entry: polib.POEntry, report: UpdateReport) -> polib.POEntry:
    """An untranslated entry with nothing to translate, translated as its English."""
    if not entry.msgstr and nothing_to_translate(entry.msgid):
        entry.msgstr = entry.msgid
        clear_fuzzy(entry)
        report.filled.append(entry.msgid)
    return entry


def _recoverable(obsolete: list[polib.POEntry]) -> dict[str, polib.POEntry]:
    """Per msgid, the obsolete entry a returning msgid gets back: the last translated one, a
    reviewed (not fuzzy) one before any fuzzy one."""
    found: dict[str, polib.POEntry] = {}
    for entry in obsolete:
        if not entry.msgstr:
            continue
        before = found.get(entry.msgid)
        if before is None or "fuzzy" in before.flags or "fuzzy" not in entry.flags:
            found[entry.msgid] = entry
    return found


def _exact(msgid: str, active: dict[str, polib.POEntry],
           recoverable: dict[str, polib.POEntry]) -> polib.POEntry | None:
    """The old entry a template msgid keeps as it was (steps 1 and 2): the active one, unless it
    is untranslated and an obsolete entry of the same msgid has a translation."""
    current, gone = active.get(msgid), recoverable.get(msgid)
    if current is not None and (current.msgstr or gone is None):
        return current
    return gone


def _inherit(item: TemplateEntry, candidates: _Candidates, threshold: float,
             report: UpdateReport) -> polib.POEntry:
    """A new msgid's entry (steps 3 to 5): carried over, fuzzy, or untranslated."""
    entry = _carry_over(item, candidates, report) or _fuzzy_match(item, candidates, threshold, report)
    if entry is None:
        entry = _fresh(item)
        report.new.append(item.msgid)
    return entry


def _as_obsolete(entry: polib.POEntry) -> polib.POEntry:
    """An obsolete copy holding exactly what reading its `#~` text back gives: polib writes an
    obsolete entry's previous msgid (`#~| msgid`) but skips it when reading, writes no `#.` or
    `#:` line for it, and reads comment lines without their trailing blanks."""
    gone = _clone(entry)
    gone.obsolete = True
    gone.occurrences = []
    gone.comment = ""
    set_previous(gone, None)
    if entry.tcomment:
        gone.tcomment = "\n".join(line.rstrip() for line in entry.tcomment.split("\n"))
    return gone


def _without_duplicates(obsolete: list[polib.POEntry], live: list[polib.POEntry]) -> list[polib.POEntry]:
    """The obsolete entries whose translation no other entry keeps, in order. Dropped: one with the
    msgid and msgstr of a reviewed live entry or of an earlier obsolete one, and a fuzzy one whose
    msgstr a live entry holds (a fuzzy msgstr was never a reviewed translation of its msgid)."""
    msgstrs = {e.msgstr for e in live if e.msgstr}
    seen = {(e.msgid, e.msgstr, False) for e in live if e.msgstr and "fuzzy" not in e.flags}
    kept = []
    for entry in obsolete:
        fuzzy = "fuzzy" in entry.flags
        key = (entry.msgid, entry.msgstr, fuzzy)
        if entry.msgstr and (key in seen or (entry.msgid, entry.msgstr, False) in seen
                             or (fuzzy and entry.msgstr in msgstrs)):
            continue
        seen.add(key)
        kept.append(entry)
    return kept


def _append_obsolete(new: polib.POFile, old_gone: list[polib.POEntry], new_gone: list[polib.POEntry],
                     report: UpdateReport) -> None:
    """Append the obsolete entries after the live ones: the old ones still kept, then the ones the
    template no longer has; report the ones that stay obsolete and the duplicates dropped."""
    gone = [_as_obsolete(e) for e in old_gone + new_gone]
    kept = _without_duplicates(gone, list(new))
    kept_ids = {id(e) for e in kept}
    report.obsoleted = [e.msgid for e in gone[len(old_gone):] if id(e) in kept_ids]
    report.dropped = [e.msgid for e in gone if id(e) not in kept_ids]
    new.extend(kept)


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
