"""Structure comparison of a translated Markdown file against the English revision it was made from.

Blocks are aligned with the project's one alignment (`text/align.py`, the importer's too), then
compared: extra and missing blocks (each once, an English one at its English line), heading levels
(one document-wide shift is reported once), the link, image and code anchors of each aligned pair
and the code blocks (byte for byte), both with the one anchors diff (`text/anchors.py`), list kinds
and item counts, and table shapes. `compare_markdown` is pure: text in, findings out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.findings import ERROR, WARNING, Finding
from ..text.align import Alignment, Pair, align_documents
from ..text.anchors import differences, text_differences
from ..text.segments import Segment, parse_blocks, segments
from .html_structure import ListShape, TableShape

_LIST_TYPES = ("bullet_list", "ordered_list")


@dataclass(frozen=True)
class CodeBlock:
    content: str
    info: str
    line: int


@dataclass(frozen=True)
class Blocks:
    lists: list[ListShape]
    code: list[CodeBlock]
    tables: list[TableShape]


def document_blocks(markdown: str) -> Blocks:
    """Lists (with item counts), code blocks and tables of a Markdown document, in order."""
    lists: list[ListShape] = []
    code: list[CodeBlock] = []
    tables: list[TableShape] = []
    open_lists: list[tuple[str, int, list[int], tuple[int, int]]] = []  # kind, level, [items], map
    open_tables: list[list[int]] = []  # [rows, columns]
    for token in parse_blocks(markdown):
        kind = token.type.removesuffix("_open").removesuffix("_close")
        if token.type.endswith("_open") and kind in _LIST_TYPES:
            lines = (token.map[0] + 1, token.map[1]) if token.map else (0, 0)
            open_lists.append((kind, token.level, [0], lines))
        elif token.type == "list_item_open" and open_lists and token.level == open_lists[-1][1] + 1:
            open_lists[-1][2][0] += 1
        elif token.type.endswith("_close") and kind in _LIST_TYPES and open_lists:
            list_kind, _, items, (first, last) = open_lists.pop()
            lists.append(ListShape(list_kind, items[0], first, last))
        elif token.type in ("fence", "code_block"):
            code.append(CodeBlock(token.content, token.info.strip(), (token.map or (0, 0))[0] + 1))
        elif token.type == "table_open":
            open_tables.append([0, 0, (token.map or (0, 0))[0] + 1])
        elif token.type == "tr_open" and open_tables:
            open_tables[-1][0] += 1
        elif token.type in ("th_open", "td_open") and open_tables and open_tables[-1][0] == 1:
            open_tables[-1][1] += 1
        elif token.type == "table_close" and open_tables:
            rows, columns, line = open_tables.pop()
            tables.append(TableShape(rows, columns, line))
    return Blocks(lists, code, tables)


def _innermost_list(lists: list[ListShape], line: int) -> ListShape | None:
    containing = [b for b in lists if b.first_line <= line <= b.last_line]
    return min(containing, key=lambda b: b.last_line - b.first_line) if containing else None


def _list_findings(english_md: str, translated_md: str, pairs: list[Pair], path: str) -> list[Finding]:
    """Compare each English list with the translated list that holds the translation of its blocks."""
    e_lists = document_blocks(english_md).lists
    t_lists = document_blocks(translated_md).lists
    findings = []
    compared: set[int] = set()
    for pair in pairs:
        e_list = _innermost_list(e_lists, pair.english.line)
        if e_list is None or id(e_list) in compared:
            continue
        compared.add(id(e_list))
        t_list = _innermost_list(t_lists, pair.translated.line)
        if t_list is None:
            findings.append(Finding(path, pair.translated.line, ERROR, "list-missing",
                                    f"English {e_list.kind.replace('_', ' ')} (line {e_list.first_line}) "
                                    "is not a list in the translation", "use the English list markers"))
        elif (t_list.kind, t_list.items) != (e_list.kind, e_list.items):
            findings.append(Finding(path, t_list.first_line, ERROR, "list-items",
                                    f"{t_list.kind.replace('_', ' ')} with {t_list.items} item(s), English "
                                    f"(line {e_list.first_line}) has a {e_list.kind.replace('_', ' ')} "
                                    f"with {e_list.items}", "keep the English list items"))
    return findings


def _code_findings(english: Blocks, translated: Blocks, path: str) -> list[Finding]:
    """Code blocks as anchors: changed (paired in document order), dropped or added."""
    findings = []
    fix = "copy the code block from the English"
    for diff in differences("code-block", [b.content for b in english.code], [b.content for b in translated.code]):
        old = english.code[diff.old_index] if diff.old_index is not None else None
        new = translated.code[diff.new_index] if diff.new_index is not None else None
        if old is not None and new is not None:
            findings.append(Finding(path, new.line, ERROR, "code-block-changed", "code block is not the English "
                                    f"code block (line {old.line}) byte for byte", fix))
        elif old is not None:
            findings.append(Finding(path, 0, ERROR, "code-block-dropped",
                                    f"English code block at line {old.line} is not in the translation", fix))
        elif new is not None:
            findings.append(Finding(path, new.line, ERROR, "code-block-added",
                                    "code block is not in the English", "remove it, or add it to the English first"))
    return findings


def _table_findings(english: Blocks, translated: Blocks, path: str) -> list[Finding]:
    findings = []
    for e_table, t_table in zip(english.tables, translated.tables, strict=False):
        if (e_table.rows, e_table.columns) != (t_table.rows, t_table.columns):
            findings.append(Finding(path, t_table.line, ERROR, "table-shape",
                                    f"table is {t_table.rows}x{t_table.columns}, English "
                                    f"(line {e_table.line}) is {e_table.rows}x{e_table.columns}",
                                    "keep the English rows and columns"))
    if len(english.tables) != len(translated.tables):
        findings.append(Finding(path, 0, ERROR, "table-count",
                                f"{len(translated.tables)} table(s), English has {len(english.tables)}",
                                "keep the English tables"))
    return findings


def structure_findings(alignment: Alignment, path: str, extra_note: str = "it is not imported",
                       missing_note: str = "imported untranslated", english_path: str = "") -> list[Finding]:
    """Extra and missing blocks and heading levels of an alignment, as warnings (the importer's notes
    by default). Each block that cannot be placed is reported once, where it is: a translated block at
    its line of `path`, an English block at its line of `english_path` (with where the translation
    would hold it)."""
    findings = [Finding(path, seg.line, WARNING, "extra-block",
                        f"{seg.kind} {seg.msgid[:60]!r} has no English counterpart; {extra_note}",
                        "remove it from the translation, or add it to the English master first")
                for seg in alignment.unmatched_translated]
    fix = "translate it in the PO file" if missing_note.startswith("imported") else "translate it"
    for seg in alignment.unmatched_english:
        where = f" (after line {_place_in_translation(alignment, seg)} of {path})" if english_path else ""
        findings.append(Finding(english_path or path, seg.line if english_path else 0, WARNING, "missing-block",
                                f"English {seg.kind} at line {seg.line} {seg.msgid[:60]!r} has no "
                                f"translation{where}; {missing_note}", fix))
    return findings + _heading_findings(alignment, path)


def unsure_finding(pair: Pair, path: str, fix: str) -> Finding:
    """A pair the alignment is unsure of (`Pair.doubts`), at its translated line (the importer's; a
    structure comparison does not need a pair to be sure of it)."""
    return Finding(path, pair.translated.line, WARNING, "unsure-pair",
                   f"taken as the translation of English line {pair.english.line} {pair.english.msgid[:40]!r}, "
                   f"unsure: {'; '.join(pair.doubts)}", fix)


def _place_in_translation(alignment: Alignment, english: Segment) -> int:
    """The last translated line before the place an English block's translation belongs (0: the top)."""
    before = [p.translated.end_line for p in alignment.pairs if p.english.line <= english.line]
    return max(before, default=0)


def _heading_findings(alignment: Alignment, path: str) -> list[Finding]:
    findings = []
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


def compare_markdown(english_text: str, translated_text: str, english_path: str = "",
                     translated_path: str = "") -> list[Finding]:
    """Every structural difference of a translated Markdown document from its English original,
    at the translated file's lines (0 when the difference has no line there)."""
    path = translated_path or "translation.md"
    alignment = align_documents(segments(english_text), segments(translated_text))
    where = f" of {english_path}" if english_path else ""
    findings = structure_findings(alignment, path, f"it is not in the English{where}", "missing here",
                                  english_path)
    for pair in alignment.pairs:
        for diff in text_differences(pair.english.msgid, pair.translated.msgid):
            findings.append(Finding(path, pair.translated.line, ERROR, diff.code, diff.describe("English"),
                                    "restore it in the translation"))
    english_blocks, translated_blocks = document_blocks(english_text), document_blocks(translated_text)
    findings += _list_findings(english_text, translated_text, alignment.pairs, path)
    findings += _code_findings(english_blocks, translated_blocks, path)
    findings += _table_findings(english_blocks, translated_blocks, path)
    return sorted(findings, key=lambda f: (f.path != path, f.line, f.code, f.message))
