"""Run every registered catalog check over the catalogs of the chosen languages.

A large catalog is checked on every CPU: forked workers inherit the catalog already read, and
each takes jobs from one list: a whole-catalog check, or a shard of entries for all per-entry
checks at once (so each text is parsed once, in the process that checks it). Only the
findings travel back. A small catalog, or a system without fork, is checked in this process.
A catalog whose inputs have not changed since this process last checked it is not checked again.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import os
import threading
from collections.abc import Sequence
from pathlib import Path

from ..catalog.io import read_po
from ..config import Config
from ..errors import L10nError
from .findings import ERROR, Finding
from .glossary import glossary_path
from .registry import CatalogContext, RegisteredCheck, load_checks

PARALLEL_MIN_ENTRIES = 2000
SHARDS_PER_CPU = 8  # several small shards per CPU, so a slow shard does not keep the others waiting

# (a whole-catalog check's name, or None for every per-entry check; the entries, or None for all)
Job = tuple[str | None, tuple[int, int] | None]
_job_context: tuple[CatalogContext, Sequence[RegisteredCheck]] | None = None


def usable_cpus() -> int:
    """The processes a large catalog is checked with (1 without fork, or when this process runs
    other threads, which a fork would copy mid-step: the checks then run in this one)."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)


def _jobs(entries: int, checks: Sequence[RegisteredCheck], shards: int) -> list[Job]:
    jobs: list[Job] = [(check.name, None) for check in checks if not check.per_entry]
    if any(check.per_entry for check in checks):
        size = max(1, -(-entries // shards))
        jobs += [(None, (start, start + size)) for start in range(0, max(entries, 1), size)]
    return jobs


def _run_job(job: Job) -> list[Finding]:
    assert _job_context is not None
    context, checks = _job_context
    name, shard = job
    findings: list[Finding] = []
    for check in checks:
        if (check.name == name) if name is not None else check.per_entry:
            findings.extend(check.run(dataclasses.replace(context, shard=shard)))
    return findings


def check_catalog(context: CatalogContext, checks: Sequence[RegisteredCheck],
                  parallel_min: int = PARALLEL_MIN_ENTRIES) -> list[Finding]:
    """The findings of the given checks on one catalog already read (unsorted)."""
    global _job_context
    workers = usable_cpus()
    parallel = len(context.catalog) >= parallel_min and workers > 1
    jobs = _jobs(len(context.catalog), checks, workers * SHARDS_PER_CPU if parallel else 1)
    _job_context = (context, checks)
    try:
        if parallel:
            gc.freeze()  # the workers' collector then leaves the inherited objects (and their pages) alone
            try:
                # the workers live for one catalog and their objects hold no cycles: no collector
                with multiprocessing.get_context("fork").Pool(workers, gc.disable) as pool:
                    return [finding for part in pool.map(_run_job, jobs, chunksize=1) for finding in part]
            except OSError:  # no processes to be had (limits, sandbox): check in this process
                pass
            finally:
                gc.unfreeze()
        return [finding for job in jobs for finding in _run_job(job)]
    finally:
        _job_context = None


def check_catalogs(config: Config, languages: list[str] | None = None,
                   only: list[str] | None = None) -> list[Finding]:
    """Findings for every catalog (sorted by file and line). A catalog that cannot be read at
    all is one error finding, so one bad file does not hide the others. A catalog checked again
    in this process with the same inputs gets its findings from memory (`make html` asks for them
    when it decides what to publish, at the pre-build gate and for the status page)."""
    checks = [check for name, check in load_checks().items() if only is None or name in only]
    findings: list[Finding] = []
    for language in languages if languages is not None else config.languages():
        for document in config.documents:
            path = config.po_path(language, document)
            key = _inputs(config, language, path, checks)
            if key not in _CHECKED:
                if len(_CHECKED) >= _CHECKED_LIMIT:
                    _CHECKED.clear()
                _CHECKED[key] = _check_file(config, language, path, checks)
            findings += _CHECKED[key]
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))


def _check_file(config: Config, language: str, path: Path, checks: Sequence[RegisteredCheck]) -> list[Finding]:
    display = str(config.relative(path))
    try:
        catalog = read_po(path, config.max_po_bytes)
    except L10nError as exc:
        code = getattr(exc, "code", "unreadable-catalog")  # CatalogReadError names the problem
        return [Finding(display, exc.line or 0, ERROR, code, exc.message, exc.fix)]
    return check_catalog(CatalogContext(config, language, path, display, catalog), checks)


_CHECKED: dict[tuple[object, ...], list[Finding]] = {}
_CHECKED_LIMIT = 256


def forget_checks() -> None:
    """Empty the memory of checked catalogs (a benchmark's cold run)."""
    _CHECKED.clear()


def _file_state(path: Path) -> tuple[int, ...] | None:
    """A file's identity and last change (an atomic replace is a new inode; an edit, a new mtime)."""
    try:
        stat = path.lstat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mode, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def _listing(folder: Path) -> tuple[tuple[str, bool, bool, bool], ...] | None:
    """What the locale-tree check sees of a folder: each entry's name, and whether it is a
    symlink, a directory, a file (a .mo compiled again leaves this unchanged)."""
    if folder.is_symlink() or not folder.is_dir():
        return None
    with os.scandir(folder) as entries:
        return tuple(sorted((e.name, e.is_symlink(), e.is_dir(), e.is_file()) for e in entries))


def _inputs(config: Config, language: str, path: Path, checks: Sequence[RegisteredCheck]) -> tuple[object, ...]:
    """Everything the checks of one catalog read: the catalog, the language's glossary, the
    locale tree the file checks list, and the settings."""
    tree = tuple(_listing(folder) for folder in (config.locale_dir, config.locale_dir / language, path.parent))
    return (str(config.root), config.max_po_bytes, language, str(path), _file_state(path),
            _file_state(glossary_path(config.locale_dir, language)), tree, tuple(c.name for c in checks))
