"""Run every registered catalog check over the catalogs of the chosen languages.

A large catalog is checked on every CPU: the file's text is cut into pieces that polib parses
on their own to the whole file's entries (`catalog/pieces.py`), and forked workers take one
piece at a time: they parse it, run every per-entry check on its entries (so each text is parsed
once, in the process that checks it), and outline it for the whole-catalog checks. Only findings
and outlines travel back; the whole-catalog checks then run here on the joined outline. A small
catalog, or a system without fork, is one piece, checked in this process. A file that cannot be
read, or whose pieces cannot say which entry is its header, is read whole, as `read_po` reads it.
Each call checks the catalogs again: a caller that needs the findings twice keeps them (`make
html` checks each catalog once, for its plan: `build/plan.py`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..catalog.boundary import scan_locale_tree
from ..catalog.io import CatalogReadError, po_text_lines, read_po_text
from ..catalog.outline import Outline, join_outlines, outline_piece
from ..catalog.pieces import Piece, cut, parse_piece
from ..config import Config
from ..errors import L10nError
from .findings import ERROR, Finding
from .registry import CatalogContext, EntriesContext, RegisteredCheck, load_checks
from .tree import tree_findings

PARALLEL_MIN_ENTRIES = 2000
PIECES_PER_CPU = 8  # several small pieces per CPU, so a slow piece does not keep the others waiting


@dataclass(frozen=True)
class _Checking:
    """The catalog being checked, as every process sees it (forked workers inherit it)."""

    config: Config
    language: str
    path: Path
    display_path: str
    lines: list[str]
    pieces: list[Piece]
    checks: Sequence[RegisteredCheck]


@dataclass(frozen=True)
class _PieceResult:
    findings: list[Finding]
    outline: Outline | None  # None: the piece cannot be read on its own
    error: CatalogReadError | None = None  # why the piece cannot be read


_forking: _Checking | None = None  # what workers forked now inherit


def usable_cpus() -> int:
    """The processes a large catalog is checked with (1 without fork, or when this process runs
    other threads, which a fork would copy mid-step: the checks then run in this one)."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)


def _check_piece(job: _Checking, index: int) -> _PieceResult:
    piece = job.pieces[index]
    try:
        catalog = parse_piece(job.lines, piece, job.path)
    except CatalogReadError as exc:
        return _PieceResult([], None, exc)
    if catalog is None:
        return _PieceResult([], None)
    context = EntriesContext(job.config, job.language, job.path, job.display_path, list(catalog))
    findings = [finding for check in job.checks if check.per_entry for finding in check.run(context)]
    outline = outline_piece(catalog, job.lines, piece.start, piece.stop, last=piece.stop == len(job.lines))
    return _PieceResult(findings, outline)


def _check_inherited_piece(index: int) -> _PieceResult:
    """A worker's job: a piece of the catalog its parent was checking when it forked."""
    assert _forking is not None
    return _check_piece(_forking, index)


def _check_pieces(job: _Checking) -> list[_PieceResult]:
    global _forking
    if len(job.pieces) > 1:
        _forking = job
        gc.freeze()  # the workers' collector then leaves the inherited objects (and their pages) alone
        try:
            # the workers live for one catalog and their objects hold no cycles: no collector
            with multiprocessing.get_context("fork").Pool(usable_cpus(), gc.disable) as pool:
                return pool.map(_check_inherited_piece, range(len(job.pieces)), chunksize=1)
        except OSError:  # no processes to be had (limits, sandbox): check in this process
            pass
        finally:
            gc.unfreeze()
            _forking = None
    return [_check_piece(job, index) for index in range(len(job.pieces))]


def _unreadable(display: str, exc: L10nError) -> Finding:
    code = getattr(exc, "code", "unreadable-catalog")  # CatalogReadError names the problem
    return Finding(display, exc.line or 0, ERROR, code, exc.message, exc.fix)


def check_catalog(config: Config, language: str, path: Path, checks: Sequence[RegisteredCheck],
                  parallel_min: int = PARALLEL_MIN_ENTRIES) -> list[Finding]:
    """The findings of the given checks on one catalog file (unsorted). A file that cannot be
    read at all is one error finding."""
    display = str(config.relative(path))
    try:
        text = read_po_text(path, config.max_po_bytes)
    except L10nError as exc:
        return [_unreadable(display, exc)]
    lines = po_text_lines(text, keepends=True)  # as gettext splits them: at "\n" only
    workers = usable_cpus()
    entries = text.count("\nmsgid ") + text.count("\n#~ msgid ")  # about: a cheap count of the lines
    pieces = cut(lines, workers * PIECES_PER_CPU) if workers > 1 and entries >= parallel_min else []
    results = _check_pieces(_Checking(config, language, path, display, lines, pieces, checks)) if pieces else []
    if not results or any(result.outline is None for result in results):
        # one piece: the file parsed whole, so an error is the one `read_po` raises for it
        results = _check_pieces(_Checking(config, language, path, display, lines, [Piece(0, len(lines))], checks))
        if results[0].error is not None:
            return [_unreadable(display, results[0].error)]
    outline = join_outlines([result.outline for result in results if result.outline])
    context = CatalogContext(config, language, path, display, outline, text)
    findings = [finding for result in results for finding in result.findings]
    return findings + [finding for check in checks if not check.per_entry for finding in check.run(context)]


def check_catalogs(config: Config, languages: list[str] | None = None,
                   only: list[str] | None = None) -> list[Finding]:
    """Findings for every catalog (sorted by file and line), with the catalog boundary's for
    each language (`catalog/boundary.py`), and for locale/ itself when no language is named.
    A catalog behind a symlink is never read; one that cannot be read at all is one error
    finding, so one bad file does not hide the others."""
    checks = [check for name, check in load_checks().items() if only is None or name in only]
    tree = scan_locale_tree(config)
    findings: list[Finding] = tree_findings(config, tree, None) if languages is None else []
    for language in languages if languages is not None else tree.languages:
        findings += tree_findings(config, tree, language)
        if not tree.readable(language):
            continue
        for document in config.catalogs_of(language):
            findings += check_catalog(config, language, config.po_path(language, document), checks)
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))
