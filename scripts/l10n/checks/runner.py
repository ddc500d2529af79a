"""Run every registered catalog check over the catalogs of the chosen languages."""

from __future__ import annotations

from ..catalog.io import read_po
from ..config import Config
from ..errors import L10nError
from .findings import ERROR, Finding
from .registry import CatalogContext, load_checks


def check_catalogs(config: Config, languages: list[str] | None = None,
                   only: list[str] | None = None) -> list[Finding]:
    """Findings for every catalog (sorted by file and line). A catalog that cannot be read at
    all is one error finding, so one bad file does not hide the others."""
    checks = load_checks()
    findings: list[Finding] = []
    for language in languages if languages is not None else config.languages():
        for document in config.documents:
            path = config.po_path(language, document)
            display = str(config.relative(path))
            try:
                catalog = read_po(path, config.max_po_bytes)
            except L10nError as exc:
                code = getattr(exc, "code", "unreadable-catalog")  # CatalogReadError names the problem
                findings.append(Finding(display, exc.line or 0, ERROR, code, exc.message, exc.fix))
                continue
            context = CatalogContext(config, language, path, display, catalog)
            for name, check in checks.items():
                if only is None or name in only:
                    findings.extend(check(context))
    return sorted(findings, key=lambda f: (f.path, f.line, f.code, f.message))
