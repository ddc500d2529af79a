"""Operations that write the site and the translated Markdown (return data; nothing prints)."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..catalog.io import read_po
from ..config import Config
from ..errors import L10nError
from . import sphinx_build
from .manifest import Published, inputs_digest, now, read_manifest, write_manifest
from .markdown import RenderedMarkdown, render_markdown, usable_translations
from .pages import LANDING_PAGE, STATUS_PAGE, landing_page, status_page, write_page
from .plan import CatalogPlan, LanguagePlan, SitePlan, plan_language, plan_site
from .publish import ORIGINAL, SITE_CONTEXT, WARN, LanguageStatus, encode_statuses
from .sitemap import write_sitemap


@dataclass
class SiteResult:
    built: list[sphinx_build.BuildResult] = field(default_factory=list)  # built, up to date or relinked
    skipped: list[LanguageStatus] = field(default_factory=list)  # below the threshold, "skip"
    removed: list[Path] = field(default_factory=list)  # old output of skipped languages
    refused: list[L10nError] = field(default_factory=list)  # languages the pre-build gate refused
    kept: list[Published] = field(default_factory=list)  # refused: their last good build stays published
    out_of_date: list[tuple[str, CatalogPlan]] = field(default_factory=list)  # English changed since `make update`
    landing: Path | None = None
    status: Path | None = None
    sitemap: Path | None = None


@dataclass(frozen=True)
class MarkdownResult:
    language: str
    path: Path
    rendered: RenderedMarkdown | None  # None: not published (below the threshold, or refused)
    refusal: L10nError | None = None  # why the pre-build gate refused the catalog


def html_root(config: Config) -> Path:
    return config.build_dir / "html"


def write_landing(config: Config, plan: SitePlan | None = None, published: dict[str, Published] | None = None) -> Path:
    plan = plan if plan is not None else plan_site(config)
    published = published if published is not None else read_manifest(config)
    return write_page(html_root(config) / LANDING_PAGE, landing_page(config, plan, published=published))


def write_status(config: Config, plan: SitePlan | None = None) -> Path:
    plan = plan if plan is not None else plan_site(config)
    return write_page(html_root(config) / STATUS_PAGE, status_page(config, plan))


def build_site(config: Config, languages: list[str] | None = None) -> SiteResult:
    """Build English and every published language (or the ones named), then the landing page.

    Every language is checked once, for the site's plan (`plan.plan_site`); the gate, the Sphinx
    builds and the pages then use the plan, and the site manifest (`manifest.py`) says what is
    published. A language whose inputs did not change is not built again. A language below its
    threshold with `below_threshold = "skip"` is not built, and its old output is removed. A
    refused language (its catalog has check errors) keeps its last good build. Every page links
    exactly the languages published after this run: the pages of a language not named are built
    again only when that list changed."""
    plan = plan_site(config)
    result = SiteResult()
    published = _publish(config, plan, set(languages) if languages is not None else None, result)
    if languages is None:  # a stray file at locale/ level fails the build but refuses no language
        result.refused += plan.locale_errors
    result.landing = write_landing(config, plan, published)
    result.sitemap = write_sitemap(html_root(config), [lang.code for lang in plan.languages if lang.code in published],
                                   [f"{document}.html" for document in config.documents], config.site_url)
    result.status = write_status(config, plan)  # the landing page links to it
    return result


def build_languages(config: Config, languages: list[str]) -> list[sphinx_build.BuildResult]:
    """`l10n html`: build the named languages whatever their threshold, each checked once for the
    site's plan; a refused language raises the gate's error, before anything is built."""
    plan = plan_site(config)
    for language in plan.languages:
        refusal = language.refusal()
        if language.code in languages and refusal is not None:
            raise refusal
    result = SiteResult()
    _publish(config, plan, set(languages), result, force=True)
    if result.refused:  # a Sphinx build failed; the other languages were built
        raise result.refused[0]
    return result.built


def _publish(config: Config, plan: SitePlan, chosen: set[str] | None, result: SiteResult,
             force: bool = False) -> dict[str, Published]:
    """Build what must be built, record it in the manifest after each build, and return what is
    published: the languages with no build yet first, then the kept builds whose list of
    languages changed (from their last good compiled catalogs), then the others. The builds of
    each step run side by side; a language whose Sphinx build fails is refused alone."""
    records = read_manifest(config)
    build, keep = _sort(config, plan, chosen, records, result, force)
    linked = {language.code: language.status for language in build} | {r.code: r.status for r in keep}
    links = [language.code for language in plan.languages if language.code in linked]
    published = {code: record for code, record in records.items() if code in linked}
    into = (chosen, published, result)
    new = [language for language in build if language.code not in records]
    # first: no page links a language before its pages exist
    failed = _build_many(config, new, records, links, _context(linked, links), into)
    links = [code for code in links if code not in failed]
    context = _context(linked, links)
    for record in keep + [published[language.code] for language in new if language.code not in failed]:
        if record.links != tuple(links):
            result.built.append(sphinx_build.relink_html(config, record.code, context))
            published[record.code] = replace(record, links=tuple(links))
            write_manifest(config, _in_order(published, links))
    _build_many(config, [language for language in build if language not in new], records, links, context, into)
    write_manifest(config, _in_order(published, links))  # the languages dropped (skipped, gone) too
    return published


def _context(linked: dict[str, LanguageStatus], links: list[str]) -> dict[str, str]:
    return {SITE_CONTEXT: encode_statuses([linked[code] for code in links])}


def _build_many(config: Config, languages: list[LanguagePlan], records: dict[str, Published], links: list[str],
                context: dict[str, str], into: tuple[set[str] | None, dict[str, Published], SiteResult]) -> set[str]:
    """Build the languages side by side (one sphinx-build each, as many at once as there are
    CPUs), recorded in their order; return the codes whose build failed, each a refusal."""
    chosen, published, result = into
    failed: set[str] = set()
    with ThreadPoolExecutor(max_workers=max(1, min(len(languages), os.cpu_count() or 1))) as pool:
        builds = [pool.submit(_build, config, language, records.get(language.code),
                              chosen is None or language.code in chosen, links, context) for language in languages]
        for language, build in zip(languages, builds, strict=True):
            try:
                built, published[language.code] = build.result()
            except L10nError as error:
                result.refused.append(error)
                failed.add(language.code)
                if language.code not in records:  # no good build to keep: none of its pages stays
                    _remove_output(config, language.code, result)
                continue
            result.built.append(built)
            write_manifest(config, _in_order(published, links))
    return failed


def _in_order(published: dict[str, Published], links: list[str]) -> list[Published]:
    return [published[code] for code in links if code in published]


def _sort(config: Config, plan: SitePlan, chosen: set[str] | None, records: dict[str, Published],
          result: SiteResult, force: bool) -> tuple[list[LanguagePlan], list[Published]]:
    """The languages built now (or found up to date), and the published builds kept as they are."""
    build: list[LanguagePlan] = []
    keep: list[Published] = []
    for language in plan.languages:
        code, named = language.code, chosen is None or language.code in chosen
        record = records.get(code)
        result.out_of_date += [(code, catalog) for catalog in language.catalogs if named and catalog.out_of_date]
        refusal = language.refusal()
        if refusal is not None and named:
            result.refused.append(refusal)
        if language.status.published or (force and named and refusal is None):
            if named or record is not None or code == ORIGINAL:
                build.append(language if language.status.published else _forced(language))
        elif refusal is None and named:  # below the threshold, "skip"
            result.skipped.append(language.status)
            _remove_output(config, code, result)
        elif record is not None and _relinkable(config, record, result):
            keep.append(record)
            result.kept += [record] if refusal is not None and named else []
    return build, keep


def _forced(language: LanguagePlan) -> LanguagePlan:
    """`l10n html` builds a language below a "skip" threshold too: published with the warning."""
    return replace(language, status=replace(language.status, decision=WARN))


def _relinkable(config: Config, record: Published, result: SiteResult) -> bool:
    """A kept build can be linked only if its pages can be built again from its last good
    compiled catalogs when the site's languages change; if not, its pages are removed."""
    if sphinx_build.has_compiled(config, record.code):
        return True
    _remove_output(config, record.code, result)
    return False


