"""`l10n reviewed` on disk: clear the fuzzy flag and previous msgid of the entries a translator
names, in every catalog of the chosen languages, and write the catalogs that changed. Which
entries a selector names, and what clearing means, is `reports/review.py` (pure); this module
reads and writes the files and returns what it did; nothing prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..errors import L10nError
from ..reports.review import ReviewResult, mark_reviewed
from .io import parse_po_text, read_po_text, write_po


@dataclass
class ReviewRun:
    results: list[ReviewResult] = field(default_factory=list)  # one per catalog, in the order read
    unmatched: list[str] = field(default_factory=list)  # selectors that named no entry of any catalog

    @property
    def problems(self) -> int:
        """Selectors that cleared nothing for a reason to fix: ambiguous, or matching no entry."""
        return sum(len(r.ambiguous) for r in self.results) + len(self.unmatched)


def _names_one_catalog(selector: str) -> bool:
    """FILE:LINE names one catalog only when FILE has a folder (README.po:12 is in every language)."""
    return ".po:" in selector and "/" in selector.split(".po:")[0]


def review(config: Config, languages: list[str], selectors: list[str]) -> ReviewRun:
    """Clear the named entries of each language's catalogs; write each catalog that changed."""
    if len(languages) > 1 and not all(_names_one_catalog(s) for s in selectors):
        raise L10nError("--language",
                        "an entry named by line or msgid text is ambiguous with several languages",
                        "add `--language xx` (or `LANGUAGE=xx` with make), or name it as FILE:LINE")
    run = ReviewRun()
    matched: set[str] = set()
    for language in languages:
        for document in config.catalogs_of(language):
            path = config.po_path(language, document)
            text = read_po_text(path, config.max_po_bytes)  # read once: the entries and their lines
            catalog = parse_po_text(text, path)
            result = mark_reviewed(catalog, text, str(config.relative(path)), selectors)
            matched.update(s for s in selectors if s not in result.unmatched)
            if result.cleared:
                write_po(path, catalog)
            run.results.append(result)
    run.unmatched = [s for s in selectors if s not in matched]
    return run
