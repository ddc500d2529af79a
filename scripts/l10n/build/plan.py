"""The site's plan: each language's findings, statistics and publishing decision, made once.

`plan_site` is the build's only caller of the check runner. `make html` makes the plan, then
hands it down: the pre-build gate refuses what the plan refused (`LanguagePlan.refusal`), each
Sphinx build gets the decisions (`publish.encode_statuses`) and the digest of each catalog the
checks passed (a catalog changed since is not compiled), and the landing and status pages render
the plan (`pages.py`). A refused catalog is not read beyond its checks: no statistics, no entries.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.boundary import scan_locale_tree
from ..catalog.io import parse_po_text, read_po_text
from ..catalog.lines import PoLines
from ..catalog.site_strings import site_template
from ..catalog.stats import CatalogStats, catalog_stats, entry_state
from ..catalog.sync import TemplateDiff, template_diff
from ..catalog.update import TemplateEntry
from ..checks.findings import ERROR, Finding
from ..checks.runner import check_catalogs
from ..checks.tree import as_error, tree_findings
from ..config import SITE_CATALOG, Config
from ..errors import L10nError
from ..text.segments import segments
from ..text.worddiff import DiffOp, word_diff
from .publish import ORIGINAL, LanguageStatus, below_threshold, language_status, original_status
from .sphinx_build import catalog_digest


@dataclass(frozen=True)
class StaleEntry:
    line: int  # in the PO file
    previous: str  # the English it was translated from (#| msgid)
    current: str  # the English now
    translation: str

    @property
    def diff(self) -> list[DiffOp]:
        return word_diff(self.previous, self.current)


@dataclass(frozen=True)
class CatalogPlan:
    """One document's catalog of a language, as the checks passed it."""

    document: str
    po_path: str  # relative to the project, as pages show it
    digest: str = ""  # of the text the checks passed ("": refused, not read)
    stale: tuple[StaleEntry, ...] = ()  # fuzzy entries
    untranslated: tuple[str, ...] = ()  # msgids
    diff: TemplateDiff | None = None  # against the English master now (None: refused, not read)

    @property
    def out_of_date(self) -> bool:
        """The English master changed since the catalog's last `make update`."""
        return self.diff is not None and self.diff.out_of_date


@dataclass(frozen=True)
class LanguagePlan:
    status: LanguageStatus  # the decision and the statistics
    findings: tuple[Finding, ...] = ()  # of its catalogs and its directory, sorted
    catalogs: tuple[CatalogPlan, ...] = ()  # one per document (none for English)

    @property
    def code(self) -> str:
        return self.status.code

    @property
    def digests(self) -> dict[str, str]:
        return {catalog.document: catalog.digest for catalog in self.catalogs}

    def refusal(self) -> L10nError | None:
        """The pre-build gate's one-line error: the first error, the others counted (None: no error)."""
        errors = [f for f in self.findings if f.severity == ERROR]
        if not errors:
            return None
        first = errors[0]
        others = "; ".join(f"line {f.line} {f.code}" if f.line else f"{f.path} {f.code}" for f in errors[1:])
        more = f" (and {len(errors) - 1} more: {others})" if others else ""
        return L10nError(first.path, f"{first.code}: {first.message}{more}; {self.code} not built",
                         "run `make check` to see every finding", first.line or None)


@dataclass(frozen=True)
class SitePlan:
    languages: tuple[LanguagePlan, ...]  # English first, then every language of locale/
    locale_findings: tuple[Finding, ...]  # of locale/ itself: they refuse no language
    revision: str  # the upstream revision of the English master

    @property
    def locale_errors(self) -> list[L10nError]:
        """The problems of locale/ itself, as the one-line errors a command prints."""
        return [as_error(finding) for finding in self.locale_findings]

    @property
    def statuses(self) -> list[LanguageStatus]:
        return [language.status for language in self.languages]

    @property
    def translations(self) -> list[LanguagePlan]:
        return [language for language in self.languages if language.code != ORIGINAL]

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the site's catalogs and of locale/, sorted as `make check` sorts them."""
        every = [*self.locale_findings, *(f for language in self.languages for f in language.findings)]
        return sorted(every, key=lambda f: (f.path, f.line, f.code, f.message))


