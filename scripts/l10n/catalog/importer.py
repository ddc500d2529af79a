"""Import a hand-made translated Markdown file as a PO catalog.

The translation is aligned with the English revision it was made from by the project's one block
alignment (`text/align.py`, which `compare-md` uses too). Pairs whose anchors differ (the one
anchors diff, `text/anchors.py`: a link, image or code span changed, dropped or added) are
imported fuzzy, with a translator comment saying why; so is every pair the alignment is unsure of
(`#. import: unsure: length ratio 0.4 (expected ~1.6); no shared anchor`), with an `unsure-pair`
warning at its translated line. A block that cannot be placed is reported once: an English block
at its English line, a translated block at its translated line. An English block left unpaired
that has nothing to translate (a year, a number, code) is imported as its English, as `make update`
fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from ..checks.findings import WARNING, Finding
from ..text.align import Pair, align_documents
from ..text.anchors import text_differences
from ..text.segments import Segment, nothing_to_translate, segments
from ..verify.markdown import structure_findings, unsure_finding
from .io import add_comment, mark_fuzzy, new_catalog


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
                                          "imported untranslated", english_path)
    _build_catalog(result, english, english_path, translated_path)
    return result


def _build_catalog(result: ImportResult, english: list[Segment], english_path: str,
                   translated_path: str) -> None:
    by_msgid: dict[str, polib.POEntry] = {}
    pairs = {id(p.english): p for p in result.pairs}
    for seg in english:
        entry = by_msgid.get(seg.msgid)
        if entry is None:
            entry = polib.POEntry(msgid=seg.msgid, msgstr="")
            by_msgid[seg.msgid] = entry
            result.catalog.append(entry)
        entry.occurrences.append((english_path, str(seg.line)))
        pair = pairs.get(id(seg))
        if pair is None or entry.msgstr:
            if not entry.msgstr and nothing_to_translate(seg.msgid):
                entry.msgstr = seg.msgid
            continue
        target = pair.translated
        entry.msgstr = target.msgid
        if pair.doubts:
            _report_unsure(result, entry, pair, translated_path)
        found = text_differences(seg.msgid, target.msgid)
        for diff in found:
            message = diff.describe("English")
            result.findings.append(Finding(translated_path, target.line, WARNING, diff.code, message,
                                           "restore it in the translation"))
            add_comment(entry, f"import: {message}")
        if found:
            mark_fuzzy(entry)


def _report_unsure(result: ImportResult, entry: polib.POEntry, pair: Pair, translated_path: str) -> None:
    result.findings.append(unsure_finding(pair, translated_path,
                                          "check the pairing in the PO file, then make reviewed"))
    add_comment(entry, f"import: unsure: {'; '.join(pair.doubts)}")
    mark_fuzzy(entry)
