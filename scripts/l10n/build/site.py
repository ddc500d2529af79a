"""Operations that write the site and the translated Markdown (return data; nothing prints)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.io import read_po
from ..config import Config
from ..errors import L10nError
from . import sphinx_build
from .markdown import RenderedMarkdown, render_markdown, usable_translations
from .pages import LANDING_PAGE, STATUS_PAGE, landing_page, status_page, write_page
from .plan import LanguagePlan, SitePlan, plan_language, plan_site
from .publish import SITE_CONTEXT, LanguageStatus, encode_statuses


@dataclass
class SiteResult:
    built: list[sphinx_build.BuildResult] = field(default_factory=list)
    skipped: list[LanguageStatus] = field(default_factory=list)  # below the threshold, "skip"
    removed: list[Path] = field(default_factory=list)  # old output of skipped or refused languages
    refused: list[L10nError] = field(default_factory=list)  # languages the pre-build gate refused
    landing: Path | None = None
    status: Path | None = None


@dataclass(frozen=True)
class MarkdownResult:
    language: str
    path: Path
    rendered: RenderedMarkdown | None  # None: not published (below the threshold, or refused)
    refusal: L10nError | None = None  # why the pre-build gate refused the catalog


def html_root(config: Config) -> Path:
    return config.build_dir / "html"


def write_landing(config: Config, plan: SitePlan | None = None) -> Path:
    plan = plan if plan is not None else plan_site(config)
    return write_page(html_root(config) / LANDING_PAGE, landing_page(config, plan))


def write_status(config: Config, plan: SitePlan | None = None) -> Path:
    plan = plan if plan is not None else plan_site(config)
    return write_page(html_root(config) / STATUS_PAGE, status_page(config, plan))


def build_site(config: Config, languages: list[str] | None = None) -> SiteResult:
    """Build English and every published language (or the ones named), then the landing page.

    Every language is checked once, for the site's plan (`plan.plan_site`); the gate, the Sphinx
    builds and the pages then use the plan. A language below its threshold with
    `below_threshold = "skip"` is not built, and its old output is removed, so it is not
    published by accident. A language the plan refuses (its catalog has check errors) loses its
    old output too, and the other languages still build."""
    plan = plan_site(config)
    decisions = {SITE_CONTEXT: encode_statuses(plan.statuses)}
    result = SiteResult()
    for language in plan.languages:
        if languages is None or language.code in languages:
            _build_language(config, language, decisions, result)
    if languages is None:  # a stray file at locale/ level fails the build but refuses no language
        result.refused += plan.locale_errors
    result.landing = write_landing(config, plan)
    result.status = write_status(config, plan)  # the landing page links to it
    return result


def build_languages(config: Config, languages: list[str]) -> list[sphinx_build.BuildResult]:
    """`l10n html`: build the named languages whatever their threshold, each checked once for the
    site's plan, whose decisions the switcher shows; a refused language raises the gate's error."""
    plan = plan_site(config)
    decisions = {SITE_CONTEXT: encode_statuses(plan.statuses)}
    plans = {language.code: language for language in plan.languages}
    return [sphinx_build.build_html(config, code, decisions, plans.get(code)) for code in languages]


def _build_language(config: Config, language: LanguagePlan, decisions: dict[str, str], result: SiteResult) -> None:
    status = language.status
    refusal = language.refusal()
    if refusal is not None:
        result.refused.append(refusal)
    elif not status.published:
        result.skipped.append(status)
    if not status.published:
        _remove_output(config, status.code, result)
        return
    result.built.append(sphinx_build.build_html(config, status.code, decisions, language))


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
