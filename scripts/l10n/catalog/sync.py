"""Sync: merge the current template into each language's catalog on disk (the pure merge is
`catalog/update.py`), with the project's standard header; add a language; and the one answer to
"is this catalog out of date with the template?" (`template_diff`), which `make stale` and
`make verifs` both give. Returns reports; nothing prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from ..checks.glossary import glossary_path, starter_glossary
from ..config import SITE_CATALOG, Config
from ..errors import L10nError
from ..locales import plural_forms_problem, validate_language
from .extract import gettext, read_template
from .files import write_text_atomic
from .io import new_catalog, read_po, standard_metadata, write_po
from .update import TemplateEntry, UpdateReport, merge

SOURCE_REVISION_HEADER = "X-Source-Revision"


@dataclass(frozen=True)
class TemplateDiff:
    """How a catalog differs from the current template: what `make update` would change."""

    missing: tuple[str, ...]  # template msgids the catalog has no active entry for
    extra: tuple[str, ...]  # active catalog msgids the template no longer has
    synced_revision: str  # the catalog's X-Source-Revision ("" when it has none)
    source_revision: str  # the master's revision (`Upstream.label`)

    @property
    def changed(self) -> int:
        """English entries changed since the catalog was last synced (added, edited or removed)."""
        return len(self.missing) + len(self.extra)

    @property
    def revision_differs(self) -> bool:
        """The catalog records another revision than the master's (no record: it cannot tell)."""
        return bool(self.synced_revision) and self.synced_revision != self.source_revision

    @property
    def out_of_date(self) -> bool:
        return bool(self.changed) or self.revision_differs


def template_diff(template: list[TemplateEntry], catalog: polib.POFile, source_revision: str) -> TemplateDiff:
    """The catalog against the template (both already read), in the template's and the
    catalog's order; `source_revision` is the revision the master is."""
    wanted = list(dict.fromkeys(item.msgid for item in template if item.msgid))
    active = list(dict.fromkeys(entry.msgid for entry in catalog if entry.msgid and not entry.obsolete))
    have, keep = set(active), set(wanted)
    return TemplateDiff(tuple(m for m in wanted if m not in have), tuple(m for m in active if m not in keep),
                        catalog.metadata.get(SOURCE_REVISION_HEADER, ""), source_revision)


def ensure_header(po: polib.POFile, config: Config, language: str) -> None:
    """Fill the standard header fields a catalog lacks, fix the ones that must be exact. A valid
    Plural-Forms with one of the language's usual counts (msginit's, Poedit's, CLDR's) is kept."""
    defaults = standard_metadata(language, config.project_name)
    for key, value in defaults.items():
        po.metadata.setdefault(key, value)
    po.metadata["Language"] = language
    if plural_forms_problem(po.metadata["Plural-Forms"], language) is not None:
        po.metadata["Plural-Forms"] = defaults["Plural-Forms"]
    po.metadata["Content-Type"] = defaults["Content-Type"]
    po.metadata["Content-Transfer-Encoding"] = defaults["Content-Transfer-Encoding"]
    po.metadata["Project-Id-Version"] = config.project_name
    po.metadata.pop("POT-Creation-Date", None)
    po.metadata[SOURCE_REVISION_HEADER] = config.upstream.label


def update_language(config: Config, language: str, template: list[TemplateEntry],
                    document: str = "README", write: bool = True) -> tuple[polib.POFile, UpdateReport]:
    validate_language(language, where=str(config.relative(config.locale_dir / language)))
    path = config.po_path(language, document)
    old = read_po(path, config.max_po_bytes) if path.is_file() else new_catalog(language, config.project_name)
    new, report = merge(old, template, language)
    ensure_header(new, config, language)
    report.path = str(config.relative(path))
    if write:
        report.written = write_po(path, new)
    return new, report


def update(config: Config, languages: list[str] | None = None,
           catalogs: tuple[str, ...] | None = None) -> list[UpdateReport]:
    """Merge the current POT into every language's catalog (or the ones named) of each document,
    or of the `catalogs` named (`make update`: `Config.catalogs`, site.po too, created if missing)."""
    langs = languages if languages is not None else config.languages()
    reports = []
    for document in catalogs if catalogs is not None else config.documents:
        template = read_template(config, document)
        for language in langs:
            reports.append(update_language(config, language, template, document)[1])
    return reports


@dataclass(frozen=True)
class InitResult:
    report: UpdateReport  # the new catalog: its path and how many entries it has to translate
    glossary: Path | None  # the starter glossary written, None when the language had one
    site: UpdateReport | None = None  # its site.po (None: no build/gettext/site.pot, --no-gettext)


def init_language(config: Config, language: str, extract_first: bool = True) -> InitResult:
    """Add a language: its catalog from the current template (extracted first, unless told not
    to), with the standard header, and a starter glossary if it has none."""
    language = validate_language(language, where="language")
    path = config.po_path(language)
    if path.exists():
        raise L10nError(config.relative(path), "catalog exists already", f"run `make update LANGUAGE={language}`")
    if extract_first:
        gettext(config)
    _, report = update_language(config, language, read_template(config))
    site = None
    if config.pot_path(SITE_CATALOG).is_file():
        site = update_language(config, language, read_template(config, SITE_CATALOG), SITE_CATALOG)[1]
    glossary = glossary_path(config.locale_dir, language)
    if glossary.exists():
        return InitResult(report, None, site)
    write_text_atomic(glossary, starter_glossary(config.locale_dir, language))
    return InitResult(report, glossary, site)
