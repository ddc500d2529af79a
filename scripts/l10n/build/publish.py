"""Which languages are published: the threshold of `[tool.l10n.publish]`, applied in one place.

Like po4a's `--keep` (80% by default), a language whose catalog is translated below its
threshold is either not published (`below_threshold = "skip"`) or published with a warning
banner (`"warn"`). English, the original, is always published.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from ..catalog.io import read_po
from ..catalog.stats import CatalogStats, catalog_stats
from ..checks.findings import ERROR
from ..checks.runner import check_catalogs
from ..config import Config
from ..errors import L10nError
from ..locales import native_name

ORIGINAL = "en"
SITE_CONTEXT = "l10n_site"  # the html_context name under which a site build hands its decisions to Sphinx
PUBLISH, WARN, SKIP = "publish", "warn", "skip"
REFUSED = "refused"  # the catalog has check errors: the pre-build gate will not build it


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str  # the native name, from babel's locale data
    stats: CatalogStats
    threshold: float  # percent
    decision: str  # PUBLISH, WARN, SKIP or REFUSED

    @property
    def published(self) -> bool:
        return self.decision not in (SKIP, REFUSED)

    @property
    def hreflang(self) -> str:
        return hreflang(self.code)


def hreflang(code: str) -> str:
    """BCP 47 form of a gettext code: zh_CN -> zh-CN."""
    return code.replace("_", "-")


def decide(percent: float, threshold: float, below: str) -> str:
    if percent >= threshold:
        return PUBLISH
    return SKIP if below == SKIP else WARN


def language_status(config: Config, language: str) -> LanguageStatus:
    if config.below_threshold not in (WARN, SKIP):
        raise L10nError("pyproject.toml", f"[tool.l10n.publish] below_threshold is "
                        f"{config.below_threshold!r}", 'set it to "warn" or "skip"')
    if language == ORIGINAL:
        return LanguageStatus(ORIGINAL, native_name(ORIGINAL), CatalogStats(), 0.0, PUBLISH)
    totals = CatalogStats()
    threshold = config.threshold(language)
    if any(f.severity == ERROR for f in check_catalogs(config, [language])):
        return LanguageStatus(language, native_name(language), totals, threshold, REFUSED)
    for document in config.documents:
        stats = catalog_stats(read_po(config.po_path(language, document), config.max_po_bytes))
        totals += stats
    return LanguageStatus(language, native_name(language), totals, threshold,
                          decide(totals.percent, threshold, config.below_threshold))


def encode_statuses(statuses: list[LanguageStatus]) -> str:
    """The decisions as JSON, so each Sphinx build reuses them instead of checking every catalog again."""
    return json.dumps([{"code": s.code, "name": s.name, "stats": asdict(s.stats), "threshold": s.threshold,
                        "decision": s.decision} for s in statuses], ensure_ascii=False)


def decode_statuses(text: str) -> list[LanguageStatus]:
    return [LanguageStatus(item["code"], item["name"], CatalogStats(**item["stats"]), float(item["threshold"]),
                           item["decision"]) for item in json.loads(text)]


def site_languages(config: Config) -> list[LanguageStatus]:
    """English first, then every language under locale/, each with its publishing decision."""
    return [language_status(config, code) for code in [ORIGINAL, *config.languages()]]


def published(config: Config) -> list[LanguageStatus]:
    return [status for status in site_languages(config) if status.published]
