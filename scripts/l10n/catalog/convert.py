"""Seed one Chinese catalog from another by script conversion (OpenCC), every entry fuzzy.

`l10n convert zh_CN zh_TW` converts each translated zh_CN entry with OpenCC's s2twp profile
(Simplified -> Traditional, Taiwan standard, with Taiwanese phrasing) into the zh_TW catalog.
A conversion is a draft, not a translation: each converted entry is fuzzy (the build ignores
it) with a translator comment, until a translator reviews it and removes the flag. Entries
already translated and reviewed in the target are kept unless `force` is set. `convert_file`
reads and writes the catalogs and returns the report; `convert_catalog` works on catalogs only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polib

from ..config import Config
from ..errors import L10nError
from .io import add_comment, mark_fuzzy, new_catalog, read_po, write_po
from .stats import entry_state
from .sync import ensure_header

# (source, target) -> OpenCC profile
PROFILES = {
    ("zh_CN", "zh_TW"): "s2twp",
    ("zh_CN", "zh_HK"): "s2hk",
    ("zh_TW", "zh_CN"): "tw2sp",
}


@dataclass
class ConvertReport:
    source: str
    target: str
    profile: str
    converted: list[str] = field(default_factory=list)  # msgids
    kept_reviewed: list[str] = field(default_factory=list)  # target entries already reviewed, not touched
    not_translated: list[str] = field(default_factory=list)  # source entries with nothing to convert
    path: str = ""  # the target catalog, relative to the project (`convert_file`)
    written: bool = False  # whether its bytes changed


def profile_for(source: str, target: str) -> str:
    try:
        return PROFILES[(source, target)]
    except KeyError:
        pairs = ", ".join(f"{s} -> {t}" for s, t in PROFILES)
        raise L10nError("l10n convert", f"no conversion from {source} to {target}",
                        f"use one of: {pairs}") from None


def opencc_converter(profile: str) -> Callable[[str], str]:
    try:
        import opencc
    except ImportError:
        raise L10nError("opencc", "the OpenCC package is not installed",
                        "run `make convert FROM=zh_CN LANGUAGE=zh_TW` (it installs requirements/convert.txt)") from None
    return opencc.OpenCC(profile).convert


def comment_for(source: str, profile: str) -> str:
    return (f"converted from {source} by OpenCC ({profile}): review the wording and terms, "
            "then remove the fuzzy flag")


def convert_catalog(source_po: polib.POFile, target_po: polib.POFile | None, convert: Callable[[str], str],
                    source: str, target: str, project_name: str, profile: str,
                    force: bool = False) -> tuple[polib.POFile, ConvertReport]:
    """The target catalog with every translated source entry converted and marked fuzzy."""
    result = target_po if target_po is not None else new_catalog(target, project_name)
    existing = {e.msgid: e for e in result if not e.obsolete and e.msgid}
    report = ConvertReport(source, target, profile)
    for entry in source_po:
        if entry.obsolete or not entry.msgid:
            continue
        current = existing.get(entry.msgid)
        if current is None:
            current = polib.POEntry(msgid=entry.msgid, msgstr="", occurrences=list(entry.occurrences))
            result.append(current)
            existing[entry.msgid] = current
        if entry_state(entry) != "translated":
            report.not_translated.append(entry.msgid)
            continue
        if entry_state(current) == "translated" and not force:
            report.kept_reviewed.append(entry.msgid)
            continue
        current.msgstr = convert(entry.msgstr)
        current.previous_msgid = None
        mark_fuzzy(current)
        add_comment(current, comment_for(source, profile))
        report.converted.append(entry.msgid)
    return result, report


def convert_file(config: Config, source: str, target: str, force: bool = False) -> ConvertReport:
    """Convert the source language's catalog into the target's (`convert_catalog`), give it the
    standard header, and write it (only when its bytes change)."""
    profile = profile_for(source, target)
    source_path, target_path = config.po_path(source), config.po_path(target)
    if not source_path.is_file():
        raise L10nError(config.relative(source_path), f"no catalog for {source}",
                        f"run `make update LANGUAGE={source}`")
    existing = read_po(target_path, config.max_po_bytes) if target_path.is_file() else None
    catalog, report = convert_catalog(read_po(source_path, config.max_po_bytes), existing,
                                      opencc_converter(profile), source, target, config.project_name,
                                      profile, force=force)
    ensure_header(catalog, config, target)
    report.path = str(config.relative(target_path))
    report.written = write_po(target_path, catalog)
    return report