def plan_site(config: Config) -> SitePlan:
    """English and every language under locale/, each checked once, with its decision."""
    tree = scan_locale_tree(config)
    templates = {document: english_template(config, document) for document in config.catalogs}
    languages = tuple(plan_language(config, code, templates) for code in [ORIGINAL, *tree.languages])
    return SitePlan(languages, tuple(tree_findings(config, tree, None)), config.upstream.label)


def english_template(config: Config, document: str) -> list[TemplateEntry]:
    """The msgids the English master has now, as Sphinx's gettext builder would extract them
    (`text/segments.py`), without running Sphinx: what the template diff compares against. The
    site catalog's: the site's words as `make gettext` extracts them (catalog/site_strings.py)."""
    if document == SITE_CATALOG:
        return [TemplateEntry(entry.msgid, ()) for entry in site_template(config)]
    return [TemplateEntry(segment.msgid, ()) for segment in
            segments(config.source_file(document).read_text(encoding="utf-8"))]


def plan_language(config: Config, language: str,
                  templates: dict[str, list[TemplateEntry]] | None = None) -> LanguagePlan:
    """One language's findings (its catalogs checked once), statistics, decision and template diff."""
    below_threshold(config)
    if language == ORIGINAL:
        return LanguagePlan(original_status())
    findings = tuple(check_catalogs(config, [language]))
    if any(finding.severity == ERROR for finding in findings):
        catalogs = tuple(CatalogPlan(document, _shown(config, language, document))
                         for document in config.catalogs_of(language))
        return LanguagePlan(language_status(config, language, _refused_stats(config, language), refused=True),
                            findings, catalogs)
    totals = CatalogStats()
    read = []
    for document in config.catalogs_of(language):
        template = templates[document] if templates else english_template(config, document)
        catalog, stats = _read_catalog(config, language, document, template)
        read.append(catalog)
        totals += stats if document != SITE_CATALOG else CatalogStats()  # the percent is the documents'
    return LanguagePlan(language_status(config, language, totals), findings, tuple(read))


def _refused_stats(config: Config, language: str) -> CatalogStats | None:
    """A refused language's figures, when its catalogs can be read (counted, never shown)."""
    totals = CatalogStats()
    for document in config.documents:
        path = config.po_path(language, document)
        try:
            totals += catalog_stats(parse_po_text(read_po_text(path, config.max_po_bytes), path))
        except L10nError:
            return None
    return totals


def _shown(config: Config, language: str, document: str) -> str:
    return str(config.relative(config.po_path(language, document)))


def _read_catalog(config: Config, language: str, document: str,
                  template: list[TemplateEntry]) -> tuple[CatalogPlan, CatalogStats]:
    """A checked catalog's statistics, fuzzy and untranslated entries, digest and template diff."""
    path = config.po_path(language, document)
    text = read_po_text(path, config.max_po_bytes)
    po = parse_po_text(text, path)
    stale, untranslated = [], []
    lines = PoLines(text)  # every command points at an entry's msgstr line
    for entry in po:
        state = entry_state(entry)
        if state == "fuzzy":
            stale.append(StaleEntry(lines.msgstr_line(entry.linenum), entry.previous_msgid or "", entry.msgid,
                                    entry.msgstr))
        elif state == "untranslated" and entry.msgid:
            untranslated.append(entry.msgid)
    catalog = CatalogPlan(document, _shown(config, language, document), catalog_digest(text), tuple(stale),
                          tuple(untranslated), template_diff(template, po, config.upstream.label))
    return catalog, catalog_stats(po)
