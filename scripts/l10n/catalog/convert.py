"""Seed one Chinese catalog from another by script conversion (OpenCC), every entry fuzzy.

`l10n convert zh_CN zh_TW` converts each translated zh_CN entry with OpenCC's s2twp profile
(Simplified -> Traditional, Taiwan standard, with Taiwanese phrasing) into the zh_TW catalog.
A conversion is a draft, not a translation: each converted entry is fuzzy (the build ignores
it) with a translator comment, until a translator reviews it and removes the flag. Entries
already translated and reviewed in the target are kept unless `force` is set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polib

from ..errors import L10nError
from .io import add_comment, mark_fuzzy, new_catalog
from .stats import entry_state

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
        raise L10nError("opencc", "the OpenCC package is not installed", "run `make venv`") from None
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