def _build(config: Config, language: LanguagePlan, record: Published | None, named: bool, links: list[str],
           context: dict[str, str]) -> tuple[sphinx_build.BuildResult, Published]:
    """Build one language, unless its inputs are those of its published build (a language not
    named is built again only when the languages its pages link changed)."""
    digest = inputs_digest(config, language.status, links)
    if record is not None and (record.digest == digest if named else record.links == tuple(links)):
        outdir = html_root(config) / language.code
        return sphinx_build.BuildResult(language.code, outdir, state=sphinx_build.UP_TO_DATE), record
    built = sphinx_build.build_html(config, language.code, context, language)
    return built, Published(language.status, digest, config.upstream.label, now(), tuple(links))


def _remove_output(config: Config, language: str, result: SiteResult) -> None:
    old = html_root(config) / language
    if old.is_dir():
        shutil.rmtree(old)
        result.removed.append(old)


def markdown_path(config: Config, language: str, document: str = "README") -> Path:
    return config.build_dir / "markdown" / language / f"{document}.md"


def write_markdown(config: Config, languages: list[str] | None = None) -> list[MarkdownResult]:
    """build/markdown/<lang>/README.md for every published language (or the ones named)."""
    results = []
    for code in config.languages():
        if languages is not None and code not in languages:
            continue
        plan = plan_language(config, code)
        status = plan.status
        for document in config.documents:
            path = markdown_path(config, status.code, document)
            if not status.published:
                results.append(MarkdownResult(status.code, path, None, plan.refusal()))
                continue
            english = config.source_file(document).read_text(encoding="utf-8")
            catalog = read_po(config.po_path(status.code, document), config.max_po_bytes)
            source_name = str(config.relative(config.source_file(document)))
            rendered = render_markdown(english, usable_translations(catalog), source_name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rendered.text, encoding="utf-8")
            results.append(MarkdownResult(status.code, path, rendered))
    return results
