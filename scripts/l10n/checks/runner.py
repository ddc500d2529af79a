"""Run every registered catalog check over the catalogs of the chosen languages.

A large catalog's texts are first parsed on every CPU (forked workers, so only index ranges go
out and only the parsed features come back) into the one inline-features cache of segments.py;
every check then finds its parses there, so no text is parsed twice in one run.
"""

from __future__ import annotations

import multiprocessing
import os

import polib

from ..catalog.io import read_po
from ..config import Config
from ..errors import L10nError
from ..segments import InlineFeatures, needs_parsing, parse_inline_features, remember_inline_features
from .findings import ERROR, Finding
from .registry import CatalogContext, load_checks

PARALLEL_MIN_TEXTS = 2000
_shared_texts: list[str] = []


def _parse_range(bounds: tuple[int, int]) -> list[InlineFeatures]:
    return parse_inline_features(_shared_texts[bounds[0]:bounds[1]])


def _cpus() -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)


def warm_parse_cache(catalog: polib.POFile, parallel_min: int = PARALLEL_MIN_TEXTS) -> int:
    """Parse the catalog's texts not yet cached, in parallel when there are many; returns how many."""
    global _shared_texts
    texts = [text for text in dict.fromkeys(
        text for entry in catalog if entry.msgid and not entry.obsolete
        for text in (entry.msgid, entry.msgid_plural, entry.msgstr, *entry.msgstr_plural.values()) if text
    ) if needs_parsing(text)]
    workers = _cpus()
    if len(texts) < parallel_min or workers < 2:
        return 0
    size = -(-len(texts) // workers)
    ranges = [(start, min(start + size, len(texts))) for start in range(0, len(texts), size)]
    _shared_texts = texts
    try:
        # the workers take every range but the first, which this process parses meanwhile
        with multiprocessing.get_context("fork").Pool(len(ranges) - 1) as pool:
            pending = pool.map_async(_parse_range, ranges[1:])
            parts = [_parse_range(ranges[0]), *pending.get()]
    except OSError:  # no processes to be had (limits, sandbox): the checks parse as they go
        return 0
    finally:
        _shared_texts = []
    remember_inline_features(texts, [features for part in parts for features in part])
    return len(texts)


def check_catalogs(config: Config, languages: list[str] | None = None,
                   only: list[str] | None = None) -> list[Finding]:
    """Findings for every catalog (sorted by file and line). A catalog that cannot be read at
    all is one error finding, so one bad file does not hide the others."""
    checks = load_checks()
    findings: list[Finding] = []
    for language in languages if languages is not None else config.languages():
        for document in config.documents:
            path = config.po_path(language, document)
            display = str(config.relative(path))
            try:
                catalog = read_po(path, config.max_po_bytes)
            except L10nError as exc:
                code = getattr(exc, "code", "unreadable-catalog")  # CatalogReadError names the problem
                findings.append(Finding(display, exc.line or 0, ERROR, code, exc.message, exc.fix))
                continue
            warm_parse_cache(catalog)
            context = CatalogContext(config, language, path, display, catalog)
            for name, check in checks.items():
                if only is None or name in only:
                    findings.extend(check(context))
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))
