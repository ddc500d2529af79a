"""Sync: merge the current template into each language's catalog on disk (the pure merge is
`catalog/update.py`), with the project's standard header. Returns reports; nothing prints."""

from __future__ import annotations

import polib

from ..config import Config
from ..locales import validate_language
from .extract import read_template
from .io import new_catalog, read_po, standard_metadata, write_po
from .update import TemplateEntry, UpdateReport, merge

SOURCE_REVISION_HEADER = "X-Source-Revision"


def ensure_header(po: polib.POFile, config: Config, language: str) -> None:
    """Fill the standard header fields a catalog lacks, fix the ones that must be exact."""
    defaults = standard_metadata(language, config.project_name)
    for key, value in defaults.items():
        po.metadata.setdefault(key, value)
    po.metadata["Language"] = language
    po.metadata["Plural-Forms"] = defaults["Plural-Forms"]
    po.metadata["Content-Type"] = defaults["Content-Type"]
    po.metadata["Content-Transfer-Encoding"] = defaults["Content-Transfer-Encoding"]
    po.metadata["Project-Id-Version"] = config.project_name
    po.metadata.pop("POT-Creation-Date", None)
    po.metadata[SOURCE_REVISION_HEADER] = f"{config.upstream.revision} {config.upstream.commit[:7]}"


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


def update(config: Config, languages: list[str] | None = None) -> list[UpdateReport]:
    """Merge the current POT into every language's catalog (or the ones named)."""
    langs = languages if languages is not None else config.languages()
    reports = []
    for document in config.documents:
        template = read_template(config, document)
        for language in langs:
            reports.append(update_language(config, language, template, document)[1])
    return reports
