"""`make todo`: what is left to translate, per language and document, next pick first."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.io import read_po
from ..catalog.stats import CatalogStats, catalog_stats
from ..config import Config


@dataclass(frozen=True)
class TodoItem:
    language: str
    document: str
    path: str  # relative to the project root
    stats: CatalogStats

    @property
    def done(self) -> bool:
        return self.stats.translated == self.stats.total

    @property
    def next_command(self) -> str:
        """The command that shows the next work on this catalog."""
        if self.stats.fuzzy:
            return f"make fuzzy LANGUAGE={self.language}"
        if self.stats.untranslated:
            return f"translate the empty msgstr entries of {self.path} (Poedit: Untranslated entries first)"
        return ""


def todo_sort_key(item: TodoItem) -> tuple[bool, float, int, str, str]:
    """Unfinished before finished; then the closest to done (by words), so the next pick is a
    catalog a translator can finish; then the fewest words left."""
    return (item.done, -item.stats.percent_words, item.stats.words_left, item.language, item.document)


def todo(config: Config, languages: list[str] | None = None) -> list[TodoItem]:
    items = []
    for language in languages if languages is not None else config.languages():
        for document in config.catalogs_of(language):
            path = config.po_path(language, document)
            stats = catalog_stats(read_po(path, config.max_po_bytes))
            items.append(TodoItem(language, document, str(config.relative(path)), stats))
    return sorted(items, key=todo_sort_key)
