"""Import a hand-made translated Markdown file as a PO catalog.

The translation is aligned with the English revision it was made from by the project's one block
alignment (`text/align.py`, which `compare-md` uses too). Pairs whose anchors differ (the one
anchors diff, `text/anchors.py`: a link, image or code span changed, dropped or added) are
imported fuzzy, with a translator comment saying why. An English block left unpaired that has
nothing to translate (a year, a number, code) is imported as its English, as `make update` fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from ..checks.findings import WARNING, Finding
from ..text.align import Pair, align_documents
from ..text.anchors import text_differences
from ..text.segments import Segment, nothing_to_translate, segments
from ..verify.markdown import structure_findings
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
                                          "imported untranslated")
    _build_catalog(result, english, english_path, translated_path)
    return result


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
            if not entry.msgstr and nothing_to_translate(seg.msgid):
                entry.msgstr = seg.msgid
            continue
        entry.msgstr = target.msgid
        found = text_differences(seg.msgid, target.msgid)
        for diff in found:
            message = diff.describe("English")
            result.findings.append(Finding(translated_path, target.line, WARNING, diff.code, message,
                                           "restore it in the translation"))
            add_comment(entry, f"import: {message}")
        if found:
            mark_fuzzy(entry)
