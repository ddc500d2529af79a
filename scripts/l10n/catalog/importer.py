"""Import a hand-made translated Markdown file as a PO catalog.

The translation is aligned with the English revision it was made from, block by block, on
markdown-it block structure plus language-independent anchors (link destinations, numbers,
inline code): a dynamic-programming alignment, so an inserted or missing block does not shift
everything after it. Headings are matched under one document-wide level shift, chosen as the
shift that gives the best alignment. Pairs whose anchors differ are imported fuzzy, with a
translator comment saying why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import polib

from ..checks.findings import WARNING, Finding
from ..text.segments import InlineFeatures, Segment, inline_features, segments
from .io import add_comment, mark_fuzzy, new_catalog

MAX_LEVEL_SHIFT = 2


@dataclass(frozen=True)
class Pair:
    english: Segment
    translated: Segment


@dataclass
class ImportResult:
    catalog: polib.POFile
    pairs: list[Pair]
    unmatched_english: list[Segment]
    unmatched_translated: list[Segment]
    heading_shift: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def fuzzy(self) -> list[polib.POEntry]:
        return [e for e in self.catalog if "fuzzy" in e.flags]


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2.0 * common / (len(a) + len(b))


def _pair_score(e: Segment, ef: InlineFeatures, t: Segment, tf: InlineFeatures,
                shift: int, position: float) -> float | None:
    """How well two blocks correspond; None when they cannot (different kinds)."""
    if e.kind != t.kind:
        return None
    score = 0.2 + 0.3 * position
    if e.kind == "heading":
        score += 0.5 if t.level - e.level == shift else -0.3
    score += 2.0 * _overlap(ef.destinations + ef.images, tf.destinations + tf.images)
    score += 0.5 * _overlap(ef.numbers, tf.numbers) + 0.5 * _overlap(ef.code, tf.code)
    return score


def align(english: list[Segment], translated: list[Segment],
          shift: int) -> tuple[float, list[tuple[int, int]]]:
    """Best monotone alignment (Needleman-Wunsch, free gaps): total score and index pairs."""
    ef = [inline_features(s.msgid) for s in english]
    tf = [inline_features(s.msgid) for s in translated]
    n, m = len(english), len(translated)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 skip english, 1 skip translated, 2 pair
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(best[i - 1][j], 0), (best[i][j - 1], 1)]
            position = 1.0 - abs((i - 1) / max(n, 1) - (j - 1) / max(m, 1))
            score = _pair_score(english[i - 1], ef[i - 1], translated[j - 1], tf[j - 1], shift, position)
            if score is not None and score > 0:
                options.append((best[i - 1][j - 1] + score, 2))
            best[i][j], move[i][j] = max(options, key=lambda o: (o[0], o[1]))
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if move[i][j] == 2:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move[i][j] == 0:
            i -= 1
        else:
            j -= 1
    return best[n][m], pairs[::-1]


@dataclass
class Alignment:
    """Which translated block translates which English block, under one heading-level shift."""

    pairs: list[Pair]
    unmatched_english: list[Segment]
    unmatched_translated: list[Segment]
    heading_shift: int


def align_documents(english: list[Segment], translated: list[Segment]) -> Alignment:
    """The best alignment over every heading-level shift (ties: the smallest shift)."""
    shift, (_, index_pairs) = max(
        ((s, align(english, translated, s)) for s in range(-MAX_LEVEL_SHIFT, MAX_LEVEL_SHIFT + 1)),
        key=lambda item: (item[1][0], -abs(item[0])),
    )
    paired_e = {i for i, _ in index_pairs}
    paired_t = {j for _, j in index_pairs}
    return Alignment(
        pairs=[Pair(english[i], translated[j]) for i, j in index_pairs],
        unmatched_english=[s for i, s in enumerate(english) if i not in paired_e],
        unmatched_translated=[s for j, s in enumerate(translated) if j not in paired_t],
        heading_shift=shift,
    )


def import_translation(english_md: str, translated_md: str, language: str, project_name: str,
                       english_path: str = "source/README.md",
                       translated_path: str = "translation.md",
                       source_revision: str = "") -> ImportResult:
    english = segments(english_md)
    translated = segments(translated_md)
    alignment = align_documents(english, translated)
    result = ImportResult(
        catalog=new_catalog(language, project_name,
                            translator=f"imported from {translated_path}"),
        pairs=alignment.pairs,
        unmatched_english=alignment.unmatched_english,
        unmatched_translated=alignment.unmatched_translated,
        heading_shift=alignment.heading_shift,
    )
    if source_revision:
        result.catalog.metadata["X-Source-Revision"] = source_revision
    result.findings += structure_findings(alignment, translated_path, "it is not imported",
                                          "imported untranslated")
    _build_catalog(result, english, english_path, translated_path)
    return result


def structure_findings(alignment: Alignment, path: str, extra_note: str = "it is not imported",
                       missing_note: str = "imported untranslated") -> list[Finding]:
    """Extra and missing blocks and heading levels of an alignment, as warnings at `path`."""
    findings = []
    for seg in alignment.unmatched_translated:
        findings.append(Finding(
            path, seg.line, WARNING, "extra-block",
            f"{seg.kind} {seg.msgid[:60]!r} has no English counterpart; {extra_note}",
            "remove it from the translation, or add it to the English master first"))
    for seg in alignment.unmatched_english:
        findings.append(Finding(
            path, 0, WARNING, "missing-block",
            f"English {seg.kind} at line {seg.line} {seg.msgid[:60]!r} has no translation; {missing_note}",
            "translate it in the PO file" if missing_note.startswith("imported") else "translate it"))
    headings = [p for p in alignment.pairs if p.english.kind == "heading"]
    if alignment.heading_shift and headings:
        first = headings[0]
        deeper = "deeper" if alignment.heading_shift > 0 else "shallower"
        findings.append(Finding(
            path, first.translated.line, WARNING, "heading-level-shift",
            f"headings are {abs(alignment.heading_shift)} level(s) {deeper} than the English "
            f"({len(headings)} headings, e.g. {'#' * first.english.level} -> {'#' * first.translated.level})",
            "use the English heading levels"))
    for pair in headings:
        if pair.translated.level - pair.english.level != alignment.heading_shift:
            findings.append(Finding(
                path, pair.translated.line, WARNING, "heading-level",
                f"heading level {pair.translated.level}, English has {pair.english.level}",
                "use the English heading level"))
    return findings


def _build_catalog(result: ImportResult, english: list[Segment], english_path: str,
                   translated_path: str) -> None:
    by_msgid: dict[str, polib.POEntry] = {}
    translation = {id(p.english): p.translated for p in result.pairs}
    for seg in english:
        entry = by_msgid.get(seg.msgid)
        if entry is None:
            entry = polib.POEntry(msgid=seg.msgid, msgstr="")
            by_msgid[seg.msgid] = entry
            result.catalog.append(entry)
        entry.occurrences.append((english_path, str(seg.line)))
        target = translation.get(id(seg))
        if target is None or entry.msgstr:
            continue
        entry.msgstr = target.msgid
        problems = anchor_differences(seg.msgid, target.msgid)
        for problem in problems:
            result.findings.append(Finding(translated_path, target.line, WARNING, problem[0], problem[1],
                                           "restore it in the translation"))
            add_comment(entry, f"import: {problem[1]}")
        if problems:
            mark_fuzzy(entry)


def anchor_differences(msgid: str, msgstr: str) -> list[tuple[str, str]]:
    """(code, message) for each link, image or code span one text has and the other lacks."""
    ef, tf = inline_features(msgid), inline_features(msgstr)
    problems = []
    for kind, a, b in (("link", ef.destinations, tf.destinations), ("image", ef.images, tf.images),
                       ("code", ef.code, tf.code)):
        dropped = Counter(a) - Counter(b)
        added = Counter(b) - Counter(a)
        for item in sorted(dropped.elements()):
            problems.append((f"{kind}-dropped", f"{kind} {item} of the English is missing"))
        for item in sorted(added.elements()):
            problems.append((f"{kind}-added", f"{kind} {item} is not in the English"))
    return problems
