"""`l10n check-build`: each language's built pages against the English ones.

Compares the document bodies (html_structure.py): headings with levels and anchors, lists and
item counts, link targets and images in order, code blocks byte for byte, table shapes, and
that every `#fragment` resolves in the language's own page. A difference is placed at the PO
entry it comes from when that can be traced (the entry whose msgid holds the English heading
or link), else at the built page. A passage shown in English (untranslated, fuzzy, or not in
the catalog yet) is compared as the English it shows, and listed as one `fallback` note, at its
entry (html_structure.message_class ties the two). Files under `_images`/`_downloads` must be
copies of files inside source/.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import polib

from ..catalog.boundary import scan_locale_tree
from ..catalog.io import read_po
from ..catalog.lines import PoLines, po_lines
from ..checks.findings import ERROR, NOTE, Finding
from ..checks.tree import tree_findings
from ..config import Config
from ..errors import L10nError
from ..text.anchors import differences
from ..text.segments import inline_features
from .html_structure import PageStructure, message_class, page_structure

REBUILD = "run `make html`, then `make check-build`"


class Tracer:
    """Finds the PO entry (path, msgstr line) a piece of the English page comes from."""

    def __init__(self, config: Config, language: str, document: str, page: Path):
        self.page_path = str(config.relative(page))
        self.po_path = config.po_path(language, document)
        self.display = str(config.relative(self.po_path))
        self.entries: list[polib.POEntry] = []
        self.lines = PoLines()
        if self.po_path.is_file():
            catalog = read_po(self.po_path, config.max_po_bytes)
            self.entries = [e for e in catalog if not e.obsolete and e.msgid]
            self.lines = po_lines(self.po_path)

    def where(self, *, heading: str = "", english_url: str = "", translated_url: str = "") -> tuple[str, int]:
        for entry in self.entries:
            if heading and " ".join(inline_features(entry.msgid).text.split()) == heading:
                return self.display, self.lines.msgstr_line(entry.linenum)
            if english_url and english_url in entry.msgid:
                return self.display, self.lines.msgstr_line(entry.linenum)
            if translated_url and translated_url in entry.msgstr:
                return self.display, self.lines.msgstr_line(entry.linenum)
        return self.page_path, 0

    def fallbacks(self, page: PageStructure) -> Iterator[Finding]:
        """One note per passage of the page shown in English, at its entry when it has one."""
        entries = {message_class(entry.msgid): entry for entry in self.entries}
        for passage in page.fallbacks:
            entry = entries.get(passage.message)
            if entry is None:
                yield Finding(self.page_path, 0, NOTE, "fallback", f"{passage.state}: shown in English, not in "
                              f"{self.display}: {passage.text[:60]!r}", "run `make update`, translate it, then "
                              "`make html`")
                continue
            yield Finding(self.display, self.lines.msgstr_line(entry.linenum), NOTE, "fallback",
                          f"{passage.state}: shown in English: {entry.msgid[:60]!r}", _FALLBACK_FIXES[passage.state])


_FALLBACK_FIXES = {"untranslated": "translate it, then `make html`",
                   "fuzzy": "check it against the English, remove the fuzzy flag, then `make html`"}


def _by_block(items: Sequence[str], blocks: Sequence[int]) -> list[list[str]]:
    """The items grouped by text block, each group sorted: word order may move a link in its sentence."""
    groups: dict[int, list[str]] = {}
    for item, block in zip(items, blocks, strict=True):
        groups.setdefault(block, []).append(item)
    return [sorted(group) for _, group in sorted(groups.items())]


def _order_finding(kind: str, english: Sequence[str], translated: Sequence[str], tracer: Tracer,
                   english_blocks: Sequence[int], translated_blocks: Sequence[int]) -> Finding:
    """The same targets in another order: a note inside one paragraph, else an error."""
    first = next(i for i, (a, b) in enumerate(zip(english, translated, strict=True)) if a != b)
    path, line = tracer.where(english_url=english[first])
    within = (len(english_blocks) == len(english) and len(translated_blocks) == len(translated)
              and _by_block(english, english_blocks) == _by_block(translated, translated_blocks))
    if within:  # reordered inside one paragraph: the translation's word order, shown for review
        return Finding(path, line, NOTE, f"{kind}-order", f"{kind} targets reordered within a paragraph "
                       f"from {english[first]}", "nothing to do if the word order asks for it")
    return Finding(path, line, ERROR, f"{kind}-order", f"{kind} targets in another order than the "
                   f"English from {english[first]}", "keep the English order of the blocks")


_FIXES = {"changed": "restore the English target in the msgstr", "dropped": "restore it in the msgstr",
          "added": "remove it from the msgstr"}


def _sequence_differences(kind: str, english: Sequence[str], translated: Sequence[str],
                          tracer: Tracer, english_blocks: Sequence[int] = (),
                          translated_blocks: Sequence[int] = ()) -> Iterator[Finding]:
    """Ordered targets: a reordering is one `-order` finding; otherwise each differing run of
    the sequences (difflib) goes through the one anchors diff (changed, dropped, added)."""
    if list(english) == list(translated):
        return
    if sorted(english) == sorted(translated):
        yield _order_finding(kind, english, translated, tracer, english_blocks, translated_blocks)
        return
    matcher = difflib.SequenceMatcher(a=list(english), b=list(translated), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for diff in differences(kind, english[a1:a2], translated[b1:b2]):
            path, line = (tracer.where(english_url=diff.old) if diff.old is not None
                          else tracer.where(translated_url=diff.new or ""))
            yield Finding(path, line, ERROR, f"built-{diff.code}", diff.describe("English"), _FIXES[diff.change])


def _heading_findings(english: PageStructure, translated: PageStructure, tracer: Tracer) -> Iterator[Finding]:
    for index in range(max(len(english.headings), len(translated.headings))):
        e = english.headings[index] if index < len(english.headings) else None
        t = translated.headings[index] if index < len(translated.headings) else None
        if e is not None and t is not None and (e.level, e.anchor) == (t.level, t.anchor):
            continue
        path, line = tracer.where(heading=e.text) if e is not None else (tracer.page_path, 0)
        shown_e = f"h{e.level} #{e.anchor} {e.text!r}" if e else "nothing"
        shown_t = f"h{t.level} #{t.anchor}" if t else "nothing"
        yield Finding(path, line, ERROR, "built-heading", f"heading {index + 1} is {shown_t}, English has {shown_e}",
                      "keep the English heading (no markers in the msgstr)")


def _shapes_findings(page: str, code: str, what: str, english: list[tuple[Any, ...]],
                     translated: list[tuple[Any, ...]], fix: str) -> list[Finding]:
    """Lists or tables, compared in place as shapes, reported at the page."""
    if english == translated:
        return []
    return [Finding(page, 0, ERROR, code, f"{what} {translated} differ from the English {english}", fix)]


def _code_block_findings(english: PageStructure, translated: PageStructure, page: str) -> Iterator[Finding]:
    for index, (e_code, t_code) in enumerate(zip(english.code_blocks, translated.code_blocks, strict=False)):
        if e_code != t_code:
            yield Finding(page, 0, ERROR, "built-code-block", f"code block {index + 1} differs from the English "
                          "byte for byte", "code blocks are not translated")
    if len(english.code_blocks) != len(translated.code_blocks):
        yield Finding(page, 0, ERROR, "built-code-block", f"{len(translated.code_blocks)} code block(s), English "
                      f"has {len(english.code_blocks)}", "code blocks are not translated")


def compare_pages(english: PageStructure, translated: PageStructure, tracer: Tracer) -> list[Finding]:
    page = tracer.page_path
    if not translated.found_body:
        return [Finding(page, 0, ERROR, "no-document-body", "no [role=main] element or div.body in the page",
                        REBUILD)]
    findings = list(_heading_findings(english, translated, tracer))
    findings += _shapes_findings(page, "built-lists", "lists (kind, items)",
                                 [(s.kind, s.items) for s in english.lists],
                                 [(s.kind, s.items) for s in translated.lists],
                                 "look for list markers or blank lines in the msgstrs (`make check`)")
    findings += _sequence_differences("link", english.links, translated.links, tracer,
                                      english.link_blocks, translated.link_blocks)
    findings += _sequence_differences("image", english.images, translated.images, tracer,
                                      english.image_blocks, translated.image_blocks)
    findings += _code_block_findings(english, translated, page)
    findings += _shapes_findings(page, "built-table", "table shapes (rows, columns)",
                                 [(t.rows, t.columns) for t in english.tables],
                                 [(t.rows, t.columns) for t in translated.tables], "keep the table cells")
    for href in translated.links:
        if href.startswith("#") and len(href) > 1 and href[1:] not in translated.ids:
            path, line = tracer.where(translated_url=href)
            findings.append(Finding(path, line, ERROR, "broken-fragment",
                                    f"link {href} has no target in the page",
                                    "link to an anchor id of the page (the English ids are kept)"))
    return findings


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def asset_findings(config: Config, outdir: Path) -> list[Finding]:
    """Every file under _images/_downloads must be a copy of a file inside source/."""
    source = config.source_dir.resolve()
    known = {_digest(p) for p in source.rglob("*") if p.is_file() and p.resolve().is_relative_to(source)}
    findings = []
    for folder in ("_images", "_downloads"):
        base = outdir / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            shown = str(config.relative(path)) if not path.is_symlink() else str(path)
            if path.is_symlink():
                findings.append(Finding(shown, 0, ERROR, "asset-outside-source", "symlink in the built site",
                                        f"remove it and {REBUILD}"))
            elif path.is_file() and _digest(path) not in known:
                findings.append(Finding(shown, 0, ERROR, "asset-outside-source",
                                        "file is not a copy of any file inside source/ "
                                        "(a directive or image path reached outside the project)",
                                        f"run `make check`, fix the msgstr, then {REBUILD}"))
    return findings


def compiled_findings(config: Config, language: str) -> list[Finding]:
    """The compiled folder Sphinx reads must hold only the catalogs the pipeline compiled."""
    folder = config.build_dir / "locale" / language / "LC_MESSAGES"
    expected = {f"{catalog}.mo" for catalog in config.catalogs_of(language)}  # site.mo too, when it has site.po
    if not folder.is_dir() or folder.is_symlink():
        return []
    return [Finding(str(config.relative(path)) if not path.is_symlink() else str(path), 0, ERROR,
                    "unchecked-catalog", "not compiled by the pipeline from a checked catalog; Sphinx reads "
                    "this folder", f"remove it, then {REBUILD}")
            for path in sorted(folder.iterdir()) if path.name not in expected or path.is_symlink()]


def check_build(config: Config, languages: list[str]) -> list[Finding]:
    """Findings for the built pages of `languages` against build/html/en."""
    html_root = config.build_dir / "html"
    english_dir = html_root / "en"
    for document in config.documents:
        if not (english_dir / f"{document}.html").is_file():
            raise L10nError(config.relative(english_dir / f"{document}.html"), "built page not found", REBUILD)
    findings: list[Finding] = asset_findings(config, english_dir)
    tree = scan_locale_tree(config)  # the same boundary as the gate and `make check`
    for language in languages:
        findings += tree_findings(config, tree, language) + compiled_findings(config, language)
        outdir = html_root / language
        if not outdir.is_dir():  # not published (below its threshold with "skip"), or not built yet
            findings.append(Finding(str(config.relative(outdir)), 0, NOTE, "not-built",
                                    f"{language} is not built, so not checked", REBUILD))
            continue
        for document in config.documents:
            english_page = english_dir / f"{document}.html"
            page = outdir / f"{document}.html"
            if not page.is_file():
                raise L10nError(config.relative(page), "built page not found", REBUILD)
            tracer = Tracer(config, language, document, page)
            translated = page_structure(page.read_text(encoding="utf-8"))
            findings += compare_pages(page_structure(english_page.read_text(encoding="utf-8")), translated, tracer)
            findings += tracer.fallbacks(translated)
        findings += asset_findings(config, outdir)
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))
