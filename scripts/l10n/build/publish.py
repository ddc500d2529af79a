"""Which languages are published: the threshold of `[tool.l10n.publish]`, applied in one place,
and the decisions as each Sphinx build is handed them.

Like po4a's `--keep` (80% by default), a language whose catalog is translated below its
threshold is either not published (`below_threshold = "skip"`) or published with a warning
banner (`"warn"`). English, the original, is always published. A language whose catalogs have
check errors is refused. The decisions are made once, by `plan.plan_site`; this module only
holds the rules and the data, and imports nothing of the checks (the Sphinx extension uses it).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from ..catalog.stats import CatalogStats
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
    counted: bool = True  # False: a refused catalog that could not be read, so `stats` are zeros

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


def below_threshold(config: Config) -> str:
    """`[tool.l10n.publish] below_threshold`, which must be "warn" or "skip"."""
    if config.below_threshold not in (WARN, SKIP):
        raise L10nError("pyproject.toml", f"[tool.l10n.publish] below_threshold is "
                        f"{config.below_threshold!r}", 'set it to "warn" or "skip"')
    return config.below_threshold


def original_status() -> LanguageStatus:
    return LanguageStatus(ORIGINAL, native_name(ORIGINAL), CatalogStats(), 0.0, PUBLISH)


def language_status(config: Config, language: str, stats: CatalogStats | None,
                    refused: bool = False) -> LanguageStatus:
    """The decision for a language from its statistics; a refused one (its catalogs have check
    errors) keeps its figures when they could be read (None: they could not)."""
    threshold = config.threshold(language)
    if refused or stats is None:
        return LanguageStatus(language, native_name(language), stats or CatalogStats(), threshold, REFUSED,
                              stats is not None)
    return LanguageStatus(language, native_name(language), stats, threshold,
                          decide(stats.percent, threshold, below_threshold(config)))


def unchecked_statuses(config: Config) -> list[LanguageStatus]:
    """What a sphinx-build run by hand (without `l10n site`'s decisions) lists: English and every
    language directory of locale/, published, with no statistics. Nothing is checked or read."""
    return [original_status(), *(LanguageStatus(code, native_name(code), CatalogStats(), 0.0, PUBLISH)
                                 for code in config.languages())]


def encode_statuses(statuses: list[LanguageStatus]) -> str:
    """The decisions as JSON, so each Sphinx build reuses them instead of checking every catalog again."""
    return json.dumps([{"code": s.code, "name": s.name, "stats": asdict(s.stats), "threshold": s.threshold,
                        "decision": s.decision, "counted": s.counted} for s in statuses], ensure_ascii=False)


def decode_statuses(text: str) -> list[LanguageStatus]:
    return [LanguageStatus(item["code"], item["name"], CatalogStats(**item["stats"]), float(item["threshold"]),
                           item["decision"], bool(item.get("counted", True))) for item in json.loads(text)]
