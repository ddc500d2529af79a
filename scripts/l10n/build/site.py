"""Operations that write the site and the translated Markdown (return data; nothing prints)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.io import read_po
from ..checks.tree import locale_errors
from ..config import Config
from ..errors import L10nError
from . import sphinx_build
from .markdown import RenderedMarkdown, render_markdown, usable_translations
from .pages import LANDING_PAGE, STATUS_PAGE, collect_status, landing_page, status_page, write_page
from .publish import REFUSED, SITE_CONTEXT, LanguageStatus, encode_statuses, site_languages


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


def write_landing(config: Config, statuses: list[LanguageStatus] | None = None) -> Path:
    statuses = statuses if statuses is not None else site_languages(config)
    return write_page(html_root(config) / LANDING_PAGE, landing_page(config, statuses, config.upstream.label))


def build_site(config: Config, languages: list[str] | None = None) -> SiteResult:
    """Build English and every published language (or the ones named), then the landing page.

    A language below its threshold with `below_threshold = "skip"` is not built, and its old
    output is removed, so it is not published by accident. A language the pre-build gate refuses
    (its catalog has check errors) loses its old output too, and the other languages still build."""
    statuses = site_languages(config)
    decisions = {SITE_CONTEXT: encode_statuses(statuses)}
    result = SiteResult()
    for status in statuses:
        if languages is not None and status.code not in languages:
            continue
        refusal = _refusal(config, status)
        if refusal is not None:
            result.refused.append(refusal)
        elif not status.published:
            result.skipped.append(status)
        if not status.published:
            _remove_output(config, status.code, result)
            continue
        result.built.append(sphinx_build.build_html(config, status.code, decisions))
    if languages is None:  # a stray file at locale/ level fails the build but refuses no language
        result.refused += locale_errors(config)
    result.landing = write_landing(config, statuses)
    result.status = write_status(config)  # the landing page links to it
    return result


def _refusal(config: Config, status: LanguageStatus) -> L10nError | None:
    """The gate's one-line error for a refused language (None for the others)."""
    if status.decision != REFUSED:
        return None
    try:
        sphinx_build.refuse_on_errors(config, status.code)
    except L10nError as refusal:
        return refusal
    return None


def _remove_output(config: Config, language: str, result: SiteResult) -> None:
    old = html_root(config) / language
    if old.is_dir():
        shutil.rmtree(old)
        result.removed.append(old)


def write_status(config: Config) -> Path:
    return write_page(html_root(config) / STATUS_PAGE, status_page(config, collect_status(config)))


def markdown_path(config: Config, language: str, document: str = "README") -> Path:
    return config.build_dir / "markdown" / language / f"{document}.md"


def write_markdown(config: Config, languages: list[str] | None = None) -> list[MarkdownResult]:
    """build/markdown/<lang>/README.md for every published language (or the ones named)."""
    results = []
    for status in site_languages(config):
        if status.code == "en" or (languages is not None and status.code not in languages):
            continue
        for document in config.documents:
            path = markdown_path(config, status.code, document)
            if not status.published:
                results.append(MarkdownResult(status.code, path, None, _refusal(config, status)))
                continue
            english = config.source_file(document).read_text(encoding="utf-8")
            catalog = read_po(config.po_path(status.code, document), config.max_po_bytes)
            source_name = str(config.relative(config.source_file(document)))
            rendered = render_markdown(english, usable_translations(catalog), source_name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rendered.text, encoding="utf-8")
            results.append(MarkdownResult(status.code, path, rendered))
    return results
